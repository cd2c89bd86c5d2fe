/** Turning file bytes into text, and offsets into line/column positions. */
import type { Position, Range } from '../diagnostic.js';

export type DecodeResult =
  | { ok: true; text: string; hadBom: boolean }
  | { ok: false; reason: 'binary' | 'not-utf8' };

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * Decodes a file as strict UTF-8. A NUL byte in the first 8 kB marks a binary file (as git does)
 * unless `allowNul`; invalid UTF-8 is reported rather than silently replaced, so we never rewrite a
 * file we misread.
 */
export function decodeText(bytes: Uint8Array, allowNul = false): DecodeResult {
  const probe = bytes.subarray(0, 8192);
  if (!allowNul && probe.includes(0)) return { ok: false, reason: 'binary' };
  let text: string;
  try {
    text = strictUtf8.decode(bytes);
  } catch {
    return { ok: false, reason: 'not-utf8' };
  }
  const hadBom = text.charCodeAt(0) === 0xfeff;
  return { ok: true, text: hadBom ? text.slice(1) : text, hadBom };
}

/** Maps string offsets to 1-based line/column. Recognises LF, CRLF and lone CR line breaks. */
export class LineIndex {
  private readonly starts: number[];

  constructor(private readonly text: string) {
    const starts = [0];
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) starts.push(i + 1);
      else if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      }
    }
    this.starts = starts;
  }

  get lineCount(): number {
    return this.starts.length;
  }

  position(offset: number): Position {
    let o = Math.max(0, Math.min(offset, this.text.length));
    // Between the CR and the LF of a CRLF is still the end of the line, not a column past it.
    if (o > 0 && this.text.charCodeAt(o) === 10 && this.text.charCodeAt(o - 1) === 13) o--;
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: o - this.starts[lo] + 1 };
  }

  range(start: number, end: number): Range {
    return { start: this.position(start), end: this.position(Math.max(start, end)) };
  }

  offset(pos: Position): number {
    const lineStart = this.starts[Math.max(0, Math.min(pos.line - 1, this.starts.length - 1))];
    return Math.min(lineStart + pos.column - 1, this.text.length);
  }

  lineStart(line: number): number {
    return this.starts[Math.max(0, Math.min(line - 1, this.starts.length - 1))];
  }

  /** Offset just past the line's content (before its line break). */
  lineEnd(line: number): number {
    const l = Math.max(1, Math.min(line, this.starts.length));
    let end = l < this.starts.length ? this.starts[l] : this.text.length;
    while (end > this.starts[l - 1] && (this.text.charCodeAt(end - 1) === 10 || this.text.charCodeAt(end - 1) === 13)) end--;
    return end;
  }
}

/** Range covering a whole line's content, for findings that are about a line. */
export function lineRange(index: LineIndex, line: number): Range {
  return index.range(index.lineStart(line), index.lineEnd(line));
}
