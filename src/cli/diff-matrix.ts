/**
 * `keyplan diff --matrix-dir DIR`: the influence–support matrix of each changed account before and
 * after, as SVG files (the same drawing as `keyplan matrix --svg`); the "after" one shows where
 * each person stood at BASE.
 */
import path from 'node:path';
import type { CheckResult } from '../core/check/pipeline.js';
import type { WorkspaceDiff } from '../core/diff/diff.js';
import { matrixModel } from '../core/matrix/model.js';
import { layoutMatrix } from '../core/matrix/layout.js';
import { renderMatrixSvg } from '../core/matrix/svg.js';
import { checkNewId } from '../core/language/templates.js';
import { MATRIX_SIZE } from './formatters/matrix/model.js';
import { ensureFolder, writeOutputFile } from './write.js';

/** Writes `<dir>/<account>.before.svg` and `.after.svg`; returns the paths as given (for embedding). */
export async function writeDiffMatrices(diff: WorkspaceDiff, base: CheckResult, head: CheckResult, dir: string, cwd: string, force = false): Promise<Map<string, { before?: string; after?: string }>> {
  const out = new Map<string, { before?: string; after?: string }>();
  await ensureFolder(path.resolve(cwd, dir), cwd);
  const write = async (result: CheckResult, account: string, which: 'before' | 'after', previous?: Map<string, { stance?: unknown; influence?: unknown }>) => {
    const model = matrixModel(result, account, previous);
    if (!model || !model.people.length) return undefined;
    const layout = layoutMatrix(model, { ...MATRIX_SIZE, sizeBy: 'temperature' });
    const svg = renderMatrixSvg(model, layout, { locale: result.locale, standalone: true });
    // Account ids passed the id check, so `<account>.before.svg` is a plain name inside `dir`.
    if (checkNewId(account)) return undefined;
    const rel = path.posix.join(dir.split(path.sep).join('/'), `${account}.${which}.svg`);
    await writeOutputFile(path.resolve(cwd, rel), svg + '\n', { force, seal: 'comment', what: 'svg', base: cwd });
    return rel;
  };
  for (const a of diff.accounts) {
    const previous = new Map([...base.workspace.people.values()].filter((p) => p.account === a.id).map((p) => [p.id, { stance: p.data.stance, influence: p.data.influence }]));
    out.set(a.id, { before: await write(base, a.id, 'before'), after: await write(head, a.id, 'after', previous) });
  }
  return out;
}
