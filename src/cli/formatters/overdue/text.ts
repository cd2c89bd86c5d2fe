/** `keyplan overdue` in the terminal: aligned tables of contacts and dark accounts, optional explanations, and the counts. */
import { tc } from '../../../core/i18n/cli.js';
import type { Locale } from '../../../core/i18n/locale.js';
import { textTable } from '../../output/table.js';
import { forTerminal } from '../../output/terminal.js';
import type { Formatter } from '../formatter.js';
import { cells, darkCells, darkHeader, followUpCells, followUpHeader, header, type Overdue } from './rows.js';

export const text: Formatter<Overdue> = (data, { width, locale }) => {
  if (data.onlyFollowUps) return followUpsText(data, locale, width);
  return contactsAndDarkText(data, locale, width) + (data.followUps.length ? '\n' + followUpsText(data, locale, width) : '');
};

/** The follow-ups due or past due: a section of their own (the only one with `--follow-ups`). */
function followUpsText({ asOf, followUps }: Overdue, locale: Locale, maxWidth?: number): string {
  if (!followUps.length) return tc(locale, 'overdue.follow-ups.none', { asOf }) + '\n';
  const rows = forTerminal(followUps);
  const overdue = rows.filter((r) => r.state === 'overdue').length;
  return tc(locale, 'overdue.follow-ups', { asOf }) + '\n\n' + textTable(followUpHeader(locale), rows.map((r) => followUpCells(r, locale)), { maxWidth })
    + '\n' + tc(locale, 'overdue.follow-ups.count', { n: rows.length, overdue, today: rows.length - overdue }) + '\n';
}

function contactsAndDarkText({ asOf, rows: raw, darkAccounts, explain }: Overdue, locale: Locale, maxWidth?: number): string {
  if (!raw.length && !darkAccounts.length) return tc(locale, 'overdue.all-clear', { asOf }) + '\n';
  let out = '';
  if (raw.length) {
    const rows = forTerminal(raw);
    out += tc(locale, 'overdue.contacts', { asOf }) + '\n\n' + textTable(header(locale), rows.map((r) => cells(r, locale)), { maxWidth });
    if (explain) out += '\n' + rows.map((r) => `- ${r.explanation}`).join('\n') + '\n';
    const count = (state: string) => rows.filter((r) => r.state === state).length;
    out += '\n' + tc(locale, 'overdue.contacts.count', { n: rows.length, overdue: count('overdue'), missed: count('planned-missed'), never: count('never'), soon: count('due-soon') }) + '\n';
  } else {
    out += tc(locale, 'overdue.none', { asOf }) + '\n';
  }
  if (darkAccounts.length) {
    const dark = forTerminal(darkAccounts);
    out += '\n' + tc(locale, 'overdue.dark') + '\n\n' + textTable(darkHeader(locale), dark.map((r) => darkCells(r, locale)), { maxWidth });
    if (explain) out += '\n' + dark.map((r) => `- ${r.explanation}`).join('\n') + '\n';
    out += '\n' + tc(locale, 'overdue.dark.count', { n: dark.length }) + '\n';
  }
  return out;
}
