/** `keyplan matrix` in the terminal: the quadrants as a list, plan text made safe for the terminal. */
import { matrixText } from '../../../core/matrix/svg.js';
import { terminalSafe } from '../../output/terminal.js';
import type { Formatter } from '../formatter.js';
import type { Matrix } from './model.js';

export const text: Formatter<Matrix> = ({ model, layout }, { locale }) => terminalSafe(matrixText(model, layout, locale));
