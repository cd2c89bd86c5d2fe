/**
 * The `keyplan` command line: a thin adapter that reads files, calls the core and prints. This file
 * is the command table: each command lives in commands/<name>.ts with its help, options and run
 * function; here the arguments are parsed once against the command's options, `--help` and
 * `--version` are answered, and usage errors become `keyplan: <message>` with exit code 2.
 */
import { parseArgs } from 'node:util';
import { COMMON_OPTIONS, version, type Command, type Io } from './command.js';
import { brief } from './commands/brief.js';
import { check } from './commands/check.js';
import { diff } from './commands/diff.js';
import { exportCommand } from './commands/export.js';
import { history } from './commands/history.js';
import { importCommand } from './commands/import.js';
import { log } from './commands/log.js';
import { matrix } from './commands/matrix.js';
import { map } from './commands/map.js';
import { overdue } from './commands/overdue.js';
import { report } from './commands/report.js';
import { UsageError } from './errors.js';

export type { Io } from './command.js';

/** Every command, in the order the help lists them. */
export const COMMANDS: readonly Command[] = [check, overdue, report, matrix, map, diff, history, exportCommand, importCommand, log, brief];

export const HELP = `Usage: keyplan <command> [paths...] [options]

Commands:
${COMMANDS.map((c) => c.summary ?? '').join('')}
Options:
  --as-of <date>       compute as of this day (YYYY-MM-DD); default: today
  --locale <l>         en or zh-cn (default: KEYPLAN_LOCALE, LANG, keyplan.yaml, en)
  --no-color           plain output

${COMMANDS.map((c) => c.help).join('\n')}
  -h, --help           show this help
  -v, --version        show the version

Exit codes: 0 no errors, 1 errors (or too many warnings), 2 usage or I/O error.
`;

const defaultIo = (): Io => ({ stdout: process.stdout, stderr: process.stderr, cwd: process.cwd(), env: process.env });

export async function main(argv: string[], io: Io = defaultIo()): Promise<number> {
  try {
    const [name, ...args] = argv;
    if (!name || name === '-h' || name === '--help' || name === 'help') {
      io.stdout.write(HELP);
      return name ? 0 : 2;
    }
    if (name === '-v' || name === '--version') {
      io.stdout.write(`${version()}\n`);
      return 0;
    }
    const command = COMMANDS.find((c) => c.name === name);
    if (!command) throw new UsageError(`unknown command '${name}'. Run 'keyplan --help'.`);
    // For commands whose positionals may be revisions, everything after `--` is a path.
    const dashes = command.pathsAfterDashes ? args.indexOf('--') : -1;
    const { values, positionals } = parseArgs({
      args: dashes < 0 ? args : args.slice(0, dashes),
      allowPositionals: true,
      options: { ...COMMON_OPTIONS, ...command.options },
    });
    if (values.help) {
      io.stdout.write(HELP);
      return 0;
    }
    return await command.run({ values, positionals, paths: dashes < 0 ? [] : args.slice(dashes + 1), io });
  } catch (err) {
    if (err instanceof UsageError || (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.stderr.write(`keyplan: ${(err as Error).message}\n`);
      return 2;
    }
    throw err;
  }
}
