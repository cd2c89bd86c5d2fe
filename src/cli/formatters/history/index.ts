/** The formats of `keyplan history`, in the order `--format` lists them. */
import type { FormatterTable } from '../formatter.js';
import { json } from './json.js';
import { markdown } from './markdown.js';
import type { HistoryOutput } from './model.js';
import { text } from './text.js';

export const HISTORY_FORMATS: FormatterTable<HistoryOutput> = { text, markdown, json };
