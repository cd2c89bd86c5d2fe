/** Hover text: field descriptions from the schemas, and a card for a person or account id. */
import { findFrontmatter } from '../parse/frontmatter.js';
import type { Locale } from '../i18n/catalogue.js';
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

const L = (locale: Locale, en: string, zh: string) => (locale === 'zh-cn' ? zh : en);

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
  if (values.length) parts.push(`${L(locale, 'Allowed', '可用取值')}: ${values.map((v) => `\`${v.value}\``).join(', ')}`);
  if (nav.isSensitive(schema)) parts.push(L(locale, '_Sensitive personal data: left out of shared outputs._', '_敏感个人信息：不会出现在共享输出中。_'));
  return parts.join('\n\n');
}

function personCard(id: string, model: LanguageModel): string | undefined {
  const { result, locale } = model;
  const person = result.workspace.people.get(id);
  if (!person) return undefined;
  const d = person.data;
  const cadence = result.cadences.find((c) => c.person === person);
  const facts = [
    d.title && escapeMarkdown(d.title),
    d.roles?.length ? `${L(locale, 'roles', '角色')} ${d.roles.map(escapeMarkdown).join('/')}` : undefined,
    `${L(locale, 'stance', '态度')} ${d.stance ?? 'unknown'}`,
    `${L(locale, 'influence', '影响力')} ${d.influence ?? '?'}`,
    `${L(locale, 'coverage', '覆盖')} ${d.coverage ?? 'unknown'}`,
    d.status === 'left' ? L(locale, '**left the company**', '**已离职**') : undefined,
  ].filter(Boolean);
  const lines = [`**${escapeMarkdown(String(d.name ?? id))}** \`${id}\``, facts.join(' · ')];
  if (cadence?.last) lines.push(`${L(locale, 'Last interaction', '最近互动')}: ${cadence.last.date} (${escapeMarkdown(cadence.last.channel)}), ${cadence.daysSince} ${L(locale, 'days ago', '天前')}`);
  if (cadence) lines.push(`${L(locale, 'Cadence', '互动节奏')}: **${cadence.state}**. ${escapeMarkdown(cadence.explanation)}`);
  return lines.join('\n\n');
}

function accountCard(id: string, model: LanguageModel): string | undefined {
  const { result, locale } = model;
  const account = result.workspace.accounts.get(id);
  if (!account?.data) return undefined;
  const d = account.data;
  const active = account.people.filter((p) => p.data.status !== 'left').length;
  const overdue = result.cadences.filter((c) => c.account === account && c.state === 'overdue').length;
  return [
    `**${escapeMarkdown(String(d.name ?? id))}** \`${id}\``,
    [`${L(locale, 'tier', '分级')} ${d.tier}`, d.owner && `${L(locale, 'owner', '负责人')} ${escapeMarkdown(d.owner)}`, d.industry && escapeMarkdown(d.industry)].filter(Boolean).join(' · '),
    `${active} ${L(locale, 'active contacts', '位在职联系人')} · ${overdue} ${L(locale, 'overdue', '位逾期')}`,
  ].join('\n\n');
}
