/** Hover text: field descriptions from the schemas, and a card for a person or account id. */
import { cadenceOf } from '../analysis/cadence.js';
import { findFrontmatter } from '../parse/frontmatter.js';
import { t, word } from '../i18n/catalogue.js';
import { escapeMarkdown } from '../render/markdown.js';
import { cursorContext } from './context.js';
import type { LanguageModel } from './model.js';
import { symbolAt } from './references.js';

export interface Hover {
  /** Markdown; every piece of plan text in it is escaped. */
  markdown: string;
  start: number;
  end: number;
}

export function hoverAt(text: string, offset: number, model: LanguageModel): Hover | undefined {
  const symbol = symbolAt(text, offset, model);
  if (symbol) {
    const markdown = symbol.kind === 'person' ? personCard(symbol.id, model) : accountCard(symbol.id, model);
    return markdown ? { markdown, start: symbol.start, end: symbol.end } : undefined;
  }
  const span = findFrontmatter(text);
  if (!span || offset < span.yamlStart || offset > span.yamlEnd) return undefined;
  const ctx = cursorContext(text, offset);
  if (!ctx.kind || (ctx.where !== 'key' && ctx.where !== 'value')) return undefined;
  const { nav, locale } = model;
  if (ctx.where === 'key') {
    // The word under the cursor is a key when `key:` follows it.
    if (!/^[\w-]*\s*:/.test(text.slice(ctx.start))) {
      // Otherwise it may be an item of a block list of scalars (`channels:\n  - wechat`).
      if (ctx.path[ctx.path.length - 1] !== '*') return undefined;
      const word = text.slice(ctx.start, ctx.end);
      const match = nav.enumValues(nav.at(ctx.kind, ctx.path), locale).find((v) => v.value === word);
      return match ? { markdown: `**${escapeMarkdown(match.value)}**${match.description ? `\n\n${escapeMarkdown(match.description)}` : ''}`, start: ctx.start, end: ctx.end } : undefined;
    }
    const key = text.slice(ctx.start, ctx.end);
    const schema = nav.at(ctx.kind, [...ctx.path, key]);
    if (!schema) return undefined;
    return { markdown: fieldMarkdown(schema, key, model), start: ctx.start, end: ctx.end };
  }
  const schema = nav.at(ctx.kind, ctx.path);
  const values = nav.enumValues(nav.resolve(schema)?.type === 'array' ? nav.resolve(schema)!.items : schema, locale);
  const word = text.slice(ctx.start, ctx.end);
  const match = values.find((v) => v.value === word);
  if (match) return { markdown: `**${escapeMarkdown(match.value)}**${match.description ? `\n\n${escapeMarkdown(match.description)}` : ''}`, start: ctx.start, end: ctx.end };
  if (!schema) return undefined;
  return { markdown: fieldMarkdown(schema, ctx.key, model), start: ctx.start, end: ctx.end };
}

function fieldMarkdown(schema: Record<string, unknown>, key: string, model: LanguageModel): string {
  const { nav, locale } = model;
  const parts = [`**${escapeMarkdown(nav.title(schema, locale) ?? key)}** \`${key}\``];
  const description = nav.description(schema, locale);
  if (description) parts.push(escapeMarkdown(description));
  const resolved = nav.resolve(schema);
  const values = nav.enumValues(resolved?.type === 'array' ? resolved.items : schema, locale);
  if (values.length) parts.push(t(locale, 'hover.allowed', { values: values.map((v) => `\`${v.value}\``).join(', ') }));
  if (nav.isSensitive(schema)) parts.push(t(locale, 'hover.sensitive'));
  return parts.join('\n\n');
}

function personCard(id: string, model: LanguageModel): string | undefined {
  const { result, locale } = model;
  const person = result.workspace.people.get(id);
  if (!person) return undefined;
  const d = person.data;
  const cadence = cadenceOf(result.cadences, person);
  const facts = [
    d.title && escapeMarkdown(d.title),
    d.roles?.length ? t(locale, 'hover.roles', { roles: d.roles.map(escapeMarkdown).join('/') }) : undefined,
    t(locale, 'hover.stance', { stance: escapeMarkdown(word('stance', d.stance ?? 'unknown', locale)) }),
    t(locale, 'hover.influence', { influence: d.influence ?? '?' }),
    t(locale, 'hover.coverage', { coverage: escapeMarkdown(word('coverage', d.coverage ?? 'unknown', locale)) }),
    d.status === 'left' ? t(locale, 'hover.left') : undefined,
  ].filter(Boolean);
  const lines = [`**${escapeMarkdown(String(d.name ?? id))}** \`${id}\``, facts.join(' · ')];
  if (cadence?.last) lines.push(t(locale, 'hover.last', { date: cadence.last.date, channel: escapeMarkdown(word('channel', cadence.last.channel, locale)), days: cadence.daysSince }));
  if (cadence) lines.push(t(locale, 'hover.cadence', { state: escapeMarkdown(word('cadence', cadence.state, locale)), explanation: escapeMarkdown(cadence.explanation) }));
  return lines.join('\n\n');
}

function accountCard(id: string, model: LanguageModel): string | undefined {
  const { result, locale } = model;
  const account = result.workspace.accounts.get(id);
  if (!account?.data) return undefined;
  const d = account.data;
  const active = account.people.filter((p) => p.data.status !== 'left').length;
  const overdue = result.cadences.filter((c) => c.account === account && c.state === 'overdue').length;
  // A new account: its onboarding checklist (rule account-onboarding), already in the model's locale.
  const onboarding = result.diagnostics.find((x) => x.rule === 'account-onboarding' && x.file === account.doc?.path);
  return [
    `**${escapeMarkdown(String(d.name ?? id))}** \`${id}\``,
    [t(locale, 'hover.tier', { tier: d.tier }), d.owner && t(locale, 'hover.owner', { owner: escapeMarkdown(d.owner) }), d.industry && escapeMarkdown(d.industry)].filter(Boolean).join(' · '),
    t(locale, 'hover.people', { active, overdue }),
    ...(onboarding ? [escapeMarkdown(onboarding.message)] : []),
  ].join('\n\n');
}
