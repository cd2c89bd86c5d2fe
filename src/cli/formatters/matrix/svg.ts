/** `keyplan matrix --format svg` (and the file `--svg` writes): a standalone SVG document. */
import { renderMatrixSvg } from '../../../core/matrix/svg.js';
import type { Formatter } from '../formatter.js';
import type { Matrix } from './model.js';

export const svg: Formatter<Matrix> = ({ model, layout }, { locale }) => renderMatrixSvg(model, layout, { locale, standalone: true }) + '\n';
