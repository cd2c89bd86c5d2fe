/**
 * `keyplan matrix <account> [paths] [--svg out.svg [--force]] [--format text|svg]
 * [--size-by temperature|coverage]`: the influence–support matrix of one account, as a list of
 * quadrants or as SVG; `--svg` writes the drawing to a file and prints the list.
 */
import path from 'node:path';
import { tc } from '../../core/i18n/cli.js';
import { layoutMatrix } from '../../core/matrix/layout.js';
import { matrixModel } from '../../core/matrix/model.js';
import { closest } from '../../core/suggest.js';
import { defineCommand, print, render, reportProblems } from '../command.js';
import { usage, UsageError } from '../errors.js';
import { pickFormatter } from '../formatters/formatter.js';
import { MATRIX_FORMATS } from '../formatters/matrix/index.js';
import { MATRIX_SIZE } from '../formatters/matrix/model.js';
import { terminalSafe, terminalSafeLine } from '../output/terminal.js';
import { loadWorkspaceAt } from '../at.js';
import { loadWorkspace, unreadableAccountFiles, unreadableNotes } from '../workspace.js';
import { writeOutputFile } from '../write.js';

export const matrix = defineCommand({
  name: 'matrix',
  choices: { format: Object.keys(MATRIX_FORMATS), 'size-by': ['temperature', 'coverage'] },
  options: {
    format: { type: 'string', default: 'text' },
    svg: { type: 'string' },
    'size-by': { type: 'string', default: 'temperature' },
    force: { type: 'boolean', default: false },
    at: { type: 'string' },
  },
  async run(call) {
    const { values, positionals, io } = call;
    const [account, ...paths] = positionals;
    if (!account) throw usage('error.needs-account', { command: 'matrix' });
    const formatter = pickFormatter(MATRIX_FORMATS, values.format);
    const sizeBy = values['size-by'];
    if (sizeBy !== 'temperature' && sizeBy !== 'coverage') throw usage('error.size-by', { value: sizeBy });
    const loaded = values.at !== undefined ? loadWorkspaceAt(call, paths, values.at) : await loadWorkspace(call, paths);
    if ('label' in loaded) io.stderr.write(`${tc(loaded.result.locale, 'note.prefix')}${terminalSafeLine(tc(loaded.result.locale, 'note.at', { label: String(loaded.label), asOf: loaded.result.asOf }))}\n`);
    const { result, failed, notes } = loaded;
    try {
      const model = matrixModel(result, account);
      if (!model) {
        const suggestion = closest(account, [...result.workspace.accounts.keys()]);
        throw usage('error.no-account', { account, unreadable: unreadableAccountFiles(loaded, account), suggestion });
      }
      const data = { model, layout: layoutMatrix(model, { ...MATRIX_SIZE, sizeBy }) };
      if (values.svg) {
        // Atomically, only there, and never over a file Keyplan did not write (unless --force).
        const svg = render(call, MATRIX_FORMATS.svg, data, result.locale).text;
        await writeOutputFile(path.resolve(io.cwd, values.svg), svg, { force: values.force, seal: 'comment', what: 'svg', base: io.cwd });
        print(call, MATRIX_FORMATS.text, data, result.locale);
        io.stdout.write(terminalSafe(`\n${tc(result.locale, 'wrote', { file: values.svg })}\n`));
      } else print(call, formatter, data, result.locale);
    } catch (err) {
      if (err instanceof UsageError) throw err;
      throw new UsageError((err as Error).message);
    }
    return reportProblems(io, [...notes, ...unreadableNotes(loaded)], failed, undefined, call.locale);
  },
});
