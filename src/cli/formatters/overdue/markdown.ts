/** `keyplan overdue --format markdown`: a heading and a table for contacts and for dark accounts, plan text escaped. */
import { escapeMarkdown, markdownTable } from '../../../core/render/markdown.js';
import type { Formatter } from '../formatter.js';
import { cells, DARK_HEADER, darkCells, HEADER, type Overdue } from './rows.js';

export const markdown: Formatter<Overdue> = ({ asOf, rows, darkAccounts }) => {
  if (!rows.length && !darkAccounts.length) return `**Nobody is overdue or due soon, and no account has gone dark, on ${asOf}.**\n`;
  let out = rows.length
    ? `### Contacts needing attention on ${asOf}\n\n` + markdownTable(HEADER, rows.map((r) => cells(r).map(escapeMarkdown)))
    : `**Nobody is overdue or due soon on ${asOf}.**\n`;
  if (darkAccounts.length) out += `\n### Accounts gone dark\n\n` + markdownTable(DARK_HEADER, darkAccounts.map((r) => darkCells(r).map(escapeMarkdown)));
  return out;
};
