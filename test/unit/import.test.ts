/**
 * `keyplan import`: a hand-written calendar (several attendees, TZID and UTC times, a recurring
 * meeting with an excluded, a moved, a cancelled and future occurrences, a cancelled event, an
 * unmatched guest, meetings across midnight in another zone, a meeting with two accounts) becomes
 * log entries byte-exactly; re-importing adds nothing; hostile calendars are refused or bounded.
 */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { main, type Io } from '../../src/cli/main.js';
import { readCalendar, MAX_OCCURRENCES } from '../../src/core/import/calendar.js';
import { insertEntries, insertionsFor } from '../../src/core/language/log-placement.js';
import { importMarker, markerKeys, summaryOf } from '../../src/core/import/plan.js';
import { parseEntryLine, parseInteractionLog } from '../../src/core/parse/interaction-log.js';
import { FIXTURES, checkAll, only, removeDir, writeTempWorkspace } from '../helpers.js';

const AS_OF = '2026-11-30';
const CALENDAR = readFileSync(path.join(FIXTURES, 'import', 'calendar.ics'), 'utf8');

const person = (id: string, account: string, email: string, extra = '') => `---\nkind: person\nid: ${id}\naccount: ${account}\nname: ${id}\nemail: ${email}\n${extra}---\n`;
const ECT_LOG = [
  '---',
  'kind: interaction-log',
  'account: ect',
  'year: 2026',
  '---',
  '',
  '# 2026',
  '',
  '## 2026-10',
  '',
  '- 2026-10-21 call @li-ming: 确认割接演练窗口',
  '  details on a continuation line',
  '',
  '## 2026-11',
  '',
  '- 2026-11-05 wechat @wang-fang: 确认招标时间表   ',
  '- 2026-11-25 call @zhang-wei: 已有的一条',
  '',
  'Notes after the list stay where they are.',
  '',
].join('\r\n');

const WORKSPACE: Record<string, string> = {
  'keyplan.yaml': 'locale: en\nimport:\n  ignore: ["@ourco.example"]\n',
  'accounts/ect/account.md': '---\nkind: account\nid: ect\nname: East China Telecom\ntier: A\nowner: chen-hao\n---\n',
  'accounts/ect/people/zhang-wei.md': person('zhang-wei', 'ect', 'zhang.wei@ect.example.cn'),
  'accounts/ect/people/wang-fang.md': person('wang-fang', 'ect', '[wang.fang@ect.example.cn, fang.wang@gmail.example]'),
  'accounts/ect/people/li-ming.md': person('li-ming', 'ect', 'Li.Ming@ECT.example.cn'),
  'accounts/ect/interactions-2026.md': ECT_LOG,
  'accounts/yh/account.md': '---\nkind: account\nid: yh\nname: Yuanhang\ntier: B\nowner: chen-hao\n---\n',
  'accounts/yh/people/zhao-lei.md': person('zhao-lei', 'yh', 'zhao.lei@yuanhang.example'),
};

async function cli(args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: Io = { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) }, cwd, env: {} };
  return { code: await main(args, io), stdout, stderr };
}

/** The text with every line that holds an import marker removed (the user's own bytes). */
const withoutImported = (text: string) => text.replace(/(?:\r\n|\n)?- [^\r\n]*<!-- ics:[^\r\n]* -->/g, '');

describe('keyplan import', function () {
  this.timeout(120_000);
  let dir: string;
  beforeEach(() => {
    dir = writeTempWorkspace(WORKSPACE);
    writeFileSync(path.join(dir, 'calendar.ics'), CALENDAR);
  });
  afterEach(() => removeDir(dir));

  it('reads the calendar: dates in the event\'s own zone, recurrences up to the as-of date, cancellations and the future left out', () => {
    const reading = readCalendar(CALENDAR, { asOf: AS_OF });
    const got = reading.occurrences.map((o) => `${o.date} ${o.online ? 'online' : 'place'} ${o.key}`);
    assert.deepEqual(got, [
      '2026-11-02 place visit-1102@keyplan.test',
      '2026-11-04 online weekly-sync@keyplan.test#20261104T090000',
      // 23:00 in New York: still the 5th there (the 6th in Shanghai).
      '2026-11-05 online new-york-late-1105@keyplan.test',
      // 02:00 UTC is 10:00 in the calendar's zone (X-WR-TIMEZONE: Asia/Shanghai), the same day.
      '2026-11-10 online teams-1110@keyplan.test',
      '2026-11-13 place guest-only-1113@keyplan.test',
      // 16:30 UTC on the 12th is 00:30 on the 13th in Shanghai.
      '2026-11-13 online utc-midnight-1112@keyplan.test',
      // The occurrence of the 18th was moved to the 19th: dated when it was held, keyed by its original time.
      '2026-11-19 online weekly-sync@keyplan.test#20261118T090000',
      '2026-11-20 place joint-1120@keyplan.test',
    ]);
    assert.equal(reading.cancelled, 2, 'the cancelled event and the cancelled occurrence of the 25th');
    assert.equal(reading.future, 2, 'the series\' next occurrence and the meeting of 12-10');
    assert.deepEqual(reading.occurrences.find((o) => o.uid === 'visit-1102@keyplan.test')!.addresses, ['zhang.wei@ect.example.cn', 'wang.fang@ect.example.cn', 'guest@partner.example', 'chen.hao@ourco.example']);
  });

  it('--dry-run prints the entries and writes nothing', async () => {
    const before = readFileSync(path.join(dir, 'accounts/ect/interactions-2026.md'), 'utf8');
    const r = await cli(['import', 'calendar.ics', '.', '--dry-run', '--as-of', AS_OF], dir);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^Would add 8 entries from calendar\.ics \(dry run, nothing written\):/);
    assert.match(r.stdout, /- 2026-11-02 visit @zhang-wei @wang-fang: 5G 核心网 TCO 评审, with ＠sun-jianguo's team <!-- ics:visit-1102%40keyplan\.test -->/);
    assert.match(r.stdout, /accounts\/yh\/interactions-2026\.md \(would be created\)/);
    assert.match(r.stdout, /guest@partner\.example \(3 meetings\)/);
    assert.doesNotMatch(r.stdout, /ourco/, 'own addresses (import.ignore) are not listed');
    assert.match(r.stdout, /2026-11-13 Lunch with a partner/);
    assert.match(r.stdout, /Skipped: 2 cancelled, 2 after 2026-11-30\./);
    assert.equal(readFileSync(path.join(dir, 'accounts/ect/interactions-2026.md'), 'utf8'), before);
    assert.ok(!existsSync(path.join(dir, 'accounts/yh/interactions-2026.md')));
  });

  it('writes the entries in date order into the right logs, keeping every other byte; a re-import adds nothing', async () => {
    const r = await cli(['import', 'calendar.ics', '--as-of', AS_OF], dir);
    assert.equal(r.code, 0, r.stderr);
    const ect = readFileSync(path.join(dir, 'accounts/ect/interactions-2026.md'), 'utf8');
    assert.equal(withoutImported(ect), ECT_LOG, 'the user\'s bytes are all there, unchanged');
    assert.ok(!/[^\r]\n/.test(ect), 'CRLF line endings kept');
    const lines = ect.split('\r\n');
    assert.deepEqual(lines.slice(8, 25), [
      '## 2026-10',
      '',
      '- 2026-10-21 call @li-ming: 确认割接演练窗口',
      '  details on a continuation line',
      '',
      '## 2026-11',
      '',
      "- 2026-11-02 visit @zhang-wei @wang-fang: 5G 核心网 TCO 评审, with ＠sun-jianguo's team <!-- ics:visit-1102%40keyplan.test -->",
      '- 2026-11-04 meeting @li-ming: Weekly sync <!-- ics:weekly-sync%40keyplan.test%2320261104T090000 -->',
      '- 2026-11-05 wechat @wang-fang: 确认招标时间表   ',
      '- 2026-11-10 meeting @li-ming: Lab test results <!-- ics:teams-1110%40keyplan.test -->',
      '- 2026-11-13 meeting @zhang-wei: Early-morning cutover check <!-- ics:utc-midnight-1112%40keyplan.test -->',
      '- 2026-11-19 meeting @li-ming: Weekly sync (moved) <!-- ics:weekly-sync%40keyplan.test%2320261118T090000 -->',
      '- 2026-11-20 visit @zhang-wei: Joint 5G + MES workshop <!-- ics:joint-1120%40keyplan.test -->',
      '- 2026-11-25 call @zhang-wei: 已有的一条',
      '',
      'Notes after the list stay where they are.',
    ]);
    // A new log from the template, for the account's other participant of the joint workshop.
    assert.equal(readFileSync(path.join(dir, 'accounts/yh/interactions-2026.md'), 'utf8'), [
      '---', 'kind: interaction-log', 'account: yh', 'year: 2026', '---', '', '# 2026', '',
      '- 2026-11-05 meeting @zhao-lei: Late call with the US team <!-- ics:new-york-late-1105%40keyplan.test -->',
      '- 2026-11-20 visit @zhao-lei: Joint 5G + MES workshop <!-- ics:joint-1120%40keyplan.test -->',
      '',
    ].join('\n'));

    // The entries are well-formed, their summaries do not hold the marker, and the workspace has no log findings.
    const entries = parseInteractionLog(ect.slice(ect.indexOf('# 2026'))).entries;
    assert.equal(entries.length, 9);
    assert.ok(entries.every((e) => !e.summary.includes('<!--')));
    const files = Object.fromEntries(Object.keys(WORKSPACE).map((f) => [f, readFileSync(path.join(dir, f), 'utf8')]));
    files['accounts/yh/interactions-2026.md'] = readFileSync(path.join(dir, 'accounts/yh/interactions-2026.md'), 'utf8');
    const result = checkAll(files);
    for (const rule of ['log-entry-malformed', 'unknown-channel', 'unknown-reference', 'schema']) assert.deepEqual(only(result.diagnostics, rule).map((d) => d.message), [], rule);

    const again = await cli(['import', 'calendar.ics', '--as-of', AS_OF, '--format', 'json'], dir);
    assert.equal(again.code, 0, again.stderr);
    const out = JSON.parse(again.stdout);
    assert.equal(out.written, 0);
    assert.deepEqual(out.entries, []);
    assert.equal(out.alreadyImported.length, 7, 'every meeting with an entry; the guest-only lunch is again not matched');
    assert.equal(out.noMatch.length, 1);
    assert.equal(readFileSync(path.join(dir, 'accounts/ect/interactions-2026.md'), 'utf8'), ect);
  });

  it('--format json lists entries, the unmatched, and what was skipped', async () => {
    const r = await cli(['import', 'calendar.ics', '--dry-run', '--as-of', AS_OF, '--format', 'json'], dir);
    assert.equal(r.code, 0, r.stderr);
    const out = JSON.parse(r.stdout);
    assert.equal(out.version, 1);
    assert.equal(out.dryRun, true);
    assert.equal(out.written, 0);
    assert.equal(out.entries.length, 8);
    assert.deepEqual(out.entries.filter((e: { key: string }) => e.key === 'joint-1120@keyplan.test').map((e: { account: string; people: string[] }) => `${e.account}:${e.people}`), ['ect:zhang-wei', 'yh:zhao-lei']);
    assert.deepEqual(out.unmatched, [{ address: 'guest@partner.example', meetings: 3 }]);
    assert.deepEqual(out.noMatch.map((m: { key: string }) => m.key), ['guest-only-1113@keyplan.test']);
    assert.deepEqual(out.skipped, { cancelled: 2, future: 2, beforeSince: 0 });
  });

  it('--since leaves out earlier meetings; the channels come from keyplan.yaml import', async () => {
    writeFileSync(path.join(dir, 'keyplan.yaml'), 'import:\n  online: call\n  in_person: dinner\n');
    const r = await cli(['import', 'calendar.ics', '--dry-run', '--as-of', AS_OF, '--since', '2026-11-10', '--format', 'json'], dir);
    assert.equal(r.code, 0, r.stderr);
    const out = JSON.parse(r.stdout);
    assert.deepEqual(out.entries.map((e: { date: string; channel: string }) => `${e.date} ${e.channel}`), ['2026-11-10 call', '2026-11-13 call', '2026-11-19 call', '2026-11-20 dinner', '2026-11-20 dinner']);
    assert.equal(out.skipped.beforeSince, 3);
    assert.ok(out.unmatched.some((u: { address: string }) => u.address === 'chen.hao@ourco.example'), 'without import.ignore our own address is listed');
  });

  it('an import channel that is not a channel of the workspace is refused (exit 2); an invalid value falls back with a finding', async () => {
    writeFileSync(path.join(dir, 'keyplan.yaml'), 'channels: [visit, call, other]\n');
    const r = await cli(['import', 'calendar.ics', '--dry-run', '--as-of', AS_OF], dir);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /channel 'meeting' for online meetings is not in this workspace's channels \(visit, call, other\); set import\.online in keyplan\.yaml/);

    writeFileSync(path.join(dir, 'keyplan.yaml'), 'import:\n  online: two words\n  in_person: call\n');
    const check = await cli(['check', '.', '--as-of', AS_OF, '--format', 'json'], dir);
    const findings = JSON.parse(check.stdout).findings ?? JSON.parse(check.stdout).diagnostics ?? [];
    const finding = JSON.stringify(findings.filter((f: { file: string }) => f.file === 'keyplan.yaml'));
    assert.match(finding, /Using the built-in `meeting` instead/);
    const dry = JSON.parse((await cli(['import', 'calendar.ics', '--dry-run', '--as-of', AS_OF, '--format', 'json'], dir)).stdout);
    assert.deepEqual([...new Set(dry.entries.map((e: { channel: string }) => e.channel))].sort(), ['call', 'meeting']);
  });

  it('an address two active people share is matched to nobody, and listed', async () => {
    writeFileSync(path.join(dir, 'accounts/ect/people/li-ming.md'), person('li-ming', 'ect', 'zhang.wei@ect.example.cn'));
    const out = JSON.parse((await cli(['import', 'calendar.ics', '--dry-run', '--as-of', AS_OF, '--format', 'json'], dir)).stdout);
    assert.deepEqual(out.ambiguous, [{ address: 'zhang.wei@ect.example.cn', people: ['li-ming', 'zhang-wei'] }]);
    assert.ok(out.entries.every((e: { people: string[] }) => !e.people.includes('zhang-wei') && !e.people.includes('li-ming')));
  });

  it('a log file where a new log would go that is not this account\'s log is never written into', async () => {
    writeFileSync(path.join(dir, 'accounts/yh/interactions-2026.md'), 'my own notes\n');
    const r = await cli(['import', 'calendar.ics', '--as-of', AS_OF], dir);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /accounts\/yh\/interactions-2026\.md exists but is not a log of yh/);
    assert.equal(readFileSync(path.join(dir, 'accounts/yh/interactions-2026.md'), 'utf8'), 'my own notes\n');
    assert.equal(readFileSync(path.join(dir, 'accounts/ect/interactions-2026.md'), 'utf8'), ECT_LOG);
  });

  describe('hostile calendars', () => {
    const wrap = (events: string) => `BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\n${events}END:VCALENDAR\r\n`;

    it('an event that cannot be read costs that event only: the others are imported, it is named, exit 1', async () => {
      const good = 'BEGIN:VEVENT\r\nUID:good-1\r\nDTSTART:20261105T020000Z\r\nSUMMARY:评审\r\nLOCATION:会议室\r\nATTENDEE:mailto:zhang.wei@ect.example.cn\r\nEND:VEVENT\r\n';
      const bad = [
        'BEGIN:VEVENT\r\nUID:d1\r\nDTSTART:notadate\r\nATTENDEE:mailto:zhang.wei@ect.example.cn\r\nEND:VEVENT\r\n',
        'BEGIN:VEVENT\r\nUID:r1\r\nDTSTART:20261101T100000Z\r\nRRULE:garbage\r\nATTENDEE:mailto:zhang.wei@ect.example.cn\r\nEND:VEVENT\r\n',
        'BEGIN:VEVENT\r\nUID:s1\r\nSUMMARY:x\r\nATTENDEE:mailto:zhang.wei@ect.example.cn\r\nEND:VEVENT\r\n',
      ];
      writeFileSync(path.join(dir, 'mixed.ics'), wrap(bad[0] + good + bad[1] + bad[2]));
      const r = await cli(['import', 'mixed.ics', '--as-of', AS_OF], dir);
      assert.equal(r.code, 1, r.stderr);
      assert.match(r.stdout, /^Added 1 entry from mixed\.ics:/);
      assert.match(r.stdout, /Events that cannot be read \(left out; the others are imported\): 3 events/);
      assert.match(r.stderr, /mixed\.ics: event d1 cannot be read: invalid date-time value.*; left out/);
      assert.match(r.stderr, /mixed\.ics: event r1 cannot be read/);
      assert.match(r.stderr, /mixed\.ics: event s1 has no DTSTART; left out/);
      assert.match(readFileSync(path.join(dir, 'accounts/ect/interactions-2026.md'), 'utf8'), /- 2026-11-05 visit @zhang-wei: 评审 <!-- ics:good-1 -->/);
      const json = await cli(['import', 'mixed.ics', '--as-of', AS_OF, '--format', 'json', '--dry-run'], dir);
      assert.equal(json.code, 1);
      assert.deepEqual(JSON.parse(json.stdout).unreadable.map((u: { uid: string }) => u.uid), ['d1', 'r1', 's1']);
    });

    it('why a calendar or an event cannot be read is said in the language of the command line (#18)', async () => {
      writeFileSync(path.join(dir, 'nodate.ics'), wrap('BEGIN:VEVENT\r\nUID:s1\r\nATTENDEE:mailto:zhang.wei@ect.example.cn\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nDTSTART:notadate\r\nATTENDEE:mailto:zhang.wei@ect.example.cn\r\nEND:VEVENT\r\n'));
      const r = await cli(['import', 'nodate.ics', '--as-of', AS_OF, '--locale', 'zh-CN', '--dry-run'], dir);
      assert.equal(r.code, 1, r.stderr);
      assert.match(r.stderr, /nodate\.ics：事件 s1 没有 DTSTART（开始时间）；已略去/);
      assert.match(r.stderr, /nodate\.ics：事件 （无 UID） 无法读取：/);
      assert.doesNotMatch(r.stderr + r.stdout, /has no DTSTART|cannot be read|without UID/);
      writeFileSync(path.join(dir, 'vcard.ics'), 'BEGIN:VCARD\r\nVERSION:4.0\r\nFN:x\r\nEND:VCARD\r\n');
      const v = await cli(['import', 'vcard.ics', '--as-of', AS_OF, '--locale', 'zh-CN'], dir);
      assert.equal(v.code, 2);
      assert.match(v.stderr, /vcard\.ics: 不是 iCalendar 文件：没有 BEGIN:VCALENDAR … END:VCALENDAR/);
      const json = await cli(['import', 'nodate.ics', '--as-of', AS_OF, '--format', 'json', '--dry-run'], dir);
      assert.deepEqual(JSON.parse(json.stdout).unreadable.map((u: { uid: string | null; reason: string }) => [u.uid, u.reason.split(':')[0]]), [['s1', 'has no DTSTART'], [null, 'cannot be read']]);
    });

    it('a malformed file, an empty one, a missing one and one that is not UTF-8 are clear errors (exit 2)', async () => {
      const cases: [string, string | Buffer, RegExp][] = [
        ['bad.ics', 'BEGIN:VCALENDAR\r\nthis is no content line\r\nEND:VCALENDAR\r\n', /bad\.ics: not a valid iCalendar file: invalid line/],
        ['empty.ics', '', /empty\.ics: not an iCalendar file: no BEGIN:VCALENDAR/],
        ['vcard.ics', 'BEGIN:VCARD\r\nVERSION:4.0\r\nFN:x\r\nEND:VCARD\r\n', /vcard\.ics: not an iCalendar file/],
        ['unclosed.ics', 'BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:u1\r\n', /unclosed\.ics: not a valid iCalendar file: invalid ical body/],
        ['latin1.ics', Buffer.from([0x42, 0x45, 0x47, 0x49, 0x4e, 0x3a, 0xe9, 0x0d, 0x0a]), /latin1\.ics: not UTF-8 text/],
      ];
      for (const [name, content, message] of cases) {
        writeFileSync(path.join(dir, name), content);
        const r = await cli(['import', name, '--as-of', AS_OF], dir);
        assert.equal(r.code, 2, name);
        assert.match(r.stderr, message, name);
        assert.equal(r.stdout, '', name);
      }
      const missing = await cli(['import', 'nope.ics', '--as-of', AS_OF], dir);
      assert.equal(missing.code, 2);
      assert.match(missing.stderr, /nope\.ics: no such file/);
      const none = await cli(['import', '--as-of', AS_OF], dir);
      assert.equal(none.code, 2);
      assert.match(none.stderr, /import needs a calendar file/);
    });

    it('a huge RRULE COUNT is expanded only up to the as-of date and at most MAX_OCCURRENCES times', () => {
      const huge = wrap('BEGIN:VEVENT\r\nUID:huge\r\nDTSTART:20000101T090000Z\r\nRRULE:FREQ=DAILY;COUNT=2000000000\r\nSUMMARY:x\r\nATTENDEE:mailto:a@b.example\r\nEND:VEVENT\r\n'
        + 'BEGIN:VEVENT\r\nUID:secondly\r\nDTSTART:20261129T090000Z\r\nRRULE:FREQ=SECONDLY\r\nSUMMARY:y\r\nEND:VEVENT\r\n'
        + 'BEGIN:VEVENT\r\nUID:short\r\nDTSTART:20261127T090000Z\r\nRRULE:FREQ=DAILY;COUNT=1000000\r\nSUMMARY:z\r\nEND:VEVENT\r\n');
      const reading = readCalendar(huge, { asOf: AS_OF });
      assert.deepEqual(reading.truncated, ['huge', 'secondly']);
      assert.equal(reading.occurrences.filter((o) => o.uid === 'huge').length, MAX_OCCURRENCES);
      assert.equal(reading.occurrences.filter((o) => o.uid === 'secondly').length, MAX_OCCURRENCES);
      // A series that reaches the as-of date stops there: 27th, 28th, 29th and 30th, then the 1st is in the future.
      assert.equal(reading.occurrences.filter((o) => o.uid === 'short').length, 4);
      assert.equal(reading.future, 1);
    });

    it('control characters, line breaks, HTML and mentions in a SUMMARY are written as one harmless line', async () => {
      const summary = 'Budget\\nreview \u001b[31mred\u001b[0m <!-- ics:fake --> @zhang-wei \u202eevil';
      writeFileSync(path.join(dir, 'hostile.ics'), wrap(`BEGIN:VEVENT\r\nUID:hostile-1\r\nDTSTART:20261101T090000Z\r\nSUMMARY:${summary}\r\nATTENDEE:mailto:zhang.wei@ect.example.cn\r\nEND:VEVENT\r\n`));
      const r = await cli(['import', 'hostile.ics', '--as-of', AS_OF], dir);
      assert.equal(r.code, 0, r.stderr);
      assert.ok(!/\u001b/.test(r.stdout), 'no escape sequence reaches the terminal');
      const log = readFileSync(path.join(dir, 'accounts/ect/interactions-2026.md'), 'utf8');
      const line = log.split('\r\n').find((l) => l.includes('hostile-1'))!;
      assert.equal(line, '- 2026-11-01 meeting @zhang-wei: Budget review \ufffd[31mred\ufffd[0m \\<!-- ics:fake --> ＠zhang-wei \ufffdevil <!-- ics:hostile-1 -->');
      assert.deepEqual(markerKeys(line), ['fake', 'hostile-1'].filter((k) => line.includes(`<!-- ics:${k} -->`)));
      const entry = parseEntryLine(line.slice(2));
      assert.ok(!('problem' in entry));
      if (!('problem' in entry)) {
        assert.deepEqual(entry.people, ['zhang-wei']);
        assert.deepEqual(entry.mentions.map((m) => m.id), ['zhang-wei'], 'the escaped @ is no mention');
        assert.ok(!entry.summary.endsWith('-->'));
      }
    });
  });
});

describe('import building blocks', () => {
  it('the marker is not summary text; a marker alone is an empty summary', () => {
    const e = parseEntryLine(`2026-11-02 meeting @zhang-wei: Review ${importMarker('a b@c#d-->')}`);
    assert.ok(!('problem' in e) && e.summary === 'Review');
    assert.equal(importMarker('a b@c#d-->'), '<!-- ics:a%20b%40c%23d--%3E -->');
    assert.deepEqual(markerKeys(importMarker('a b@c#d-->')), ['a b@c#d-->']);
    const empty = parseEntryLine(`2026-11-02 meeting @zhang-wei: ${importMarker('k')}`);
    assert.ok('problem' in empty && empty.problem === 'summary');
    // Any other trailing comment stays part of the summary (only the import marker is special).
    const other = parseEntryLine('2026-11-02 meeting @zhang-wei: Review <!-- note -->');
    assert.ok(!('problem' in other) && other.summary === 'Review <!-- note -->');
  });

  it('summaryOf: one line, long subjects cut, an e-mail address kept', () => {
    assert.equal(summaryOf('  a\r\n\tb  '), 'a b');
    assert.equal(summaryOf(''), '-');
    assert.equal(summaryOf('mail bob@x.example'), 'mail bob@x.example');
    const long = summaryOf('x'.repeat(1000));
    assert.equal([...long].length, 300);
    assert.ok(long.endsWith('…'));
  });

  it('insertions: between entries after continuation lines, before the first, at the end of a log without entries', () => {
    const text = '---\nkind: interaction-log\naccount: a\n---\n\n- 2026-01-05 call @x: a\n  more\n\n  still more\n- 2026-02-01 call @x: b\n';
    assert.equal(
      insertEntries(text, [{ date: '2026-01-10', line: 'L10' }, { date: '2026-01-01', line: 'L01' }, { date: '2026-03-01', line: 'L03' }]),
      '---\nkind: interaction-log\naccount: a\n---\n\nL01\n- 2026-01-05 call @x: a\n  more\n\n  still more\nL10\n- 2026-02-01 call @x: b\nL03\n',
    );
    assert.equal(insertEntries('---\nkind: interaction-log\naccount: a\n---\n\n# Log', [{ date: '2026-01-10', line: '- L' }]), '---\nkind: interaction-log\naccount: a\n---\n\n# Log\n\n- L\n');
    // The insertions an editor applies give the same text.
    const lines = [{ date: '2026-01-10', line: 'L10' }, { date: '2026-01-11', line: 'L11' }, { date: '2026-01-01', line: 'L01' }];
    let applied = text;
    for (const i of [...insertionsFor(text, lines)].reverse()) applied = applied.slice(0, i.offset) + i.text + applied.slice(i.offset);
    assert.equal(applied, insertEntries(text, lines));
  });

  it('email on a person: one address or a list; anything else is a schema finding', () => {
    const files = {
      'a.md': '---\nkind: account\nid: acme\nname: Acme\ntier: C\nowner: li-na\n---\n',
      'p1.md': person('p-one', 'acme', 'one@acme.example'),
      'p2.md': person('p-two', 'acme', '[two@acme.example, "Two@Home.example"]'),
      'p3.md': person('p-three', 'acme', 'not an address'),
    };
    const findings = only(checkAll(files).diagnostics, 'schema');
    assert.deepEqual(findings.map((d) => d.file), ['p3.md']);
  });
});
