/**
 * Errors the CLI reports as `keyplan: <message>` with exit code 2 (usage or I/O problems). A
 * usage error names a message of the CLI catalogue (src/core/i18n/cli.ts) and its parameters, and
 * is put into words only when it is printed, in the locale of the command line; a plain string
 * is a message already in words (from the core, in the workspace's locale).
 */
import { tc, type CliMessageId } from '../core/i18n/cli.js';
import type { Locale, Params } from '../core/i18n/locale.js';
import { GitError } from '../git/run.js';

export class UsageError extends Error {
  readonly id?: CliMessageId;
  readonly params: Params;

  constructor(message: string | CliMessageId, params?: Params) {
    const isId = params !== undefined;
    super(isId ? tc('en', message as CliMessageId, params) : message);
    this.id = isId ? (message as CliMessageId) : undefined;
    this.params = params ?? {};
  }

  /** The message in a locale. */
  inLocale(locale: Locale): string {
    return this.id ? tc(locale, this.id, this.params) : this.message;
  }
}

/** A usage error from the CLI catalogue: `throw usage('error.out-empty')`. */
export function usage(id: CliMessageId, params: Params = {}): UsageError {
  return new UsageError(id, params);
}

/**
 * An error the CLI reports as a usage error (exit code 2), or undefined: usage errors, and git's
 * failures (src/git), which are git's own words or a date that does not exist.
 */
export function asUsageError(err: unknown): UsageError | undefined {
  if (err instanceof UsageError) return err;
  if (err instanceof GitError) {
    if (err.notADate !== undefined) return usage('error.not-a-date', { value: err.notADate });
    return typeof err.text === 'string' ? new UsageError(err.text) : usage(err.text.id, err.text.params ?? {});
  }
  return undefined;
}
