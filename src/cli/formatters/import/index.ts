/** The formats of `keyplan import`, in the order `--format` lists them. */
import type { FormatterTable } from '../formatter.js';
import { json } from './json.js';
import type { ImportOutput } from './output.js';
import { text } from './text.js';

export const IMPORT_FORMATS: FormatterTable<ImportOutput> = { text, json };
