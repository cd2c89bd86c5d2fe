/**
 * Full-width punctuation typed with a Chinese input method where YAML needs ASCII: a full-width
 * colon `：` after a key, full-width spaces `　` as indentation or after a colon, full-width brackets
 * 【】［］｛｝ around a list or a group, Chinese quotes “ ” ‘ ’ around a value. YAML reads each of
 * them as ordinary text, so without this the user is told something unrelated ("`procurement`
 * should be a group of fields, found text"). Each one is found at the character, said precisely,
 * and carries the replacement the editor's quick fix applies (data.replace).
 */
import type { Diagnostic, Range } from '../diagnostic.js';
import type { Locale } from '../i18n/catalogue.js';
import { yamlSyntax } from '../rules/format/yaml-syntax.js';
import type { LineIndex } from './text.js';

/** Any character this module looks for; a frontmatter without one is not scanned further. */
const ANY = /[：\u3000【】［］｛｝“”‘’]/;
const KEY = '[A-Za-z_][A-Za-z0-9_.-]*';
const COLON = new RegExp(`^([ \\t\\u3000]*(?:-[ \\t\\u3000]+)?)(${KEY})([ \\t]*)：`);
const INDENT = /^[ \t]*\u3000[ \t\u3000]*(?=\S)/;
const SPACE_AFTER_COLON = new RegExp(`^[ \\t]*(?:-[ \\t]+)?${KEY}:(\\u3000+)`);
/** Where a value starts on a line: after `key: ` or `- `. */
const VALUE = new RegExp(`^([ \\t]*(?:-[ \\t]+)?(?:${KEY}[ \\t]*:[ \\t]+)?|[ \\t]*-[ \\t]+)`);
const BLOCK_SCALAR = /:[ \t]*[|>][-+0-9]*[ \t]*(?:#.*)?$/;
const BRACKETS: Record<string, string> = { '【': '[', '】': ']', '［': '[', '］': ']', '｛': '{', '｝': '}' };
const CLOSE: Record<string, string> = { '【': '】', '［': '］', '｛': '｝' };

export type FullWidthVariant = 'full-width-colon' | 'full-width-space' | 'full-width-bracket' | 'full-width-quote';

export interface FullWidthUse {
  variant: FullWidthVariant;
  /** Offsets in the YAML text. */
  start: number;
  end: number;
  /** What replaces [start, end). */
  newText: string;
  /** The characters found and what YAML needs instead, for the message. */
  chars: string;
  ascii: string;
  key?: string;
}

/** Every full-width use in a frontmatter's YAML text, line by line, outside block scalars (`|`, `>`). */
export function findFullWidth(yamlText: string): FullWidthUse[] {
  if (!ANY.test(yamlText)) return [];
  const out: FullWidthUse[] = [];
  let offset = 0;
  let blockIndent = -1;
  for (const line of yamlText.split(/(?<=\n)/)) {
    const at = offset;
    offset += line.length;
    const body = line.replace(/\r?\n$/, '');
    const indent = /^[ \t\u3000]*/.exec(body)![0].length;
    if (blockIndent >= 0) {
      if (body.trim() === '' || indent > blockIndent) continue;
      blockIndent = -1;
    }
    if (BLOCK_SCALAR.test(body)) blockIndent = indent;
    if (!ANY.test(body)) continue;
    const ind = INDENT.exec(body);
    if (ind) out.push({ variant: 'full-width-space', start: at, end: at + ind[0].length, newText: ind[0].replace(/\u3000/g, '  '), chars: '　', ascii: ' ' });
    const colon = COLON.exec(body);
    if (colon) {
      const pos = colon[1].length + colon[2].length + colon[3].length;
      const next = body[pos + 1];
      out.push({ variant: 'full-width-colon', start: at + pos, end: at + pos + 1, newText: next === undefined || next === ' ' ? ':' : ': ', chars: '：', ascii: ':', key: colon[2] });
      continue;
    }
    const after = SPACE_AFTER_COLON.exec(body);
    if (after) {
      const pos = after[0].length - after[1].length;
      out.push({ variant: 'full-width-space', start: at + pos, end: at + pos + after[1].length, newText: ' ', chars: '　', ascii: ' ' });
      continue;
    }
    const lead = VALUE.exec(body)![0].length;
    const value = body.slice(lead).replace(/[ \t]+#.*$/, '').trimEnd();
    const open = value[0];
    if (open in CLOSE && value.endsWith(CLOSE[open]) && value.length >= 2) {
      const inner = value.slice(1, -1).replace(/，/g, ', ').replace(/：/g, ': ');
      out.push({ variant: 'full-width-bracket', start: at + lead, end: at + lead + value.length, newText: `${BRACKETS[open]}${inner}${BRACKETS[CLOSE[open]]}`, chars: `${open}${CLOSE[open]}`, ascii: `${BRACKETS[open]} ${BRACKETS[CLOSE[open]]}` });
      continue;
    }
    const quote = /^([“‘])(.*)([”’“‘])$/.exec(value);
    if (quote && value.length >= 2) {
      const inner = quote[2];
      const newText = /["\\]/.test(inner) ? `'${inner.replace(/'/g, "''")}'` : `"${inner}"`;
      out.push({ variant: 'full-width-quote', start: at + lead, end: at + lead + value.length, newText, chars: `${quote[1]}${quote[3]}`, ascii: quote[1] === '‘' ? "' '" : '" "' });
    }
  }
  return out;
}

/** The findings for the full-width uses of a frontmatter that starts at `base` in its file. */
export function fullWidthDiagnostics(path: string, yamlText: string, base: number, lines: () => LineIndex, locale: Locale): Diagnostic[] {
  return findFullWidth(yamlText).map((use) => {
    const range: Range = lines().range(base + use.start, base + use.end);
    const replace = { range, newText: use.newText, chars: use.chars, ascii: use.ascii };
    // Chinese quotes leave valid YAML (the quotes become part of the text): a warning; the others break the structure.
    return yamlSyntax.diagnostic({ file: path, range }, locale, use.variant, { chars: use.chars, ascii: use.ascii, key: use.key }, { fullWidth: use.variant, replace }, use.variant === 'full-width-quote' ? 'warning' : 'error');
  });
}

/** The lines a full-width finding is on: other findings there (about the text YAML made of it) give way to it. */
export function fullWidthLines(diagnostics: Diagnostic[]): Set<number> {
  const lines = new Set<number>();
  for (const d of diagnostics) {
    if (!d.data?.fullWidth) continue;
    lines.add(d.range.start.line);
    // A full-width indentation also empties the field above it (`health:` then has no value).
    if (d.data.fullWidth === 'full-width-space' && d.range.start.column === 1) lines.add(d.range.start.line - 1);
  }
  return lines;
}
