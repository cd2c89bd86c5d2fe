/**
 * The one shape of every output format: a formatter turns one kind of output data (findings, the
 * overdue list, a report, a diff, a brief, a matrix) into the text printed on stdout, given the
 * same context everywhere. Each output kind has a table, format name → formatter, in its folder's
 * index.ts; a command picks from its table by `--format` instead of branching on the name. To add
 * a format: one file in the kind's folder and one line in its table.
 */
import type { Locale } from '../../core/i18n/catalogue.js';
import { closest } from '../../core/suggest.js';
import { usage } from '../errors.js';
import type { Style } from '../output/style.js';

export interface FormatContext {
  /** The language of the output (the workspace's, after --locale and keyplan.yaml). */
  locale: Locale;
  /** Terminal colours (no-ops unless writing to a colour terminal). */
  style: Style;
  /** Keyplan's version, for formats that name their tool (SARIF). */
  version: string;
  /** The columns a text table may take: the terminal's width when stdout is a terminal, otherwise none. */
  width?: number;
  /** A line for stderr: what the format does not print but the reader should know (skipped files). */
  note(message: string): void;
}

export type Formatter<T> = ((data: T, context: FormatContext) => string) & {
  /**
   * The same output in pieces, for a format whose output grows with the workspace: printing it
   * piece by piece never holds the whole text (at 10,000 documents, megabytes) at once.
   */
  readonly pieces?: (data: T, context: FormatContext) => Iterable<string>;
};

/** A formatter made of its pieces: the text is the pieces joined, so both ways print the same. */
export function inPieces<T>(pieces: (data: T, context: FormatContext) => Iterable<string>): Formatter<T> {
  return Object.assign((data: T, context: FormatContext) => [...pieces(data, context)].join(''), { pieces });
}

/** Format name → formatter, in the order the help and error messages list them. */
export type FormatterTable<T> = Readonly<Record<string, Formatter<T>>>;

/** The formatter `--format` names (default: the option's default), or a usage error listing the choices. */
export function pickFormatter<T>(table: FormatterTable<T>, format: string | undefined): Formatter<T> {
  const name = format ?? 'text';
  if (!Object.hasOwn(table, name)) throw usage('error.unknown-format', { value: name, choices: Object.keys(table).join(', '), suggestion: closest(name, Object.keys(table)) });
  return table[name];
}
