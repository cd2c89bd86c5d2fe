/**
 * Plain-text tables for the terminal. Widths are measured in terminal columns with the Unicode
 * East Asian Width data (`get-east-asian-width`, already used for the SVG text): Chinese,
 * Japanese, Korean and fullwidth characters take two columns, combining marks and format
 * characters none. A table given a width (the terminal's, when stdout is one) is fitted to it:
 * the widest columns give way first, and a cell that no longer fits is cut with `…`.
 */
import { eastAsianWidth } from 'get-east-asian-width';

const ZERO = /^[\p{Mn}\p{Me}\p{Cf}]$/u;
/** Colour escapes (our own Style) take no column. */
const ANSI = /\u001b\[[0-9;]*m/g;
const ELLIPSIS = '…';
/** Columns between two cells. */
const GAP = 2;
/** Columns are narrowed to this first, then (when the table still does not fit) to MIN_COLUMN. */
const COMFORTABLE_COLUMN = 16;
/** A column is never narrowed below this (or its natural width, when smaller). */
const MIN_COLUMN = 6;

/** Columns one character (code point) takes in a terminal. */
export function charWidth(ch: string): number {
  const code = ch.codePointAt(0) ?? 0;
  if (code < 0x20 || (code >= 0x7f && code < 0xa0) || ZERO.test(ch)) return 0;
  return eastAsianWidth(code);
}

/** Columns `s` takes in a terminal. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s.replace(ANSI, '')) w += charWidth(ch);
  return w;
}

/** `s` cut to at most `width` columns, ending in `…` when it was cut (plain text, no colours). */
export function truncate(s: string, width: number): string {
  if (displayWidth(s) <= width) return s;
  if (width <= 0) return '';
  let out = '';
  let w = 0;
  for (const ch of s) {
    const cw = charWidth(ch);
    if (w + cw > width - 1) break;
    out += ch;
    w += cw;
  }
  return out + ELLIPSIS;
}

function pad(s: string, width: number): string {
  return s + ' '.repeat(Math.max(0, width - displayWidth(s)));
}

export interface TableOptions {
  /** The columns the table may take (the terminal's width); no limit when undefined. */
  maxWidth?: number;
}

/**
 * Column widths: natural, then narrowed until the row fits `maxWidth`: the widest column gives
 * way first, down to a comfortable width (so short columns such as a state or a number stay
 * whole), then, if that is not enough, down to a few columns each.
 */
export function columnWidths(header: string[], rows: string[][], maxWidth?: number): number[] {
  const widths = header.map((h, i) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i] ?? ''))));
  if (maxWidth === undefined || !Number.isFinite(maxWidth)) return widths;
  const total = () => widths.reduce((a, b) => a + b, 0) + GAP * (widths.length - 1);
  for (const least of [COMFORTABLE_COLUMN, MIN_COLUMN]) {
    const floor = widths.map((w) => Math.min(w, least));
    while (total() > maxWidth) {
      let widest = -1;
      for (let i = 0; i < widths.length; i++) if (widths[i] > floor[i] && (widest < 0 || widths[i] > widths[widest])) widest = i;
      if (widest < 0) break;
      widths[widest]--;
    }
  }
  return widths; // every column at its floor and still too wide: the terminal wraps what is left
}

export function textTable(header: string[], rows: string[][], options: TableOptions = {}): string {
  const widths = columnWidths(header, rows, options.maxWidth);
  const line = (cells: string[]) => cells.map((c, i) => {
    const cell = truncate(c, widths[i]);
    return i === cells.length - 1 ? cell : pad(cell, widths[i]);
  }).join(' '.repeat(GAP)).trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n') + '\n';
}

/** The width tables are fitted to: the terminal's columns when stdout is a terminal, otherwise none. */
export function terminalWidth(stream: { isTTY?: boolean; columns?: number }, env: NodeJS.ProcessEnv = {}): number | undefined {
  if (!stream.isTTY) return undefined;
  if (stream.columns && stream.columns > 0) return stream.columns;
  const fromEnv = Number(env.COLUMNS);
  return Number.isInteger(fromEnv) && fromEnv > 0 ? fromEnv : 80;
}
