/** `keyplan report --inventory --format markdown`. */
import type { Inventory } from '../../../core/report/inventory.js';
import { inventoryText } from '../../../core/i18n/inventory.js';
import { escapeMarkdown, markdownTable } from '../../../core/render/markdown.js';
import type { Formatter } from '../formatter.js';
import { answers, groupTitle, lifetimeCells, lifetimeHeader } from './lines.js';

export const markdown: Formatter<Inventory> = (inv, { locale }) => {
  const esc = (s: string) => escapeMarkdown(s);
  const out = [`## ${inventoryText(locale, 'title', { asOf: inv.asOf })}`, ''];
  for (const g of inv.groups) {
    out.push(`### ${groupTitle(inv, g, locale, esc)}`, '');
    const lines = answers(inv, g, locale, esc);
    out.push(...lines.slice(0, 12), '', ...lines.slice(12).map((l) => `**${l}**`), '');
  }
  out.push(`### ${inventoryText(locale, 'lifetime')}`, '', markdownTable(lifetimeHeader(locale), inv.lifetime.map((l) => lifetimeCells(l, locale, esc))));
  return out.join('\n');
};
