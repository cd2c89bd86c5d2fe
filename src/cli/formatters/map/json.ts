/** `keyplan map --format json`: the map model (people, lines, paths, procurement steps) and its layout, as the core builds them. */
import type { Formatter } from '../formatter.js';
import type { DecisionMap } from './model.js';

export const json: Formatter<DecisionMap> = ({ model, layout }) => JSON.stringify({ version: 1, ...model, layout }, null, 2) + '\n';
