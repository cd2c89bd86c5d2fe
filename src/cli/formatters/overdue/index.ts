/** The formats of `keyplan overdue`, in the order `--format` lists them. */
import type { FormatterTable } from '../formatter.js';
import { json } from './json.js';
import { markdown } from './markdown.js';
import type { Overdue } from './rows.js';
import { text } from './text.js';

export const OVERDUE_FORMATS: FormatterTable<Overdue> = { text, json, markdown };
