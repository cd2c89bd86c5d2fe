/**
 * `keyplan overdue --format markdown`: a heading and a table for contacts, for dark accounts and
 * for follow-ups due, plan text escaped.
 */
import { escapeMarkdown, markdownTable } from '../../../core/render/markdown.js';
import type { Formatter } from '../formatter.js';
import { cells, DARK_HEADER, darkCells, FOLLOW_UP_HEADER, followUpCells, HEADER, type Overdue } from './rows.js';

export const markdown: Formatter<Overdue> = (data) => {
  if (data.onlyFollowUps) return followUps(data);
  return contactsAndDark(data) + (data.followUps.length ? '\n' + followUps(data) : '');
};

function contactsAndDark({ asOf, rows, darkAccounts }: Overdue): string {
  if (!rows.length && !darkAccounts.length) return `**Nobody is overdue or due soon, and no account has gone dark, on ${asOf}.**\n`;
  let out = rows.length
    ? `### Contacts needing attention on ${asOf}\n\n` + markdownTable(HEADER, rows.map((r) => cells(r).map(escapeMarkdown)))
    : `**Nobody is overdue or due soon on ${asOf}.**\n`;
  if (darkAccounts.length) out += `\n### Accounts gone dark\n\n` + markdownTable(DARK_HEADER, darkAccounts.map((r) => darkCells(r).map(escapeMarkdown)));
  return out;
}

function followUps({ asOf, followUps: rows }: Overdue): string {
  if (!rows.length) return `**No follow-up is due on ${asOf}.**\n`;
  return `### Follow-ups due or past due on ${asOf}\n\n` + markdownTable(FOLLOW_UP_HEADER, rows.map((r) => followUpCells(r).map(escapeMarkdown)));
}
