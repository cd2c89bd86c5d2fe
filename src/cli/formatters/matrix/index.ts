/** The formats of `keyplan matrix`, in the order `--format` lists them. */
import type { FormatterTable } from '../formatter.js';
import type { Matrix } from './model.js';
import { svg } from './svg.js';
import { text } from './text.js';

export const MATRIX_FORMATS: FormatterTable<Matrix> = { text, svg };
