/**
 * Person and account references across the workspace: what is under the cursor, where it is
 * defined, everywhere it is used, and the edits that rename it.
 */
import type { Range } from '../diagnostic.js';
import type { KeyplanDocument } from '../parse/document.js';
import { findFrontmatter } from '../parse/frontmatter.js';
import type { OrgPortraitData, PersonData, RelationshipPlanData } from '../model/types.js';
import type { Workspace } from '../model/workspace.js';
import { influenceLinks } from '../model/influences.js';
import type { DataPath } from '../parse/yaml-locate.js';
import { cursorContext } from './context.js';
import { insideQuotes } from './ranges.js';
import type { LanguageModel } from './model.js';

export type ReferenceKind = 'person' | 'account';

export interface Location {
  file: string;
  range: Range;
}

export interface TextEdit {
  file: string;
  range: Range;
  newText: string;
}

export interface SymbolAtCursor {
  kind: ReferenceKind;
  id: string;
  /** Offsets of the id in the text under the cursor. */
  start: number;
  end: number;
}

const ID_AT = /[a-z0-9-]/i;

/** The person or account id under the cursor: a reference value, an `@mention`, or a document's own `id:`. */
export function symbolAt(text: string, offset: number, model: LanguageModel): SymbolAtCursor | undefined {
  let start = offset;
  let end = offset;
  while (start > 0 && ID_AT.test(text[start - 1])) start--;
  while (end < text.length && ID_AT.test(text[end])) end++;
  if (start === end) return undefined;
  const id = text.slice(start, end);
  const span = findFrontmatter(text);
  if (span && start >= span.bodyStart) {
    if (text[start - 1] !== '@') return undefined;
    return model.result.workspace.people.has(id) ? { kind: 'person', id, start, end } : undefined;
  }
  const ctx = cursorContext(text, offset);
  if (!ctx.kind || (ctx.where !== 'value' && ctx.where !== 'key')) return undefined;
  // In key mode only an item of a block list of scalars (`influences:\n  - zhang-wei`) can be a reference.
  if (ctx.where === 'key' && (ctx.path[ctx.path.length - 1] !== '*' || /^[\w-]*\s*:/.test(text.slice(ctx.start)))) return undefined;
  if (ctx.key === 'id' && ctx.path.length === 1) {
    if (ctx.kind === 'person') return { kind: 'person', id, start, end };
    if (ctx.kind === 'account') return { kind: 'account', id, start, end };
    return undefined;
  }
  const schema = model.nav.at(ctx.kind, ctx.path);
  const ref = model.nav.referenceKind(schema) ?? model.nav.referenceKind(model.nav.resolve(schema)?.items);
  return ref ? { kind: ref, id, start, end } : undefined;
}

/** Where a person or account is defined: the `id:` value of its file. */
export function definitionOf(ws: Workspace, kind: ReferenceKind, id: string): Location | undefined {
  const doc = kind === 'person' ? ws.people.get(id)?.doc : ws.accounts.get(id)?.doc;
  return doc ? { file: doc.path, range: doc.locate(['id'], 'value') } : undefined;
}

/** Every place that names the id (frontmatter references and `@mentions`), optionally with the definition. */
export function referencesTo(ws: Workspace, kind: ReferenceKind, id: string, includeDeclaration = true): Location[] {
  const out: Location[] = [];
  const at = (doc: KeyplanDocument, path: DataPath) => out.push({ file: doc.path, range: doc.locate(path, 'value') });
  if (includeDeclaration) {
    const def = definitionOf(ws, kind, id);
    if (def) out.push(def);
  }
  for (const doc of ws.documents) {
    if (kind === 'account') {
      if (doc.kind !== 'account' && doc.data.account === id) at(doc, ['account']);
      continue;
    }
    if (doc.kind === 'person') {
      const data = doc.data as unknown as PersonData;
      if (data.reports_to === id) at(doc, ['reports_to']);
      for (const link of influenceLinks(data)) if (link.person === id) at(doc, link.path);
    } else if (doc.kind === 'relationship-plan') {
      const data = doc.data as unknown as RelationshipPlanData;
      (Array.isArray(data.contacts) ? data.contacts : []).forEach((c, i) => c?.person === id && at(doc, ['contacts', i, 'person']));
    } else if (doc.kind === 'org-portrait') {
      const data = doc.data as unknown as OrgPortraitData;
      if (data.procurement?.approval_threshold?.approver === id) at(doc, ['procurement', 'approval_threshold', 'approver']);
    } else if (doc.kind === 'interaction-log') {
      for (const entry of doc.log.entries) {
        for (const m of entry.mentions) if (m.id === id) out.push({ file: doc.path, range: doc.bodyRange(m.start + 1, m.end) });
      }
    }
  }
  return out;
}

export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export type RenameResult =
  | { ok: true; edits: TextEdit[]; fileRename?: { from: string; to: string } }
  | { ok: false; reason: 'invalid-id' | 'taken' | 'unknown' };

/**
 * Edits that rename a person or account id everywhere. The person file is renamed too when its
 * name is the old id (`people/zhang-wei.md`), so files keep matching their ids.
 */
export function renameEdits(ws: Workspace, kind: ReferenceKind, id: string, newId: string): RenameResult {
  if (!ID_PATTERN.test(newId)) return { ok: false, reason: 'invalid-id' };
  const taken = kind === 'person' ? ws.people.has(newId) : ws.accounts.has(newId);
  if (taken && newId !== id) return { ok: false, reason: 'taken' };
  const def = definitionOf(ws, kind, id);
  if (!def) return { ok: false, reason: 'unknown' };
  // Quoted ids keep their quotes: only the id itself is replaced.
  const docs = new Map(ws.documents.map((d) => [d.path, d]));
  const edits = referencesTo(ws, kind, id, true).map((l) => {
    const doc = docs.get(l.file);
    return { file: l.file, range: doc ? insideQuotes(doc.text, l.range, doc.lines) : l.range, newText: newId };
  });
  let fileRename: { from: string; to: string } | undefined;
  if (kind === 'person') {
    const m = /^(.*\/)?([^/]+)\.md$/.exec(def.file);
    if (m && m[2] === id) fileRename = { from: def.file, to: `${m[1] ?? ''}${newId}.md` };
  }
  return { ok: true, edits, fileRename };
}
