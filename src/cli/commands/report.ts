/**
 * `keyplan report [paths] [--format text|json|markdown]`: per account, health and its parts, temperatures, quadrants, findings.
 * `--inventory [--by tier|owner]`: the customer-asset inventory (客户资产盘点12问) instead.
 */
import { buildReport } from '../../core/report/report.js';
import { buildInventory, type InventoryGrouping } from '../../core/report/inventory.js';
import { usage } from '../errors.js';
import { INVENTORY_FORMATS } from '../formatters/inventory/index.js';
import { defineCommand, print, reportProblems } from '../command.js';
import { pickFormatter } from '../formatters/formatter.js';
import { REPORT_FORMATS } from '../formatters/report/index.js';
import { anyInFocus } from '../paths.js';
import { loadWorkspace, unreadableList, unreadableNotes } from '../workspace.js';

export const report = defineCommand({
  name: 'report',
  choices: { format: Object.keys(REPORT_FORMATS), by: ['tier', 'owner'] },
  options: { format: { type: 'string', default: 'text' }, inventory: { type: 'boolean', default: false }, by: { type: 'string' } },
  async run(call) {
    const { values, positionals, io } = call;
    if (values.by !== undefined && (!values.inventory || !['tier', 'owner'].includes(values.by))) throw values.inventory ? usage('error.by-value', { value: values.by }) : usage('error.by-needs-inventory');
    if (values.inventory) {
      const inventoryFormatter = pickFormatter(INVENTORY_FORMATS, values.format);
      const loaded = await loadWorkspace(call, positionals);
      const inventory = buildInventory(loaded.result, (values.by ?? 'all') as InventoryGrouping);
      print(call, inventoryFormatter, inventory, loaded.result.locale);
      return reportProblems(io, [...loaded.notes, ...unreadableNotes(loaded)], loaded.failed, undefined, call.locale);
    }
    const formatter = pickFormatter(REPORT_FORMATS, values.format);
    const loaded = await loadWorkspace(call, positionals);
    const { result, failed, notes } = loaded;
    const { focus } = loaded;
    const data = buildReport(result);
    data.accounts = data.accounts.filter((a) => anyInFocus(focus, [a.file ?? '', ...a.people.map((p) => p.file)]));
    // Only when there is one, so that a workspace read whole prints what it always printed.
    const unreadable = unreadableList(loaded);
    print(call, formatter, unreadable.length ? { ...data, unreadable } : data, result.locale);
    return reportProblems(io, [...notes, ...unreadableNotes(loaded)], failed, undefined, call.locale);
  },
});
