/** `keyplan export --format json`: the brief as the core builds it (`--out` adds a `keyplan-sha256` seal field: src/cli/write.ts). */
import type { BriefExport } from '../../../core/report/brief.js';
import type { Formatter } from '../formatter.js';

export const json: Formatter<BriefExport> = (brief) => JSON.stringify(brief, null, 2) + '\n';
