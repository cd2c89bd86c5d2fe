import assert from 'node:assert/strict';
import { hoverAt, type Hover } from '../../src/core/language/hover.js';
import type { LanguageModel } from '../../src/core/language/model.js';
import { cursor, doc, modelOf, offsetOf, sampleTexts, type Files } from './helpers/language.js';

function hover(marked: string, model: LanguageModel): (Hover & { covered: string }) | undefined {
  const { text, offset } = cursor(marked);
  const h = hoverAt(text, offset, model);
  return h && { ...h, covered: text.slice(h.start, h.end) };
}

/** Occurrences of `ch` not escaped with a backslash. */
function unescaped(markdown: string, ch: string): number {
  let n = 0;
  for (let i = 0; i < markdown.length; i++) {
    if (markdown[i] === '\\') i++;
    else if (markdown[i] === ch) n++;
  }
  return n;
}

describe('language: hover', () => {
  describe('fields and values', () => {
    const model = modelOf({});

    it('a key shows its title, description and the allowed values', () => {
      const h = hover(doc(['kind: person', 'id: x', 'sta|nce: champion']), model)!;
      assert.ok(h);
      assert.equal(h.covered, 'stance');
      assert.match(h.markdown, /^\*\*Stance\*\* `stance`/);
      assert.match(h.markdown, /Stance toward us/);
      assert.match(h.markdown, /Allowed: `champion`, `supporter`, `neutral`, `skeptic`, `opponent`, `unknown`/);
      assert.doesNotMatch(h.markdown, /Sensitive/);
    });

    it('a list-of-enum key lists the item values', () => {
      const h = hover(doc(['kind: person', 'ro|les: [EB]']), model)!;
      assert.match(h.markdown, /^\*\*Buying roles\*\* `roles`/);
      assert.match(h.markdown, /Allowed: `EB`, `TB`, `UB`, `Coach`/);
    });

    it('a nested key and a key of a list item', () => {
      assert.match(hover(doc(['kind: account', 'period:', '  st|art: 2026-01-01']), model)!.markdown, /`start`/);
      const stage = hover(doc(['kind: relationship-plan', 'contacts:', '  - person: x', '    sta|ge: awareness']), model)!;
      assert.match(stage.markdown, /`stage`/);
      assert.match(stage.markdown, /Allowed: `awareness`, `recognition`, `purchase`, `advocacy`/);
      const first = hover(doc(['kind: relationship-plan', 'contacts:', '  - pers|on: x']), model)!;
      assert.match(first.markdown, /`person`/);
    });

    it('a reference field shows its own title and description, not the generic reference text', () => {
      const h = hover(doc(['kind: person', 'id: x', 'report|s_to: y']), model)!;
      assert.match(h.markdown, /^\*\*Reports to\*\* `reports_to`/);
      assert.match(h.markdown, /line manager/);
    });

    it('a sensitive field says so', () => {
      for (const key of ['needs', 'career', 'preferences', 'communication_style']) {
        const h = hover(doc(['kind: person', `${key.slice(0, 2)}|${key.slice(2)}: x`]), model)!;
        assert.ok(h, key);
        assert.match(h.markdown, /Sensitive personal data: left out of shared outputs/, key);
      }
    });

    it('an enum value shows its description', () => {
      const h = hover(doc(['kind: person', 'stance: champ|ion']), model)!;
      assert.equal(h.covered, 'champion');
      assert.match(h.markdown, /^\*\*champion\*\*\n\nChampion \\\(坚定支持者\\\): actively sells for us/);
    });

    it('an enum value in a flow list and in a block list', () => {
      const flow = hover(doc(['kind: person', 'roles: [EB, T|B]']), model)!;
      assert.equal(flow.covered, 'TB');
      assert.match(flow.markdown, /Technical buyer/);
      const block = hover(doc(['kind: person', 'channels:', '  - we|chat']), model);
      assert.ok(block, 'a value in a block list is described like one in a flow list');
      assert.equal(block.covered, 'wechat');
      assert.match(block.markdown, /WeChat/);
    });

    it('a tier value in Chinese', () => {
      const zh = modelOf({}, { locale: 'zh-cn' });
      const h = hover(doc(['kind: account', 'tier: |A']), zh)!;
      assert.match(h.markdown, /战略客户/);
      const key = hover(doc(['kind: person', 'pre|ferences: x']), zh)!;
      assert.match(key.markdown, /^\*\*个人偏好\*\*/);
      assert.match(key.markdown, /敏感个人信息/);
    });

    it('nothing in prose, on the fences or on a comment', () => {
      assert.equal(hover(doc(['kind: person'], 'Some pro|se\n'), model), undefined);
      assert.equal(hover('--|-\nkind: person\n---\n', model), undefined);
      assert.equal(hover(doc(['kind: person', '# a comm|ent']), model), undefined);
      assert.equal(hover(doc(['kind: xyz', 'sta|nce: x']), model), undefined, 'unknown kind');
    });
  });

  describe('person and account cards', () => {
    let model: LanguageModel;
    let texts: Files;
    before(async () => {
      texts = await sampleTexts();
      model = modelOf(texts);
    });

    it('a reports_to value shows a card: name, title, roles, stance, last interaction and cadence state', () => {
      const text = texts['accounts/east-china-telecom/people/zhang-wei.md'];
      const h = hoverAt(text, offsetOf(text, 'reports_to: sun-jianguo', 'reports_to: su'.length), model)!;
      assert.ok(h);
      assert.equal(text.slice(h.start, h.end), 'sun-jianguo');
      assert.match(h.markdown, /^\*\*孙建国\*\* `sun-jianguo`/);
      assert.match(h.markdown, /副总经理/);
      assert.match(h.markdown, /roles EB/);
      assert.match(h.markdown, /stance supporter/);
      assert.match(h.markdown, /influence 5/);
      assert.match(h.markdown, /Last interaction: 2026-11-05 \(executive-exchange\), 15 days ago/);
      assert.match(h.markdown, /Cadence: \*\*ok\*\*/);
    });

    it('an @mention in a log shows the card of the person (overdue), covering the id without the `@`', () => {
      const text = texts['accounts/east-china-telecom/interactions-2026.md'];
      const at = offsetOf(text, '@zhang-wei');
      const h = hoverAt(text, at + 4, model)!;
      assert.ok(h);
      assert.deepEqual([h.start, h.end], [at + 1, at + 1 + 'zhang-wei'.length]);
      assert.match(h.markdown, /^\*\*张伟\*\* `zhang-wei`/);
      assert.match(h.markdown, /roles TB · stance champion/);
      assert.match(h.markdown, /Last interaction: 2026-09-24 \(meeting\), 57 days ago/);
      assert.match(h.markdown, /Cadence: \*\*overdue\*\*/);
    });

    it('an influences item in a flow list, a contact and an approver show cards', () => {
      const zhang = texts['accounts/east-china-telecom/people/zhang-wei.md'];
      assert.match(hoverAt(zhang, offsetOf(zhang, 'wang-fang]', 2), model)!.markdown, /^\*\*王芳\*\*/);
      const plan = texts['accounts/east-china-telecom/relationship-plan-2026.md'];
      assert.match(hoverAt(plan, offsetOf(plan, 'person: li-ming', 9), model)!.markdown, /^\*\*李明\*\*[^]*Cadence: \*\*due soon\*\*/);
      const portrait = texts['accounts/east-china-telecom/org-portrait.md'];
      assert.match(hoverAt(portrait, offsetOf(portrait, 'approver: sun', 11), model)!.markdown, /^\*\*孙建国\*\*/);
    });

    it('an item of a block list of person ids shows the card', () => {
      const files: Files = {
        'accounts/acme/account.md': doc(['kind: account', 'id: acme', 'name: Acme', 'tier: B', 'owner: li-na']),
        'accounts/acme/people/a.md': doc(['kind: person', 'id: a', 'account: acme', 'name: 甲', 'influences:', '  - b']),
        'accounts/acme/people/b.md': doc(['kind: person', 'id: b', 'account: acme', 'name: 乙', 'title: CFO']),
      };
      const text = files['accounts/acme/people/a.md'];
      const h = hoverAt(text, offsetOf(text, '  - b', 4), modelOf(files))!;
      assert.ok(h);
      assert.equal(text.slice(h.start, h.end), 'b');
      assert.match(h.markdown, /^\*\*乙\*\* `b`\n\nCFO/);
    });

    it('the card of a new account shows its onboarding checklist', () => {
      const files: Files = {
        'accounts/acme/account.md': doc(['kind: account', 'id: acme', 'name: Acme', 'tier: A', 'owner: li-na', 'lifecycle: exploration']),
        'accounts/acme/org-portrait.md': doc(['kind: org-portrait', 'account: acme']),
      };
      const text = files['accounts/acme/org-portrait.md'];
      const md = hoverAt(text, offsetOf(text, 'account: acme', 10), modelOf(files, { asOf: '2026-11-20' }))!.markdown;
      assert.match(md, /^\*\*Acme\*\* `acme`/);
      assert.match(md, /Next: add people; mark the Economic Buyer \\\(EB\\\); find a Coach; log a first interaction/, 'escaped Markdown');
    });

    it('a person who left says so', () => {
      const text = texts['accounts/yuanhang-auto/relationship-plan-2026.md'];
      assert.match(hoverAt(text, offsetOf(text, 'person: ma-jun', 9), model)!.markdown, /\*\*left the company\*\*/);
    });

    it('a person never met has no last interaction line, and the never state', () => {
      const text = texts['accounts/yuanhang-auto/relationship-plan-2026.md'];
      const md = hoverAt(text, offsetOf(text, 'person: gao-feng', 9), model)!.markdown;
      assert.doesNotMatch(md, /Last interaction/);
      assert.match(md, /Cadence: \*\*never met\*\*/);
    });

    it('an account id shows the account card', () => {
      const text = texts['accounts/east-china-telecom/org-portrait.md'];
      const h = hoverAt(text, offsetOf(text, 'account: east', 12), model)!;
      assert.equal(text.slice(h.start, h.end), 'east-china-telecom');
      assert.match(h.markdown, /^\*\*华东电信\*\* `east-china-telecom`/);
      assert.match(h.markdown, /tier A · owner li-na/);
      assert.match(h.markdown, /7 active contacts · 1 overdue/);
    });

    it('an unknown id shows nothing', () => {
      const text = texts['accounts/yuanhang-auto/people/he-ping.md'];
      assert.equal(hoverAt(text, offsetOf(text, 'liu-qiang', 2), model), undefined);
    });

    it('in Chinese', () => {
      const zh = modelOf(texts, { locale: 'zh-cn' });
      const text = texts['accounts/east-china-telecom/interactions-2026.md'];
      const md = hoverAt(text, offsetOf(text, '@zhang-wei', 3), zh)!.markdown;
      assert.match(md, /角色 TB/);
      assert.match(md, /最近互动：2026-09-24（会议），57 天前/);
      assert.match(md, /互动节奏：\*\*逾期\*\*/);
      // No raw values in Chinese: stance, coverage, channel and cadence state are the vocabulary's words.
      assert.match(md, /立场 坚定支持者 · 影响力 4 · 覆盖度 深度接触/);
      for (const raw of ['champion', 'supporter', 'in-depth', 'overdue', 'visit', 'call', 'ok']) assert.doesNotMatch(md.replace(/`[^`]*`/g, ''), new RegExp(`\\b${raw}\\b`), raw);
    });
  });

  describe('plan text is escaped in cards', () => {
    const files: Files = {
      'accounts/acme/account.md': doc(['kind: account', 'id: acme', 'name: "[Acme](command:workbench.action.terminal.new)"', 'tier: A', 'owner: li-na', 'industry: "<script>alert(1)</script>"']),
      'accounts/acme/people/evil.md': doc(['kind: person', 'id: evil', 'account: acme', 'name: "[x](command:foo)"', 'title: "<img src=x onerror=alert(1)>"', 'roles: [EB]']),
      'accounts/acme/people/bold.md': doc(['kind: person', 'id: bold', 'account: acme', 'name: "**bold** _it_ `code` ![i](http://x/y.png)"', 'reports_to: evil']),
      'accounts/acme/log.md': doc(['kind: interaction-log', 'account: acme'], '\n- 2026-11-01 visit @evil @bold: met\n'),
    };
    let model: LanguageModel;
    before(() => {
      model = modelOf(files);
    });

    const cardOf = (file: string, needle: string, delta: number) => {
      const text = files[file];
      const h = hoverAt(text, offsetOf(text, needle, delta), model);
      assert.ok(h, needle);
      return h.markdown;
    };

    it('a link in a name cannot become a link, HTML cannot become HTML', () => {
      const md = cardOf('accounts/acme/log.md', '@evil', 2);
      assert.ok(md.includes('\\[x\\]\\(command:foo\\)'), md);
      assert.ok(!md.includes('[x](command:foo)'));
      assert.equal(unescaped(md, '['), 0);
      assert.equal(unescaped(md, '<'), 0);
      assert.equal(unescaped(md, '>'), 0);
      assert.ok(!/(^|[^\\])<img/.test(md));
    });

    it('emphasis, code and images in a name stay literal', () => {
      const md = cardOf('accounts/acme/people/bold.md', 'id: bold', 5);
      // The URL is not linked either: a zero-width space breaks `://`.
      assert.ok(md.startsWith('**\\*\\*bold\\*\\* \\_it\\_ \\`code\\` \\!\\[i\\]\\(http:/\u200b/x/y.png\\)** `bold`'), md);
      assert.equal(unescaped(md, '['), 0);
      assert.equal(unescaped(md, '`'), 2, 'only the id is code');
    });

    it('the reports_to card of a person with such a name is escaped too (including the cadence explanation)', () => {
      const md = cardOf('accounts/acme/people/bold.md', 'reports_to: evil', 13);
      assert.match(md, /Cadence: \*\*/);
      assert.equal(unescaped(md, '['), 0);
      assert.equal(unescaped(md, '<'), 0);
    });

    it('the account card escapes its name and industry', () => {
      const md = cardOf('accounts/acme/people/evil.md', 'account: acme', 10);
      assert.ok(!md.includes('](command:'));
      assert.equal(unescaped(md, '['), 0);
      assert.equal(unescaped(md, '<'), 0);
    });
  });
});
