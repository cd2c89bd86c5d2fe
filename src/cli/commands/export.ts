/**
 * `keyplan export [account] [paths] [--format markdown|json] [--redact | --include-sensitive]
 * [--out FILE [--force]]`: the shareable account brief.
 *
 * Safe by default: sensitive personal notes are left out unless `--include-sensitive` is given
 * (`--redact` says the default explicitly). A brief is made to be passed on — to a manager, a
 * delivery team, a partner — and a command whose plain form is the one that leaks personal data
 * would leak it the first time someone forgets a flag.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { buildBriefs } from '../../core/report/brief.js';
import { tc } from '../../core/i18n/cli.js';
import { closest } from '../../core/suggest.js';
import { defineCommand, print, render, reportProblems } from '../command.js';
import { usage } from '../errors.js';
import { BRIEF_FORMATS } from '../formatters/brief/index.js';
import { pickFormatter } from '../formatters/formatter.js';
import { loadWorkspace, unreadableAccountFiles, unreadableNotes } from '../workspace.js';
import { writeOutputFile } from '../write.js';

export const exportCommand = defineCommand({
  name: 'export',
  choices: { format: Object.keys(BRIEF_FORMATS) },
  options: {
    format: { type: 'string', default: 'markdown' },
    redact: { type: 'boolean', default: false },
    'include-sensitive': { type: 'boolean', default: false },
    out: { type: 'string' },
    force: { type: 'boolean', default: false },
  },
  async run(call) {
    const { values, positionals, io } = call;
    const formatter = pickFormatter(BRIEF_FORMATS, values.format);
    if (values.redact && values['include-sensitive']) throw usage('error.redact-and-include');
    if (values.out === '') throw usage('error.out-empty');
    // `keyplan export east-china-telecom`: an account id; `keyplan export samples`: a folder.
    const [first, ...rest] = positionals;
    const account = first !== undefined && /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(first) && !existsSync(path.resolve(io.cwd, first)) ? first : undefined;
    const loaded = await loadWorkspace(call, account ? rest : positionals);
    const { result, failed, notes } = loaded;
    if (account && !result.workspace.accounts.get(account)?.doc) {
      const suggestion = closest(account, [...result.workspace.accounts.values()].filter((a) => a.doc).map((a) => a.id));
      throw usage('error.no-account', { account, unreadable: unreadableAccountFiles(loaded, account), suggestion });
    }
    const brief = buildBriefs(result, { accounts: account ? [account] : undefined, includeSensitive: values['include-sensitive'] === true });
    if (!values.out) print(call, formatter, brief, result.locale);
    else {
      await writeOutputFile(path.resolve(io.cwd, values.out), render(call, formatter, brief, result.locale).text, { force: values.force, seal: formatter === BRIEF_FORMATS.json ? 'json' : 'comment', what: 'brief', base: io.cwd });
      io.stdout.write(`${tc(result.locale, 'export.wrote', { file: values.out, n: brief.accounts.length, sensitive: brief.sensitive === 'included' ? 1 : undefined })}\n`);
    }
    return reportProblems(io, [...notes, ...unreadableNotes(loaded)], failed, undefined, call.locale);
  },
});
