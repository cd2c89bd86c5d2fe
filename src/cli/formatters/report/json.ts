/** `keyplan report --format json`: the workspace report as the core builds it. */
import type { WorkspaceReport } from '../../../core/report/report.js';
import type { Formatter } from '../formatter.js';

export const json: Formatter<WorkspaceReport> = (report) => JSON.stringify(report, null, 2) + '\n';
