/**
 * The help of the command line, built from the command table (options, their types and values)
 * and the words in src/core/i18n/cli-help.ts: the list of commands, each command's usage, options
 * and examples, in the locale of the command line. docs/cli.md shows the same text (scripts/cli-docs.mjs).
 */
import { COMMAND_HELP, COMMON_HELP, helpText, helpWord } from '../core/i18n/cli-help.js';
import type { Locale, Text } from '../core/i18n/locale.js';
import { COMMON_OPTIONS, type Command } from './command.js';
import { displayWidth } from './output/table.js';

const INDENT = '  ';
/** Column where option and command descriptions start. */
const DESCRIPTION_AT = 26;
/** Help lines are wrapped to this width. */
const WIDTH = 100;

/** `text` in lines of at most `width` columns: broken at spaces, or between two wide characters. */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  // Words, and each wide character on its own (Chinese breaks between characters).
  const pieces = text.match(/\s+|[\u2e80-\uffef][，。；：、）》」]?|[^\s\u2e80-\uffef]+/g) ?? [];
  // An opening bracket stays with what follows it.
  for (let i = pieces.length - 2; i >= 0; i--) if (/^[（《「“‘]$/.test(pieces[i])) pieces.splice(i, 2, pieces[i] + pieces[i + 1]);
  // Closing punctuation stays with what precedes it.
  for (let i = pieces.length - 1; i > 0; i--) if (/^[，。；：、）》」”’]/.test(pieces[i]) && !/^\s/.test(pieces[i - 1])) pieces.splice(i - 1, 2, pieces[i - 1] + pieces[i]);
  for (const piece of pieces) {
    if (/^\s+$/.test(piece)) { if (line) line += ' '; continue; }
    if (line && displayWidth(line + piece) > width) { lines.push(line.trimEnd()); line = ''; }
    line += piece;
  }
  if (line.trim()) lines.push(line.trimEnd());
  return lines.length ? lines : [''];
}

function row(left: string, text: string): string {
  const pad = DESCRIPTION_AT - INDENT.length - displayWidth(left);
  const [first, ...rest] = wrap(text, WIDTH - DESCRIPTION_AT);
  const more = rest.map((l) => `\n${' '.repeat(DESCRIPTION_AT)}${l}`).join('');
  return (pad >= 2 ? `${INDENT}${left}${' '.repeat(pad)}${first}` : `${INDENT}${left}\n${' '.repeat(DESCRIPTION_AT)}${first}`) + more;
}

/** `--format <f>`, `-h, --help`, `--all`. */
function optionName(name: string, spec: { type: string; short?: string }, arg: Text | undefined, locale: Locale): string {
  const long = `--${name}${spec.type === 'string' ? ` ${arg ? helpText(arg, locale) : helpWord('value', locale)}` : ''}`;
  return spec.short ? `-${spec.short}, ${long}` : long;
}

function commonOptionLines(locale: Locale): string[] {
  return Object.entries(COMMON_OPTIONS).map(([name, spec]) => row(optionName(name, spec, COMMON_HELP[name]?.arg, locale), helpText(COMMON_HELP[name].text, locale)));
}

/** `keyplan <command> --help`. */
export function commandHelp(command: Command, locale: Locale): string {
  const help = COMMAND_HELP[command.name];
  const lines = [`${helpWord('usage', locale)}keyplan ${command.name} ${helpText(help.args, locale)}${Object.keys(command.options).length ? ` ${helpWord('optionsArg', locale)}` : ''}`.trimEnd(), '', ...wrap(helpText(help.summary, locale), WIDTH)];
  if (help.details) lines.push(...wrap(helpText(help.details, locale), WIDTH));
  const own = Object.entries(command.options);
  if (own.length) {
    lines.push('', helpWord('options', locale));
    for (const [name, spec] of own) lines.push(row(optionName(name, spec as { type: string; short?: string }, help.options[name]?.arg, locale), helpText(help.options[name].text, locale)));
  }
  lines.push('', helpWord('common', locale), ...commonOptionLines(locale));
  if (help.examples.length) {
    lines.push('', helpWord('examples', locale));
    for (const e of help.examples) lines.push(`${INDENT}${typeof e.command === 'string' ? e.command : helpText(e.command, locale)}`, `${INDENT}${INDENT}${helpText(e.text, locale)}`);
  }
  lines.push('', helpWord('exit', locale));
  return lines.join('\n') + '\n';
}

/** `keyplan --help`: every command with its one line, the common options, how to get more. */
export function globalHelp(commands: readonly Command[], locale: Locale): string {
  const lines = [`${helpWord('usage', locale)}keyplan ${helpWord('command', locale)} ${helpWord('paths', locale)}`, '', helpWord('commands', locale)];
  for (const c of commands) lines.push(row(c.name, helpText(COMMAND_HELP[c.name].summary, locale)));
  lines.push('', helpWord('common', locale), ...commonOptionLines(locale), row('-v, --version', helpWord('version', locale)));
  lines.push('', helpWord('more', locale), helpWord('exit', locale));
  return lines.join('\n') + '\n';
}
