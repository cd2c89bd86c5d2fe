/**
 * Matching findings between two revisions: a finding is the same when its rule, its file (after
 * renames) and its subject agree. The subject comes from the finding's data — the person,
 * objective, account or field path it is about — never from its line number, so inserting a line
 * above a problem does not make it look fixed and introduced again. Then how a matched finding
 * appears in the diff: redacted for sharing, its position flattened.
 */
import { kindLookup, redactSensitive } from '../analysis/redact.js';
import type { CheckResult, SourceFile } from '../check/pipeline.js';
import type { Diagnostic, Severity } from '../diagnostic.js';
import { compareDiagnostics } from '../diagnostic.js';
import type { KeyplanDocument } from '../parse/document.js';
import { decodeText, LineIndex } from '../parse/text.js';
import type { FindingRef } from './model.js';

/** Tells what a finding is about, from the documents and files of one revision. */
export type SubjectOf = (d: Diagnostic) => string;

/**
 * A finding's subject: the person, objective and data path it names (array indices replaced by
 * the item's id, person or value, so reordering a list changes nothing), else the account, else
 * the text of the line it is on (log entries, YAML syntax).
 */
export function subjectResolver(documents: readonly KeyplanDocument[], files: readonly SourceFile[] = []): SubjectOf {
  const docs = new Map(documents.map((d) => [d.path, d]));
  const sources = new Map(files.map((f) => [f.path, f]));
  const rawData = new Map<string, unknown>();
  const lineIndexes = new Map<string, { text: string; lines: LineIndex } | null>();

  const raw = (doc: KeyplanDocument): unknown => {
    if (!rawData.has(doc.path)) {
      let value: unknown;
      try {
        // Findings carry paths into the data as written (before invalid values were dropped).
        value = doc.yaml.toJS({ maxAliasCount: 100 });
      } catch {
        value = doc.data;
      }
      rawData.set(doc.path, value);
    }
    return rawData.get(doc.path);
  };

  const lineText = (file: string, line: number): string => {
    let entry = lineIndexes.get(file);
    if (entry === undefined) {
      const doc = docs.get(file);
      let text: string | undefined = doc?.text;
      if (text === undefined) {
        const src = sources.get(file);
        if (src) {
          if (typeof src.content === 'string') text = src.content;
          else {
            const decoded = decodeText(src.content);
            text = decoded.ok ? decoded.text : undefined;
          }
        }
      }
      entry = text === undefined ? null : { text, lines: new LineIndex(text) };
      lineIndexes.set(file, entry);
    }
    if (!entry || line < 1 || line > entry.lines.lineCount) return '';
    return entry.text.slice(entry.lines.lineStart(line), entry.lines.lineEnd(line)).trim();
  };

  return (d) => {
    const data = d.data ?? {};
    const parts: string[] = [];
    for (const key of ['person', 'objective'] as const) if (typeof data[key] === 'string') parts.push(`${key}=${data[key]}`);
    if (Array.isArray(data.path)) {
      const doc = docs.get(d.file);
      parts.push(`path=${stablePath(data.path as (string | number)[], doc ? raw(doc) : undefined)}`);
      for (const key of ['missingProperty', 'field'] as const) if (typeof data[key] === 'string') parts.push(`${key}=${data[key]}`);
    }
    if (!parts.length && typeof data.account === 'string') parts.push(`account=${data.account}`);
    if (!parts.length) {
      for (const key of ['reference', 'id', 'value', 'problem', 'yamlCode'] as const) if (data[key] !== undefined) parts.push(`${key}=${String(data[key])}`);
      parts.push(`text=${lineText(d.file, d.range.start.line)}`);
    }
    return parts.join('|');
  };
}

/** `contacts.2.person` → `contacts.@zhang-wei.person`; `objectives.1.due` → `objectives.#win-5g.due`. */
function stablePath(path: (string | number)[], data: unknown): string {
  const out: string[] = [];
  let node: unknown = data;
  for (const seg of path) {
    let label = String(seg);
    if (typeof seg === 'number' && Array.isArray(node)) {
      const item: unknown = node[seg];
      if (item && typeof item === 'object' && !Array.isArray(item)) {
        const rec = item as Record<string, unknown>;
        if (typeof rec.id === 'string') label = `#${rec.id}`;
        else if (typeof rec.person === 'string') label = `@${rec.person}`;
      } else if (typeof item === 'string' || typeof item === 'number') label = `=${item}`;
    }
    out.push(label);
    node = node && typeof node === 'object' ? (node as Record<string | number, unknown>)[seg] : undefined;
  }
  return out.join('.');
}

export interface FindingMatch {
  introduced: Diagnostic[];
  resolved: Diagnostic[];
  /** Present in both revisions with another severity (e.g. after a tier change). */
  severityChanged: { finding: Diagnostic; from: Severity }[];
}

/**
 * HEAD's findings minus BASE's, and the other way round. `renamed` maps a BASE path to its HEAD
 * path (files moved with git mv keep their findings). Equal keys are paired in position order.
 */
export function matchFindings(
  base: readonly Diagnostic[],
  head: readonly Diagnostic[],
  options: { baseSubject: SubjectOf; headSubject: SubjectOf; renamed?: (basePath: string) => string },
): FindingMatch {
  const renamed = options.renamed ?? ((p: string) => p);
  const group = (list: readonly Diagnostic[], subject: SubjectOf, path: (p: string) => string) => {
    const map = new Map<string, Diagnostic[]>();
    for (const d of list) {
      const key = `${d.rule}\u0000${path(d.file)}\u0000${subject(d)}`;
      const bucket = map.get(key);
      if (bucket) bucket.push(d);
      else map.set(key, [d]);
    }
    return map;
  };
  const before = group(base, options.baseSubject, renamed);
  const after = group(head, options.headSubject, (p) => p);
  const out: FindingMatch = { introduced: [], resolved: [], severityChanged: [] };
  for (const [key, now] of after) {
    const was = [...(before.get(key) ?? [])].sort(compareDiagnostics);
    const sorted = [...now].sort(compareDiagnostics);
    sorted.forEach((d, i) => {
      const old = was[i];
      if (!old) out.introduced.push(d);
      else if (old.severity !== d.severity) out.severityChanged.push({ finding: d, from: old.severity });
    });
    was.slice(sorted.length).forEach((d) => out.resolved.push(d));
  }
  for (const [key, was] of before) if (!after.has(key)) out.resolved.push(...was);
  out.introduced.sort(compareDiagnostics);
  out.resolved.sort(compareDiagnostics);
  out.severityChanged.sort((a, b) => compareDiagnostics(a.finding, b.finding));
  return out;
}

/** Findings as the diff may show them: those about sensitive personal fields name only the field. */
export function redactor(result: CheckResult): (list: Diagnostic[]) => Diagnostic[] {
  const kindOf = kindLookup(result.documents);
  return (list) => redactSensitive(list, kindOf, result.locale);
}

/** A finding as the diff reports it: its position flattened. */
export function findingRef(d: Diagnostic): FindingRef {
  return { rule: d.rule, severity: d.severity, file: d.file, line: d.range.start.line, column: d.range.start.column, endLine: d.range.end.line, endColumn: d.range.end.column, message: d.message };
}
