/** Parsing one Markdown file into a Keyplan document. */
import { parseDocument, type Document as YamlDocument, type YAMLError } from './yaml-runtime.js';
import type { Diagnostic, Range, Severity } from '../diagnostic.js';
import { findFrontmatter, sniffKind, sniffValue, type FrontmatterSpan } from './frontmatter.js';
import type { Locale, Params } from '../i18n/catalogue.js';
import type { Rule } from '../rules/define.js';
import { unknownKind } from '../rules/format/unknown-kind.js';
import { yamlSyntax } from '../rules/format/yaml-syntax.js';
import { DOCUMENT_KINDS, isDocumentKind, type DocumentKind } from '../kinds.js';
import { LineIndex, lineRange } from './text.js';
import { closest } from '../suggest.js';
import { parseInteractionLog, type ParsedLog } from './interaction-log.js';
import { locateInYaml, type DataPath, type LocateTarget } from './yaml-locate.js';
import { YAML_OPTIONS } from './yaml-options.js';
import { fastYamlMapping } from './fast-yaml.js';
import { locateBlock } from './block-locate.js';
import { fullWidthDiagnostics, fullWidthLines } from './full-width.js';

/** Same limit the yaml package applies by default; named here because it is a safety limit. */
const MAX_ALIAS_COUNT = 100;

/**
 * The yaml package does not treat a lone CR (classic Mac line ending) as a line break, while the
 * line index does; turning it into LF keeps every offset and makes both agree.
 */
function yamlSource(yamlText: string): string {
  return yamlText.includes('\r') ? yamlText.replace(/\r(?!\n)/g, '\n') : yamlText;
}

/** `key: value` at column 0 with a one-line scalar value: plain, or quoted without escapes. */
const TOP_LEVEL_SCALAR = /^[ \t]*(?:"[^"\\\r\n]*"|'[^'\r\n]*'|[^\s"'[{|>&*!%@`#,][^\r\n]*?)?(?=[ \t]*(?:#.*)?$)/;

/**
 * Finds a top-level key (and its one-line scalar value) without building the YAML AST: most
 * findings point at `name:` or `stance:` of a block-style frontmatter, and parsing every such file
 * again only for a position was the slowest part of a large check. Anything unusual (flow style,
 * duplicates, multi-line or complex values) returns undefined and goes the exact way.
 */
export function locateTopLevel(yamlText: string, key: string, target: LocateTarget): [number, number] | undefined {
  if (!/^[A-Za-z_][\w-]*$/.test(key) || /^\s*[{[]/.test(yamlText)) return undefined;
  const re = new RegExp(`^${key}[ \\t]*:(?=[ \\t]|$)`, 'gm');
  const first = re.exec(yamlText);
  if (!first || re.exec(yamlText)) return undefined;
  const keyRange: [number, number] = [first.index, first.index + key.length];
  if (target === 'key') return keyRange;
  const afterColon = first.index + first[0].length;
  const lineEnd = yamlText.slice(afterColon).search(/\r\n|\r|\n|$/);
  const rest = yamlText.slice(afterColon, afterColon + lineEnd);
  const value = TOP_LEVEL_SCALAR.exec(rest);
  if (!value) return undefined;
  const text = value[0].trimStart();
  if (!text) return undefined; // a block value on the next lines: the AST knows where
  const start = afterColon + value[0].length - text.length;
  return [start, start + text.length];
}

/** A file holding YAML (a frontmatter span, or all of keyplan.yaml) that can place findings on its keys and values. */
export class YamlFile {
  private lineIndex?: LineIndex;
  private yamlDoc?: YamlDocument;
  private textValue?: string;

  constructor(
    /** Workspace-relative path, forward slashes. */
    readonly path: string,
    text: string,
    readonly span: FrontmatterSpan,
    /**
     * Gives the same text again (decoded anew from the file's bytes, which the checker keeps
     * anyway), so that the text can be let go between uses: see `releaseText`.
     */
    protected readonly reread?: () => string,
  ) {
    this.textValue = text;
  }

  /** The file's text, decoded again from its bytes if it was let go. */
  get text(): string {
    return (this.textValue ??= this.reread!());
  }

  get yamlText(): string {
    return this.text.slice(this.span.yamlStart, this.span.yamlEnd);
  }

  get body(): string {
    return this.text.slice(this.span.bodyStart);
  }

  get lines(): LineIndex {
    return (this.lineIndex ??= new LineIndex(this.text));
  }

  /** The YAML AST with positions, parsed on first use. */
  get yaml(): YamlDocument {
    return (this.yamlDoc ??= parseDocument(yamlSource(this.yamlText), YAML_OPTIONS));
  }

  /** Drops cached positions (the data stays). */
  release(): void {
    this.yamlDoc = undefined;
    this.lineIndex = undefined;
  }

  /**
   * Lets the text go, and the positions built from it, when it can be had again: a decoded text
   * takes up to twice the bytes of the file (UTF-16), and at 10,000 documents the texts were the
   * largest part of what a check keeps. The next position asked for decodes it again.
   */
  releaseText(): void {
    if (!this.reread) return;
    this.textValue = undefined;
    this.release();
  }

  /** Range of a key or value in the frontmatter, falling back to the `kind:` line, then the opening fence. */
  locate(path: DataPath, target: LocateTarget = 'value'): Range {
    const quick = path.length === 1 && typeof path[0] === 'string' ? locateTopLevel(this.yamlText, path[0], target) : path.length > 1 && !this.yamlDoc ? locateBlock(this.yamlText, path, target) : undefined;
    if (quick) return this.lines.range(this.span.yamlStart + quick[0], this.span.yamlStart + quick[1]);
    const found = path.length ? locateInYaml(this.yaml, this.yamlText, path, target) : null;
    const fallback = found ?? (path[0] !== 'kind' ? locateInYaml(this.yaml, this.yamlText, ['kind'], 'key') : null);
    if (fallback) return this.lines.range(this.span.yamlStart + fallback[0], this.span.yamlStart + fallback[1]);
    return lineRange(this.lines, 1);
  }

  /** Range from body-relative offsets. */
  bodyRange(start: number, end: number): Range {
    return this.lines.range(this.span.bodyStart + start, this.span.bodyStart + end);
  }

  /** A finding of `rule` at a range of this document. */
  diagnostic<V extends string>(rule: Pick<Rule<string, V>, 'diagnostic'>, variant: V, range: Range, locale: Locale, params: Params = {}, data?: Record<string, unknown>, severity?: Severity): Diagnostic {
    return rule.diagnostic({ file: this.path, range }, locale, variant, params, data, severity);
  }
}

/**
 * One Keyplan document: the frontmatter data as plain JS, with source positions built only
 * when a finding needs them (holding every YAML AST of a large workspace costs hundreds of MB).
 */
let serials = 0;

export class KeyplanDocument extends YamlFile {
  /** Unique per document object: an unchanged file keeps its object, so equal serials mean equal content. */
  readonly serial = ++serials;

  constructor(
    path: string,
    text: string,
    readonly kind: DocumentKind,
    span: FrontmatterSpan,
    /** Frontmatter data (validated against the kind's schema separately). */
    readonly data: Record<string, unknown>,
    /** Rule ids disabled by `# keyplan-disable rule-id` comments in the frontmatter. */
    readonly disabledRules: ReadonlySet<string>,
    reread?: () => string,
  ) {
    super(path, text, span, reread);
  }

  private parsedLog?: ParsedLog;

  /** Interaction-log entries of the body, parsed once per document. */
  get log(): ParsedLog {
    return (this.parsedLog ??= parseInteractionLog(this.body));
  }

  /** Lets the parsed log go (it is parsed again if asked for): see `releaseLogs`. */
  forgetLog(): void {
    this.parsedLog = undefined;
  }

  /** The same document with other data (used to drop values that failed validation). */
  withData(data: Record<string, unknown>): KeyplanDocument {
    return new KeyplanDocument(this.path, this.text, this.kind, this.span, data, this.disabledRules, this.reread);
  }
}

export type ParseOutcome =
  | { status: 'document'; document: KeyplanDocument; diagnostics: Diagnostic[] }
  /** Not a Keyplan document (ordinary Markdown): ignored without a word. */
  | { status: 'ignored' }
  /**
   * Meant as a Keyplan document but its frontmatter cannot be read: findings only, plus the id
   * and kind a quick look could still see, so that other files' references to it are not reported
   * as broken (no rule may fire on data it cannot see).
   */
  | { status: 'unreadable'; diagnostics: Diagnostic[]; kind?: DocumentKind; id?: string; account?: string };

const DISABLE_COMMENT = /#\s*keyplan-disable\s+([a-z0-9-]+(?:[ \t,]+[a-z0-9-]+)*)/g;

/** Shared by every document without a `keyplan-disable` comment (nearly all): one empty set, not 10,000. */
const NONE_DISABLED: ReadonlySet<string> = new Set();

function disabledRules(yamlText: string): ReadonlySet<string> {
  if (!yamlText.includes('keyplan-disable')) return NONE_DISABLED;
  const out = new Set<string>();
  for (const m of yamlText.matchAll(DISABLE_COMMENT)) for (const id of m[1].split(/[\s,]+/)) if (id) out.add(id);
  return out;
}

/**
 * Parses already made, by file content (the bytes object) and path, with the text and language
 * each was made in: `--changed-since` and `diff` parse the documents that decide their scope, then
 * check the same documents (check/affected.ts fills it, the check reads it). A parse depends on the
 * path, the text and the language only; its document then keeps its text (parsed without `reread`).
 */
export type ParseMemo = WeakMap<object, Map<string, { text: string; locale: Locale; outcome: ParseOutcome }>>;

/** `parseKeyplanDocument`, taken from or added to `memo` under `content`. */
export function memoisedParse(memo: ParseMemo, content: object, path: string, text: string, locale: Locale): ParseOutcome {
  let byPath = memo.get(content);
  if (!byPath) memo.set(content, (byPath = new Map()));
  const known = byPath.get(path);
  if (known && known.text === text && known.locale === locale) return known.outcome;
  const outcome = parseKeyplanDocument(path, text, locale);
  byPath.set(path, { text, locale, outcome });
  return outcome;
}

/** The parse `memo` holds for this content, path, text and language, if any. */
export function memoisedParseOf(memo: ParseMemo, content: object, path: string, text: string, locale: Locale): ParseOutcome | undefined {
  const known = memo.get(content)?.get(path);
  return known && known.text === text && known.locale === locale ? known.outcome : undefined;
}

/** Parses one file's text; never throws. `reread`: gives `text` again (see `YamlFile`); without it the document keeps its text. */
export function parseKeyplanDocument(path: string, text: string, locale: Locale, reread?: () => string): ParseOutcome {
  const span = findFrontmatter(text);
  if (!span) return { status: 'ignored' };
  const yamlText = text.slice(span.yamlStart, span.yamlEnd);
  const sniffed = sniffKind(yamlText);
  if (sniffed === null) return { status: 'ignored' };
  // Line positions only when a finding needs them (most documents have none).
  let lineIndex: LineIndex | undefined;
  const lines = (): LineIndex => (lineIndex ??= new LineIndex(text));
  const where = (range: Range) => ({ file: path, range });

  if (!isDocumentKind(sniffed)) {
    // Only a near miss (`kind: acount`) is worth a word; any other `kind:` belongs to someone else's format.
    const suggestion = closest(sniffed, DOCUMENT_KINDS);
    if (!suggestion) return { status: 'ignored' };
    const at = Math.max(0, yamlText.search(/^["']?kind["']?[ \t]*:/m));
    const valueAt = yamlText.indexOf(sniffed, at);
    const range = lines().range(span.yamlStart + valueAt, span.yamlStart + valueAt + sniffed.length);
    return { status: 'unreadable', diagnostics: [unknownKind.diagnostic(where(range), locale, 'default', { value: sniffed, suggestion, allowed: DOCUMENT_KINDS.join('|') }, { value: sniffed, suggestion, allowed: [...DOCUMENT_KINDS] })] };
  }

  const kind = sniffed;
  const id = sniffValue(yamlText, 'id');
  const account = sniffValue(yamlText, 'account');
  if (!span.closed) {
    return { status: 'unreadable', kind, id, account, diagnostics: [yamlSyntax.diagnostic(where(lineRange(lines(), 1)), locale, 'unclosed')] };
  }

  const read = readYaml(path, text, span.yamlStart, span.yamlEnd, lines, locale);
  // Full-width punctuation from a Chinese input method is said precisely; a YAML error it caused
  // (on its line or the next) gives way to it.
  const fullWidth = fullWidthDiagnostics(path, yamlText, span.yamlStart, lines, locale);
  const fullWidthAt = fullWidthLines(fullWidth);
  // The kind the file was meant to be travels with its findings, so that a shared output can tell
  // a finding inside a sensitive field of a file that is no document (see analysis/redact.ts).
  if (!read.ok) {
    const yamlErrors = read.diagnostics.filter((d) => !fullWidthAt.has(d.range.start.line) && !fullWidthAt.has(d.range.start.line - 1));
    return { status: 'unreadable', kind, id, account, diagnostics: [...fullWidth, ...yamlErrors].map((d) => (d.data?.fields ? { ...d, data: { ...d.data, kind } } : d)) };
  }
  const data = read.data;
  const diagnostics: Diagnostic[] = [...fullWidth];
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return { status: 'unreadable', kind, id, account, diagnostics: [yamlSyntax.diagnostic(where(lineRange(lines(), 2)), locale, 'empty')] };
  }
  const record = data as Record<string, unknown>;
  if (!isDocumentKind(record.kind)) return { status: 'ignored' };
  const doc = new KeyplanDocument(path, text, record.kind, span, record, disabledRules(yamlText), reread);
  return { status: 'document', document: doc, diagnostics };
}

type YamlProblem = keyof typeof yamlSyntax.messages;

export type YamlRead = { ok: true; data: unknown } | { ok: false; diagnostics: Diagnostic[] };

/**
 * Parses the YAML between two offsets of a file (a frontmatter, or all of keyplan.yaml) into plain
 * data, or into findings placed in the file: one implementation for every YAML Keyplan reads.
 */
export function readYaml(path: string, text: string, yamlStart: number, yamlEnd: number, lineIndex: LineIndex | (() => LineIndex), locale: Locale): YamlRead {
  const yamlText = text.slice(yamlStart, yamlEnd);
  const source = yamlSource(yamlText);
  // The plain frontmatter most files have: data without an AST (positions come later, from the
  // exact parse, only for a file with a finding). Anything else takes the exact way below.
  const fast = fastYamlMapping(source);
  if (fast) return { ok: true, data: fast };
  const fail = (range: Range, variant: YamlProblem): YamlRead => ({ ok: false, diagnostics: [yamlSyntax.diagnostic({ file: path, range }, locale, variant)] });
  const lines = typeof lineIndex === 'function' ? lineIndex() : lineIndex;
  const firstLine = lines.position(yamlStart).line;
  let yamlDoc: YamlDocument;
  let data: unknown;
  try {
    yamlDoc = parseDocument(source, YAML_OPTIONS);
    if (yamlDoc.errors.length === 0) data = yamlDoc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (err) {
    // The yaml package throws for alias expansion beyond the limit; deep nesting can overflow the stack.
    return fail(lineRange(lines, firstLine), err instanceof RangeError && /call stack/i.test(err.message) ? 'too-deep' : 'alias-bomb');
  }
  // The yaml package reports a stack overflow on deeply nested input as RESOURCE_EXHAUSTION (once per level it unwinds).
  const tooDeep = yamlDoc.errors.find((e) => e.code === 'RESOURCE_EXHAUSTION');
  if (tooDeep) return fail(lineRange(lines, lines.position(yamlStart + tooDeep.pos[0]).line), 'too-deep');
  if (yamlDoc.errors.length) return { ok: false, diagnostics: yamlDoc.errors.map((e) => yamlErrorDiagnostic(path, e, yamlStart, yamlText, lines, locale)) };
  return { ok: true, data };
}

function yamlErrorDiagnostic(path: string, error: YAMLError, base: number, yamlText: string, lines: LineIndex, locale: Locale): Diagnostic {
  const [start, end] = error.pos;
  let range = lines.range(base + start, base + Math.max(end, start + 1));
  if (range.end.line > range.start.line) range = lineRange(lines, range.start.line);
  const detail = error.message.replace(/\s+at line \d+, column \d+.*$/s, '').replace(/\.$/, '');
  let id: YamlProblem = 'other';
  const params: Record<string, string> = { detail };
  switch (error.code) {
    case 'TAB_AS_INDENT':
      id = 'tab';
      break;
    case 'DUPLICATE_KEY': {
      // The error marks only the key's first character: read the key from there to its colon.
      id = 'duplicate-key';
      const key = /^(?:"[^"]*"|'[^']*'|[^:\r\n,{}]*?)(?=[ \t]*:)/.exec(yamlText.slice(start))?.[0];
      params.key = (key ?? yamlText.slice(start, end)).replace(/^["']|["']$/g, '').trim();
      if (key) range = lines.range(base + start, base + start + key.length);
      break;
    }
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY':
    case 'UNEXPECTED_TOKEN':
      id = /: /.test(lineText(yamlText, start)) ? 'colon-in-value' : 'other';
      break;
  }
  return yamlSyntax.diagnostic({ file: path, range }, locale, id, params, { yamlCode: error.code, fields: fieldsAround(yamlText, start, Math.max(end, start + 1)) });
}

/** A top-level `key:` at column 0 (plain, or quoted without escapes). */
const TOP_LEVEL_KEY = /^(?:"([^"\\\r\n]*)"|'([^'\r\n]*)'|([^\s"'#?:[\]{},&*!|>%@`-][^:\r\n]*?|-[^\s:\r\n][^:\r\n]*?))[ \t]*:(?=[ \t\r\n]|$)/gm;

/**
 * The top-level fields whose text the offsets [start, end) of a YAML error may lie in, so that a
 * shared output can leave out a message that quotes a sensitive field (a repeated key inside
 * `needs:`). Over-approximates where the layout is not plain block style: every field named in a
 * flow-style frontmatter, or in one where the error comes before the first field.
 */
export function fieldsAround(yamlText: string, start: number, end: number): string[] {
  const keys: { name: string; at: number }[] = [];
  TOP_LEVEL_KEY.lastIndex = 0;
  for (let m = TOP_LEVEL_KEY.exec(yamlText); m; m = TOP_LEVEL_KEY.exec(yamlText)) keys.push({ name: (m[1] ?? m[2] ?? m[3]).trim(), at: m.index });
  const flow = /^(?:[ \t]*(?:#[^\r\n]*)?(?:\r\n|\r|\n))*[ \t]*[{[]/.test(yamlText);
  if (flow || !keys.length || keys[0].at > start) {
    // Every word followed by a colon: the fields may be anywhere.
    const all = new Set<string>(keys.map((k) => k.name));
    for (const m of yamlText.matchAll(/(["']?)([^\s"',{}[\]:#]+)\1[ \t]*:/g)) all.add(m[2]);
    return [...all];
  }
  const out = new Set<string>();
  let from = 0;
  while (from + 1 < keys.length && keys[from + 1].at <= start) from++;
  for (let k = from; k < keys.length && (k === from || keys[k].at < end); k++) out.add(keys[k].name);
  return [...out];
}

function lineText(text: string, offset: number): string {
  const s = text.lastIndexOf('\n', offset - 1) + 1;
  const e = text.indexOf('\n', offset);
  return text.slice(s, e < 0 ? text.length : e);
}
