/** `keyplan report [paths] [--format text|json|markdown]`: per account, health and its parts, temperatures, quadrants, findings. */
import { buildReport } from '../../core/report/report.js';
import { defineCommand, print, reportProblems } from '../command.js';
import { pickFormatter } from '../formatters/formatter.js';
import { REPORT_FORMATS } from '../formatters/report/index.js';
import { anyInFocus } from '../paths.js';
import { loadWorkspace, unreadableList, unreadableNotes } from '../workspace.js';

export const report = defineCommand({
  name: 'report',
  choices: { format: Object.keys(REPORT_FORMATS) },
  options: { format: { type: 'string', default: 'text' } },
  async run(call) {
    const { values, positionals, io } = call;
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
