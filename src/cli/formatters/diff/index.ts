/** The formats of `keyplan diff`, in the order `--format` lists them. */
import type { FormatterTable } from '../formatter.js';
import { json } from './json.js';
import { markdown } from './markdown.js';
import type { DiffOutput } from './model.js';
import { text } from './text.js';

export const DIFF_FORMATS: FormatterTable<DiffOutput> = { text, markdown, json };
