/** Machine-readable output of `keyplan check --format json` (documented in docs/cli.md). */
import type { Formatter } from '../formatter.js';
import type { Findings } from './model.js';

export const JSON_FORMAT_VERSION = 1;

export const json: Formatter<Findings> = (f) => JSON.stringify({
  version: JSON_FORMAT_VERSION,
  summary: f.summary,
  diagnostics: f.diagnostics.map((d) => ({ ...d, file: f.displayPath(d.file) })),
  skipped: f.skipped.map((s) => ({ ...s, path: f.displayPath(s.path) })),
  ...(f.scope ? { scope: f.scope } : {}),
}, null, 2) + '\n';
