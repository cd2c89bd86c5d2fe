import assert from 'node:assert/strict';
import type { CheckResult } from '../../src/core/check/pipeline.js';
import { appendLogEntry, formatLogEntry, newLogDocument, type NewEntry } from '../../src/core/language/log-entry.js';
import { detectEol } from '../../src/core/language/log-placement.js';
import { AS_OF, checkFiles, doc, sampleTexts, type Files } from './helpers/language.js';

const LOG = 'accounts/acme/interactions-2026.md';
const BASE: Files = {
  'accounts/acme/account.md': doc(['kind: account', 'id: acme', 'name: Acme', 'tier: B', 'owner: li-na']),
  'accounts/acme/people/zhang-wei.md': doc(['kind: person', 'id: zhang-wei', 'account: acme', 'name: 张伟']),
  'accounts/acme/people/wang-fang.md': doc(['kind: person', 'id: wang-fang', 'account: acme', 'name: 王芳']),
};
/** zhang-wei was last met 2026-03-02: overdue at the as-of date (B tier: 60/90 days). */
const ENTRY: NewEntry = { date: '2026-11-19', channel: 'meeting', people: ['zhang-wei', 'wang-fang'], summary: 'Reviewed the quote' };
const LINE = '- 2026-11-19 meeting @zhang-wei @wang-fang: Reviewed the quote';

function insert(text: string, entry: NewEntry = ENTRY): { result: string; offset: number; inserted: string } {
  const ins = appendLogEntry(text, entry);
  assert.ok(ins.offset >= 0 && ins.offset <= text.length);
  return { result: text.slice(0, ins.offset) + ins.text + text.slice(ins.offset), offset: ins.offset, inserted: ins.text };
}

const stateOf = (r: CheckResult, id: string) => r.cadences.find((c) => c.person.id === id)?.state;

/** Checks the log before and after appending ENTRY: one more interaction, zhang-wei overdue → ok, no new findings. */
function assertAppended(before: string, after: string): void {
  const r0 = checkFiles({ ...BASE, [LOG]: before });
  const r1 = checkFiles({ ...BASE, [LOG]: after });
  const errors = (r: CheckResult) => r.diagnostics.filter((d) => d.file === LOG && (d.severity === 'error' || d.rule === 'unknown-channel'));
  assert.deepEqual(errors(r0), [], 'the fixture itself is clean');
  assert.deepEqual(errors(r1), [], 'the appended entry is well-formed');
  const doc0 = r0.documents.find((d) => d.path === LOG)!;
  const doc1 = r1.documents.find((d) => d.path === LOG)!;
  assert.equal(doc1.log.entries.length, doc0.log.entries.length + 1, 'one new entry');
  assert.deepEqual(doc1.log.malformed, []);
  const added = doc1.log.entries.find((e) => e.date === ENTRY.date)!;
  assert.ok(added);
  assert.equal(added.channel, 'meeting');
  assert.deepEqual(added.people, ['zhang-wei', 'wang-fang']);
  assert.equal(added.summary, 'Reviewed the quote');
  assert.deepEqual(doc0.log.entries.map((e) => [e.date, e.summary]), doc1.log.entries.filter((e) => e !== added).map((e) => [e.date, e.summary]), 'the old entries are intact');
  assert.equal(stateOf(r0, 'zhang-wei'), 'overdue');
  assert.equal(stateOf(r1, 'zhang-wei'), 'ok');
  assert.equal(r1.cadences.find((c) => c.person.id === 'zhang-wei')!.last?.date, ENTRY.date);
}

describe('language: interaction-log entries', () => {
  describe('formatLogEntry', () => {
    it('formats one entry line', () => {
      assert.equal(formatLogEntry(ENTRY), LINE);
      assert.equal(formatLogEntry({ date: '2026-01-05', channel: 'executive-exchange', people: ['a'], summary: '中文：摘要' }), '- 2026-01-05 executive-exchange @a: 中文：摘要');
    });

    it('folds line breaks in the summary (LF, CRLF, CR) so the entry stays on one line', () => {
      assert.equal(formatLogEntry({ ...ENTRY, summary: '  first\nsecond\r\n\r\nthird\rfourth  ' }), '- 2026-11-19 meeting @zhang-wei @wang-fang: first second third fourth');
    });

    it('an empty summary becomes a placeholder, so the entry stays valid', () => {
      const line = formatLogEntry({ ...ENTRY, summary: ' \n ' });
      assert.equal(line, '- 2026-11-19 meeting @zhang-wei @wang-fang: -');
      const r = checkFiles({ ...BASE, [LOG]: doc(['kind: interaction-log', 'account: acme'], `${line}\n`) });
      assert.equal(r.documents.find((d) => d.path === LOG)!.log.entries.length, 1);
    });

    it('rejects invalid dates', () => {
      for (const date of ['2026-02-30', '2026-2-3', '2026/11/02', '', 'today', '2026-11-02 ']) {
        assert.throws(() => formatLogEntry({ ...ENTRY, date }), /invalid date/, date);
      }
    });

    it('rejects invalid channels', () => {
      for (const channel of ['', 'a b', 'visit:', 'visit：', '@visit', 'vi\nsit']) {
        assert.throws(() => formatLogEntry({ ...ENTRY, channel }), /invalid channel/, JSON.stringify(channel));
      }
    });

    it('rejects missing or invalid person ids', () => {
      for (const people of [[], ['@zhang-wei'], ['Zhang'], ['zhang wei'], ['zhang-wei', ''], ['zhang_wei'], ['x: y']]) {
        assert.throws(() => formatLogEntry({ ...ENTRY, people }), /person id/, JSON.stringify(people));
      }
    });
  });

  describe('detectEol', () => {
    it('is the first line break of the file, LF by default', () => {
      assert.equal(detectEol('a\r\nb\nc'), '\r\n');
      assert.equal(detectEol('a\rb'), '\r');
      assert.equal(detectEol('a\nb\r\n'), '\n');
      assert.equal(detectEol('abc'), '\n');
    });
  });

  describe('appendLogEntry', () => {
    const head = doc(['kind: interaction-log', 'account: acme', 'year: 2026'], '\n# 2026\n\n## March\n\n');
    const old = '- 2026-03-02 visit @zhang-wei @wang-fang: Kick-off';

    it('LF, ending with a newline: right after the last entry', () => {
      const text = `${head}${old}\n`;
      const { result, offset, inserted } = insert(text);
      assert.equal(offset, text.length - 1, 'before the final newline');
      assert.equal(inserted, `\n${LINE}`);
      assert.equal(result, `${head}${old}\n${LINE}\n`);
      assertAppended(text, result);
    });

    it('CRLF: the new line uses CRLF and nothing else changes', () => {
      const text = `${head}${old}\n`.replace(/\n/g, '\r\n');
      const { result, offset } = insert(text);
      assert.equal(result.slice(0, offset), text.slice(0, offset));
      assert.equal(result.slice(-2), '\r\n');
      assert.equal(result, `${head}${old}\n${LINE}\n`.replace(/\n/g, '\r\n'));
      assert.ok(!/[^\r]\n/.test(result), 'no bare LF');
      assertAppended(text, result);
    });

    it('lone CR: the new line uses CR', () => {
      const text = `${head}${old}\n`.replace(/\n/g, '\r');
      const { result } = insert(text);
      assert.equal(result, `${head}${old}\n${LINE}\n`.replace(/\n/g, '\r'));
      assert.ok(!result.includes('\n'));
      assertAppended(text, result);
    });

    it('a file not ending with a newline: appended after a line break, the text stays a prefix', () => {
      const text = `${head}${old}`;
      const { result, offset } = insert(text);
      assert.equal(offset, text.length);
      assert.ok(result.startsWith(text));
      assert.equal(result, `${head}${old}\n${LINE}`);
      assertAppended(text, result);
    });

    it('trailing blank lines: the entry goes right after the last entry, the blank lines stay after it', () => {
      const text = `${head}${old}\n\n\n`;
      const { result, offset } = insert(text);
      assert.equal(offset, `${head}${old}`.length);
      assert.equal(result, `${head}${old}\n${LINE}\n\n\n`);
      assertAppended(text, result);
      const crlf = text.replace(/\n/g, '\r\n');
      assert.equal(insert(crlf).result, result.replace(/\n/g, '\r\n'));
    });

    it('a last entry with trailing spaces keeps them', () => {
      const text = `${head}${old}   \n`;
      const { result, offset } = insert(text);
      assert.equal(offset, `${head}${old}   `.length);
      assert.equal(result, `${head}${old}   \n${LINE}\n`);
      assertAppended(text, result);
      const noNewline = `${head}${old}  `;
      assert.equal(insert(noNewline).result, `${head}${old}  \n${LINE}`);
    });

    it('entries under several headings: after the last one', () => {
      const text = `${head}${old}\n\n## November\n\n- 2026-11-01 call @wang-fang: Follow-up\n`;
      const { result } = insert(text);
      assert.equal(result, `${text.slice(0, -1)}\n${LINE}\n`);
      assertAppended(text, result);
    });

    it('a body with no list yet: appended at the end after a blank line', () => {
      const text = doc(['kind: interaction-log', 'account: acme'], '\n# 2026\n\nNo meetings yet.\n');
      const { result, offset } = insert(text);
      assert.equal(offset, text.length);
      assert.equal(result, `${text}\n${LINE}\n`);
      assert.ok(result.startsWith(text));
      const r = checkFiles({ ...BASE, [LOG]: result });
      assert.equal(r.documents.find((d) => d.path === LOG)!.log.entries.length, 1);
      assert.equal(stateOf(r, 'zhang-wei'), 'ok');
      const noNewline = text.slice(0, -1);
      assert.equal(insert(noNewline).result, `${noNewline}\n\n${LINE}\n`);
      const crlf = text.replace(/\n/g, '\r\n');
      assert.equal(insert(crlf).result, `${text}\n${LINE}\n`.replace(/\n/g, '\r\n'));
    });

    it('a log that is only frontmatter', () => {
      for (const text of ['---\nkind: interaction-log\naccount: acme\n---\n', '---\nkind: interaction-log\naccount: acme\n---']) {
        const { result } = insert(text);
        assert.ok(result.startsWith(text));
        const r = checkFiles({ ...BASE, [LOG]: result });
        assert.deepEqual(r.diagnostics.filter((d) => d.file === LOG && d.severity === 'error'), [], JSON.stringify(result));
        assert.equal(r.documents.find((d) => d.path === LOG)!.log.entries.length, 1);
      }
    });

    it('an empty file gets just the entry', () => {
      assert.equal(insert('').result, `${LINE}\n`);
    });

    it('on the samples: zhang-wei goes from overdue to ok, and the file keeps every byte', async () => {
      const texts = await sampleTexts();
      const file = 'accounts/east-china-telecom/interactions-2026.md';
      const before = checkFiles(texts);
      assert.equal(stateOf(before, 'zhang-wei'), 'overdue');
      const entry: NewEntry = { date: AS_OF, channel: 'visit', people: ['zhang-wei'], summary: 'Lab review follow-up.\nNext: quote' };
      const { result, offset, inserted } = insert(texts[file], entry);
      assert.equal(result.slice(0, offset), texts[file].slice(0, offset));
      assert.equal(result.slice(offset + inserted.length), texts[file].slice(offset));
      assert.equal(inserted, '\n- 2026-11-20 visit @zhang-wei: Lab review follow-up. Next: quote');
      const after = checkFiles({ ...texts, [file]: result });
      assert.equal(stateOf(after, 'zhang-wei'), 'ok');
      assert.equal(after.workspace.accounts.get('east-china-telecom')!.interactions.length, before.workspace.accounts.get('east-china-telecom')!.interactions.length + 1);
      const key = (r: CheckResult) => r.diagnostics.filter((d) => d.file === file).map((d) => `${d.range.start.line} ${d.rule}`);
      assert.deepEqual(key(after), key(before), 'no new findings in the log');
    });
  });

  describe('newLogDocument', () => {
    it('is a valid interaction log for the account and year', () => {
      const text = newLogDocument('acme', 2026);
      assert.equal(text, '---\nkind: interaction-log\naccount: acme\nyear: 2026\n---\n\n# 2026\n');
      const r = checkFiles({ ...BASE, [LOG]: text });
      assert.deepEqual(r.diagnostics.filter((d) => d.file === LOG), []);
      const d = r.documents.find((x) => x.path === LOG)!;
      assert.equal(d.kind, 'interaction-log');
      assert.deepEqual(d.data, { kind: 'interaction-log', account: 'acme', year: 2026 });
    });

    it('with a first entry, LF and CRLF: the entry counts', () => {
      for (const eol of ['\n', '\r\n']) {
        const text = newLogDocument('acme', 2026, ENTRY, eol);
        assert.ok(text.includes(`${eol}${LINE}${eol}`));
        assert.equal(text.split(eol).join('\n').includes('\r'), false, 'one kind of line break');
        const r = checkFiles({ ...BASE, [LOG]: text });
        assert.deepEqual(r.diagnostics.filter((d) => d.file === LOG), []);
        assert.equal(stateOf(r, 'zhang-wei'), 'ok');
        const appended = insert(text, { ...ENTRY, date: '2026-11-20', people: ['wang-fang'] }).result;
        assert.equal(checkFiles({ ...BASE, [LOG]: appended }).documents.find((x) => x.path === LOG)!.log.entries.length, 2);
      }
    });

    it('rejects an invalid first entry', () => {
      assert.throws(() => newLogDocument('acme', 2026, { ...ENTRY, date: '2026-13-01' }));
    });
  });
});
