/** `keyplan map` in the terminal: the reporting trees, informal lines and paths, plan text made safe for the terminal. */
import { mapText } from '../../../core/map/text.js';
import { terminalSafe } from '../../output/terminal.js';
import type { Formatter } from '../formatter.js';
import type { DecisionMap } from './model.js';

export const text: Formatter<DecisionMap> = ({ model, layout }, { locale }) => terminalSafe(mapText(model, layout, locale));
