/**
 * Round-trip properties of every edit Keyplan makes to a user's file (matrix drag, Log
 * Interaction, rename, quick fixes), on generated valid documents written in every style: block
 * and flow, plain and quoted keys and values, comments, LF, CRLF or lone CR. Each edit must touch
 * exactly the intended bytes (the old value, the old id, or nothing for an insertion), and the file
 * must read back with the intended change and nothing else changed.
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
  arbId, arbStyle, arbWorkspace, AS_OF, CHANNELS, MOVABLE_STANCES, params, personFields, sourcesOf, workspaceFiles, writeDocument, type Eol, type GenWorkspace,
} from './helpers/generators.js';
import { rangeOffsets } from './helpers/language.js';

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
    fc.assert(fc.property(arbWorkspace, fc.constantFrom(...MOVABLE_STANCES), fc.integer({ min: 1, max: 5 }), (w, stance, influence) => {
      const p = w.people[0];
      const path = `accounts/${w.account.id}/people/${p.id}.md`;
      const text = writeDocument(personFields(w, p), p.style, ['', 'Notes: stance: opponent, influence: 1'], influence);
      const before = dataOf(path, text);
      const edits = placementEdits(text, stance, influence);
      assert.ok(edits, `no edit for a valid person:\n${text}`);
      checkSpans(text, edits);
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
    }), params(400));
    record('roundtrip.placement', n);
  });

  it('Log Interaction appends one entry and keeps every existing byte, whatever the log looks like', () => {
    const block = fc.constantFrom(
      '## 2026-10', '- 2026-10-01 call @zhang-wei: first', '- 2026-10-02 meeting @zhang-wei @li-ming: second  ', '* 2026-10-03 visit @li-ming: star bullet',
      '  - nested item', 'Prose paragraph with @zhang-wei.', '```', '- 2026-10-04 call @x: in code', '```', '> - 2026-10-05 call @li-ming: quoted', '', '   ', '<!-- note -->', '1. 2026-10-06 call @li-ming: numbered',
    );
    let n = 0;
    fc.assert(fc.property(
      fc.array(block, { maxLength: 12 }), fc.constantFrom<Eol>('\n', '\r\n', '\r'), fc.boolean(), fc.constantFrom(...CHANNELS), fc.string({ unit: 'grapheme', maxLength: 40 }),
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
        assert.equal(added.summary, summary.replace(/\s*[\r\n\u2028\u2029\u0085\v\f]+\s*/g, ' ').trim() || '-');
        n++;
      },
    ), params(500));
    record('roundtrip.log-append', n);

    function parse(t: string) {
      const outcome = parseKeyplanDocument('log.md', t, 'en');
      assert.equal(outcome.status, 'document');
      return (outcome as { document: { log: { entries: { date: string; channel: string; people: string[]; summary: string }[] } } }).document.log.entries
        .map(({ date, channel, people, summary: s }) => ({ date, channel, people, summary: s }));
    }
  });

  it('rename a person id across the workspace', () => {
    let n = 0;
    fc.assert(fc.property(arbWorkspace, arbId, (w, suffix) => {
      const files = workspaceFiles(w);
      const result = checkWorkspace(sourcesOf(files), { asOf: AS_OF });
      const person = w.people[0];
      const newId = `${person.id}-${suffix}`;
      if (w.people.some((p) => p.id === newId) || newId === w.account.id) return;
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
      n++;
    }), params(250));
    record('roundtrip.rename', n);
  });

  it('quick fixes replace only the faulty token (or only insert), and the finding goes away', () => {
    let n = 0;
    fc.assert(fc.property(arbWorkspace, fc.nat(3), arbStyle, (w, which, style) => {
      const files: Record<string, string> = workspaceFiles(w);
      const p = { ...w.people[0], style };
      const path = `accounts/${w.account.id}/people/${p.id}.md`;
      let rule: string;
      let target = path;
      if (which === 0) {
        files[path] = writeDocument(personFields(w, { ...p, stance: 'suportive' }), style);
        rule = 'schema';
      } else if (which === 1) {
        if (p.stance !== undefined) return;
        files[path] = writeDocument(personFields(w, p).map(([k, v]) => [k === 'coverage' ? 'coverag' : k, v]), style);
        if (p.coverage === undefined) return;
        rule = 'unknown-field';
      } else if (which === 2) {
        if (style.flow) return;
        files[path] = writeDocument(personFields(w, p).filter(([k]) => k !== 'name'), style);
        rule = 'schema';
      } else {
        target = `accounts/${w.account.id}/interactions-2026.md`;
        const typo = p.id.length > 2 ? p.id.slice(0, -1) + (p.id.endsWith('x') ? 'y' : 'x') : `${p.id}x`;
        if (w.people.some((q) => q.id === typo)) return;
        files[target] = files[target] + `- 2026-03-03 call @${typo}: typo${style.eol}`;
        rule = 'unknown-reference';
      }
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
    }), params(300));
    record('roundtrip.quick-fix', n);
  });
});

export type { GenWorkspace };
