/** The formats of `keyplan check`, in the order `--format` lists them. */
import type { FormatterTable } from '../formatter.js';
import { github } from './github.js';
import { json } from './json.js';
import { junit } from './junit.js';
import type { Findings } from './model.js';
import { sarif } from './sarif.js';
import { text } from './text.js';

export const FINDINGS_FORMATS: FormatterTable<Findings> = { text, json, github, sarif, junit };
