/** `keyplan overdue` in the terminal: an aligned table, optional explanations, and the counts. */
import { textTable } from '../../output/table.js';
import { forTerminal } from '../../output/terminal.js';
import type { Formatter } from '../formatter.js';
import { cells, HEADER, type Overdue } from './rows.js';

export const text: Formatter<Overdue> = ({ asOf, rows: raw, explain }) => {
  if (!raw.length) return `Nobody is overdue or due soon on ${asOf}.\n`;
  const rows = forTerminal(raw);
  let out = `Contacts needing attention on ${asOf} (most urgent first):\n\n` + textTable(HEADER, rows.map(cells));
  if (explain) out += '\n' + rows.map((r) => `- ${r.explanation}`).join('\n') + '\n';
  const overdue = rows.filter((r) => r.state === 'overdue').length;
  out += `\n${rows.length} contact${rows.length === 1 ? '' : 's'}: ${overdue} overdue, ${rows.filter((r) => r.state === 'planned-missed').length} planned missed, ${rows.filter((r) => r.state === 'never').length} never met, ${rows.filter((r) => r.state === 'due-soon').length} due soon.\n`;
  return out;
};
