/**
 * `keyplan overdue --format markdown`: a heading and a table for contacts, for dark accounts and
 * for follow-ups due, plan text escaped.
 */
import { tc } from '../../../core/i18n/cli.js';
import type { Locale } from '../../../core/i18n/locale.js';
import { escapeMarkdown, markdownTable } from '../../../core/render/markdown.js';
import type { Formatter } from '../formatter.js';
import { cells, darkCells, darkHeader, followUpCells, followUpHeader, header, type Overdue } from './rows.js';

export const markdown: Formatter<Overdue> = (data, { locale }) => {
  if (data.onlyFollowUps) return followUps(data, locale);
  return contactsAndDark(data, locale) + (data.followUps.length ? '\n' + followUps(data, locale) : '');
};

function contactsAndDark({ asOf, rows, darkAccounts }: Overdue, locale: Locale): string {
  if (!rows.length && !darkAccounts.length) return `**${tc(locale, 'overdue.all-clear', { asOf })}**\n`;
  let out = rows.length
    ? `### ${tc(locale, 'overdue.contacts.heading', { asOf })}\n\n` + markdownTable(header(locale), rows.map((r) => cells(r, locale).map(escapeMarkdown)))
    : `**${tc(locale, 'overdue.none', { asOf })}**\n`;
  if (darkAccounts.length) out += `\n### ${tc(locale, 'overdue.dark.heading')}\n\n` + markdownTable(darkHeader(locale), darkAccounts.map((r) => darkCells(r, locale).map(escapeMarkdown)));
  return out;
}

function followUps({ asOf, followUps: rows }: Overdue, locale: Locale): string {
  if (!rows.length) return `**${tc(locale, 'overdue.follow-ups.none', { asOf })}**\n`;
  return `### ${tc(locale, 'overdue.follow-ups.heading', { asOf })}\n\n` + markdownTable(followUpHeader(locale), rows.map((r) => followUpCells(r, locale).map(escapeMarkdown)));
}
