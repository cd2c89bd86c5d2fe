/** The formats of `keyplan report --inventory`, in the order `--format` lists them. */
import type { Inventory } from '../../../core/report/inventory.js';
import type { FormatterTable } from '../formatter.js';
import { json } from './json.js';
import { markdown } from './markdown.js';
import { text } from './text.js';

export const INVENTORY_FORMATS: FormatterTable<Inventory> = { text, json, markdown };
