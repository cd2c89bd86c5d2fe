/**
 * `--at DATE|REV` of `matrix` and `map`: the workspace as it stood at a past commit, read from git
 * (no checkout) and checked at that day, so the picture is drawn as it was, temperatures included.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { checkWorkspace } from '../core/check/pipeline.js';
import { today } from '../core/dates.js';
import { chooseLocale, parseAsOf, type Call, type OptionsSpec } from './command.js';
import { usage } from './errors.js';
import { findRepo, readRevision, workspaceRepo } from '../git/git.js';
import { resolvePoint } from '../git/history.js';
import { isOutside, pathFrom } from './paths.js';
import { findWorkspaceRoot } from '../disk/walk.js';
import type { LoadedWorkspace } from './workspace.js';

/** The workspace of `paths` as it was at `at` (a date, `Nd` or a revision). */
export function loadWorkspaceAt(call: Call<OptionsSpec>, paths: string[], at: string): LoadedWorkspace & { label: string } {
  const { io } = call;
  if (paths.length > 1) throw usage('error.at-one-folder');
  const target = path.resolve(io.cwd, paths[0] ?? '.');
  if (!existsSync(target)) throw usage('error.no-such-path', { path: paths[0] });
  const repo = findRepo(target);
  if (!repo) throw usage('error.at-no-repo');
  const root = findWorkspaceRoot(target);
  const wsRepo = workspaceRepo(repo, root);
  if (isOutside(wsRepo.prefix)) throw usage('error.diff-outside', { root, top: repo.top });
  const asOf = parseAsOf(call.values['as-of']) ?? today();
  const point = resolvePoint(repo, at, asOf, 'on');
  if (!point) throw usage('error.no-commit-on-or-before', { when: at });
  const files = readRevision(wsRepo, point.sha);
  const result = checkWorkspace(files, { locale: chooseLocale(call.values.locale, io.env), asOf: point.when });
  return { root, result, focus: [], failed: [], notes: [], displayPath: pathFrom(io.cwd, root), label: point.label };
}
