/** Machine-readable output of `keyplan check --format json` (documented in docs/cli.md). */
import { inPieces } from '../formatter.js';
import { jsonPieces, streamed } from '../json-pieces.js';
import type { Findings } from './model.js';

export const JSON_FORMAT_VERSION = 1;

export const json = inPieces<Findings>(function* (f) {
  yield* jsonPieces({
    version: JSON_FORMAT_VERSION,
    summary: f.summary,
    diagnostics: streamed(f.diagnostics, (d) => ({ ...d, file: f.displayPath(d.file) })),
    skipped: f.skipped.map((s) => ({ ...s, path: f.displayPath(s.path) })),
    ...(f.scope ? { scope: f.scope } : {}),
  });
  yield '\n';
});
