/** The data every `keyplan matrix` format is given: one account's influence–support matrix, laid out. */
import type { MatrixLayout } from '../../../core/matrix/layout.js';
import type { MatrixModel } from '../../../core/matrix/model.js';

/** The drawing's size (also of the before/after matrices `keyplan diff --matrix-dir` writes). */
export const MATRIX_SIZE = { width: 720, height: 560 };

export interface Matrix {
  model: MatrixModel;
  layout: MatrixLayout;
}
