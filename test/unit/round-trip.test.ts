/**
 * Round-trip properties of every edit Keyplan makes to a user's file (matrix drag, Log
 * Interaction, rename, quick fixes), on generated valid documents written in every style: block
 * and flow, plain and quoted keys and values, comments, LF, CRLF or lone CR. Each edit must touch
 * exactly the intended bytes (the old value, the old id, or nothing for an insertion), and the file
 * must read back with the intended change and nothing else changed.
 *
 * Every property runs from a fixed seed (helpers/property.ts; KEYPLAN_FUZZ_SEED picks another) and
 * counts the branches that make it interesting (an insertion rather than a replacement, a fenced
 * log, a renamed id that the log mentions, each kind of quick fix): a floor on each count makes the
 * test fail when a generator change or an early return stops reaching them.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { checkWorkspace } from '../../src/core/check/pipeline.js';
import { appendLogEntry } from '../../src/core/language/log-entry.js';
import { languageModel } from '../../src/core/language/model.js';
import { applyOffsetEdits, placementEdits } from '../../src/core/language/placement-edit.js';
import { quickFixes } from '../../src/core/language/quick-fixes.js';
import { renameEdits } from '../../src/core/language/references.js';
import { parseKeyplanDocument } from '../../src/core/parse/document.js';
import { isValidationRule } from '../helpers.js';
import { record } from './helpers/figures.js';
import {
  arbId, arbStyle, arbWorkspace, AS_OF, CHANNELS, COVERAGES, MOVABLE_STANCES, personFields, runs, sourcesOf, workspaceFiles, writeDocument, type Eol, type GenWorkspace,
} from './helpers/generators.js';
import { rangeOffsets } from './helpers/language.js';
import { Branches, seeded } from './helpers/property.js';

function dataOf(path: string, text: string): Record<string, unknown> {
  const outcome = parseKeyplanDocument(path, text, 'en');
  assert.equal(outcome.status, 'document', `${path} does not read back as a document:\n${text}`);
  return (outcome as { document: { data: Record<string, unknown> } }).document.data;
}

function without(data: Record<string, unknown>, ...keys: string[]): Record<string, unknown> {
  const copy = { ...data };
  for (const k of keys) delete copy[k];
  return copy;
}

/** Edits as offsets in `text`: sorted, not overlapping, each within the text. */
function checkSpans(text: string, spans: { start: number; end: number }[]): void {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  for (const [i, s] of sorted.entries()) {
    assert.ok(s.start >= 0 && s.start <= s.end && s.end <= text.length, `edit ${JSON.stringify(s)} outside the text`);
    if (i) assert.ok(s.start >= sorted[i - 1].end, 'overlapping edits');
  }
}

describe('round trip: every edit changes only the intended bytes', function () {
  this.timeout(600_000);

  it('matrix drag (set stance and influence) on persons in every style', () => {
    let n = 0;
    const branches = new Branches();
    fc.assert(fc.property(arbWorkspace, fc.constantFrom(...MOVABLE_STANCES), fc.integer({ min: 1, max: 5 }), (w, stance, influence) => {
      const p = w.people[0];
      const path = `accounts/${w.account.id}/people/${p.id}.md`;
      const text = writeDocument(personFields(w, p), p.style, ['', 'Notes: stance: opponent, influence: 1'], influence);
      const before = dataOf(path, text);
      const edits = placementEdits(text, stance, influence);
      assert.ok(edits, `no edit for a valid person:\n${text}`);
      checkSpans(text, edits);
      branches.run();
      branches.hit('insert stance', before.stance === undefined);
      branches.hit('replace stance', before.stance !== undefined);
      branches.hit('insert influence', before.influence === undefined);
      branches.hit('replace influence', before.influence !== undefined);
      branches.hit('insert into a flow mapping', p.style.flow && edits.some((e) => e.start === e.end));
      branches.hit('insert into a block mapping', !p.style.flow && edits.some((e) => e.start === e.end));
      branches.hit('quoted value replaced', edits.some((e) => e.start !== e.end && /["']/.test(text[e.start - 1] ?? '')));
      branches.hit('CRLF or CR', p.style.eol !== '\n');
      for (const e of edits) {
        const old = text.slice(e.start, e.end);
        if (e.start === e.end) {
          // An insertion adds whole `key: value` entries and nothing else.
          assert.match(e.newText, /^((\r\n|\n|\r) *(stance|influence): [\w-]+)+$|^, (stance|influence): [\w-]+(, (stance|influence): [\w-]+)?$| (stance|influence): [\w-]+/, JSON.stringify(e.newText));
        } else {
          // A replacement replaces exactly the old value (inside its quotes, if any).
          assert.ok(old === String(before.stance) || old === String(before.influence), `replaced ${JSON.stringify(old)} in\n${text}`);
        }
      }
      const after = applyOffsetEdits(text, edits);
      const data = dataOf(path, after);
      assert.equal(data.stance, stance);
      assert.equal(data.influence, influence);
      assert.deepEqual(without(data, 'stance', 'influence'), without(before, 'stance', 'influence'));
      // The body and every line ending stay.
      assert.ok(after.endsWith('Notes: stance: opponent, influence: 1' + p.style.eol));
      assert.equal((after.match(/\r\n|\r|\n/g) ?? []).every((eol) => eol === p.style.eol), true, 'mixed line endings');
      n++;
    }), seeded(400));
    record('roundtrip.placement', n);
    branches.assertFloors({
      'insert stance': 0.08, 'replace stance': 0.5, 'insert influence': 0.08, 'replace influence': 0.5,
      'insert into a flow mapping': 0.04, 'insert into a block mapping': 0.04, 'quoted value replaced': 0.1, 'CRLF or CR': 0.25,
    });
  });

  it('Log Interaction appends one entry and keeps every existing byte, whatever the log looks like', () => {
    const block = fc.constantFrom(
      '## 2026-10', '- 2026-10-01 call @zhang-wei: first', '- 2026-10-02 meeting @zhang-wei @li-ming: second  ', '* 2026-10-03 visit @li-ming: star bullet',
      '  - nested item', 'Prose paragraph with @zhang-wei.', '```', '- 2026-10-04 call @x: in code', '```', '> - 2026-10-05 call @li-ming: quoted', '', '   ', '<!-- note -->', '1. 2026-10-06 call @li-ming: numbered',
    );
    // Summaries that must be cleaned up (line breaks, blanks only, empty) come often, not by chance.
    const summaryArb = fc.oneof(
      { weight: 3, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
      { weight: 1, arbitrary: fc.constantFrom('', '   ', 'two\nlines', 'crlf\r\nsplit ', ' lone\rcr', 'sep\u2028arator', 'tab\tand\vvertical\f', '\n\n') },
    );
    let n = 0;
    const branches = new Branches();
    fc.assert(fc.property(
      fc.array(block, { maxLength: 12 }), fc.constantFrom<Eol>('\n', '\r\n', '\r'), fc.boolean(), fc.constantFrom(...CHANNELS), summaryArb,
      (lines, eol, trailingEol, channel, summary) => {
        // Code fences come in pairs (an unclosed fence would swallow the new entry: a case apart).
        if (lines.filter((l) => l === '```').length % 2) lines.push('```');
        const text = `---${eol}kind: interaction-log${eol}account: acme${eol}---${eol}${lines.join(eol)}${trailingEol ? eol : ''}`;
        const entry = { date: AS_OF, channel, people: ['zhang-wei', 'li-ming'], summary };
        const before = parse(text);
        const insertion = appendLogEntry(text, entry);
        assert.ok(insertion.offset >= 0 && insertion.offset <= text.length);
        const after = text.slice(0, insertion.offset) + insertion.text + text.slice(insertion.offset);
        assert.ok(!/\r\n|\n|\r/.test(insertion.text.replace(/^(\r\n|\n|\r)+|(\r\n|\n|\r)+$/g, '')), 'the entry is one line');
        for (const e of insertion.text.match(/\r\n|\r|\n/g) ?? []) assert.equal(e, eol, 'the file keeps its line ending');
        const now = parse(after);
        assert.equal(now.length, before.length + 1, `${JSON.stringify(text)} → ${JSON.stringify(after)}`);
        assert.deepEqual(now.slice(0, before.length), before);
        const added = now[now.length - 1];
        assert.deepEqual([added.date, added.channel, added.people], [AS_OF, channel, ['zhang-wei', 'li-ming']]);
        const cleaned = summary.replace(/\s*[\r\n\u2028\u2029\u0085\v\f]+\s*/g, ' ').trim();
        assert.equal(added.summary, cleaned || '-');
        branches.run();
        branches.hit('log with a code block', lines.includes('```'));
        branches.hit('log with existing entries', before.length > 0);
        branches.hit('log without entries', before.length === 0);
        branches.hit('no line ending at the end', !trailingEol);
        branches.hit('summary with a line break', /[\r\n\u2028\u2029\u0085\v\f]/.test(summary));
        branches.hit('blank summary written as -', !cleaned);
        n++;
      },
    ), seeded(500));
    record('roundtrip.log-append', n);
    branches.assertFloors({
      'log with a code block': 0.2, 'log with existing entries': 0.3, 'log without entries': 0.1, 'no line ending at the end': 0.3,
      'summary with a line break': 0.08, 'blank summary written as -': 0.05,
    });

    function parse(t: string) {
      const outcome = parseKeyplanDocument('log.md', t, 'en');
      assert.equal(outcome.status, 'document');
      return (outcome as { document: { log: { entries: { date: string; channel: string; people: string[]; summary: string }[] } } }).document.log.entries
        .map(({ date, channel, people, summary: s }) => ({ date, channel, people, summary: s }));
    }
  });

  it('rename a person id across the workspace', () => {
    let n = 0;
    let taken = 0;
    const branches = new Branches();
    fc.assert(fc.property(arbWorkspace, arbId, (w, suffix) => {
      const files = workspaceFiles(w);
      const result = checkWorkspace(sourcesOf(files), { asOf: AS_OF });
      const person = w.people[0];
      const newId = `${person.id}-${suffix}`;
      // The new id is taken (rare): counted, and held to a ceiling below.
      if (w.people.some((p) => p.id === newId) || newId === w.account.id) return void taken++;
      const r = renameEdits(result.workspace, 'person', person.id, newId);
      assert.ok(r.ok, JSON.stringify(r));
      const byFile = new Map<string, { start: number; end: number; newText: string }[]>();
      for (const e of r.edits) {
        const [start, end] = rangeOffsets(files[e.file], e.range);
        assert.equal(files[e.file].slice(start, end), person.id, `${e.file}: replaced ${JSON.stringify(files[e.file].slice(start, end))}`);
        byFile.set(e.file, [...(byFile.get(e.file) ?? []), { start, end, newText: e.newText }]);
      }
      const next: Record<string, string> = { ...files };
      for (const [file, spans] of byFile) {
        checkSpans(files[file], spans);
        next[file] = applyOffsetEdits(files[file], spans);
      }
      if (r.fileRename) {
        next[r.fileRename.to] = next[r.fileRename.from];
        delete next[r.fileRename.from];
      }
      const renamed = checkWorkspace(sourcesOf(next), { asOf: AS_OF });
      assert.deepEqual(renamed.diagnostics.filter((d) => d.severity === 'error' || isValidationRule(d.rule)).map((d) => `${d.file} ${d.rule} ${d.message}`), []);
      assert.ok(!renamed.workspace.people.has(person.id));
      const moved = renamed.workspace.people.get(newId);
      assert.ok(moved);
      assert.deepEqual(without(moved.data as unknown as Record<string, unknown>, 'id'), without(result.workspace.people.get(person.id)!.data as unknown as Record<string, unknown>, 'id'));
      // Every mention and plan contact now names the new id, as often as it named the old one.
      const count = (ws: typeof result.workspace, id: string) => ws.accounts.get(w.account.id)!.interactions.filter((i) => i.people.includes(id)).length;
      assert.equal(count(renamed.workspace, newId), count(result.workspace, person.id));
      branches.run();
      branches.hit('mentioned in the log', count(result.workspace, person.id) > 0);
      branches.hit('mentioned twice or more', count(result.workspace, person.id) > 1);
      branches.hit('a plan contact', w.plan.contacts.some((c) => c.person === person.id));
      branches.hit('the person file renamed', Boolean(r.fileRename));
      branches.hit('edits in three files or more', byFile.size >= 3);
      n++;
    }), seeded(250));
    record('roundtrip.rename', n);
    assert.ok(taken <= runs(250) * 0.05, `${taken} of ${runs(250)} cases skipped (new id taken)`);
    branches.assertFloors({ 'mentioned in the log': 0.4, 'mentioned twice or more': 0.2, 'a plan contact': 0.3, 'the person file renamed': 0.9, 'edits in three files or more': 0.15 });
  });

  it('quick fixes replace only the faulty token (or only insert), and the finding goes away', () => {
    let n = 0;
    const branches = new Branches();
    const KINDS = ['enum typo', 'unknown field', 'missing field', 'unknown reference'] as const;
    // Each case is built to reach its kind of fix: no early return skips a case.
    fc.assert(fc.property(arbWorkspace, fc.constantFrom(...KINDS), arbStyle, fc.constantFrom(...COVERAGES), (w, kind, style, coverage) => {
      const files: Record<string, string> = workspaceFiles(w);
      const p = { ...w.people[0], style };
      const path = `accounts/${w.account.id}/people/${p.id}.md`;
      let rule: string;
      let target = path;
      if (kind === 'enum typo') {
        files[path] = writeDocument(personFields(w, { ...p, stance: 'suportive' }), style);
        rule = 'schema';
      } else if (kind === 'unknown field') {
        // `coverag` for `coverage`, on a person without a stance (so the typo is the only finding on it).
        files[path] = writeDocument(personFields(w, { ...p, stance: undefined, coverage: p.coverage ?? coverage }).map(([k, v]) => [k === 'coverage' ? 'coverag' : k, v]), style);
        rule = 'unknown-field';
      } else if (kind === 'missing field') {
        // The missing `name` is inserted as a block entry: the fix is offered for block mappings.
        files[path] = writeDocument(personFields(w, p).filter(([k]) => k !== 'name'), { ...style, flow: false });
        rule = 'schema';
      } else {
        target = `accounts/${w.account.id}/interactions-2026.md`;
        // A one-letter typo of the id that no one in the workspace has.
        const typo = [...'xyzq'].map((c) => (p.id.length > 2 ? p.id.slice(0, -1) + c : `${p.id}${c}`)).find((t) => t !== p.id && !w.people.some((q) => q.id === t) && t !== w.account.id)!;
        files[target] = files[target] + `- 2026-03-03 call @${typo}: typo${style.eol}`;
        rule = 'unknown-reference';
      }
      branches.run();
      branches.hit(kind);
      branches.hit(`${kind}, flow style`, style.flow && kind !== 'missing field' && kind !== 'unknown reference');
      const result = checkWorkspace(sourcesOf(files), { asOf: AS_OF });
      const finding = result.diagnostics.find((d) => d.file === target && d.rule === rule);
      assert.ok(finding, `no ${rule} in ${files[target]}: ${result.diagnostics.map((d) => d.rule)}`);
      const fixes = quickFixes(finding, files[target], languageModel(result));
      const fix = fixes.find((f) => f.preferred) ?? fixes[0];
      assert.ok(fix, `no fix for ${rule}: ${finding.message}`);
      const spans = fix.edits.map((e) => {
        assert.equal(e.file, target);
        const [start, end] = rangeOffsets(files[target], e.range);
        const old = files[target].slice(start, end);
        if (start !== end) assert.ok(['suportive', 'coverag'].includes(old) || /^[a-z0-9-]+$/.test(old), `replaced ${JSON.stringify(old)}`);
        return { start, end, newText: e.newText };
      });
      checkSpans(files[target], spans);
      const fixed = { ...files, [target]: applyOffsetEdits(files[target], spans) };
      const again = checkWorkspace(sourcesOf(fixed), { asOf: AS_OF });
      const same = (d: { rule: string; data?: Record<string, unknown> }) => d.rule === rule && JSON.stringify(d.data?.path ?? d.data?.id) === JSON.stringify(finding.data?.path ?? finding.data?.id);
      assert.ok(!again.diagnostics.some((d) => d.file === target && same(d) && (rule !== 'schema' || d.data?.missingProperty === finding.data?.missingProperty)), `${rule} still reported after the fix:\n${fixed[target]}`);
      n++;
    }), seeded(300));
    record('roundtrip.quick-fix', n);
    assert.equal(n, branches.cases, 'every case that started got to the end');
    branches.assertFloors({
      'enum typo': 0.15, 'unknown field': 0.15, 'missing field': 0.15, 'unknown reference': 0.15,
      'enum typo, flow style': 0.05, 'unknown field, flow style': 0.05,
    });
  });
});

export type { GenWorkspace };
