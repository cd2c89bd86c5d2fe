/** `keyplan overdue --format markdown`: a heading and a table per section, plan text escaped. */
import { escapeMarkdown, markdownTable } from '../../../core/render/markdown.js';
import type { Formatter } from '../formatter.js';
import { cells, FOLLOW_UP_HEADER, followUpCells, HEADER, type Overdue } from './rows.js';

export const markdown: Formatter<Overdue> = (data) => {
  if (data.onlyFollowUps) return followUps(data);
  return contacts(data) + (data.followUps.length ? '\n' + followUps(data) : '');
};

function contacts({ asOf, rows }: Overdue): string {
  if (!rows.length) return `**Nobody is overdue or due soon on ${asOf}.**\n`;
  return `### Contacts needing attention on ${asOf}\n\n` + markdownTable(HEADER, rows.map((r) => cells(r).map(escapeMarkdown)));
}

function followUps({ asOf, followUps: rows }: Overdue): string {
  if (!rows.length) return `**No follow-up is due on ${asOf}.**\n`;
  return `### Follow-ups due or past due on ${asOf}\n\n` + markdownTable(FOLLOW_UP_HEADER, rows.map((r) => followUpCells(r).map(escapeMarkdown)));
}
