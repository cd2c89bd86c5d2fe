import assert from 'node:assert/strict';
import { escapeMarkdownLinkFree } from '../../src/core/render/markdown.js';
import { formatDiffMarkdown } from '../../src/cli/formatters/diff/markdown.js';
import { formatDiffText } from '../../src/cli/formatters/diff/text.js';
import { styleFor } from '../../src/cli/output/style.js';
import { accountDoc, baseWorkspace, changed, diffOf, edit, logDoc, personDoc, planDoc } from './helpers/diff-fixtures.js';

const HEADER = { base: 'main (1a2b3c4)', head: 'working tree' };
const plain = styleFor({ isTTY: false }, {});

/** Plan text written to break a pull-request comment in every way Markdown allows. */
const EVIL = 'Evil | `tick` <details><summary>x</summary> @octocat #123 https://evil.example www.evil.example a@b.example **bold** [link](x)';
const yamlString = (s: string) => JSON.stringify(s);

const SECRETS = ['想当集团副总', '喜欢高尔夫', '只看数据', '要求先免费试用', '周末不谈工作'];

function hostileWorkspaces(): { before: Record<string, string>; after: Record<string, string> } {
  const before = changed(baseWorkspace(), {
    'accounts/acme/people/zhang-wei.md': personDoc({
      id: 'zhang-wei', name: '张伟', title: 'CTO', roles: ['TB'], influence: 4, stance: 'neutral', coverage: 'multiple',
      extra: ['needs: 要求先免费试用', 'career: 想当集团副总', 'preferences: [喜欢高尔夫]', 'communication_style: 只看数据'],
    }),
  });
  const after = changed(before, {
    'accounts/acme/account.md': accountDoc('acme', { name: yamlString(`ACME ${EVIL}`), review: 'approved', objectives: [`  - {id: win-core, title: ${yamlString(`赢得 ${EVIL}`)}, due: 2026-12-20, status: done}`] }),
    'accounts/acme/people/zhang-wei.md': personDoc({
      id: 'zhang-wei', name: yamlString(`张伟 ${EVIL}`), title: yamlString(EVIL), roles: ['TB'], influence: 4, stance: 'champion', coverage: 'multiple',
      extra: ['needs: 要求先免费试用三个月', 'career: 想当集团副总（明年）', 'preferences: [喜欢高尔夫, 周末不谈工作]', 'communication_style: 只看数据，先说结论'],
    }),
    'accounts/acme/people/new.md': personDoc({ id: 'new', name: yamlString(EVIL), roles: ['EB'], influence: 5, stance: 'supporter', coverage: 'brief' }),
    'accounts/acme/interactions-2026.md': logDoc('acme', [
      '2026-10-01 meeting @zhang-wei @sun-li: 技术交流',
      '2026-11-01 visit @sun-li: 商务拜访',
      '2026-11-10 call @wang-fang: 需求澄清',
      `2026-11-18 visit @zhang-wei @new: ${EVIL.replace(/@/g, 'at ')} </details> </table>`,
    ]),
    'accounts/acme/relationship-plan-2026.md': planDoc('acme', [
      `  - {person: zhang-wei, layer: key, stage: purchase, target_stage: advocacy, target_stance: champion, content: ${yamlString(EVIL)}}`,
      '  - {person: sun-li, layer: key, stage: purchase, target_stage: advocacy}',
      '  - {person: wang-fang, layer: general, stage: awareness, target_stage: recognition}',
    ]),
  });
  return { before, after };
}

/** Pipes that end a table cell (not escaped ones). */
const cellPipes = (line: string) => (line.match(/(?<!\\)\|/g) ?? []).length;

describe('keyplan diff Markdown (pull-request comment)', () => {
  const { before, after } = hostileWorkspaces();
  const diff = diffOf(before, after);
  const md = formatDiffMarkdown(diff, HEADER, 'en');

  it('escapeMarkdownLinkFree defuses tables, HTML, mentions, issue links and autolinks', () => {
    const e = escapeMarkdownLinkFree(EVIL);
    assert.equal(cellPipes(e), 0);
    assert.ok(!/<(?!\\)/.test(e.replace(/\\</g, '')), e);
    assert.ok(!/@[a-z]/.test(e), 'no mention');
    assert.ok(!/#\d/.test(e), 'no issue link');
    assert.ok(!e.includes('https://') && !/www\./.test(e), 'no autolink');
    assert.ok(e.includes('\\`tick\\`'));
  });

  it('every table row has exactly as many cells as its header', () => {
    const lines = md.split('\n');
    let columns = 0;
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i];
      if (!line.startsWith('|')) {
        columns = 0;
        continue;
      }
      if (columns === 0) columns = cellPipes(line);
      else assert.equal(cellPipes(line), columns, `row ${i + 1} breaks its table:\n${line}`);
    }
    assert.ok(md.includes('| Person | Change |'));
  });

  it('plan text opens no HTML: the only tags are the ones Keyplan writes, balanced', () => {
    const own = /<\/?(details|summary|sub)>/g;
    assert.ok(!/(?<!\\)<(?!\/?(details|summary|sub)>)/.test(md), 'an unescaped < from plan text');
    const opened = (md.match(/<details>/g) ?? []).length;
    assert.equal(opened, (md.match(/<\/details>/g) ?? []).length);
    assert.equal((md.match(/<summary>/g) ?? []).length, opened);
    assert.ok((md.replace(own, '').match(/\\<details\\>/g) ?? []).length >= 1, 'the evil <details> is shown escaped');
  });

  it('plan text mentions nobody, links no issue and makes no link', () => {
    assert.ok(!/(^|[^\w\u200b`])@[A-Za-z0-9]/m.test(md), 'a raw @mention');
    assert.ok(!/#\d/.test(md), 'a raw #123');
    assert.ok(!/https?:\/\/|www\./.test(md), 'an autolink');
    assert.ok(!/(?<!\\)\[[^\]]*\]\(/.test(md.replace(/!\[[^\]]*\]\([^)]*\)/g, '')), 'a Markdown link');
  });

  it('never shows sensitive personal fields, only that they changed', () => {
    for (const out of [md, formatDiffText(diff, HEADER, 'en', plain), JSON.stringify(diff), formatDiffMarkdown(diff, HEADER, 'zh-cn')]) {
      for (const secret of SECRETS) assert.ok(!out.includes(secret), `"${secret}" leaked`);
    }
    assert.match(md, /personal notes changed/);
    assert.match(formatDiffMarkdown(diff, HEADER, 'zh-cn'), /个人备注已修改/);
  });

  it('a short headline list first, then one section per changed account', () => {
    const firstSection = md.indexOf('\n#### ');
    const firstHeadline = md.indexOf('\n- ');
    assert.ok(firstHeadline > 0 && firstHeadline < firstSection);
    assert.match(md, /^### Keyplan review: `main \(1a2b3c4\)` → `working tree` · as of 2026-11-20$/m);
    assert.match(md, /new EB: Evil \\\| \\`tick\\`/);
    assert.match(md, /\*\*done\*\* ✔/);
    assert.match(md, /<sub>Generated by keyplan diff · /);
  });

  it('long lists are folded into <details>', () => {
    const many = changed(baseWorkspace(), Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`accounts/acme/people/p${i}.md`, personDoc({ id: `p${i}`, name: `人员${i}`, influence: 2, stance: 'neutral', coverage: 'brief' })])));
    const out = formatDiffMarkdown(diffOf(baseWorkspace(), many), HEADER, 'en');
    assert.match(out, /<details><summary>People \(12\)<\/summary>\n\n\| Person \| Change \|/);
  });

  it('nothing changed: one sentence', () => {
    const out = formatDiffMarkdown(diffOf(before, before), HEADER, 'en');
    assert.match(out, /No changes to the relationship picture\./);
    assert.match(formatDiffText(diffOf(before, before), HEADER, 'zh-cn', plain), /关系图景没有变化。/);
  });

  it('speaks Chinese when the workspace does', () => {
    const zh = formatDiffMarkdown(diffOf(before, edit(before, 'accounts/acme/people/wang-fang.md', 'stance: opponent', 'stance: supporter')), HEADER, 'zh-cn');
    assert.match(zh, /- ACME 公司：王芳 立场 反对者 → 支持者 ▲（3 级）/);
    assert.match(zh, /\*\*人员\*\*/);
  });

  it('text output: the same content, plain', () => {
    const text = formatDiffText(diff, HEADER, 'en', plain);
    assert.match(text, /^Keyplan review: main \(1a2b3c4\) → working tree, as of 2026-11-20$/m);
    assert.match(text, /^Highlights$/m);
    assert.ok(!text.includes('\u001b['), 'no colours when not asked');
    assert.ok(!text.includes('**new**') && !text.includes('**done**'), 'no Markdown emphasis in text');
  });
});
