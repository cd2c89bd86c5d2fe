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
import { sayText, tc, type CliText } from '../core/i18n/cli.js';
import { localeOfTag, type Locale } from '../core/i18n/locale.js';
import { usage } from './errors.js';
import type { FormatContext, Formatter } from './formatters/formatter.js';
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
  /** The locale of the output once the workspace is read (usage errors after that are in it). */
  locale?: Locale;
}

export interface Command<O extends OptionsSpec = OptionsSpec> {
  /** Its name; its help (summary, option descriptions, examples) is COMMAND_HELP[name] in src/core/i18n/cli-help.ts. */
  name: string;
  /** Its own options (the common ones are added). */
  options: O;
  /** The values an option takes, where they are a closed list (for the help and the shell completion). */
  choices?: Partial<Record<keyof O & string, readonly string[]>>;
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
    if (!locale) throw usage('error.unknown-locale', { value: flag });
    return locale;
  }
  for (const v of [env.KEYPLAN_LOCALE, env.LC_ALL, env.LC_MESSAGES, env.LANG]) {
    const locale = localeOfTag(v);
    if (locale) return locale;
  }
  return undefined;
}

/** A date option's value: YYYY-MM-DD, and a day that exists (2026-02-30 does not). */
export function checkDate(option: string, value: string): void {
  if (isValidDate(value)) return;
  throw usage(/^\d{4}-\d{2}-\d{2}$/.test(value) ? 'error.date-nonexistent' : 'error.date-format', { option, value });
}

export function parseAsOf(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  checkDate('--as-of', value);
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

function formatContext(call: Call<OptionsSpec>, locale: Locale, notes: string[]): FormatContext {
  return { locale, style: styleOf(call), version: version(), width: terminalWidth(call.io.stdout, call.io.env), note: (message) => notes.push(message) };
}

/** Formats `data`: the text, and the notes the formatter had for stderr. */
export function render<T>(call: Call<OptionsSpec>, formatter: Formatter<T>, data: T, locale: Locale): { text: string; notes: string[] } {
  const notes: string[] = [];
  const text = formatter(data, formatContext(call, locale, notes));
  return { text, notes };
}

/** What `print` gathers before it writes: few writes, and never the whole output of a large workspace at once. */
const PRINT_CHUNK = 64 * 1024;

/** Formats `data` and prints it: the output on stdout (piece by piece when the format can), then the formatter's notes on stderr as `note: …`. */
export function print<T>(call: Call<OptionsSpec>, formatter: Formatter<T>, data: T, locale: Locale): void {
  const notes: string[] = [];
  const context = formatContext(call, locale, notes);
  if (formatter.pieces) {
    let pending = '';
    for (const piece of formatter.pieces(data, context)) {
      pending += piece;
      if (pending.length < PRINT_CHUNK) continue;
      call.io.stdout.write(pending);
      pending = '';
    }
    if (pending) call.io.stdout.write(pending);
  } else {
    call.io.stdout.write(formatter(data, context));
  }
  for (const n of notes) call.io.stderr.write(`${tc(locale, 'note.prefix')}${n}\n`);
}

/** Notes, then files that could not be read; exit code 2 when there were any. */
export function reportProblems(io: Io, notes: CliText[], failed: { path: string; error: CliText }[], shown: (file: string) => string = (f) => f, locale: Locale = 'en'): number {
  for (const n of notes) io.stderr.write(`${tc(locale, 'note.prefix')}${terminalSafeLine(sayText(locale, n))}\n`);
  for (const f of failed) io.stderr.write(`${tc(locale, 'error.prefix')}${tc(locale, 'note.could-not-read', { path: terminalSafeLine(shown(f.path)), error: terminalSafeLine(sayText(locale, f.error)) })}\n`);
  return failed.length ? 2 : 0;
}
