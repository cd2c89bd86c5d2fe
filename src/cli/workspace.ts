/**
 * What `check`, `overdue`, `report`, `matrix` and `export` start with: the paths on the command
 * line resolved, the workspace they belong to found and read whole (cross-file rules need every
 * file), checked, and the focus (the files and folders the output is about) worked out.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { checkWorkspace, type CheckResult } from '../core/check/pipeline.js';
import { scopeChangedSince, type ChangedScope } from './changed-since.js';
import { chooseLocale, parseAsOf, type Call, type OptionsSpec } from './command.js';
import { tc, type CliText } from '../core/i18n/cli.js';
import { usage } from './errors.js';
import { focusEntries, pathFrom, type Focus } from './paths.js';
import { findWorkspaceRoot, loadWorkspaceFiles } from '../disk/walk.js';

export interface LoadedWorkspace {
  root: string;
  result: CheckResult;
  /** Workspace-relative paths (or folders, ending in /) the user asked about; empty = everything. */
  focus: Focus;
  failed: { path: string; error: CliText }[];
  /** Files deleted between listing and reading, and other things not read: notes, not errors. */
  notes: CliText[];
  /** With --changed-since: the part of the workspace that was checked and is reported on. */
  scope?: ChangedScope;
  /** A workspace-relative file as the user names it (relative to the current folder). */
  displayPath: (file: string) => string;
}

/**
 * Reads and checks the workspace of `paths` (default: the current folder) in --locale at --as-of.
 * `findingsOnly`: the caller uses the findings, not the model (`check`): see `checkWorkspace`.
 */
export async function loadWorkspace(call: Call<OptionsSpec>, paths: string[], changedSince?: string, findingsOnly = false): Promise<LoadedWorkspace> {
  const { io } = call;
  const locale = chooseLocale(call.values.locale, io.env);
  const asOf = parseAsOf(call.values['as-of']);
  const targets = (paths.length ? paths : ['.']).map((p) => path.resolve(io.cwd, p));
  for (const t of targets) if (!existsSync(t)) throw usage('error.no-such-path', { path: path.relative(io.cwd, t) || t });
  const root = findWorkspaceRoot(targets[0]);
  const focus = focusEntries(targets, root, io.cwd).filter((f): f is string => f !== undefined);
  const progress = io.stderr.isTTY ? (n: number) => { if (n % 500 === 0) io.stderr.write(`\r${tc(locale ?? 'en', 'progress.reading', { n })}`); } : undefined;
  const { files, failed, vanished, notes: readNotes } = await loadWorkspaceFiles(root, { onFile: progress });
  const displayPath = pathFrom(io.cwd, root);
  const notes: CliText[] = [...readNotes, ...vanished.map((f): CliText => ({ id: 'note.vanished', params: { path: displayPath(f) } }))];
  if (progress && files.length >= 500) io.stderr.write('\r\u001b[K');
  const scope = changedSince === undefined ? undefined : scopeChangedSince(root, changedSince, files);
  const result = checkWorkspace(scope ? scope.files : files, { locale, asOf, findingsOnly, parses: scope?.parses });
  call.locale = result.locale;
  return { root, result, focus, failed, notes, scope, displayPath };
}

/**
 * The note `overdue`, `report`, `matrix` and `export` print when documents could not be read (they
 * are left out of those views; `check` reports them as findings): how many and which, with why.
 * Nothing when every document was read.
 */
export function unreadableNotes(loaded: Pick<LoadedWorkspace, 'result' | 'displayPath'>): string[] {
  const { unreadable } = loaded.result;
  if (!unreadable.length) return [];
  const files = unreadable.map((u) => `${loaded.displayPath(u.path)}${u.reason ? ` (${u.reason})` : ''}`).join('; ');
  return [tc(loaded.result.locale, 'note.unreadable', { n: unreadable.length, files })];
}

/** The unreadable documents as the JSON outputs list them: `[{ file, reason }]`, workspace-relative. */
export function unreadableList(loaded: Pick<LoadedWorkspace, 'result'>): { file: string; reason: string }[] {
  return loaded.result.unreadable.map((u) => ({ file: u.path, reason: u.reason ?? '' }));
}

/** The unreadable account plans that define an account id (`a.md, b.md`), or undefined. */
export function unreadableAccountFiles(loaded: Pick<LoadedWorkspace, 'result' | 'displayPath'>, id: string): string | undefined {
  const files = loaded.result.unreadable.filter((u) => u.kind === 'account' && u.id === id).map((u) => loaded.displayPath(u.path));
  return files.length ? files.join(', ') : undefined;
}
