/**
 * The hostile corpus for output tests: plan text that tries to break or abuse every medium
 * Keyplan writes to (HTML, Markdown, workflow commands, XML, JSON, terminals), workspaces that
 * carry it in every place plan text is shown, and checkers for each medium. Also the canaries
 * planted in sensitive personal fields, which must never appear in shared output.
 */
import assert from 'node:assert/strict';

/** Hostile plan text. Each must reach every output intact as text and inert as markup. */
export const HOSTILE: Record<string, string> = {
  htmlImg: '<img src=x onerror=alert(1)>',
  htmlScript: '<script>alert(document.cookie)</script>',
  commandLink: '[x](command:workbench.action.terminal.new)',
  webLink: '[click me](https://evil.example/login) ![t](https://evil.example/t.png)',
  autolink: 'see https://evil.example and www.evil.example or <https://evil.example>',
  table: '| a | b |',
  backticks: '`code` ``double`` ```fence',
  details: '<details><summary>open</summary>',
  closeTags: '</details></summary></td></table></sub>',
  mention: '@someone and @org/team please look',
  issue: '#123 and GH-45',
  workflow: '::error::pwned ::add-mask::secret ::stop-commands::x',
  newlines: 'line one\nline two\r\nthree\rfour\u2028five',
  percent: '%0A%25%0D 100%',
  cdata: ']]><!-- --> <![CDATA[x]]>',
  entities: '&amp; &lt;b&gt; &#x3c;script&#x3e;',
  quotes: '"double" \'single\' `back`',
  controls: 'ctl \u0000\u0001\u0007\u0008\u001b[31mred\u001b[0m\u001b]0;title\u0007\u001b[2J\u009b1A end',
  surrogates: 'lone \ud800 and \udfff here',
  rtl: 'RTL \u202Eevil\u202C and \u2066isolate\u2069',
  long: 'L'.repeat(5000),
  templates: '{{constructor}} ${process.exit()} $(zap) $(loading~spin) %s %d',
  markdown: '*bold* _em_ ~~strike~~ # heading > quote - item 1. item',
  math: '$\\color{red}{x}$ and $$y$$',
  backslash: '\\ back \\[x\\](command:y) \\',
  cjk: '名字：张伟 — 全角｜符号「」',
};

/** One line of hostile text (for places that are one line by construction, e.g. log summaries). */
export const oneLine = (s: string) => s.replace(/[\r\n\u2028\u2029]+/g, ' ');

/** Canaries in sensitive personal fields: must never appear in shared output. */
export const CANARY = {
  needs: 'CANARY-NEEDS-7f3a',
  needsItem: 'CANARY-NEEDS-ITEM-19bd',
  career: 'CANARY-CAREER-55e1',
  preferences: 'CANARY-PREFERENCES-a0c2',
  style: 'CANARY-STYLE-d4e8',
  badType: 'CANARY-BADTYPE-0b9c',
};
export const CANARIES = Object.values(CANARY);

const q = (s: string) => JSON.stringify(s);

/**
 * A workspace where `h` stands in every piece of plan text: the account's name and industry, an
 * objective's title, a person's name and title, a relationship-plan contact's content, log
 * summaries, an invalid stance value (which findings quote) and a file name. `variant` changes
 * stances and adds entries, for diffs; sensitive fields hold the canaries.
 */
export function hostileWorkspace(h: string, variant: 'before' | 'after' = 'after', n = 0): Record<string, string> {
  const after = variant === 'after';
  const line = oneLine(h);
  const id = (base: string) => (n ? `${base}-${n}` : base);
  const files: Record<string, string> = {
    [`accounts/${id('evil')}/account.md`]: [
      '---', 'kind: account', `id: ${id('evil')}`, `name: ${q(`${h} Co`)}`, 'tier: A', 'owner: li-na', `industry: ${q(h)}`,
      'review:', '  status: draft', '  next: 2026-10-01',
      'objectives:', '  - id: obj-1', `    title: ${q(h)}`, '    due: 2026-10-01', `    status: ${after ? 'at-risk' : 'on-track'}`, `    target: ${q(h)}`,
      '---', '', line, '',
    ].join('\n'),
    [`accounts/${id('evil')}/people/${id('eve')}.md`]: [
      '---', 'kind: person', `id: ${id('eve')}`, `account: ${id('evil')}`, `name: ${q(h)}`, `title: ${q(`${h} title`)}`, 'roles: [EB]',
      `stance: ${after ? 'neutral' : 'supporter'}`, 'influence: 5', 'coverage: brief',
      `needs: [${q(CANARY.needsItem)}, ${q(h)}]`, `career: ${q(CANARY.career)}`, `preferences: ${q(CANARY.preferences + (after ? ' v2' : ''))}`,
      `communication_style: ${q(CANARY.style + (after ? ' v2' : ''))}`,
      '---', '', `Free notes: ${line}`, '',
    ].join('\n'),
    [`accounts/${id('evil')}/people/${id('mallory')}.md`]: [
      '---', 'kind: person', `id: ${id('mallory')}`, `account: ${id('evil')}`, `name: ${q(`M ${h}`)}`, `title: ${q(h)}`, 'roles: [Coach]',
      // An invalid stance quoting the hostile text (findings repeat the value), and a sensitive
      // field of the wrong type holding a canary (its finding must not repeat it).
      `stance: ${q(after ? h : 'neutral')}`, 'influence: 2', `needs: { detail: ${q(CANARY.badType)} }`,
      `career: ${q(CANARY.needs)}`,
      '---', '',
    ].join('\n'),
    [`accounts/${id('evil')}/relationship-plan-2026.md`]: [
      '---', 'kind: relationship-plan', `account: ${id('evil')}`, 'period:', '  start: 2026-01-01', '  end: 2026-12-31', 'contacts:',
      `  - person: ${id('eve')}`, `    content: ${q(h)}`, '    stage: awareness', `    next: ${after ? '2026-11-01' : '2026-12-01'}`, '    cadence: { ideal: 10, max: 20 }',
      `  - person: ${id('mallory')}`, `    content: ${q(`${h} 2`)}`,
      '---', '',
    ].join('\n'),
    [`accounts/${id('evil')}/interactions-2026.md`]: [
      '---', 'kind: interaction-log', `account: ${id('evil')}`, 'year: 2026', '---', '', '# 2026', '',
      `- 2026-09-01 meeting @${id('eve')}: ${line}`,
      ...(after ? [`- 2026-11-02 visit @${id('eve')} @${id('mallory')}: ${line} again`, `- 2026-11-03 call @${id('eve')}: ${line} (2)`] : []),
      '',
    ].join('\n'),
  };
  return files;
}

/** A file name made of characters that are special in the output formats. */
export const HOSTILE_PATH = 'accounts/evil/people/odd name ,::%0A|`x`<y>&#1.md';
export const hostilePathDocument = (h: string) => ['---', 'kind: person', 'id: odd', 'account: evil', `name: ${q(h)}`, 'stance: suportive', '---', ''].join('\n');

// --- medium checkers ------------------------------------------------------------------------------

/** Characters that must never reach a document, a terminal or a log as themselves. */
const RAW_CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
const BIDI = /[\u202a-\u202e\u2066-\u2069]/;

/** Positions of `ch` not escaped by a backslash (an escaped backslash does not escape). */
function unescaped(text: string, ch: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\\') {
      i++;
      continue;
    }
    if (text[i] === ch) out.push(i);
  }
  return out;
}

/**
 * Markdown that Keyplan produced around escaped plan text is safe: no raw HTML except Keyplan's own
 * tags, no link or image syntax, no autolink, no math, no control or bidi characters, balanced
 * code spans, and every table row has as many cells as its header. Markdown a platform acts on (a
 * pull-request comment) has no live mention or issue link either; Markdown for people keeps ids
 * and mentions exactly as written (no zero-width character inside them).
 */
export function assertSafeMarkdown(md: string, label: string, ownTags: string[] = ['details', 'summary', 'sub'], audience: 'platform' | 'people' = 'platform'): void {
  assert.ok(!RAW_CONTROLS.test(md), `${label}: a raw control character`);
  assert.ok(!BIDI.test(md), `${label}: a bidi override`);
  const withoutComments = md.replace(/^<!-- Generated by keyplan [^\n]*-->$/m, '');
  for (const i of unescaped(withoutComments, '<')) {
    const tag = /^<\/?([a-z]+)>/.exec(withoutComments.slice(i))?.[1];
    assert.ok(tag && ownTags.includes(tag), `${label}: raw HTML ${JSON.stringify(withoutComments.slice(i, i + 30))}`);
  }
  assert.equal(unescaped(md, '[').length, 0, `${label}: an unescaped [ (a link) in ${JSON.stringify(md.slice(0, 200))}`);
  assert.ok(!/\]\(command:/.test(md.replace(/\\\]\\\(/g, '')), `${label}: a command link`);
  assert.ok(!/(^|[^\\])\$/.test(md.replace(/\\\\/g, '')), `${label}: unescaped $ (math)`);
  if (audience === 'platform') {
    assert.ok(!/@[A-Za-z0-9]/.test(md), `${label}: a live @mention`);
    assert.ok(!/#\d/.test(md), `${label}: a live issue link`);
  } else {
    assert.ok(!/[@#]\u200b/.test(md), `${label}: a zero-width character inside a mention or an id`);
  }
  assert.ok(!/https?:\/\/[a-z]/i.test(md) && !/\bwww\.[a-z]/i.test(md), `${label}: an autolink`);
  // Tables: every row has the header's number of cells; code spans balanced on every line.
  const lines = md.split('\n');
  let cells: number | undefined;
  for (const l of lines) {
    const ticks = l.replace(/\\`/g, '').match(/`+/g) ?? [];
    const runs = new Map<number, number>();
    for (const t of ticks) runs.set(t.length, (runs.get(t.length) ?? 0) + 1);
    if (l.startsWith('|')) {
      const n = unescaped(l, '|').length;
      if (cells === undefined) cells = n;
      else assert.equal(n, cells, `${label}: a table row with ${n - 1} cells instead of ${cells - 1}: ${l.slice(0, 200)}`);
    } else cells = undefined;
  }
}

/** HTML or SVG that Keyplan produced: no element or attribute came from plan text. */
export function assertInertMarkup(root: { name: string; attributes: Record<string, string>; children: any[] }, label: string, allowedElements: string[]): void {
  const visit = (e: { name: string; attributes: Record<string, string>; children: any[] }) => {
    assert.ok(allowedElements.includes(e.name), `${label}: element <${e.name}>`);
    for (const a of Object.keys(e.attributes)) {
      assert.ok(!/^on/i.test(a), `${label}: event handler attribute ${a}`);
      assert.ok(!/^\s*(javascript|data|vbscript):/i.test(e.attributes[a]), `${label}: script URL in ${a}`);
    }
    for (const c of e.children) visit(c);
  };
  visit(root);
}

export function assertNoControls(text: string, label: string): void {
  assert.ok(!RAW_CONTROLS.test(text), `${label}: a raw control character ${JSON.stringify(RAW_CONTROLS.exec(text)?.[0])}`);
  assert.ok(!BIDI.test(text), `${label}: a bidi override`);
}

export function assertNoCanary(text: string, label: string): void {
  for (const c of CANARIES) assert.ok(!text.includes(c), `${label} leaks a sensitive value (${c})`);
}
