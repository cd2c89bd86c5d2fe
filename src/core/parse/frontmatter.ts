/** Finds the YAML frontmatter fence at the top of a Markdown file, keeping exact offsets. */
import { isDocumentKind } from '../kinds.js';

export interface FrontmatterSpan {
  /** Offset of the first character of the YAML text (the line after the opening fence). */
  yamlStart: number;
  /** Offset just past the YAML text (start of the closing fence line). */
  yamlEnd: number;
  /** Offset of the body (the line after the closing fence); equals text length when there is none. */
  bodyStart: number;
  /** False when the opening fence has no closing fence. */
  closed: boolean;
}

const OPEN = /^---[ \t]*(?:\r\n|\r|\n|$)/;
const CLOSE = /^(?:---|\.\.\.)[ \t]*$/m;

/** Returns null when the file does not start with a `---` fence (then it is not a Keyplan document). */
export function findFrontmatter(text: string): FrontmatterSpan | null {
  const open = OPEN.exec(text);
  if (!open) return null;
  const yamlStart = open[0].length;
  const rest = text.slice(yamlStart);
  const close = CLOSE.exec(rest);
  if (!close) return { yamlStart, yamlEnd: text.length, bodyStart: text.length, closed: false };
  const yamlEnd = yamlStart + close.index;
  let bodyStart = yamlEnd + close[0].length;
  if (text.charCodeAt(bodyStart) === 13) bodyStart++;
  if (text.charCodeAt(bodyStart) === 10) bodyStart++;
  return { yamlStart, yamlEnd, bodyStart, closed: true };
}

/** `kind: person` at the start of a line; the key and the value may be quoted (`"kind": "person"`). */
const KIND_LINE = /^(["']?)kind\1[ \t]*:[ \t]*(["']?)([A-Za-z0-9_-]+)\2[ \t]*(?:#.*)?$/m;

/** A frontmatter written as one flow mapping (`{kind: person, id: …}`, or JSON), after any comment lines. */
const FLOW_MAPPING = /^(?:[ \t]*(?:#[^\r\n]*)?(?:\r\n|\r|\n))*[ \t]*\{/;
const KIND_IN_FLOW = /[{,][ \t\r\n]*(["']?)kind\1[ \t]*:[ \t\r\n]*(["']?)([A-Za-z0-9_-]+)\2[ \t\r\n]*(?=[,}#])/;
const KIND_LINES = new RegExp(KIND_LINE.source, 'gm');
const KINDS_IN_FLOW = new RegExp(KIND_IN_FLOW.source, 'g');

/**
 * Cheap look at the `kind:` line without parsing YAML, to skip ordinary Markdown quickly. Block
 * style (the usual), quoted keys and one flow mapping are recognised; the full parse confirms.
 */
export function sniffKind(yamlText: string): string | null {
  const m = KIND_LINE.exec(yamlText);
  if (m) return m[3];
  if (!FLOW_MAPPING.test(yamlText)) return null;
  // In a flow mapping a look cannot tell the top-level `kind` from a nested one (an objective's
  // `kind: retention` written before it): a document kind among them sends the file to the parse,
  // which reads the top-level one.
  let first: string | null = null;
  for (const f of yamlText.matchAll(KINDS_IN_FLOW)) {
    if (isDocumentKind(f[3])) return f[3];
    first ??= f[3];
  }
  return first;
}

/**
 * Whether a frontmatter may declare `kind` as far as a look without parsing can tell: a superset
 * of what the parse finds. Only when every `kind:` line at the start of a line names another kind,
 * and the frontmatter is no flow mapping (whose top-level `kind` a look cannot tell from a nested
 * one), does it surely not.
 */
export function mayDeclareKind(yamlText: string, kind: string): boolean {
  if (FLOW_MAPPING.test(yamlText)) return true;
  let seen = false;
  for (const m of yamlText.matchAll(KIND_LINES)) {
    if (m[3] === kind) return true;
    seen = true;
  }
  return !seen;
}

/** A top-level `key: id-like-value` a quick look can see in a frontmatter that cannot be parsed. */
export function sniffValue(yamlText: string, key: 'id' | 'account'): string | undefined {
  return new RegExp(`^${key}[ \\t]*:[ \\t]*["']?([a-z0-9-]+)`, 'm').exec(yamlText)?.[1];
}
