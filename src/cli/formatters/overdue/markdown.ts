/** `keyplan overdue --format markdown`: a heading and a table, plan text escaped. */
import { escapeMarkdown, markdownTable } from '../../../core/render/markdown.js';
import type { Formatter } from '../formatter.js';
import { cells, HEADER, type Overdue } from './rows.js';

export const markdown: Formatter<Overdue> = ({ asOf, rows }) => {
  if (!rows.length) return `**Nobody is overdue or due soon on ${asOf}.**\n`;
  return `### Contacts needing attention on ${asOf}\n\n` + markdownTable(HEADER, rows.map((r) => cells(r).map(escapeMarkdown)));
};
