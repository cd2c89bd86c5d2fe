/** The formats of `keyplan report`, in the order `--format` lists them. */
import type { WorkspaceReport } from '../../../core/report/report.js';
import type { FormatterTable } from '../formatter.js';
import { json } from './json.js';
import { markdown } from './markdown.js';
import { text } from './text.js';

export const REPORT_FORMATS: FormatterTable<WorkspaceReport> = { text, json, markdown };
