/** Messages between the matrix webview and the extension. The extension validates every message it receives. */
import type { Locale } from '../core/i18n.js';
import type { MatrixModel, SizeBy } from '../core/matrix.js';

export interface MatrixStrings {
  legendTitle: string;
  roles: Record<string, string>;
  sizeBy: string;
  temperature: string;
  coverage: string;
  unplaced: string;
  lastInteraction: string;
  cadence: string;
  influence: string;
  stance: string;
  coverageLabel: string;
  target: string;
  previous: string;
  hint: string;
  empty: string;
}

export type ToWebview = { type: 'model'; model: MatrixModel; locale: Locale; sizeBy: SizeBy; strings: MatrixStrings };

export type FromWebview =
  | { type: 'ready' }
  | { type: 'open'; person: string }
  | { type: 'move'; person: string; stance: string; influence: number }
  | { type: 'sizeBy'; value: SizeBy };
