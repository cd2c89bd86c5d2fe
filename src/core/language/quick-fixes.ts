/** Quick fixes for findings, computed from the diagnostic's data and the file's text. */
import { parseDocument, isMap, isPair, isScalar, type Node } from '../parse/yaml-runtime.js';
import type { Diagnostic } from '../diagnostic.js';
import { findFrontmatter } from '../parse/frontmatter.js';
import { t } from '../i18n/catalogue.js';
import { suggestId } from '../schema/validate.js';
import { LineIndex } from '../parse/text.js';
import type { DataPath } from '../parse/yaml-locate.js';
import { accountOfText, type LanguageModel } from './model.js';
import { detectEol } from './log-placement.js';
import { insideQuotes } from './ranges.js';
import type { TextEdit } from './references.js';
import { yamlText } from './templates.js';
import { YAML_OPTIONS } from '../parse/yaml-options.js';
import { ruleInfo } from '../rules/index.js';

export interface QuickFix {
  title: string;
  edits: TextEdit[];
  /** A command to run instead of (or after) the edits. */
  command?: { id: string; args: Record<string, unknown> };
  preferred?: boolean;
}

export function quickFixes(diagnostic: Diagnostic, text: string, model: LanguageModel): QuickFix[] {
  const { locale } = model;
  const data = diagnostic.data ?? {};
  // A quoted value keeps its quotes: only what is between them is replaced.
  const valueRange = insideQuotes(text, diagnostic.range);
  const replace = (newText: string, title: string, preferred = false): QuickFix => ({ title, preferred, edits: [{ file: diagnostic.file, range: valueRange, newText }] });
  const suggestion = typeof data.suggestion === 'string' ? data.suggestion : undefined;

  switch (diagnostic.rule) {
    case 'schema': {
      if (Array.isArray(data.allowed)) {
        const fixes = suggestion ? [replace(suggestion, t(locale, 'fix.change-to', { value: suggestion }), true)] : [];
        for (const v of (data.allowed as string[]).filter((x) => x !== suggestion).slice(0, 8)) fixes.push(replace(v, t(locale, 'fix.change-to', { value: v })));
        return fixes;
      }
      if (typeof data.missingProperty === 'string') {
        const fix = addMissingField(diagnostic, text, data.path as DataPath, data.missingProperty, model);
        return fix ? [fix] : [];
      }
      if (typeof data.suggestion === 'string') return [replace(data.suggestion, t(locale, 'fix.change-to', { value: data.suggestion }), true)];
      return [];
    }
    case 'yaml-syntax': {
      // Full-width punctuation from a Chinese input method: replace it with what YAML needs.
      const fix = data.replace as { range?: Diagnostic['range']; newText?: unknown; chars?: unknown; ascii?: unknown } | undefined;
      if (!fix?.range || typeof fix.newText !== 'string') return [];
      return [{ title: t(locale, 'fix.full-width', { chars: String(fix.chars), ascii: String(fix.ascii) }), preferred: true, edits: [{ file: diagnostic.file, range: fix.range, newText: fix.newText }] }];
    }
    case 'unknown-field':
      return suggestion ? [replace(suggestion, t(locale, 'fix.rename-field', { field: suggestion }), true)] : [];
    case 'unknown-reference': {
      if (!suggestion) return [];
      // An @mention's range starts at the `@`, which stays.
      const lines = new LineIndex(text);
      const mention = text[lines.offset(diagnostic.range.start)] === '@';
      const range = mention ? { ...diagnostic.range, start: { ...diagnostic.range.start, column: diagnostic.range.start.column + 1 } } : diagnostic.range;
      return [{ title: t(locale, 'fix.change-to', { value: suggestion }), preferred: true, edits: [{ file: diagnostic.file, range, newText: suggestion }] }];
    }
    case 'unknown-channel':
      return suggestion ? [replace(suggestion, t(locale, 'fix.change-to', { value: suggestion }), true)] : [];
    default:
      if (ruleInfo(diagnostic.rule)?.offersLogInteraction && typeof data.person === 'string' && typeof data.account === 'string') {
        return [{ title: t(locale, 'fix.log-interaction'), edits: [], command: { id: 'keyplan.logInteraction', args: { account: data.account, people: [data.person] } }, preferred: true }];
      }
      return [];
  }
}

/** Inserts `field: value` as the last entry of the object that lacks it, at its indentation. */
function addMissingField(diagnostic: Diagnostic, text: string, path: DataPath, field: string, model: LanguageModel): QuickFix | undefined {
  const span = findFrontmatter(text);
  if (!span?.closed) return undefined;
  const yamlSource = text.slice(span.yamlStart, span.yamlEnd);
  // The yaml package does not see a lone CR as a line break; LF in its place keeps every offset.
  const doc = parseDocument(yamlSource.replace(/\r(?!\n)/g, '\n'), YAML_OPTIONS);
  let node: unknown = doc.contents;
  for (const seg of path) {
    if (isMap(node)) node = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(seg))?.value;
    else if (node && typeof node === 'object' && 'items' in node && typeof seg === 'number') node = (node as { items: unknown[] }).items[seg];
    else return undefined;
  }
  if (!isMap(node) || node.flow) return undefined;
  const pairs = node.items.filter(isPair);
  const first = pairs[0]?.key as Node | undefined;
  const last = pairs[pairs.length - 1];
  if (!first?.range || !last) return undefined;
  const lines = new LineIndex(yamlSource);
  const column = lines.position(first.range[0]).column - 1;
  const lastEnd = ((last.value as Node | null)?.range ?? (last.key as Node).range)![1];
  // After the last pair's last line.
  const endLine = lines.position(Math.max(lastEnd - 1, 0)).line;
  const insertAt = span.yamlStart + lines.lineEnd(endLine);
  const eol = detectEol(text);
  const value = placeholder(diagnostic, text, path, field, model);
  const at = new LineIndex(text).position(insertAt);
  const title = t(model.locale, 'fix.add-required-field', { field });
  return { title, preferred: true, edits: [{ file: diagnostic.file, range: { start: at, end: at }, newText: `${eol}${' '.repeat(column)}${field}: ${value}` }] };
}

/** A sensible starting value: ids from the file name, the account from the folder, the schema's default. */
function placeholder(diagnostic: Diagnostic, text: string, path: DataPath, field: string, model: LanguageModel): string {
  const kind = /^kind[ \t]*:[ \t]*([\w-]+)/m.exec(text)?.[1];
  if (path.length === 0 && field === 'id') return suggestId(/([^/]+)\.md$/.exec(diagnostic.file)?.[1] ?? 'new-id');
  if (path.length === 0 && field === 'account') {
    const fromFolder = /(?:^|\/)accounts\/([^/]+)\//.exec(diagnostic.file)?.[1];
    if (fromFolder && model.result.workspace.accounts.has(fromFolder)) return fromFolder;
    return accountOfText(text) ?? '';
  }
  if (!kind) return '""';
  const schema = model.nav.resolve(model.nav.at(kind as never, [...path.map((p) => (typeof p === 'number' ? '*' : p)), field]));
  if (!schema) return '""';
  if (schema.default !== undefined) return typeof schema.default === 'string' ? yamlText(schema.default) : JSON.stringify(schema.default);
  if (Array.isArray(schema.enum)) return String(schema.enum[0]);
  if (schema.type === 'array') return '[]';
  if (schema.type === 'object') return '{}';
  if (schema.type === 'integer' || schema.type === 'number') return String(schema.minimum ?? 0);
  return '""';
}

