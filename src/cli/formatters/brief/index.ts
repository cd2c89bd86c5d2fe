/** The formats of `keyplan export`, in the order `--format` lists them (the first is the default). */
import type { BriefExport } from '../../../core/report/brief.js';
import type { FormatterTable } from '../formatter.js';
import { json } from './json.js';
import { markdown } from './markdown.js';

export const BRIEF_FORMATS: FormatterTable<BriefExport> = { markdown, json };
