/**
 * `keyplan map <account> [paths] [--svg out.svg [--force]] [--format text|json|mermaid|svg]`: the
 * decision-chain map of one account (who reports to whom, who sways whom, the paths to the
 * decision), as text, JSON, Mermaid or SVG; `--svg` writes the drawing to a file and prints the text.
 */
import path from 'node:path';
import { layoutMap } from '../../core/map/layout.js';
import { mapModel } from '../../core/map/model.js';
import { closest } from '../../core/suggest.js';
import { defineCommand, print, render, reportProblems } from '../command.js';
import { UsageError } from '../errors.js';
import { pickFormatter } from '../formatters/formatter.js';
import { MAP_FORMATS } from '../formatters/map/index.js';
import { terminalSafe, terminalSafeLine } from '../output/terminal.js';
import { AT_HELP, loadWorkspaceAt } from '../at.js';
import { loadWorkspace, unreadableAccount, unreadableNotes } from '../workspace.js';
import { writeOutputFile } from '../write.js';

export const map = defineCommand({
  name: 'map',
  help: `map <account> [paths...]      The decision-chain map of one account: reporting and influence
                               lines, and the paths from our side to the economic buyer
  --svg <file>         write it as a standalone SVG file (refuses to replace a file Keyplan
                       did not write, unless --force)
  --format <f>         text (default: the reporting tree and the paths), json, mermaid (a
                       flowchart for a pull request) or svg (to stdout)
${AT_HELP}`,
  options: {
    format: { type: 'string', default: 'text' },
    svg: { type: 'string' },
    force: { type: 'boolean', default: false },
    at: { type: 'string' },
  },
  async run(call) {
    const { values, positionals, io } = call;
    const [account, ...paths] = positionals;
    if (!account) throw new UsageError('map needs an account id, e.g. keyplan map east-china-telecom');
    const formatter = pickFormatter(MAP_FORMATS, values.format);
    const loaded = values.at !== undefined ? loadWorkspaceAt(call, paths, values.at) : await loadWorkspace(call, paths);
    if ('label' in loaded) io.stderr.write(`note: ${terminalSafeLine(`as it stood at ${loaded.label}, checked at ${loaded.result.asOf}`)}\n`);
    const { result, failed, notes } = loaded;
    try {
      const model = mapModel(result, account);
      if (!model) {
        const suggestion = closest(account, [...result.workspace.accounts.keys()]);
        throw new Error(`no account '${account}' in this workspace${unreadableAccount(loaded, account) || (suggestion ? `; did you mean '${suggestion}'?` : '')}`);
      }
      const data = { model, layout: layoutMap(model) };
      if (values.svg) {
        // Atomically, only there, and never over a file Keyplan did not write (unless --force).
        const svg = render(call, MAP_FORMATS.svg, data, result.locale).text;
        await writeOutputFile(path.resolve(io.cwd, values.svg), svg, { force: values.force, seal: 'comment', what: 'the SVG', base: io.cwd });
        print(call, MAP_FORMATS.text, data, result.locale);
        io.stdout.write(terminalSafe(`\nWrote ${values.svg}\n`));
      } else print(call, formatter, data, result.locale);
    } catch (err) {
      if (err instanceof UsageError) throw err;
      throw new UsageError((err as Error).message);
    }
    return reportProblems(io, [...notes, ...unreadableNotes(loaded)], failed);
  },
});
