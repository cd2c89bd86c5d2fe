/** `keyplan overdue` in the terminal: aligned tables of contacts and dark accounts, optional explanations, and the counts. */
import { textTable } from '../../output/table.js';
import { forTerminal } from '../../output/terminal.js';
import type { Formatter } from '../formatter.js';
import { cells, DARK_HEADER, darkCells, FOLLOW_UP_HEADER, followUpCells, HEADER, type Overdue } from './rows.js';

export const text: Formatter<Overdue> = (data, { width }) => {
  if (data.onlyFollowUps) return followUpsText(data, width);
  return contactsAndDarkText(data, width) + (data.followUps.length ? '\n' + followUpsText(data, width) : '');
};

/** The follow-ups due or past due: a section of their own (the only one with `--follow-ups`). */
function followUpsText({ asOf, followUps }: Overdue, maxWidth?: number): string {
  if (!followUps.length) return `No follow-up is due on ${asOf}.\n`;
  const rows = forTerminal(followUps);
  const overdue = rows.filter((r) => r.state === 'overdue').length;
  return `Follow-ups due or past due on ${asOf} (most overdue first):\n\n` + textTable(FOLLOW_UP_HEADER, rows.map(followUpCells), { maxWidth })
    + `\n${rows.length} follow-up${rows.length === 1 ? '' : 's'}: ${overdue} past due, ${rows.length - overdue} due today.\n`;
}

function contactsAndDarkText({ asOf, rows: raw, darkAccounts, explain }: Overdue, maxWidth?: number): string {
  if (!raw.length && !darkAccounts.length) return `Nobody is overdue or due soon, and no account has gone dark, on ${asOf}.\n`;
  let out = '';
  if (raw.length) {
    const rows = forTerminal(raw);
    out += `Contacts needing attention on ${asOf} (most urgent first):\n\n` + textTable(HEADER, rows.map(cells), { maxWidth });
    if (explain) out += '\n' + rows.map((r) => `- ${r.explanation}`).join('\n') + '\n';
    const overdue = rows.filter((r) => r.state === 'overdue').length;
    out += `\n${rows.length} contact${rows.length === 1 ? '' : 's'}: ${overdue} overdue, ${rows.filter((r) => r.state === 'planned-missed').length} planned missed, ${rows.filter((r) => r.state === 'never').length} never met, ${rows.filter((r) => r.state === 'due-soon').length} due soon.\n`;
  } else {
    out += `Nobody is overdue or due soon on ${asOf}.\n`;
  }
  if (darkAccounts.length) {
    const dark = forTerminal(darkAccounts);
    out += `\nAccounts gone dark (nobody met for longer than dark_after days):\n\n` + textTable(DARK_HEADER, dark.map(darkCells), { maxWidth });
    if (explain) out += '\n' + dark.map((r) => `- ${r.explanation}`).join('\n') + '\n';
    out += `\n${dark.length} dark account${dark.length === 1 ? '' : 's'}.\n`;
  }
  return out;
}
