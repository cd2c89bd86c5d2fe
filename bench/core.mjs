// Keyplan's core API in the bench's own process: bundled from src/ with esbuild the way the CLI is
// (same code, not a separate build of it), then timed: full check, cross-file stages, report,
// and single edits through IncrementalChecker.
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { now } from './measure.mjs';

const ENTRY = `
export { loadWorkspaceFiles } from './src/disk/walk.ts';
export { checkWorkspace, IncrementalChecker } from './src/core/check/pipeline.ts';
export { buildReport } from './src/core/report/report.ts';
`;

/** Bundles the core entry points into `buildDir/core.cjs` and loads it. */
export async function loadCore(repo, buildDir) {
  const { build } = createRequire(path.join(repo, 'package.json'))('esbuild');
  mkdirSync(buildDir, { recursive: true });
  const outfile = path.join(buildDir, 'core.cjs');
  await build({
    stdin: { contents: ENTRY, resolveDir: repo, loader: 'ts', sourcefile: 'bench-core-entry.ts' },
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    outfile,
    logLevel: 'warning',
    legalComments: 'none',
  });
  return createRequire(import.meta.url)(outfile);
}

/**
 * One full check in-process, as the CLI does it (load every file, check), split into its parts,
 * then a second check() with nothing changed (only the cross-file stages run again) and the
 * report built from the result.
 */
export async function apiPass(core, root, asOf, { extraStages = true } = {}) {
  const t0 = now();
  const { files } = await core.loadWorkspaceFiles(root);
  const t1 = now();
  const checker = new core.IncrementalChecker();
  for (const f of files) checker.set(f);
  const result = checker.check(asOf);
  const t2 = now();
  let crossFile;
  let report;
  if (extraStages) {
    const again = checker.check(asOf);
    const t3 = now();
    core.buildReport(again);
    crossFile = t3 - t2;
    report = now() - t3;
  }
  const counts = { files: files.length, documents: result.documents.length, diagnostics: result.diagnostics.length, errors: result.diagnostics.filter((d) => d.severity === 'error').length };
  // Files with per-file frontmatter errors, by rule: what a frontmatter-schema peer could also find.
  const flagged = {};
  for (const d of result.diagnostics) {
    if (d.severity !== 'error' || !PER_FILE_RULES.includes(d.rule)) continue;
    (flagged[d.rule] ??= new Set()).add(d.file);
  }
  return { load: t1 - t0, check: t2 - t1, full: t2 - t0, crossFile, report, counts, flagged };
}

/** Keyplan's rules for problems inside one frontmatter (syntax, schema, unknown keys). */
export const PER_FILE_RULES = ['yaml-syntax', 'schema', 'unknown-field'];

const STANCES = ['champion', 'supporter', 'neutral', 'skeptic', 'opponent', 'unknown'];

/**
 * Single edits of a person document in a warm IncrementalChecker holding the whole workspace:
 * `set()` of the edited text (as the editor sends a buffer) + `check()`, i.e. the time until the
 * diagnostics of that file and of every cross-file finding it affects are up to date. Each edit is
 * reverted (untimed) before the next one. Returns the times of the stance edits and of the id renames.
 */
export async function incrementalPass(core, root, asOf, edits) {
  const { files } = await core.loadWorkspaceFiles(root);
  const checker = new core.IncrementalChecker();
  for (const f of files) checker.set(f);
  const baseline = checker.check(asOf);
  checker.check(asOf); // warm the cross-file stages once more
  // People whose documents are clean, spread evenly over the workspace.
  const flagged = new Set(baseline.diagnostics.filter((d) => d.severity === 'error').map((d) => d.file));
  const people = baseline.documents.filter((d) => d.kind === 'person' && !flagged.has(d.path)).map((d) => d.path).sort();
  const byPath = new Map(files.map((f) => [f.path, f]));
  const targets = Array.from({ length: edits }, (_, i) => people[Math.floor(((i + 0.5) * people.length) / edits)]);
  const stance = [];
  const rename = [];
  const affected = [];
  const timed = (text, target) => {
    const t0 = now();
    checker.set({ path: target, content: text });
    const result = checker.check(asOf);
    return { ms: now() - t0, result };
  };
  const restore = (target, original) => {
    checker.set({ path: target, content: original });
    checker.check(asOf);
  };
  for (const target of targets) {
    const original = Buffer.from(byPath.get(target).content).toString('utf8');
    // 1. The stance moves (a per-file change that feeds temperature, placement and methodology rules).
    const moved = original.replace(/^stance: (\w+)$/m, (_, s) => `stance: ${STANCES[(STANCES.indexOf(s) + 1) % STANCES.length]}`);
    if (moved === original) throw new Error(`bench: ${target} has no stance line to edit`);
    stance.push(timed(moved, target).ms);
    restore(target, original);
    // 2. The id is renamed: every reports_to, plan contact and @mention of the old id now dangles.
    const id = /^id: (\S+)$/m.exec(original)?.[1];
    const renamed = original.replace(/^id: (\S+)$/m, `id: ${id}-renamed`);
    const { ms, result } = timed(renamed, target);
    rename.push(ms);
    affected.push(result.diagnostics.filter((d) => d.rule === 'unknown-reference' && d.message.includes(`\`${id}\``)).length);
    restore(target, original);
  }
  return { stance, rename, affected, documents: baseline.documents.length };
}
