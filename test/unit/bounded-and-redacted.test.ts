/**
 * Issue #14, parser part: bounded work for any interaction log (no stack overflow, no minutes in
 * the Markdown parser: a part over a limit is a finding and is read line by line), bounded YAML
 * nesting in frontmatter, and YAML syntax findings inside a sensitive field never quoted into a
 * shared output. Real CLI runs through bin/keyplan.cjs (the built bundle) and a real git repository.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { parseInteractionLog, MAX_NESTING, MAX_EXACT_PART, MAX_EXACT_TOTAL } from '../../src/core/parse/interaction-log.js';
import { redactSensitive } from '../../src/core/analysis/redact.js';
import { parseKeyplanDocument } from '../../src/core/parse/document.js';
import { REPO_ROOT, removeDir } from '../helpers.js';
import { buildCli, TempRepo } from './helpers/git-repo.js';

const BIN = path.join(REPO_ROOT, 'bin', 'keyplan.cjs');
const AS_OF = '2026-11-20';

function keyplan(args: string[], cwd: string): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, maxBuffer: 64 * 1024 * 1024 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const account = ['---', 'kind: account', 'id: acme', 'name: Acme', 'tier: A', 'owner: li-na', '---', ''].join('\n');
const personHead = ['---', 'kind: person', 'id: zhang-wei', 'account: acme', 'name: 张伟', 'roles: [EB]', 'stance: supporter', 'influence: 4'];
const logFile = (body: string) => ['---', 'kind: interaction-log', 'account: acme', '---', '', body].join('\n');

describe('bounded work for any interaction log', function () {
  this.timeout(120_000);
  before(() => buildCli());

  it('an entry nested 4,000 lists deep is a finding; the entries around it are read (the walk once overflowed the stack)', () => {
    const body = `- 2026-11-01 meeting @zhang-wei: before\n\n${'- '.repeat(4000)}2026-11-02 meeting @zhang-wei: deep\n\n- 2026-11-03 call @zhang-wei: after\n`;
    const log = parseInteractionLog(body);
    assert.deepEqual(log.entries.map((e) => e.summary), ['before', 'after']);
    assert.equal(log.malformed.length, 1);
    assert.equal(log.malformed[0].problem, 'too-deep');
    assert.equal(body.slice(log.malformed[0].start, log.malformed[0].start + 4), '- - ');
  });

  it('the same holds inside block quotes, ordered lists and deep indentation', () => {
    for (const prefix of ['> '.repeat(4000), '1. '.repeat(3000), ' '.repeat(MAX_NESTING + 1), '\t'.repeat(20)]) {
      const log = parseInteractionLog(`- 2026-11-01 meeting @a: before\n\n${prefix}- 2026-11-02 meeting @a: deep\n\n- 2026-11-03 call @a: after\n`);
      assert.deepEqual(log.entries.map((e) => e.summary), ['before', 'after'], JSON.stringify(prefix.slice(0, 6)));
      assert.deepEqual(log.malformed.map((m) => m.problem), ['too-deep']);
    }
  });

  it('nesting within the limit is still read exactly (a nested list item is not an entry)', () => {
    const log = parseInteractionLog('- 2026-11-01 meeting @a: top\n  - 2026-11-02 meeting @a: nested note\n\n```\n- 2026-11-04 call @a: code\n```\n');
    assert.deepEqual(log.entries.map((e) => e.summary), ['top', 'nested note']);
    assert.deepEqual(log.malformed, []);
  });

  it('a 1 MB log whose items indent one level deeper each: one finding where the limit is passed, every entry before it read', () => {
    let body = '';
    let i = 0;
    while (body.length < 1_000_000) body += `${' '.repeat(i++)}- 2026-11-02 meeting @a: item ${i}\n`;
    const log = parseInteractionLog(body);
    assert.deepEqual(log.malformed.map((m) => m.problem), ['too-deep']);
    // Lines with 0–3 spaces before the marker are entries read line by line; deeper ones are not.
    assert.deepEqual(log.entries.map((e) => e.summary), ['item 1', 'item 2', 'item 3', 'item 4']);
  });

  it(`one part over ${MAX_EXACT_PART} characters that needs the full parser is a finding and is read line by line`, () => {
    let body = '- 2026-11-01 meeting @a: first\n';
    while (body.length <= MAX_EXACT_PART) body += '  - 2026-11-02 note @a: a nested line\n      with an indented continuation\n';
    const log = parseInteractionLog(`${body}\n- 2026-11-03 call @a: last\n`);
    assert.deepEqual(log.malformed.map((m) => [m.problem, m.start]), [['too-large', 0]]);
    assert.equal(log.entries[0].summary, 'first');
    assert.equal(log.entries.at(-1)!.summary, 'last');
  });

  it(`many small parts that need the full parser: past ${MAX_EXACT_TOTAL} characters in all, one finding, and the rest is read line by line`, () => {
    // Each part is small and shallow; 1 MB of them took remark minutes before the budget.
    const part = (i: number) => `## week ${i}\n\n- 2026-11-02 visit @a: \`code\` ${i}\n    - - - - nested\n\n`;
    let body = '';
    const offsets: number[] = [];
    for (let i = 0; body.length < MAX_EXACT_TOTAL * 3; i++) {
      offsets.push(body.length);
      body += part(i);
    }
    const log = parseInteractionLog(body);
    assert.deepEqual(log.malformed.map((m) => m.problem), ['budget']);
    const at = log.malformed[0].start;
    assert.match(body.slice(at - 1, at + 30), /^\n- 2026-11-02 visit @a:/, 'the finding is on the first entry read line by line');
    // Only the parts that need the full parser count (half of each part here: the heading does not).
    assert.ok(at > MAX_EXACT_TOTAL && at < MAX_EXACT_TOTAL * 2, `after about ${MAX_EXACT_TOTAL} characters read exactly, not ${at}`);
    assert.equal(log.entries.length, offsets.length, 'every entry is still read, before and after the budget');
    assert.equal(log.entries.at(-1)!.summary, `\`code\` ${offsets.length - 1}`);
  });

  it('a log written by hand with a few code blocks and quotes stays within the budget (no finding)', () => {
    const body = Array.from({ length: 200 }, (_, i) => `- 2026-11-${String((i % 28) + 1).padStart(2, '0')} call @a: note ${i}\n${i % 20 === 0 ? '\n  ```\n  - 2026-01-01 not an entry\n  ```\n\n  > quoted\n' : ''}`).join('');
    const log = parseInteractionLog(body);
    assert.deepEqual(log.malformed, []);
    assert.equal(log.entries.length, 200);
  });

  it('keyplan check reports the limit through the CLI, in English and Chinese, and checks the rest', () => {
    const body = `- 2026-11-01 meeting @zhang-wei: before\n\n${'- '.repeat(4000)}2026-11-02 meeting @zhang-wei: deep\n\n- 2026-11-03 call @zhang-wei: after\n`;
    const repo = new TempRepo({ 'accounts/acme/account.md': account, 'accounts/acme/people/zhang-wei.md': [...personHead, '---', ''].join('\n'), 'accounts/acme/interactions-2026.md': logFile(body) });
    try {
      for (const [locale, words] of [['en', /nested more than 40 columns deep/], ['zh', /嵌套超过 40 列/]] as const) {
        const r = keyplan(['check', '.', '--format', 'json', '--as-of', AS_OF, '--locale', locale], repo.dir);
        assert.equal(r.stderr, '');
        const found = JSON.parse(r.stdout);
        const list: { rule: string; message: string; file: string; range: { start: { line: number } } }[] = found.diagnostics ?? found.findings ?? found;
        const deep = list.filter((d) => d.rule === 'log-entry-malformed');
        assert.equal(deep.length, 1, JSON.stringify(list.map((d) => d.rule)));
        assert.match(deep[0].message, words);
        assert.equal(deep[0].range.start.line, 8);
      }
    } finally {
      removeDir(repo.dir);
    }
  });
});

describe('bounded YAML nesting in frontmatter', () => {
  for (const [name, yaml] of [
    ['flow', `needs: ${'['.repeat(4000)}${']'.repeat(4000)}`],
    ['block sequences', `needs:\n${'- '.repeat(4000)}x`],
    ['block mappings', `needs:\n${Array.from({ length: 4000 }, (_, i) => `${' '.repeat(i + 1)}k${i}:`).join('\n')} x`],
  ]) {
    it(`4,000 levels of ${name} are a finding, not a crash`, () => {
      const out = parseKeyplanDocument('p.md', ['---', 'kind: person', 'id: zhang-wei', yaml, '---', ''].join('\n'), 'en');
      if (out.status === 'ignored') assert.fail('the document was ignored');
      if (out.status === 'unreadable') assert.ok(out.diagnostics.every((d) => d.rule === 'yaml-syntax'));
    });
  }
});

/** Canaries planted in every sensitive position; none may appear in a shared output. */
const CANARY = ['CANARY-KEY-a1', 'CANARY-DUP-b2', 'CANARY-NESTED-c3', 'CANARY-VALUE-d4', 'CANARY-FLOW-e5', 'CANARY-BAD-f6', 'CANARY-CAREER-g7', 'CANARY-PREF-h8', 'CANARY-STYLE-i9', 'CANARY-ALIAS-j0'];
const leaks = (text: string) => CANARY.filter((c) => text.includes(c));

/** Files that each break YAML inside one sensitive field, so that a syntax finding could quote it. */
const broken: Record<string, string[]> = {
  'duplicated-key': ['needs:', `  ${CANARY[0]}: one`, `  ${CANARY[0]}: two`],
  'duplicated-nested': ['needs:', '  - topic:', `      ${CANARY[1]}: x`, `      ${CANARY[1]}: y`],
  'duplicated-in-flow': [`preferences: { ${CANARY[4]}: 1, ${CANARY[4]}: 2 }`],
  'duplicated-value-key': ['career:', `  "${CANARY[6]} plan": a`, `  "${CANARY[6]} plan": b`],
  'malformed-value': ['communication_style: |', `  ${CANARY[8]}`, ` bad: indentation ${CANARY[8]}`],
  'colon-in-value': ['needs:', `  - ${CANARY[3]}: worry: budget`, `    ${CANARY[2]}`],
  'unresolved-alias': ['needs:', `  - *${CANARY[9]}`],
  'bad-escape': ['preferences:', `  - "\\q ${CANARY[7]}"`],
  'unclosed-quote': ['needs:', `  - "${CANARY[5]}`, 'career: x'],
  'flow-frontmatter': [],
};

function person(id: string, lines: string[]): string {
  if (id === 'flow-frontmatter') return ['---', `{kind: person, id: ${id}, account: acme, name: X, needs: {${CANARY[5]}: 1, ${CANARY[5]}: 2}}`, '---', ''].join('\n');
  return ['---', 'kind: person', `id: ${id}`, 'account: acme', 'name: X', ...lines, '---', ''].join('\n');
}

describe('YAML syntax findings inside a sensitive field stay out of shared output', function () {
  this.timeout(120_000);
  let repo: TempRepo;

  before(() => {
    buildCli();
    const files: Record<string, string> = { 'accounts/acme/account.md': account, 'accounts/acme/people/zhang-wei.md': [...personHead, '---', ''].join('\n') };
    repo = new TempRepo(files);
    repo.git('add', '-A');
    repo.git('commit', '-q', '-m', 'base');
    const changed: Record<string, string> = {};
    for (const [id, lines] of Object.entries(broken)) changed[`accounts/acme/people/${id}.md`] = person(id, lines);
    repo.write(changed);
  });
  after(() => removeDir(repo?.dir));

  it('each planted file gives a yaml-syntax finding, and the local text output does show the canaries (positive control)', () => {
    const r = keyplan(['check', '.', '--format', 'json', '--as-of', AS_OF], repo.dir);
    const found = JSON.parse(r.stdout);
    const list: { rule: string; file: string }[] = found.diagnostics ?? found.findings ?? found;
    for (const id of Object.keys(broken)) assert.ok(list.some((d) => d.file.endsWith(`/${id}.md`) && d.rule === 'yaml-syntax'), id);
    const local = keyplan(['check', '.', '--as-of', AS_OF], repo.dir);
    assert.ok(leaks(local.stdout).includes(CANARY[0]), 'the duplicate key is named locally');
  });

  for (const format of ['github', 'sarif', 'junit']) {
    it(`keyplan check --format ${format} never shows a canary`, () => {
      const r = keyplan(['check', '.', '--format', format, '--as-of', AS_OF], repo.dir);
      assert.ok(r.stdout.length > 0, r.stderr);
      assert.deepEqual(leaks(r.stdout), []);
      assert.match(r.stdout, /personal-data field `needs`/);
      const full = keyplan(['check', '.', '--format', format, '--as-of', AS_OF, '--include-sensitive'], repo.dir);
      assert.ok(leaks(full.stdout).includes(CANARY[0]), 'with --include-sensitive the finding is shown in full');
    });
  }

  it('keyplan diff --format markdown (the PR comment) never shows a canary', () => {
    const r = keyplan(['diff', 'HEAD', '--format', 'markdown', '--as-of', AS_OF], repo.dir);
    assert.equal(r.stderr, '');
    assert.match(r.stdout, /yaml-syntax|YAML/);
    assert.deepEqual(leaks(r.stdout), []);
  });

  it('a syntax finding outside the sensitive fields keeps its detail', () => {
    const out = parseKeyplanDocument('p.md', person('x', ['title: a', 'title: b', 'needs: [fine]']), 'en');
    assert.equal(out.status, 'unreadable');
    const shown = redactSensitive(out.diagnostics, () => undefined, 'en');
    assert.match(shown[0].message, /`title` appears twice/);
  });
});
