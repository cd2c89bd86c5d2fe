/** `keyplan report [paths] [--format text|json|markdown]`: per account, health and its parts, temperatures, quadrants, findings. */
import { buildReport } from '../../core/report/report.js';
import { defineCommand, print, reportProblems } from '../command.js';
import { pickFormatter } from '../formatters/formatter.js';
import { REPORT_FORMATS } from '../formatters/report/index.js';
import { anyInFocus } from '../paths.js';
import { loadWorkspace } from '../workspace.js';

export const report = defineCommand({
  name: 'report',
  summary: `  report [paths...]    Per account: health and its parts, temperatures, quadrants, findings
`,
  help: `report:
  --format <f>         text (default), json or markdown
`,
  options: { format: { type: 'string', default: 'text' } },
  async run(call) {
    const { values, positionals, io } = call;
    const formatter = pickFormatter(REPORT_FORMATS, values.format);
    const { result, focus, failed, notes } = await loadWorkspace(call, positionals);
    const data = buildReport(result);
    data.accounts = data.accounts.filter((a) => anyInFocus(focus, [a.file ?? '', ...a.people.map((p) => p.file)]));
    print(call, formatter, data, result.locale);
    return reportProblems(io, notes, failed);
  },
});
