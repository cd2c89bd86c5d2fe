/**
 * How wide a piece of text is drawn, estimated without a font: the SVG export has no browser to
 * measure it, and the legend must not run one label into the next. A wide or fullwidth character
 * (Chinese, Japanese, Korean, fullwidth forms: East Asian Width W or F, from the Unicode data in
 * `get-east-asian-width`) takes a full em; a combining mark or format character takes none; other
 * characters take a share of an em by their shape, generously for a proportional sans-serif font.
 */
import { eastAsianWidth } from 'get-east-asian-width';

const ZERO = /^[\p{Mn}\p{Me}\p{Cf}]$/u;

function narrowEm(ch: string): number {
  if (ch === ' ') return 0.3;
  if (/^[A-Z]$/.test(ch)) return ch === 'M' || ch === 'W' ? 0.9 : 0.7;
  if (/^[a-z]$/.test(ch)) return ch === 'm' || ch === 'w' ? 0.85 : /^[iljft]$/.test(ch) ? 0.32 : 0.58;
  if (/^[0-9]$/.test(ch)) return 0.6;
  if (/^[.,:;'|!·]$/.test(ch)) return 0.32;
  return 0.65;
}

/** The width in em of one character (a code point). */
export function charEm(ch: string): number {
  if (ZERO.test(ch)) return 0;
  return eastAsianWidth(ch.codePointAt(0) ?? 0) === 2 ? 1 : narrowEm(ch);
}

/** The estimated width in pixels of `text` drawn at `fontSize` pixels. */
export function textWidth(text: string, fontSize: number): number {
  let em = 0;
  for (const ch of String(text)) em += charEm(ch);
  return em * fontSize;
}
