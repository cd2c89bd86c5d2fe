/** The formats of `keyplan map`, in the order `--format` lists them. */
import type { FormatterTable } from '../formatter.js';
import { json } from './json.js';
import { mermaid } from './mermaid.js';
import type { DecisionMap } from './model.js';
import { svg } from './svg.js';
import { text } from './text.js';

export const MAP_FORMATS: FormatterTable<DecisionMap> = { text, json, mermaid, svg };
