/**
 * Issue #17, `keyplan log`: one well-formed entry appended to the right account's log for the
 * entry's year, every other byte kept (LF, CRLF, no final newline, a byte-order mark), a new log
 * created from the template when there is none; refusals (unknown or ambiguous person, unknown
 * channel, a date after today, another account's person…) write nothing and exit 2. Follow-ups
 * written with --next/--due are listed by `keyplan overdue` until a later entry with the person.
 */
import assert from 'node:assert/strict';
import { lstatSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { main, type Io } from '../../src/cli/main.js';
import { checkWorkspace, type SourceFile } from '../../src/core/check/pipeline.js';
import { appendPlannedEntry, planLogEntry } from '../../src/core/language/log-entry.js';
import { computeFollowUps, dueFollowUps } from '../../src/core/analysis/follow-ups.js';
import { md, removeDir, writeTempWorkspace } from '../helpers.js';

const AS_OF = '2026-11-20';
const HEAD = '---\nkind: interaction-log\naccount: acme\nyear: 2026\n---\n';
const person = (id: string, account: string, name: string, extra: string[] = []) => md(['kind: person', `id: ${id}`, `account: ${account}`, `name: ${name}`, ...extra]);

function files(log?: string): Record<string, string | Uint8Array> {
  return {
    'keyplan.yaml': 'locale: en\nchannel_aliases: {视频会议: meeting}\n',
    'accounts/acme/account.md': md(['kind: account', 'id: acme', 'name: Acme', 'tier: B', 'owner: li-na']),
    'accounts/acme/people/zhang-wei.md': person('zhang-wei', 'acme', '张伟', ['channels: [wechat, visit]']),
    'accounts/acme/people/wang-fang.md': person('wang-fang', 'acme', '王芳'),
    'accounts/other/account.md': md(['kind: account', 'id: other', 'name: Other', 'tier: C', 'owner: chen-hao']),
    'accounts/other/people/zhang-wei-other.md': person('zhang-wei-other', 'other', '张伟'),
    'accounts/other/people/li-ming.md': person('li-ming', 'other', '李明'),
    ...(log === undefined ? {} : { 'accounts/acme/interactions-2026.md': log }),
  };
}

async function cli(args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: Io = { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) }, cwd, env: {} };
  return { code: await main([...args, '--as-of', AS_OF], io), stdout, stderr };
}

function snapshot(dir: string, rel = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(path.join(dir, rel))) {
    const p = rel ? `${rel}/${name}` : name;
    if (lstatSync(path.join(dir, p)).isDirectory()) Object.assign(out, snapshot(dir, p));
    else out[p] = readFileSync(path.join(dir, p), 'latin1');
  }
  return out;
}

const LOG = 'accounts/acme/interactions-2026.md';

describe('keyplan log (#17)', function () {
  this.timeout(60_000);
  let dir: string | undefined;
  afterEach(() => {
    removeDir(dir);
    dir = undefined;
  });

  const cases: [string, string, string][] = [
    ['LF, ending with the list', `${HEAD}\n# 2026\n\n- 2026-11-02 visit @zhang-wei: first\n`, `${HEAD}\n# 2026\n\n- 2026-11-02 visit @zhang-wei: first\n- 2026-11-19 wechat @zhang-wei: quote sent\n`],
    ['CRLF', `${HEAD.replace(/\n/g, '\r\n')}\r\n- 2026-11-02 visit @zhang-wei: first\r\n\r\n`, `${HEAD.replace(/\n/g, '\r\n')}\r\n- 2026-11-02 visit @zhang-wei: first\r\n- 2026-11-19 wechat @zhang-wei: quote sent\r\n\r\n`],
    ['no final newline', `${HEAD}\n- 2026-11-02 visit @zhang-wei: first`, `${HEAD}\n- 2026-11-02 visit @zhang-wei: first\n- 2026-11-19 wechat @zhang-wei: quote sent`],
    // The entry joins the list of entries (in date order), not the prose after it.
    ['ending with prose', `\ufeff${HEAD}\n- 2026-11-02 visit @zhang-wei: first\n\nSome notes.\n`, `\ufeff${HEAD}\n- 2026-11-02 visit @zhang-wei: first\n- 2026-11-19 wechat @zhang-wei: quote sent\n\nSome notes.\n`],
    // Logged late for an earlier day: in date order, under its month, as `keyplan import` places it.
    ['an earlier day', `${HEAD}\n## 2026-10\n\n- 2026-10-20 call @zhang-wei: a\n\n## 2026-11\n\n- 2026-11-21 visit @zhang-wei: b\n`, `${HEAD}\n## 2026-10\n\n- 2026-10-20 call @zhang-wei: a\n\n## 2026-11\n\n- 2026-11-19 wechat @zhang-wei: quote sent\n- 2026-11-21 visit @zhang-wei: b\n`],
  ];
  for (const [name, before, after] of cases) {
    it(`appends byte for byte: ${name}`, async () => {
      dir = writeTempWorkspace(files(before));
      const others = snapshot(dir);
      const r = await cli(['log', 'zhang-wei', '--date', '2026-11-19', 'quote sent'], dir);
      assert.equal(r.code, 0, r.stderr);
      assert.equal(readFileSync(path.join(dir, LOG), 'utf8'), after);
      const now = snapshot(dir);
      delete others[LOG];
      delete now[LOG];
      assert.deepEqual(now, others, 'no other file changed, no temporary file left');
      assert.match(r.stdout, /Logged in accounts\/acme\/interactions-2026\.md: - 2026-11-19 wechat @zhang-wei: quote sent/);
    });
  }

  it('creates the log for the year from the template, with --with, an alias channel, and a follow-up', async () => {
    dir = writeTempWorkspace(files());
    const r = await cli(['log', '王芳', '.', '--channel', '视频会议', '--with', 'zhang-wei', 'Reviewed the TCO', '--next', 'revised quote', '--due', '2026-11-25'], dir);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(readFileSync(path.join(dir, LOG), 'utf8'),
      '---\nkind: interaction-log\naccount: acme\nyear: 2026\n---\n\n# 2026\n\n- 2026-11-20 视频会议 @wang-fang @zhang-wei: Reviewed the TCO. Next (2026-11-25): revised quote\n');
    assert.match(r.stdout, /\(new log\)/);
    const check = await cli(['check', '.'], dir);
    assert.equal(check.code, 0, check.stdout);
  });

  const refusals: [string, string[], RegExp][] = [
    ['an unknown person, with a suggestion', ['log', 'zhang-we', 'x'], /no person `zhang-we`.*Did you mean `zhang-wei \(张伟\)`\?/],
    ['a name two people share', ['log', '张伟', 'x'], /`张伟` is the name of several people: zhang-wei \(acme\), zhang-wei-other \(other\)/],
    ['an unknown channel, with a suggestion among aliases', ['log', 'zhang-wei', '--channel', '视频会', 'x'], /`视频会` is not a configured interaction channel\. Did you mean `视频会议`\?/],
    ['a date after today', ['log', 'zhang-wei', '--date', '2026-11-21', 'x'], /2026-11-21 is after today \(2026-11-20\)/],
    ['a date that is no date', ['log', 'zhang-wei', '--date', '2026-02-30', 'x'], /`2026-02-30` is not a date/],
    ['someone of another account', ['log', 'zhang-wei', '--with', 'li-ming', 'x'], /`li-ming` works at `other`/],
    ['an empty summary', ['log', 'zhang-wei', '  '], /the summary is empty/],
    ['a due date without a next step', ['log', 'zhang-wei', '--due', '2026-11-30', 'x'], /a due date needs a next step/],
    ['no summary', ['log', 'zhang-wei'], /takes a person and a summary/],
  ];
  for (const [name, args, message] of refusals) {
    it(`refuses ${name}: exit 2, nothing written`, async () => {
      dir = writeTempWorkspace(files(`${HEAD}\n- 2026-11-02 visit @zhang-wei: first\n`));
      const before = snapshot(dir);
      const r = await cli(args, dir);
      assert.equal(r.code, 2, r.stdout + r.stderr);
      assert.match(r.stderr, message);
      assert.match(r.stderr, /^keyplan: /);
      assert.deepEqual(snapshot(dir), before);
    });
  }

  it('refuses to write into a file at the new log path that is not this account\'s log', async () => {
    dir = writeTempWorkspace({ ...files(), [LOG]: '---\nkind: interaction-log\naccount: other\nyear: 2026\n---\n' });
    // The other account's log stays the other account's; acme has no log of its own for 2026.
    const before = snapshot(dir);
    const r = await cli(['log', 'zhang-wei', 'x'], dir);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /exists but is not a log of this account/);
    assert.deepEqual(snapshot(dir), before);
  });

  it('refuses to write into a log it cannot read (broken frontmatter), byte for byte untouched', async () => {
    dir = writeTempWorkspace(files('---\nkind: interaction-log\naccount: acme\nyear: [2026\n---\n\nMy notes.\n'));
    const before = snapshot(dir);
    const r = await cli(['log', 'zhang-wei', 'x'], dir);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /interactions-2026\.md exists but is not a log of this account that Keyplan can read/);
    assert.deepEqual(snapshot(dir), before);
  });

  it('the core and the editor share one edit: planLogEntry + appendPlannedEntry give the line of the new entry', () => {
    const sources: SourceFile[] = Object.entries(files(`${HEAD}\n- 2026-11-02 visit @zhang-wei: first`)).map(([p, content]) => ({ path: p, content }));
    const result = checkWorkspace(sources, { asOf: AS_OF, locale: 'zh-cn' });
    const plan = planLogEntry(result.workspace, { person: 'wang-fang', summary: '电话', channel: '电话' }, AS_OF, 'zh-cn');
    assert.ok(plan.ok);
    const edit = appendPlannedEntry(plan, `${HEAD}\n- 2026-11-02 visit @zhang-wei: first`);
    assert.equal(edit.text.split('\n')[edit.line], '- 2026-11-20 电话 @wang-fang: 电话');
    const refused = planLogEntry(result.workspace, { person: 'nobody', summary: 'x' }, AS_OF, 'zh-cn');
    assert.ok(!refused.ok);
    assert.match(refused.message, /此工作区中没有人员/);
  });
});

describe('follow-ups (#17)', () => {
  const log = (entries: string[]) => `${HEAD}\n${entries.map((e) => `- ${e}\n`).join('')}`;
  const followUps = (entries: string[], asOf = AS_OF) => {
    const sources: SourceFile[] = Object.entries(files(log(entries))).map(([p, content]) => ({ path: p, content }));
    const result = checkWorkspace(sources, { asOf, locale: 'en' });
    return { all: computeFollowUps(result.workspace, asOf), due: dueFollowUps(result.workspace, asOf) };
  };

  it('a Next with a due date is open before it, due on it and past due after it; owner is the account owner', () => {
    const entries = ['2026-11-02 visit @zhang-wei @wang-fang: quote. Next (2026-11-20): revised quote'];
    const before = followUps(entries, '2026-11-19');
    assert.deepEqual(before.all.map((f) => [f.state, f.owner, f.people, f.text]), [['open', 'li-na', ['zhang-wei', 'wang-fang'], 'revised quote']]);
    assert.deepEqual(before.due, []);
    assert.deepEqual(followUps(entries, '2026-11-20').due.map((f) => f.state), ['due']);
    assert.deepEqual(followUps(entries, '2026-11-23').due.map((f) => [f.state, f.overdueBy]), [['overdue', 3]]);
  });

  it('a later entry with one of its people closes it; one in the summary only, or on the same day, does not', () => {
    const base = '2026-11-02 visit @zhang-wei @wang-fang: quote. Next (2026-11-10): revised quote';
    assert.equal(followUps([base, '2026-11-05 call @wang-fang: sent it']).all[0].state, 'closed');
    assert.equal(followUps([base, '2026-11-05 call @wang-fang: sent it']).all[0].closedBy?.date, '2026-11-05');
    assert.equal(followUps([base, '2026-11-05 call @zhang-wei-other: not acme']).all[0].state, 'overdue');
    assert.equal(followUps([base, '2026-11-02 call @wang-fang: same day']).all[0].state, 'overdue');
    assert.equal(followUps([base, '2026-11-05 email @li-na-x: cc @wang-fang']).all[0].state, 'overdue');
    // An entry after as-of counts for nothing yet.
    assert.equal(followUps([base, '2026-11-25 call @wang-fang: later']).all[0].state, 'overdue');
  });

  it('a later entry that repeats the Next keeps the step open, with its new due date', () => {
    const { all, due } = followUps(['2026-11-02 visit @zhang-wei: quote. Next (2026-11-10): revised quote', '2026-11-12 call @zhang-wei: not yet. Next (2026-11-18): revised quote']);
    assert.deepEqual(all.map((f) => f.state), ['closed', 'overdue']);
    assert.deepEqual(due.map((f) => [f.due, f.interaction.date]), [['2026-11-18', '2026-11-12']]);
  });

  it('keyplan overdue lists them in their own section (text, markdown, json) and alone with --follow-ups', async function () {
    this.timeout(60_000);
    const dir = writeTempWorkspace(files(log(['2026-11-02 visit @zhang-wei: quote. Next (2026-11-15): revised quote | <b>x</b>', '2026-11-03 visit @wang-fang: undated. Next: someday'])));
    try {
      const text = await cli(['overdue', '.'], dir);
      assert.match(text.stdout, /Follow-ups due or past due on 2026-11-20[^\n]*\n\nState +Due +Account +With +Next step/);
      assert.match(text.stdout, /overdue \+5d +2026-11-15 +Acme \(B\) +张伟 +revised quote \| <b>x<\/b> +2026-11-02 +li-na/);
      assert.doesNotMatch(text.stdout, /someday/);
      const only = await cli(['overdue', '.', '--follow-ups'], dir);
      assert.match(only.stdout, /^Follow-ups due or past due/);
      assert.doesNotMatch(only.stdout, /Contacts needing attention/);
      const markdown = await cli(['overdue', '.', '--format', 'markdown'], dir);
      assert.match(markdown.stdout, /### Follow-ups due or past due on 2026-11-20\n\n\| State \| Due/);
      assert.match(markdown.stdout, /revised quote \\\| \\<b\\>x\\<\/b\\>/);
      const json = JSON.parse((await cli(['overdue', '.', '--format', 'json', '--follow-ups'], dir)).stdout);
      assert.deepEqual(json.contacts, []);
      assert.deepEqual(json.followUps, [{
        state: 'overdue', due: '2026-11-15', overdueBy: 5, account: 'acme', accountName: 'Acme', tier: 'B', people: [{ id: 'zhang-wei', name: '张伟' }],
        owner: 'li-na', next: 'revised quote | <b>x</b>', since: '2026-11-02', file: LOG, line: 7,
      }]);
      const other = await cli(['overdue', '.', '--follow-ups', '--owner', 'chen-hao'], dir);
      assert.match(other.stdout, /No follow-up is due on 2026-11-20/);
    } finally {
      removeDir(dir);
    }
  });
});
