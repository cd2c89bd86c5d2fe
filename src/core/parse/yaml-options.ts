/** Options shared by every YAML parse of plan files (the checker and the editors). */

/**
 * How every YAML Keyplan reads is parsed. Besides strictness: `resolveKnownTags: false` keeps
 * `!!binary`, `!!set`, `!!omap` and `!!timestamp` as the plain text they are in the file (the data
 * stays JSON: strings, numbers, booleans, lists and maps, never a Buffer, Set or Date), and
 * `logLevel: 'error'` stops the yaml package from printing warnings about a file's content on the
 * process's stderr (e.g. a mapping used as a key).
 */
export const YAML_OPTIONS = { prettyErrors: false, uniqueKeys: true, strict: true, resolveKnownTags: false, logLevel: 'error' } as const;
