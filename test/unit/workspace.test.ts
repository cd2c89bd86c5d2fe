import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseEntryLine, parseInteractionLog } from '../../src/core/parse/interaction-log.js';
import { ruleInfo } from '../../src/core/rules/index.js';
import { account, check, checkAll, FIXTURES, log, md, only, person, span, where } from '../helpers.js';

const lines = (ds: { file: string; range: { start: { line: number; column: number } }; rule: string }[]) =>
  ds.map((d) => `${where(d as never)} ${d.rule}`);

describe('workspace model: the foundation rules', () => {
  it('are registered as format or reference rules (the tests below filter on that)', () => {
    for (const id of ['yaml-syntax', 'unknown-kind', 'encoding', 'schema', 'unknown-field', 'duplicate-id', 'unknown-reference',
      'cross-account-reference', 'reports-to-cycle', 'log-entry-malformed', 'unknown-channel']) {
      assert.ok(['format', 'references'].includes(ruleInfo(id)?.category ?? ''), id);
    }
  });
});

describe('workspace model: ids and references', () => {
  it('duplicate account id: an error on every file, naming the others and the one used (the first by path)', () => {
    const r = check({ 'b/account.md': account('acme'), 'a/account.md': account('acme') });
    assert.deepEqual(r.diagnostics.map((d) => `${where(d)} ${d.rule}`), ['a/account.md:3:5 duplicate-id', 'b/account.md:3:5 duplicate-id']);
    assert.deepEqual(r.diagnostics.map((d) => d.severity), ['error', 'error']);
    assert.equal(r.diagnostics[0].message, 'The account id `acme` is also defined in b/account.md. Ids must be unique; until this is fixed a/account.md is used and findings about `acme` may be incomplete.');
    assert.match(r.diagnostics[1].message, /also defined in a\/account\.md\./);
    assert.equal(r.workspace.accounts.get('acme')!.doc!.path, 'a/account.md');
  });

  it('duplicate person id: an error on every file (three files: each names the two others)', () => {
    const r = check({ 'a.md': account(), 'people/c.md': person('zhang-wei'), 'people/a.md': person('zhang-wei'), 'people/b.md': person('zhang-wei') });
    assert.deepEqual(r.diagnostics.map((d) => `${where(d)} ${d.rule}`), ['people/a.md:3:5 duplicate-id', 'people/b.md:3:5 duplicate-id', 'people/c.md:3:5 duplicate-id']);
    assert.match(r.diagnostics[0].message, /The person id `zhang-wei` is also defined in people\/b\.md, people\/c\.md\./);
    assert.match(r.diagnostics[2].message, /also defined in people\/a\.md, people\/b\.md\. .* people\/a\.md is used/);
    assert.deepEqual(r.diagnostics[2].data?.other, ['people/a.md', 'people/b.md']);
    assert.equal(r.workspace.accounts.get('acme')!.people.length, 1);
    assert.equal(r.workspace.people.get('zhang-wei')!.doc.path, 'people/a.md');
  });

  it('duplicate person id in two accounts: no cross-account warning cascades from the copy that is not used', () => {
    const r = check({
      'acme.md': account('acme'), 'beta.md': account('beta'),
      'people/a.md': person('zhang-wei', 'acme'), 'people/b.md': person('zhang-wei', 'beta'),
      'beta-log.md': log('beta', '- 2026-11-01 meeting @zhang-wei: kick-off\n'),
    });
    assert.deepEqual(r.diagnostics.filter((d) => ['duplicate-id', 'cross-account-reference'].includes(d.rule)).map((d) => `${d.file} ${d.rule}`),
      ['people/a.md duplicate-id', 'people/b.md duplicate-id']);
  });

  it('duplicate person id in two accounts: the account whose copy is not used gets no false single-threaded, missing EB or missing Coach, and the error says so', () => {
    const eb = ['roles: [EB, Coach]', 'stance: supporter', 'influence: 5', 'coverage: in-depth'];
    const files = {
      'accounts/acme/account.md': account('acme'), 'accounts/beta/account.md': account('beta'),
      'accounts/acme/people/boss.md': person('boss', 'acme', eb), 'accounts/beta/people/boss.md': person('boss', 'beta', eb),
    };
    const people = ['single-threaded', 'missing-economic-buyer', 'missing-coach'];
    const r = checkAll(files);
    assert.deepEqual(r.diagnostics.filter((d) => people.includes(d.rule)).map((d) => `${d.file} ${d.rule}`), ['accounts/acme/account.md single-threaded']);
    const copy = r.diagnostics.find((d) => d.file === 'accounts/beta/people/boss.md' && d.rule === 'duplicate-id')!;
    assert.match(copy.message, /Account `beta` is missing this contact meanwhile, so its contacts are not judged as a whole/);
    assert.doesNotMatch(r.diagnostics.find((d) => d.file === 'accounts/acme/people/boss.md')!.message, /missing this contact/, 'the used copy says nothing of the kind');
    // Once the id is fixed, beta is judged again.
    const fixed = checkAll({ ...files, 'accounts/beta/people/boss.md': person('boss-b', 'beta', ['roles: [TB]']) });
    assert.deepEqual(fixed.diagnostics.filter((d) => d.file === 'accounts/beta/account.md' && people.includes(d.rule)).map((d) => d.rule).sort(), ['missing-coach', 'missing-economic-buyer', 'single-threaded']);
  });

  it('a person file that cannot be read: its account gets no false missing EB (the EB may be in it); other accounts are judged', () => {
    const r = checkAll({
      'accounts/acme/account.md': account('acme'), 'accounts/beta/account.md': account('beta'),
      'accounts/acme/people/boss.md': md(['kind: person', 'id: boss', 'account: acme', 'name: [Boss', 'roles: [EB]']),
      'accounts/beta/people/p.md': person('p', 'beta'),
    });
    assert.deepEqual(r.diagnostics.filter((d) => d.rule === 'missing-economic-buyer').map((d) => d.file), ['accounts/beta/account.md']);
    assert.ok(r.diagnostics.some((d) => d.file === 'accounts/acme/people/boss.md' && d.severity === 'error'), 'the file itself is an error');
  });

  it('zh-CN: the duplicate-id message names the other files', () => {
    const r = check({ 'a/account.md': account('acme'), 'b/account.md': account('acme') }, 'zh-cn');
    assert.match(r.diagnostics[0].message, /客户标识 `acme` 也在 b\/account\.md 中定义/);
  });

  it('the same id for an account and a person is not a duplicate (ids are unique per kind)', () => {
    const r = check({ 'a.md': account('acme'), 'p.md': person('acme', 'acme') });
    assert.deepEqual(r.diagnostics, []);
  });

  it('duplicate objective id within an account', () => {
    const r = check({ 'a.md': account('acme', 'A', ['objectives:', '  - id: win', '    title: Win', '  - id: win', '    title: Win again']) });
    assert.deepEqual(r.diagnostics.map((d) => `${where(d)} ${d.rule}`), ['a.md:10:9 duplicate-id']);
    assert.match(r.diagnostics[0].message, /Another objective already uses the id `win`/);
  });

  it('unknown account reference, with a suggestion, on the value', () => {
    const r = check({ 'a.md': account('east-china-telecom'), 'p.md': person('zhang-wei', 'east-china-telecon') });
    assert.deepEqual(r.diagnostics.map((d) => `${d.file} ${span(d)} ${d.rule}`), ['p.md 4:10-4:28 unknown-reference']);
    assert.equal(r.diagnostics[0].message, 'No account with the id `east-china-telecon` exists in this workspace. Did you mean `east-china-telecom`?');
    assert.equal(r.diagnostics[0].data?.suggestion, 'east-china-telecom');
  });

  it('unknown account without a close match: no suggestion', () => {
    const r = check({ 'a.md': account('acme'), 'log.md': log('globex', '') });
    assert.equal(r.diagnostics.length, 1);
    assert.equal(r.diagnostics[0].message, 'No account with the id `globex` exists in this workspace.');
  });

  it('unknown reports_to, with a suggestion from the same account', () => {
    const r = check({ 'a.md': account(), 'p1.md': person('wang-fang'), 'p2.md': person('zhang-wei', 'acme', ['reports_to: wang-fnag']) });
    assert.deepEqual(r.diagnostics.map((d) => `${d.file} ${span(d)} ${d.rule}`), ['p2.md 6:13-6:22 unknown-reference']);
    assert.equal(r.diagnostics[0].message, 'No person with the id `wang-fnag` exists in account `acme`. Did you mean `wang-fang`?');
  });

  it('unknown person in influences, on the list item', () => {
    const r = check({ 'a.md': account(), 'p.md': person('zhang-wei', 'acme', ['influences: [nobody]']) });
    assert.deepEqual(r.diagnostics.map((d) => `${d.file} ${span(d)} ${d.rule}`), ['p.md 6:14-6:20 unknown-reference']);
  });

  it('reports_to cycle a → b → c → a: reported once on each member, not on people outside it', () => {
    const r = check({
      'a.md': account(),
      'pa.md': person('a', 'acme', ['reports_to: b']),
      'pb.md': person('b', 'acme', ['reports_to: c']),
      'pc.md': person('c', 'acme', ['reports_to: a']),
      'pd.md': person('d', 'acme', ['reports_to: a']),
    });
    assert.deepEqual(r.diagnostics.map((d) => `${d.file} ${span(d)} ${d.rule}`), [
      'pa.md 6:13-6:14 reports-to-cycle', 'pb.md 6:13-6:14 reports-to-cycle', 'pc.md 6:13-6:14 reports-to-cycle',
    ]);
    for (const d of r.diagnostics) {
      assert.match(d.message, /^Reporting line loops back: (a → b → c → a|b → c → a → b|c → a → b → c)\./);
      assert.deepEqual([...(d.data?.cycle as string[])].sort(), ['a', 'b', 'c']);
    }
  });

  it('a two-person cycle', () => {
    const r = check({ 'a.md': account(), 'pa.md': person('a', 'acme', ['reports_to: b']), 'pb.md': person('b', 'acme', ['reports_to: a']) });
    assert.deepEqual(lines(r.diagnostics), ['pa.md:6:13 reports-to-cycle', 'pb.md:6:13 reports-to-cycle']);
  });

  it('a reporting chain without a loop is fine', () => {
    const r = check({ 'a.md': account(), 'pa.md': person('a', 'acme', ['reports_to: b']), 'pb.md': person('b', 'acme', ['reports_to: c']), 'pc.md': person('c') });
    assert.deepEqual(r.diagnostics, []);
  });

  it('self reference in reports_to and influences', () => {
    const r = check({ 'a.md': account(), 'p.md': person('zhang-wei', 'acme', ['reports_to: zhang-wei', 'influences: [zhang-wei]']) });
    assert.deepEqual(r.diagnostics.map((d) => `${span(d)} ${d.rule} ${d.message}`), [
      '6:13-6:22 unknown-reference `zhang-wei` cannot report to themselves.',
      '7:14-7:23 unknown-reference `zhang-wei` cannot influence themselves.',
    ]);
  });

  it('cross-account references: reports_to and a log mention of another account\'s person (warnings)', () => {
    const r = check({
      'x.md': account('x'),
      'y.md': account('y'),
      'px.md': person('px', 'x'),
      'py.md': person('py', 'y', ['reports_to: px']),
      'log-y.md': log('y', '- 2026-01-05 call @py @px: joint call\n'),
    });
    assert.deepEqual(r.diagnostics.map((d) => `${d.file} ${span(d)} ${d.severity} ${d.rule}`), [
      'log-y.md 5:23-5:26 warning cross-account-reference',
      'py.md 6:13-6:15 warning cross-account-reference',
    ]);
    assert.equal(r.diagnostics[0].message, '`px` belongs to account `x`, not to `y`.');
  });

  it('relationship-plan contact that does not exist', () => {
    const plan = md(['kind: relationship-plan', 'account: acme', 'period: {start: 2026-01-01, end: 2026-12-31}', 'contacts:', '  - person: zhang-wei', '  - person: zhang-wie']);
    const r = check({ 'a.md': account(), 'p.md': person('zhang-wei'), 'plan.md': plan });
    assert.deepEqual(r.diagnostics.map((d) => `${d.file} ${span(d)} ${d.rule}`), ['plan.md 7:13-7:22 unknown-reference']);
    assert.match(r.diagnostics[0].message, /No person with the id `zhang-wie` exists in account `acme`\. Did you mean `zhang-wei`\?/);
  });

  it('org-portrait approver that does not exist', () => {
    const portrait = md(['kind: org-portrait', 'account: acme', 'procurement:', '  approval_threshold:', '    amount: 5000000', '    currency: CNY', '    approver: nobody']);
    const r = check({ 'a.md': account(), 'o.md': portrait });
    assert.deepEqual(r.diagnostics.map((d) => `${d.file} ${span(d)} ${d.rule}`), ['o.md 8:15-8:21 unknown-reference']);
  });

  it('builds accounts with their people, plans, logs and interactions', () => {
    const plan = md(['kind: relationship-plan', 'account: acme', 'period: {start: 2026-01-01, end: 2026-12-31}', 'contacts: [{person: zhang-wei}]']);
    const r = check({ 'a.md': account('acme', 'B'), 'p.md': person('zhang-wei'), 'plan.md': plan, 'log.md': log('acme', '- 2026-01-05 call @zhang-wei: one\n- 2026-03-01 visit @zhang-wei: two\n') });
    assert.deepEqual(r.diagnostics, []);
    const a = r.workspace.accounts.get('acme')!;
    assert.equal(a.tier, 'B');
    assert.deepEqual(a.people.map((p) => p.id), ['zhang-wei']);
    assert.deepEqual(a.plans.map((d) => d.path), ['plan.md']);
    assert.deepEqual(a.logs.map((d) => d.path), ['log.md']);
    assert.deepEqual(a.interactions.map((i) => i.date), ['2026-03-01', '2026-01-05'], 'newest first');
    assert.deepEqual(r.workspace.interactionsWith('zhang-wei').map((i) => i.channel), ['visit', 'call']);
  });
});

describe('interaction logs', () => {
  const fixture = readFileSync(path.join(FIXTURES, 'logs', 'interactions.md'));
  const files = {
    'a.md': account(),
    'p1.md': person('zhang-wei'),
    'p2.md': person('wang-fang'),
    'p3.md': person('li-ming'),
    'log.md': fixture,
  };
  const result = check(files);
  const interactions = result.workspace.accounts.get('acme')!.interactions;
  const byDate = (date: string) => interactions.find((i) => i.date === date);

  it('parses valid entries: date, channel, people and summary', () => {
    const i = byDate('2026-01-05')!;
    assert.equal(i.channel, 'meeting');
    assert.deepEqual(i.people, ['zhang-wei', 'wang-fang']);
    assert.equal(i.summary, 'Reviewed the 5G core TCO. Next: revised quote');
    assert.equal(i.doc.path, 'log.md');
    assert.equal(i.account, 'acme');
  });

  it('accepts the full-width colon `：`', () => {
    const i = byDate('2026-01-06')!;
    assert.equal(i.channel, 'wechat');
    assert.equal(i.summary, '全角冒号也可以，@li-ming 也参加了');
  });

  it('counts @mentions in the summary as participants', () => {
    const i = byDate('2026-01-06')!;
    assert.deepEqual(i.entry.people, ['zhang-wei'], 'named before the colon');
    assert.deepEqual(i.people, ['zhang-wei', 'li-ming']);
  });

  it('does not treat an e-mail address as a mention', () => {
    const i = byDate('2026-01-07')!;
    assert.deepEqual(i.people, ['wang-fang']);
    assert.match(i.summary, /li\.ming@acme\.com/);
  });

  it('accepts other list markers and comma-separated people', () => {
    assert.deepEqual(byDate('2026-01-08')!.people, ['li-ming', 'zhang-wei']);
  });

  it('ignores list items in fenced and indented code blocks and ordinary list items', () => {
    assert.deepEqual(interactions.map((i) => i.date).sort(), ['2026-01-05', '2026-01-06', '2026-01-07', '2026-01-08', '2026-01-09']);
  });

  it('reports each malformed entry at its line, with what is wrong', () => {
    const malformed = only(result.diagnostics, 'log-entry-malformed');
    assert.deepEqual(malformed.map((d) => `${span(d)} ${d.data?.problem}`), [
      '30:3-30:13 date',
      '31:3-31:36 channel',
      '32:3-32:57 colon',
      '33:3-33:32 mention',
      '34:3-34:30 summary',
      '35:3-35:13 date',
    ]);
    assert.ok(malformed.every((d) => d.severity === 'error' && d.file === 'log.md'));
    assert.match(malformed[0].message, /`2026-13-05` is not a valid date \(YYYY-MM-DD\)/);
    assert.match(malformed[1].message, /the channel is missing after the date/);
    assert.match(malformed[2].message, /the `:` between the people and the summary is missing/);
    assert.match(malformed[3].message, /no @person is named before the colon/);
    assert.match(malformed[4].message, /the summary after `:` is empty/);
    for (const d of malformed) assert.match(d.message, /Expected: `- 2026-11-02 meeting @zhang-wei: what was discussed`\.$/);
  });

  it('reports an unknown channel with a suggestion, on the channel word, as a warning', () => {
    const unknown = only(result.diagnostics, 'unknown-channel');
    assert.deepEqual(unknown.map((d) => `${span(d)} ${d.severity}`), ['15:14-15:18 warning']);
    assert.equal(unknown[0].message, '`vist` is not a configured interaction channel. Did you mean `visit`? Allowed: visit, meeting, call, wechat, email, event, executive-exchange, gift, dinner, other.');
    assert.equal(byDate('2026-01-09')!.channel, 'vist', 'the entry still counts');
  });

  it('reports nothing else in the fixture', () => {
    assert.deepEqual(result.diagnostics.filter((d) => !['log-entry-malformed', 'unknown-channel'].includes(d.rule)), []);
  });

  it('reports an unknown mention with a suggestion', () => {
    const r = check({ 'a.md': account(), 'p.md': person('zhang-wei'), 'log.md': log('acme', '- 2026-01-05 call @zhang-wie: hi\n') });
    assert.deepEqual(r.diagnostics.map((d) => `${span(d)} ${d.rule}`), ['5:19-5:29 unknown-reference']);
    assert.match(r.diagnostics[0].message, /Did you mean `zhang-wei`\?/);
  });

  it('positions findings correctly in a CRLF log', () => {
    const text = log('acme', '\n- 2026-01-05 vist @zhang-wei: hi\n- 2026-01-06 call @zhang-wei no colon\n').replace(/\n/g, '\r\n');
    const r = check({ 'a.md': account(), 'p.md': person('zhang-wei'), 'log.md': text });
    assert.deepEqual(r.diagnostics.map((d) => `${span(d)} ${d.rule}`), ['6:14-6:18 unknown-channel', '7:3-7:38 log-entry-malformed']);
  });

  describe('parseEntryLine / parseInteractionLog', () => {
    it('gives body-relative offsets of the entry, channel and mentions', () => {
      const e = parseEntryLine('2026-11-02 meeting @zhang-wei @wang-fang: Reviewed', 100);
      assert.ok(!('problem' in e));
      if ('problem' in e) return;
      assert.equal(e.channelStart, 111);
      assert.deepEqual(e.mentions.map((m) => [m.id, m.start, m.end]), [['zhang-wei', 119, 129], ['wang-fang', 130, 140]]);
      assert.equal(e.end, 100 + '2026-11-02 meeting @zhang-wei @wang-fang: Reviewed'.length);
    });

    it('reads nothing from a body without list items', () => {
      assert.deepEqual(parseInteractionLog('# Log\n\n2026-01-05 call @a: not a list item\n'), { entries: [], malformed: [] });
    });

    it('reads entries in nested lists', () => {
      const parsed = parseInteractionLog('- January\n  - 2026-01-05 call @a: nested\n');
      assert.deepEqual(parsed.entries.map((e) => e.summary), ['nested']);
    });
  });
});

describe('unreadable documents do not cause reference findings', () => {
  it('a person file with broken YAML: its id is not reported as unknown elsewhere', () => {
    const broken = md(['kind: person', 'id: zhang-wei', 'account: acme', 'name: 张伟', 'title: 首席技术官: CTO']);
    const plan = md(['kind: relationship-plan', 'account: acme', 'period: {start: 2026-01-01, end: 2026-12-31}', 'contacts: [{person: zhang-wei}]']);
    const r = check({
      'a.md': account(),
      'people/zhang-wei.md': broken,
      'people/wang-fang.md': person('wang-fang', 'acme', ['reports_to: zhang-wei', 'influences: [zhang-wei]']),
      'plan.md': plan,
      'log.md': log('acme', '- 2026-01-05 call @zhang-wei @wang-fang: hi\n'),
    });
    assert.deepEqual(r.diagnostics.map((d) => `${where(d)} ${d.rule}`), ['people/zhang-wei.md:6:8 yaml-syntax']);
  });

  it('an account file with an unclosed fence: its id is not reported as unknown', () => {
    const r = check({ 'a.md': '---\nkind: account\nid: acme\nname: Acme\n', 'p.md': person('zhang-wei') });
    assert.deepEqual(r.diagnostics.map((d) => `${where(d)} ${d.rule}`), ['a.md:1:1 yaml-syntax']);
  });

  it('a person file that is not UTF-8: its id still counts as known (mentions, reports_to, plan contacts)', () => {
    const bytes = Buffer.concat([Buffer.from(md(['kind: person', 'id: zhang-wei', 'account: acme', 'name: Zhang'])), Buffer.from([0xff, 0xfe, 0x0a])]);
    const plan = md(['kind: relationship-plan', 'account: acme', 'period: {start: 2026-01-01, end: 2026-12-31}', 'contacts: [{person: zhang-wei}]']);
    const r = check({
      'a.md': account(),
      'people/zhang-wei.md': new Uint8Array(bytes),
      'people/wang-fang.md': person('wang-fang', 'acme', ['reports_to: zhang-wei']),
      'plan.md': plan,
      'log.md': log('acme', '- 2026-01-05 call @zhang-wei @wang-fang: hi\n'),
    });
    assert.deepEqual(r.diagnostics.map((d) => `${d.file} ${d.rule}`), ['people/zhang-wei.md encoding']);
    assert.deepEqual(r.unreadable.map((u) => [u.path, u.kind, u.id]), [['people/zhang-wei.md', 'person', 'zhang-wei']]);
  });

  it('the check result lists every unreadable document with why, by path', () => {
    const r = check({ 'b.md': md(['kind: person', 'id: x', 'account: acme', 'name: [']), 'a.md': '---\nkind: account\nid: acme\n' });
    assert.deepEqual(r.unreadable.map((u) => u.path), ['a.md', 'b.md']);
    assert.ok(r.unreadable.every((u) => typeof u.reason === 'string' && u.reason.length > 0));
  });

  it('but a genuinely missing person is still reported', () => {
    const broken = md(['kind: person', 'id: zhang-wei', 'account: acme', 'name: [']);
    const r = check({ 'a.md': account(), 'b.md': broken, 'p.md': person('wang-fang', 'acme', ['reports_to: li-ming']) });
    assert.deepEqual(only(r.diagnostics, 'unknown-reference').map(where), ['p.md:6:13']);
  });
});

describe('keyplan.yaml', () => {
  const personWith = (extra: string[]) => person('zhang-wei', 'acme', extra);

  it('`channels` replaces the channel vocabulary (logs and person channels)', () => {
    const r = check({
      'keyplan.yaml': 'channels: [golf, call]\n',
      'a.md': account(),
      'p.md': personWith(['channels: [golf, meeting]']),
      'log.md': log('acme', '- 2026-01-05 golf @zhang-wei: 18 holes\n- 2026-01-06 meeting @zhang-wei: review\n'),
    });
    assert.deepEqual(r.diagnostics.map((d) => `${where(d)} ${d.rule}`), ['log.md:6:14 unknown-channel', 'p.md:6:18 schema']);
    assert.match(r.diagnostics[0].message, /`meeting` is not a configured interaction channel\. Allowed: golf, call\./);
  });

  it('without keyplan.yaml, the same channels are checked against the built-in list', () => {
    const r = check({ 'a.md': account(), 'p.md': personWith(['channels: [golf]']), 'log.md': log('acme', '- 2026-01-05 golf @zhang-wei: 18 holes\n') });
    assert.deepEqual(r.diagnostics.map((d) => `${where(d)} ${d.rule}`), ['log.md:5:14 unknown-channel', 'p.md:6:12 schema']);
  });

  it('`roles` adds buying roles', () => {
    const files = { 'a.md': account(), 'p.md': personWith(['roles: [EB, Gatekeeper]']) };
    assert.deepEqual(lines(check(files).diagnostics), ['p.md:6:13 schema']);
    assert.deepEqual(check({ ...files, 'keyplan.yaml': 'roles: [Gatekeeper]\n' }).diagnostics, []);
  });

  it('`rules: {unknown-channel: off}` drops the finding; `error` raises it', () => {
    const files = { 'a.md': account(), 'p.md': personWith([]), 'log.md': log('acme', '- 2026-01-05 golf @zhang-wei: 18 holes\n') };
    assert.deepEqual(check(files).diagnostics.map((d) => d.severity), ['warning']);
    assert.deepEqual(check({ ...files, 'keyplan.yaml': 'rules:\n  unknown-channel: off\n' }).diagnostics, []);
    assert.deepEqual(check({ ...files, 'keyplan.yaml': 'rules:\n  unknown-channel: error\n' }).diagnostics.map((d) => d.severity), ['error']);
  });

  it('per-tier rule settings follow the tier of the document\'s account', () => {
    const files = {
      'keyplan.yaml': 'rules:\n  unknown-channel: { A: error, B: info, C: off }\n',
      'a.md': account('alpha', 'A'), 'b.md': account('beta', 'B'), 'c.md': account('gamma', 'C'),
      'pa.md': person('pa', 'alpha'), 'pb.md': person('pb', 'beta'), 'pc.md': person('pc', 'gamma'),
      'log-a.md': log('alpha', '- 2026-01-05 golf @pa: x\n'),
      'log-b.md': log('beta', '- 2026-01-05 golf @pb: x\n'),
      'log-c.md': log('gamma', '- 2026-01-05 golf @pc: x\n'),
    };
    assert.deepEqual(check(files).diagnostics.map((d) => `${d.file} ${d.rule} ${d.severity}`), ['log-a.md unknown-channel error', 'log-b.md unknown-channel info']);
  });

  it('`locale: zh-cn` makes messages Chinese; the caller\'s locale wins', () => {
    const files = { 'keyplan.yaml': 'locale: zh-cn\n', 'a.md': account(), 'p.md': personWith(['reports_to: nobody']) };
    assert.equal(check(files).diagnostics[0].message, '客户 `acme` 中没有标识为 `nobody` 的人员。');
    assert.equal(check(files, 'en').diagnostics[0].message, 'No person with the id `nobody` exists in account `acme`.');
  });

  it('an invalid keyplan.yaml is reported on keyplan.yaml, and the defaults apply', () => {
    const r = check({
      'keyplan.yaml': '# settings\nchannels: golf\ndark_after: soon\nrule:\n  unknown-channel: off\n',
      'a.md': account(), 'p.md': personWith([]),
      'log.md': log('acme', '- 2026-01-05 golf @zhang-wei: x\n'),
    });
    assert.deepEqual(r.diagnostics.map((d) => `${d.file} ${span(d)} ${d.rule}`), [
      'keyplan.yaml 2:11-2:15 schema',
      'keyplan.yaml 3:13-3:17 schema',
      'keyplan.yaml 4:1-4:5 unknown-field',
      'log.md 5:14-5:18 unknown-channel',
    ]);
    assert.equal(r.diagnostics[0].message, '`channels` must be a list; found the text "golf". Using the built-in channels instead.');
    assert.match(r.diagnostics[2].message, /`rule` is not a field of .*\. Did you mean `rules`\?/);
    assert.equal(r.config.darkAfter, 60);
  });

  it('a keyplan.yaml with a YAML syntax error is reported on keyplan.yaml', () => {
    const r = check({ 'keyplan.yaml': 'locale: en\nchannels: [golf, call\ndark_after: 30\n', 'a.md': account() });
    assert.equal(r.diagnostics.length, 1);
    assert.equal(r.diagnostics[0].file, 'keyplan.yaml');
    assert.equal(r.diagnostics[0].rule, 'yaml-syntax');
    // The yaml package reports a missing `]` where it notices it: the start of the next line.
    assert.deepEqual(r.diagnostics[0].range.start, { line: 3, column: 1 });
    assert.match(r.diagnostics[0].message, /^YAML syntax error: /);
  });

  it('an empty keyplan.yaml is fine', () => {
    assert.deepEqual(check({ 'keyplan.yaml': '# nothing yet\n', 'a.md': account() }).diagnostics, []);
  });
});
