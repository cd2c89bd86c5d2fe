/**
 * Helpers for the language-feature tests (test/unit/language-*.test.ts): cursor markers, in-memory
 * workspaces, the samples as text, and applying text edits given as 1-based line/column ranges.
 */
import assert from 'node:assert/strict';
import { checkWorkspace, type CheckOptions, type CheckResult, type SourceFile } from '../../../src/core/check/pipeline.js';
import { loadWorkspaceFiles } from '../../../src/disk/walk.js';
import type { Range } from '../../../src/core/diagnostic.js';
import { languageModel, type LanguageModel } from '../../../src/core/language/model.js';
import { SAMPLES } from '../../helpers.js';

/** The as-of date the samples are documented at. */
export const AS_OF = '2026-11-20';

/** Text with a `|` cursor marker → the text without it and the marker's offset. */
export function cursor(marked: string, marker = '|'): { text: string; offset: number } {
  const offset = marked.indexOf(marker);
  assert.ok(offset >= 0, `no cursor marker in ${JSON.stringify(marked)}`);
  assert.equal(marked.indexOf(marker, offset + 1), -1, `more than one cursor marker in ${JSON.stringify(marked)}`);
  return { text: marked.slice(0, offset) + marked.slice(offset + marker.length), offset };
}

/** Offset of the `n`-th (0-based) occurrence of `needle`, plus `delta`. */
export function offsetOf(text: string, needle: string, delta = 0, n = 0): number {
  let at = -1;
  for (let i = 0; i <= n; i++) {
    at = text.indexOf(needle, at + 1);
    assert.ok(at >= 0, `${JSON.stringify(needle)} (#${i}) not found`);
  }
  return at + delta;
}

/** Frontmatter document from YAML lines and an optional body (LF line endings). */
export function doc(yamlLines: string[], body = ''): string {
  return `---\n${yamlLines.join('\n')}\n---\n${body}`;
}

export type Files = Record<string, string>;

export function sources(files: Files): SourceFile[] {
  return Object.entries(files).map(([path, content]) => ({ path, content }));
}

export function checkFiles(files: Files, options: CheckOptions = {}): CheckResult {
  return checkWorkspace(sources(files), { asOf: AS_OF, ...options });
}

export function modelOf(files: Files, options: CheckOptions = {}): LanguageModel {
  return languageModel(checkFiles(files, options));
}

let samplesCache: Files | undefined;

/** The samples workspace as text (keyplan.yaml and every Markdown file), read once. */
export async function sampleTexts(): Promise<Files> {
  if (!samplesCache) {
    const { files, failed } = await loadWorkspaceFiles(SAMPLES);
    assert.deepEqual(failed, []);
    const decoder = new TextDecoder('utf-8', { fatal: true });
    samplesCache = Object.fromEntries(files.map((f) => [f.path, typeof f.content === 'string' ? f.content : decoder.decode(f.content)]));
  }
  return { ...samplesCache };
}

/** Start offsets of the lines of `text` (LF, CRLF and lone CR all end a line). */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\r' && text[i + 1] === '\n') {
      starts.push(i + 2);
      i++;
    } else if (text[i] === '\n' || text[i] === '\r') starts.push(i + 1);
  }
  return starts;
}

/** Converts a 1-based line/column range to offsets (independent of the code under test). */
export function rangeOffsets(text: string, range: Range): [number, number] {
  const starts = lineStarts(text);
  const at = (p: { line: number; column: number }) => {
    assert.ok(p.line >= 1 && p.line <= starts.length, `line ${p.line} out of range`);
    const offset = starts[p.line - 1] + p.column - 1;
    assert.ok(offset <= text.length, `column ${p.column} of line ${p.line} out of range`);
    return offset;
  };
  return [at(range.start), at(range.end)];
}

export interface Edit {
  range: Range;
  newText: string;
}

/** Applies non-overlapping edits to one text. */
export function applyEdits(text: string, edits: Edit[]): string {
  const spans = edits.map((e) => ({ span: rangeOffsets(text, e.range), newText: e.newText })).sort((a, b) => a.span[0] - b.span[0]);
  for (let i = 1; i < spans.length; i++) assert.ok(spans[i].span[0] >= spans[i - 1].span[1], 'overlapping edits');
  let out = text;
  for (const { span, newText } of [...spans].reverse()) out = out.slice(0, span[0]) + newText + out.slice(span[1]);
  return out;
}

/** Applies edits that name their file to a set of files. */
export function applyFileEdits(files: Files, edits: (Edit & { file: string })[]): Files {
  const out = { ...files };
  const byFile = new Map<string, Edit[]>();
  for (const e of edits) byFile.set(e.file, [...(byFile.get(e.file) ?? []), e]);
  for (const [file, list] of byFile) {
    assert.ok(file in out, `edit in unknown file ${file}`);
    out[file] = applyEdits(out[file], list);
  }
  return out;
}
