/** Machine-readable output of `keyplan check --format json` (documented in docs/cli.md). */
import type { Diagnostic } from '../../core/diagnostic.js';
import type { SkippedFile } from '../../core/check/pipeline.js';
import type { Summary } from './text.js';

export const JSON_FORMAT_VERSION = 1;

export function formatJson(diagnostics: Diagnostic[], summary: Summary, skipped: SkippedFile[], displayPath: (file: string) => string, extra?: Record<string, unknown>): string {
  return JSON.stringify({
    version: JSON_FORMAT_VERSION,
    summary,
    diagnostics: diagnostics.map((d) => ({ ...d, file: displayPath(d.file) })),
    skipped: skipped.map((s) => ({ ...s, path: displayPath(s.path) })),
    ...extra,
  }, null, 2) + '\n';
}
