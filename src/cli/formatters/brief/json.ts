/** `keyplan export --format json`: the brief as the core builds it (it names its generator, so `--out` recognises it). */
import type { BriefExport } from '../../../core/report/brief.js';
import type { Formatter } from '../formatter.js';

export const json: Formatter<BriefExport> = (brief) => JSON.stringify(brief, null, 2) + '\n';
