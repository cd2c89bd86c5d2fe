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
import { UsageError } from '../errors.js';
import { BRIEF_FORMATS } from '../formatters/brief/index.js';
import { pickFormatter } from '../formatters/formatter.js';
import { loadWorkspace, unreadableAccount, unreadableNotes } from '../workspace.js';
import { writeOutputFile } from '../write.js';

export const exportCommand = defineCommand({
  name: 'export',
  summary: `  export [account] [paths...]
                       A shareable account brief: plan, health, people, objectives, the
                       relationship plan's contacts; sensitive personal notes left out
`,
  help: `export [account] [paths...]
  --format <f>         markdown (default) or json
  --redact             leave sensitive personal notes out (the default)
  --include-sensitive  include them (for the account team only)
  --out <file>         write to a file instead of stdout (atomically; refuses to replace a file
                       Keyplan did not write, unless --force)
`,
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
    if (values.redact && values['include-sensitive']) throw new UsageError('--redact and --include-sensitive contradict each other; choose one');
    if (values.out === '') throw new UsageError('--out takes a file name');
    // `keyplan export east-china-telecom`: an account id; `keyplan export samples`: a folder.
    const [first, ...rest] = positionals;
    const account = first !== undefined && /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(first) && !existsSync(path.resolve(io.cwd, first)) ? first : undefined;
    const loaded = await loadWorkspace(call, account ? rest : positionals);
    const { result, failed, notes } = loaded;
    if (account && !result.workspace.accounts.get(account)?.doc) {
      const suggestion = closest(account, [...result.workspace.accounts.values()].filter((a) => a.doc).map((a) => a.id));
      throw new UsageError(`no account '${account}' in this workspace${unreadableAccount(loaded, account) || (suggestion ? `; did you mean '${suggestion}'?` : '')}`);
    }
    const brief = buildBriefs(result, { accounts: account ? [account] : undefined, includeSensitive: values['include-sensitive'] === true });
    if (!values.out) print(call, formatter, brief, result.locale);
    else {
      await writeOutputFile(path.resolve(io.cwd, values.out), render(call, formatter, brief, result.locale).text, { force: values.force, seal: formatter === BRIEF_FORMATS.json ? 'json' : 'comment', what: 'the brief', base: io.cwd });
      io.stdout.write(`${tc(result.locale, 'export.wrote', { file: values.out, n: brief.accounts.length, sensitive: brief.sensitive === 'included' ? 1 : undefined })}\n`);
    }
    return reportProblems(io, [...notes, ...unreadableNotes(loaded)], failed);
  },
});
