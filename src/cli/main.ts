/**
 * The `keyplan` command line: a thin adapter that reads files, calls the core and prints. This file
 * is the command table: each command lives in commands/<name>.ts with its options and run
 * function (its words — summary, option descriptions, examples — are in
 * src/core/i18n/cli-help.ts); here the arguments are checked and parsed once against the
 * command's options, `--help`, `help <command>` and `--version` are answered, and usage errors
 * become `keyplan: <message>` with exit code 2, in the locale of the command line.
 *
 * Arguments are parsed by node:util's parseArgs behind this table, not by an argument library:
 * the table already gives one place for options, and what a library would add (help, "did you
 * mean", completion) has to speak Chinese here, which its built-in English texts do not.
 */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Locale } from '../core/i18n/locale.js';
import { closest } from '../core/suggest.js';
import { chooseLocale, COMMON_OPTIONS, defineCommand, version, type Command, type Io, type OptionsSpec } from './command.js';
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
import { completionScript, SHELLS, type Shell } from './completion.js';
import { asUsageError, usage } from './errors.js';
import { commandHelp, globalHelp } from './help.js';
import { findWorkspaceRoot } from '../disk/walk.js';
import { tc } from '../core/i18n/cli.js';

export type { Io } from './command.js';

const completion = defineCommand({
  name: 'completion',
  options: {},
  async run({ positionals, io, locale }) {
    const [shell, ...rest] = positionals;
    if (!SHELLS.includes(shell as Shell) || rest.length) throw usage('error.completion-shell', { value: shell, suggestion: shell ? closest(shell, SHELLS) : undefined });
    io.stdout.write(completionScript(shell as Shell, COMMANDS, locale ?? 'en'));
    return 0;
  },
});

/** `keyplan help [command]`: answered in main (it needs the table); listed here for the help and the completion. */
const help = defineCommand({ name: 'help', options: {}, run: async () => 0 });

/** Every command, in the order the help lists them. */
export const COMMANDS: readonly Command[] = [check, overdue, report, matrix, map, diff, history, exportCommand, importCommand, log, brief, completion, help];

const defaultIo = (): Io => ({ stdout: process.stdout, stderr: process.stderr, cwd: process.cwd(), env: process.env });

/**
 * The locale of the command line before any workspace is read: --locale, KEYPLAN_LOCALE, LANG,
 * then the `locale:` of the keyplan.yaml of the current folder's workspace, then English.
 */
function commandLineLocale(args: string[], io: Io): Locale {
  let flag: string | undefined;
  args.forEach((a, i) => {
    if (a === '--locale') flag = args[i + 1];
    else if (a.startsWith('--locale=')) flag = a.slice('--locale='.length);
  });
  try {
    const chosen = chooseLocale(flag, io.env);
    if (chosen) return chosen;
  } catch {
    // an unknown --locale is reported by the command
  }
  try {
    // Only a regular, small file: a FIFO or a device named keyplan.yaml is never opened.
    const file = path.join(findWorkspaceRoot(io.cwd), 'keyplan.yaml');
    const stat = statSync(file);
    if (stat.isFile() && stat.size <= 1024 * 1024 && /^locale:\s*["']?zh/im.test(readFileSync(file, 'utf8'))) return 'zh-cn';
  } catch {
    // no keyplan.yaml: English
  }
  return 'en';
}

/**
 * Unknown options, a missing value and a value given to a flag, named in a sentence with a
 * "did you mean" (instead of parseArgs's own error).
 */
function checkOptions(command: Command, args: string[], options: OptionsSpec): void {
  const { tokens } = parseArgs({ args, options, strict: false, allowPositionals: true, tokens: true });
  const names = Object.entries(options).flatMap(([name, spec]) => [`--${name}`, ...(spec.short ? [`-${spec.short}`] : [])]);
  for (const token of tokens) {
    if (token.kind !== 'option') continue;
    const spec = options[token.name];
    if (!spec) throw usage('error.unknown-option', { option: token.rawName, command: command.name, suggestion: closest(token.rawName, names) });
    if (spec.type === 'string' && (token.value === undefined || (token.inlineValue !== true && token.value.startsWith('--')))) {
      throw usage('error.option-needs-value', { option: token.rawName, command: command.name });
    }
    if (spec.type === 'boolean' && token.inlineValue) throw usage('error.option-takes-no-value', { option: token.rawName, value: token.value });
  }
}

export async function main(argv: string[], io: Io = defaultIo()): Promise<number> {
  const locale = commandLineLocale(argv, io);
  /** The call once parsed: reading the workspace sets its locale, which later errors are in. */
  let call: { locale?: Locale } = {};
  try {
    const [name, ...args] = argv;
    // `keyplan help [command]`: the words that are not options (nor the value of --locale or --as-of).
    const words = args.filter((a, i) => !a.startsWith('-') && !['--locale', '--as-of'].includes(args[i - 1]));
    if (name === 'help' && !words.length && (args.includes('--help') || args.includes('-h'))) {
      io.stdout.write(commandHelp(help, locale));
      return 0;
    }
    if (!name || name === '-h' || name === '--help' || (name === 'help' && !words.length)) {
      io.stdout.write(globalHelp(COMMANDS, locale));
      return name ? 0 : 2;
    }
    if (name === '-v' || name === '--version') {
      io.stdout.write(`${version()}\n`);
      return 0;
    }
    if (name === 'help') {
      const topic = words[0];
      const command = COMMANDS.find((c) => c.name === topic);
      if (!command) throw usage('error.unknown-command', { name: topic, suggestion: closest(topic, COMMANDS.map((c) => c.name)) });
      io.stdout.write(commandHelp(command, locale));
      return 0;
    }
    const command = COMMANDS.find((c) => c.name === name);
    if (!command && name.startsWith('-')) {
      const all = COMMANDS.flatMap((c) => Object.keys({ ...COMMON_OPTIONS, ...c.options }).map((o) => `--${o}`));
      throw usage('error.option-before-command', { option: name.replace(/=.*/, ''), suggestion: closest(name.replace(/=.*/, ''), all) });
    }
    if (!command) throw usage('error.unknown-command', { name, suggestion: closest(name, COMMANDS.map((c) => c.name)) });
    // For commands whose positionals may be revisions, everything after `--` is a path.
    const dashes = command.pathsAfterDashes ? args.indexOf('--') : -1;
    const options = { ...COMMON_OPTIONS, ...command.options };
    const own = dashes < 0 ? args : args.slice(0, dashes);
    if (own.includes('--help') || own.includes('-h')) {
      io.stdout.write(commandHelp(command, locale));
      return 0;
    }
    checkOptions(command, own, options);
    const { values, positionals } = parseArgs({ args: own, allowPositionals: true, options });
    const parsed = { values, positionals, paths: dashes < 0 ? [] : args.slice(dashes + 1), io, locale };
    call = parsed;
    return await command.run(parsed as Parameters<Command['run']>[0]);
  } catch (err) {
    const shown = call.locale ?? locale;
    const asUsage = asUsageError(err);
    if (asUsage) {
      io.stderr.write(`${tc(shown, 'error.prefix')}${asUsage.inLocale(shown)}\n`);
      return 2;
    }
    if ((err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.stderr.write(`${tc(shown, 'error.prefix')}${(err as Error).message}\n`);
      return 2;
    }
    throw err;
  }
}
