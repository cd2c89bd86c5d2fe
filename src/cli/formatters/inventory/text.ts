/** `keyplan report --inventory` in the terminal. */
import type { Inventory } from '../../../core/report/inventory.js';
import { inventoryText } from '../../../core/i18n/inventory.js';
import { textTable } from '../../output/table.js';
import { terminalSafeLine } from '../../output/terminal.js';
import type { Formatter } from '../formatter.js';
import { answers, groupTitle, lifetimeCells, lifetimeHeader } from './lines.js';

export const text: Formatter<Inventory> = (inv, { locale }) => {
  const esc = terminalSafeLine;
  const out = [inventoryText(locale, 'title', { asOf: inv.asOf }), ''];
  for (const g of inv.groups) out.push(groupTitle(inv, g, locale, esc), ...answers(inv, g, locale, esc).map((l) => `  ${l}`), '');
  out.push(inventoryText(locale, 'lifetime'), textTable(lifetimeHeader(locale), inv.lifetime.map((l) => lifetimeCells(l, locale, esc))).trimEnd());
  return out.join('\n') + '\n';
};
