/** `keyplan map --format svg` (and the file `--svg` writes): a standalone SVG document. */
import { renderMapSvg } from '../../../core/map/svg.js';
import type { Formatter } from '../formatter.js';
import type { DecisionMap } from './model.js';

export const svg: Formatter<DecisionMap> = ({ model, layout }, { locale }) => renderMapSvg(model, layout, { locale, standalone: true }) + '\n';
