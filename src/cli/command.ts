/**
 * The one shape of a `keyplan` command (name, help text, options, run) and what every command
 * shares: the process it talks to (Io), the options every command takes (--as-of, --locale,
 * --no-color, --help) read in one place, printing a formatter's output, and how notes and
 * unreadable files are reported at the end.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { parseArgs, ParseArgsConfig } from 'node:util';
import { isValidDate } from '../core/dates.js';
import { localeOfTag, type Locale } from '../core/i18n/locale.js';
import { UsageError } from './errors.js';
import type { Formatter } from './formatters/formatter.js';
import { styleFor, type Style } from './output/style.js';
import { terminalWidth } from './output/table.js';
import { terminalSafeLine } from './output/terminal.js';

export interface Io {
  stdout: { write(s: string): unknown; isTTY?: boolean; columns?: number };
  stderr: { write(s: string): unknown; isTTY?: boolean };
  cwd: string;
  env: NodeJS.ProcessEnv;
}

/** Options every command takes. */
export const COMMON_OPTIONS = {
  'as-of': { type: 'string' },
  locale: { type: 'string' },
  'no-color': { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

export type OptionsSpec = NonNullable<ParseArgsConfig['options']>;
type Parsed<O extends OptionsSpec> = ReturnType<typeof parseArgs<{ args: string[]; allowPositionals: true; options: typeof COMMON_OPTIONS & O }>>;

/** One command line, parsed against the command's options. */
export interface Call<O extends OptionsSpec> {
  values: Parsed<O>['values'];
  positionals: string[];
  /** What followed `--` (only for commands with `pathsAfterDashes`). */
  paths: string[];
  io: Io;
}

export interface Command<O extends OptionsSpec = OptionsSpec> {
  name: string;
  /** Its entry under "Commands:" in the help; without one, its help section introduces it. */
  summary?: string;
  /** Its section of the help: the options it takes. */
  help: string;
  /** Its own options (the common ones are added). */
  options: O;
  /** Everything after `--` is a path, never a revision (diff). */
  pathsAfterDashes?: boolean;
  /** Returns the exit code: 0 no errors, 1 errors, 2 usage or I/O error. */
  run(call: Call<O>): Promise<number>;
}

/** Keeps a command's option types (a table of commands forgets them). */
export function defineCommand<O extends OptionsSpec>(command: Command<O>): Command {
  return command as unknown as Command;
}

/** --locale, then KEYPLAN_LOCALE, then a Chinese or English LANG; otherwise keyplan.yaml decides. */
export function chooseLocale(flag: string | undefined, env: NodeJS.ProcessEnv): Locale | undefined {
  if (flag) {
    const locale = localeOfTag(flag);
    if (!locale) throw new UsageError(`unknown locale '${flag}' (use en or zh-cn)`);
    return locale;
  }
  for (const v of [env.KEYPLAN_LOCALE, env.LC_ALL, env.LC_MESSAGES, env.LANG]) {
    const locale = localeOfTag(v);
    if (locale) return locale;
  }
  return undefined;
}

export function parseAsOf(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (!isValidDate(value)) throw new UsageError(`--as-of takes a date as YYYY-MM-DD, not '${value}'`);
  return value;
}

/** Colours for stdout, unless --no-color. */
export function styleOf(call: Call<OptionsSpec>): Style {
  return call.values['no-color'] ? styleFor({ isTTY: false }, {}) : styleFor(call.io.stdout, call.io.env);
}

export function version(): string {
  try {
    const pkg = JSON.parse(readFileSync(path.join(__dirname, '..', 'package.json'), 'utf8')) as { version: string };
    return pkg.version;
  } catch {
    return 'unknown';
  }
}

/** Formats `data`: the text, and the notes the formatter had for stderr. */
export function render<T>(call: Call<OptionsSpec>, formatter: Formatter<T>, data: T, locale: Locale): { text: string; notes: string[] } {
  const notes: string[] = [];
  const width = terminalWidth(call.io.stdout, call.io.env);
  const text = formatter(data, { locale, style: styleOf(call), version: version(), width, note: (message) => notes.push(message) });
  return { text, notes };
}

/** Formats `data` and prints it: the output on stdout, then the formatter's notes on stderr as `note: …`. */
export function print<T>(call: Call<OptionsSpec>, formatter: Formatter<T>, data: T, locale: Locale): void {
  const { text, notes } = render(call, formatter, data, locale);
  call.io.stdout.write(text);
  for (const n of notes) call.io.stderr.write(`note: ${n}\n`);
}

/** Notes, then files that could not be read; exit code 2 when there were any. */
export function reportProblems(io: Io, notes: string[], failed: { path: string; error: string }[], shown: (file: string) => string = (f) => f): number {
  for (const n of notes) io.stderr.write(`note: ${terminalSafeLine(n)}\n`);
  for (const f of failed) io.stderr.write(`keyplan: could not read ${terminalSafeLine(shown(f.path))} (${f.error})\n`);
  return failed.length ? 2 : 0;
}
