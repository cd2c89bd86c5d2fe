/**
 * Sensitive personal fields (`x-sensitive`: needs, career, preferences, communication style, and
 * any text under them) never appear in shared output — `keyplan diff` (every format), the CI
 * formats of `keyplan check` (github, sarif, junit) and `keyplan export` — unless
 * `--include-sensitive` is given; a changed field is reported as "personal notes changed" only.
 * Each assertion has a positive control: with the flag, the value does appear, so the test can
 * see it.
 */
import assert from 'node:assert/strict';
import { main, type Io } from '../../src/cli/main.js';
import { SENSITIVE_FIELDS } from '../../src/core/analysis/redact.js';
import { removeDir } from '../helpers.js';
import { TempRepo } from './helpers/git-repo.js';
import { record } from './helpers/figures.js';

const AS_OF = '2026-11-20';
/** Strings and a number planted in sensitive fields; the number makes findings that quote it. */
const SECRET = { needs: 'SECRET-NEEDS-8c1d', nested: 'SECRET-NESTED-44aa', career: 'SECRET-CAREER-e9f0', preferences: 'SECRET-PREF-3b7c', style: 'SECRET-STYLE-71d2', number: 731953, body: 'SECRET-BODY-0c0c' };
const SECRETS = [SECRET.needs, SECRET.nested, SECRET.career, SECRET.preferences, SECRET.style, String(SECRET.number), SECRET.body];

const account = ['---', 'kind: account', 'id: acme', 'name: Acme', 'tier: A', 'owner: li-na', '---', ''].join('\n');
const person = (v: 1 | 2) => [
  '---', 'kind: person', 'id: zhang-wei', 'account: acme', 'name: 张伟', 'roles: [EB]', 'stance: supporter', 'influence: 4',
  'needs:', `  - ${SECRET.needs}${v}`, `  - "${SECRET.nested} nested: text ${v}"`,
  `career: ${SECRET.career} v${v}`, `preferences: ${v === 2 ? SECRET.number : `${SECRET.preferences} v1`}`,
  `communication_style: ${SECRET.style} ${v}`, '---', '', `Private notes: ${SECRET.body} ${v}`, '',
].join('\n');
const other = ['---', 'kind: person', 'id: li-ming', 'account: acme', 'name: 李明', 'roles: [Coach]', `needs: { detail: ${SECRET.needs}-typed }`, '---', ''].join('\n');
const log = ['---', 'kind: interaction-log', 'account: acme', '---', '', '- 2026-11-01 meeting @zhang-wei @li-ming: met', ''].join('\n');

async function cli(args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: Io = { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) }, cwd, env: {} };
  return { code: await main(args, io), stdout, stderr };
}

const leaks = (text: string) => SECRETS.filter((s) => text.includes(s));

describe('sensitive personal fields stay out of shared output', function () {
  this.timeout(60_000);
  let repo: TempRepo;
  let shared = 0;

  before(() => {
    repo = new TempRepo({ 'accounts/acme/account.md': account, 'accounts/acme/people/zhang-wei.md': person(1), 'accounts/acme/people/li-ming.md': other, 'accounts/acme/interactions-2026.md': log });
    repo.git('add', '-A');
    repo.git('commit', '-q', '-m', 'base');
    repo.write({ 'accounts/acme/people/zhang-wei.md': person(2) });
  });
  after(() => {
    removeDir(repo?.dir);
    record('sensitive.shared-outputs-checked', shared);
  });

  it('the schemas mark exactly the four personal-portrait fields', () => {
    assert.deepEqual([...SENSITIVE_FIELDS.person].sort(), ['career', 'communication_style', 'needs', 'preferences']);
    for (const kind of ['account', 'org-portrait', 'relationship-plan', 'interaction-log'] as const) assert.deepEqual(SENSITIVE_FIELDS[kind], [], kind);
  });

  for (const format of ['markdown', 'text', 'json']) {
    it(`keyplan diff --format ${format}: only "personal notes changed"; everything with --include-sensitive`, async () => {
      const r = await cli(['diff', 'HEAD', '--format', format, '--as-of', AS_OF, '--no-color'], repo.dir);
      assert.equal(r.code, 0, r.stderr);
      assert.deepEqual(leaks(r.stdout), []);
      if (format === 'json') assert.equal(JSON.parse(r.stdout).accounts[0].people[0].personalNotesChanged, true);
      else assert.match(r.stdout, /personal notes changed/);
      shared++;
      const full = await cli(['diff', 'HEAD', '--format', format, '--as-of', AS_OF, '--no-color', '--include-sensitive'], repo.dir);
      assert.ok(full.stdout.includes(`${SECRET.career} v2`), 'the changed career is shown with --include-sensitive');
      assert.ok(!full.stdout.includes(SECRET.body), 'free notes (the body) are never shown');
    });
  }

  for (const format of ['github', 'sarif', 'junit']) {
    it(`keyplan check --format ${format}: findings about a sensitive field name only the field; in full with --include-sensitive`, async () => {
      const r = await cli(['check', '.', '--format', format, '--as-of', AS_OF], repo.dir);
      assert.deepEqual(leaks(r.stdout), []);
      assert.match(r.stdout, /personal-data field `preferences`/);
      shared++;
      const full = await cli(['check', '.', '--format', format, '--as-of', AS_OF, '--include-sensitive'], repo.dir);
      assert.ok(full.stdout.includes(String(SECRET.number)), 'the full finding quotes the value');
    });
  }

  it('the local text and json output of keyplan check show the problem in full (they are not shared)', async () => {
    const r = await cli(['check', '.', '--as-of', AS_OF, '--no-color'], repo.dir);
    assert.ok(r.stdout.includes(String(SECRET.number)));
  });

  for (const format of ['markdown', 'json']) {
    it(`keyplan export --format ${format}: redacted by default and with --redact; personal notes only with --include-sensitive`, async () => {
      const plain = await cli(['export', 'acme', '--format', format, '--as-of', AS_OF], repo.dir);
      assert.equal(plain.code, 0, plain.stderr);
      assert.deepEqual(leaks(plain.stdout), []);
      const redacted = await cli(['export', 'acme', '--redact', '--format', format, '--as-of', AS_OF], repo.dir);
      assert.equal(redacted.stdout, plain.stdout);
      shared += 2;
      const full = await cli(['export', 'acme', '--include-sensitive', '--format', format, '--as-of', AS_OF], repo.dir);
      for (const s of [SECRET.needs, SECRET.nested, SECRET.career, SECRET.style]) assert.ok(full.stdout.includes(s), `${s} with --include-sensitive`);
      assert.ok(!full.stdout.includes(SECRET.body), 'free notes (the body) are never exported');
    });
  }

  it('--redact and --include-sensitive together are refused', async () => {
    const r = await cli(['export', 'acme', '--redact', '--include-sensitive'], repo.dir);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /contradict/);
  });

  it('report and overdue (local outputs) carry no personal notes either', async () => {
    for (const command of ['report', 'overdue']) {
      for (const format of ['text', 'markdown', 'json']) {
        const r = await cli([command, '.', '--format', format, '--as-of', AS_OF, '--all'].filter((a) => command === 'overdue' || a !== '--all'), repo.dir);
        assert.deepEqual(leaks(r.stdout).filter((s) => s !== String(SECRET.number)), [], `${command} ${format}`);
      }
    }
  });
});
