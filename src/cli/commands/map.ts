/**
 * `keyplan map <account> [paths] [--svg out.svg [--force]] [--format text|json|mermaid|svg]`: the
 * decision-chain map of one account (who reports to whom, who sways whom, the paths to the
 * decision), as text, JSON, Mermaid or SVG; `--svg` writes the drawing to a file and prints the text.
 */
import path from 'node:path';
import { tc } from '../../core/i18n/cli.js';
import { layoutMap } from '../../core/map/layout.js';
import { mapModel } from '../../core/map/model.js';
import { closest } from '../../core/suggest.js';
import { defineCommand, print, render, reportProblems } from '../command.js';
import { usage, UsageError } from '../errors.js';
import { pickFormatter } from '../formatters/formatter.js';
import { MAP_FORMATS } from '../formatters/map/index.js';
import { terminalSafe, terminalSafeLine } from '../output/terminal.js';
import { loadWorkspaceAt } from '../at.js';
import { loadWorkspace, unreadableAccountFiles, unreadableNotes } from '../workspace.js';
import { writeOutputFile } from '../write.js';

export const map = defineCommand({
  name: 'map',
  choices: { format: Object.keys(MAP_FORMATS) },
  options: {
    format: { type: 'string', default: 'text' },
    svg: { type: 'string' },
    force: { type: 'boolean', default: false },
    at: { type: 'string' },
  },
  async run(call) {
    const { values, positionals, io } = call;
    const [account, ...paths] = positionals;
    if (!account) throw usage('error.needs-account', { command: 'map' });
    const formatter = pickFormatter(MAP_FORMATS, values.format);
    const loaded = values.at !== undefined ? loadWorkspaceAt(call, paths, values.at) : await loadWorkspace(call, paths);
    if ('label' in loaded) io.stderr.write(`${tc(loaded.result.locale, 'note.prefix')}${terminalSafeLine(tc(loaded.result.locale, 'note.at', { label: String(loaded.label), asOf: loaded.result.asOf }))}\n`);
    const { result, failed, notes } = loaded;
    try {
      const model = mapModel(result, account);
      if (!model) {
        const suggestion = closest(account, [...result.workspace.accounts.keys()]);
        throw usage('error.no-account', { account, unreadable: unreadableAccountFiles(loaded, account), suggestion });
      }
      const data = { model, layout: layoutMap(model) };
      if (values.svg) {
        // Atomically, only there, and never over a file Keyplan did not write (unless --force).
        const svg = render(call, MAP_FORMATS.svg, data, result.locale).text;
        await writeOutputFile(path.resolve(io.cwd, values.svg), svg, { force: values.force, seal: 'comment', what: 'svg', base: io.cwd });
        print(call, MAP_FORMATS.text, data, result.locale);
        io.stdout.write(terminalSafe(`\n${tc(result.locale, 'wrote', { file: values.svg })}\n`));
      } else print(call, formatter, data, result.locale);
    } catch (err) {
      if (err instanceof UsageError) throw err;
      throw new UsageError((err as Error).message);
    }
    return reportProblems(io, [...notes, ...unreadableNotes(loaded)], failed, undefined, call.locale);
  },
});
