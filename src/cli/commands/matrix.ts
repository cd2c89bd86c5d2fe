/** `keyplan matrix <account> [paths] [--svg out.svg [--force]] [--format text|svg] [--size-by temperature|coverage]` */
import path from 'node:path';
import type { CheckResult } from '../../core/check/pipeline.js';
import { matrixModel, type SizeBy } from '../../core/matrix/model.js';
import { layoutMatrix } from '../../core/matrix/layout.js';
import { matrixText, renderMatrixSvg } from '../../core/matrix/svg.js';
import { closest } from '../../core/suggest.js';
import { isKeyplanSvg, writeOutputFile } from '../write.js';

export const MATRIX_SIZE = { width: 720, height: 560 };

export interface MatrixCommandOptions {
  account: string;
  svg?: string;
  format: 'text' | 'svg';
  sizeBy: SizeBy;
  cwd: string;
  /** Replace an existing file Keyplan did not write. */
  force?: boolean;
}

/** Returns what to print, or throws a message for a usage error. */
export async function runMatrix(result: CheckResult, options: MatrixCommandOptions): Promise<string> {
  const model = matrixModel(result, options.account);
  if (!model) {
    const suggestion = closest(options.account, [...result.workspace.accounts.keys()]);
    throw new Error(`no account '${options.account}' in this workspace${suggestion ? `; did you mean '${suggestion}'?` : ''}`);
  }
  const layout = layoutMatrix(model, { ...MATRIX_SIZE, sizeBy: options.sizeBy });
  const svg = renderMatrixSvg(model, layout, { locale: result.locale, standalone: true });
  if (options.svg) {
    // Atomically, only there, and never over a file Keyplan did not write (unless --force).
    await writeOutputFile(path.resolve(options.cwd, options.svg), svg + '\n', { force: options.force, isOurs: isKeyplanSvg, what: 'the SVG' });
  }
  if (options.format === 'svg' && !options.svg) return svg + '\n';
  const text = matrixText(model, layout, result.locale);
  return options.svg ? `${text}\nWrote ${options.svg}\n` : text;
}
