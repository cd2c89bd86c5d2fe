/** Completion in Keyplan documents: keys and values from the schemas, ids from the workspace. */
import { t, word } from '../i18n/catalogue.js';
import { today } from '../dates.js';
import { DOCUMENT_KINDS } from '../kinds.js';
import { cursorContext } from './context.js';
import { accountOfText, type LanguageModel } from './model.js';
import type { JsonSchema } from '../schema/validate.js';

export type CompletionKind = 'field' | 'value' | 'person' | 'account' | 'channel' | 'date';

export interface CompletionItem {
  label: string;
  kind: CompletionKind;
  /** Short text shown next to the label (a title, a person's name). */
  detail?: string;
  /** Longer explanation (Markdown-free plain text). */
  documentation?: string;
  insertText: string;
  /** Offsets in the text that the completion replaces. */
  start: number;
  end: number;
  sortText?: string;
  /** What the editor matches the typed text against, when not the label (a person's id and name). */
  filterText?: string;
}

/**
 * A person offered for a reference: found by id or by name. Typing Chinese (张) matches the name,
 * so the editor filters on the name then; otherwise on the id.
 */
function personItem(p: { id: string; data: { name?: unknown; title?: unknown; roles?: unknown; status?: unknown } }, typed: string, start: number, end: number) {
  const name = typeof p.data.name === 'string' ? p.data.name : '';
  const byName = /[^\x00-\x7f]/.test(typed);
  return {
    label: p.id, kind: 'person' as const, detail: [name, p.data.title].filter(Boolean).join(' · '),
    insertText: p.id, start, end, filterText: byName && name ? `${name} ${p.id}` : `${p.id} ${name}`,
  };
}

/** Whether a person is offered for what has been typed: any id, or a name containing typed Chinese. */
function matchesTyped(p: { id: string; data: { name?: unknown } }, typed: string): boolean {
  if (!/[^\x00-\x7f]/.test(typed)) return true;
  return typeof p.data.name === 'string' && p.data.name.includes(typed);
}

export function completionsAt(text: string, offset: number, model: LanguageModel): CompletionItem[] {
  const ctx = cursorContext(text, offset);
  const { nav, locale, result } = model;
  const ws = result.workspace;
  if (ctx.where === 'none') return [];
  if (ctx.where === 'mention') {
    const account = accountOfText(text);
    const people = account ? ws.accounts.get(account)?.people ?? [] : [...ws.people.values()];
    const typed = text.slice(ctx.start, Math.max(ctx.start, offset));
    return people.filter((p) => matchesTyped(p, typed)).map((p) => ({ ...personItem(p, typed, ctx.start, ctx.end), sortText: p.data.status === 'left' ? `z${p.id}` : p.id }));
  }
  if (ctx.where === 'channel') {
    const values = nav.enumValues(nav.resolve({ $ref: 'defs.schema.json#/$defs/channel' }), locale);
    // Typing a new entry goes on with the first mention; changing an existing entry's channel does not.
    const suffix = /^[ \t]*(?:[\r\n]|$)/.test(text.slice(ctx.end)) ? ' @' : '';
    return values.map((v) => ({ label: v.value, kind: 'channel' as const, documentation: v.description, insertText: `${v.value}${suffix}`, start: ctx.start, end: ctx.end }));
  }
  if (!ctx.kind) {
    // A new document: the first thing it needs is its kind.
    if (ctx.where === 'key' && ctx.path.length === 0) return [{ label: 'kind', kind: 'field', insertText: 'kind: ', start: ctx.start, end: ctx.end, detail: DOCUMENT_KINDS.join(' | ') }];
    if (ctx.where === 'value' && ctx.key === 'kind') return DOCUMENT_KINDS.map((k) => ({ label: k, kind: 'value' as const, insertText: k, start: ctx.start, end: ctx.end }));
    return [];
  }
  const kind = ctx.kind;

  if (ctx.where === 'key') {
    const item = ctx.path.length && ctx.path[ctx.path.length - 1] === '*' ? nav.resolve(nav.at(kind, ctx.path)) : undefined;
    // `- ` in a list of scalars (influences, channels) completes a value, not a key.
    if (item && item.type !== 'object') return valueCompletions(nav.at(kind, ctx.path), text, ctx.start, ctx.end, model);
    const props = nav.properties(kind, ctx.path).filter(([key]) => !ctx.siblings.includes(key) || key === ctx.prefix);
    return props.map(([key, schema]) => {
      const resolved = nav.resolve(schema);
      const required = nav.isRequired(kind, ctx.path, key);
      const block = resolved?.type === 'object' || (resolved?.type === 'array' && nav.resolve(resolved.items)?.type === 'object');
      return {
        label: key, kind: 'field' as const,
        detail: `${nav.title(schema, locale) ?? key}${required ? t(locale, 'completion.required') : ''}${nav.isSensitive(schema) ? t(locale, 'completion.sensitive') : ''}`,
        documentation: nav.description(schema, locale),
        insertText: block ? `${key}:` : `${key}: `,
        start: ctx.start, end: ctx.end,
        sortText: `${required ? 0 : 1}${key}`,
      };
    });
  }
  return valueCompletions(nav.at(kind, ctx.path), text, ctx.start, ctx.end, model);
}

function valueCompletions(schema: JsonSchema | undefined, text: string, start: number, end: number, model: LanguageModel): CompletionItem[] {
  const { nav, locale, result } = model;
  const ws = result.workspace;
  const ref = nav.referenceKind(schema) ?? nav.referenceKind(nav.resolve(schema)?.items);
  if (ref === 'person') {
    const account = accountOfText(text);
    const own = accountOfText(text) && /^kind[ \t]*:[ \t]*person/m.test(text) ? /^id[ \t]*:[ \t]*([a-z0-9-]+)/m.exec(text)?.[1] : undefined;
    const typed = text.slice(start, end).trim();
    const people = [...ws.people.values()].filter((p) => p.id !== own && (!account || p.account === account) && matchesTyped(p, typed));
    return people.map((p) => ({ ...personItem(p, typed, start, end), documentation: (p.data.roles ?? []).join(', ') || undefined }));
  }
  if (ref === 'account') {
    return [...ws.accounts.values()].filter((a) => a.data).map((a) => ({
      label: a.id, kind: 'account' as const, detail: `${a.data?.name ?? ''}${a.tier ? ` · ${a.tier}` : ''}`, insertText: a.id, start, end,
    }));
  }
  const resolved = nav.resolve(schema);
  const target = resolved?.type === 'array' ? resolved.items : schema;
  const values = nav.enumValues(target, locale);
  if (values.length) {
    return values.map((v, i) => ({ label: v.value, kind: 'value' as const, documentation: v.description, insertText: v.value, start, end, sortText: String(i).padStart(3, '0') }));
  }
  // Influence (and target influence): 1–5, each with what it means, instead of words from the file.
  const integer = nav.resolve(target);
  if (integer?.type === 'integer' && integer.minimum === 1 && integer.maximum === 5) {
    return [1, 2, 3, 4, 5].map((n) => ({ label: String(n), kind: 'value' as const, detail: word('influence', n, locale), insertText: String(n), start, end, sortText: String(n) }));
  }
  if (nav.resolve(target)?.format === 'date') {
    const date = result.asOf ?? today();
    return [{ label: date, kind: 'date', detail: t(locale, 'completion.today'), insertText: date, start, end }];
  }
  return [];
}
