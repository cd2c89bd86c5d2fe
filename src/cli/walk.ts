/**
 * Finds the workspace root and the files to check: every `*.md` below the root plus keyplan.yaml,
 * skipping what .gitignore files and keyplan.yaml `exclude:` patterns exclude.
 */
import { existsSync, promises as fs, statSync } from 'node:fs';
import path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { CONFIG_FILE, loadConfig, type SourceFile } from '../core/check.js';

/** Folders never read, whatever the ignore files say. */
export const ALWAYS_SKIPPED: ReadonlySet<string> = new Set(['.git', 'node_modules', '.vscode-test']);

/**
 * Whether a workspace-relative path is ignored: by `exclude` patterns (relative to the root) or by
 * a `.gitignore` in one of its ancestor folders (`gitignores` maps folder → rules, '' = the root).
 * Folders are probed with a trailing slash. The git reader uses the same function, so a
 * revision's file list matches what a checkout of it would give.
 */
export function ignoreFilter(exclude: string[], gitignores: ReadonlyMap<string, Ignore>): (relPath: string, isDir: boolean) => boolean {
  const rootIgnore = ignore().add(exclude);
  return (relPath, isDir) => {
    const probe = isDir ? `${relPath}/` : relPath;
    if (rootIgnore.ignores(probe)) return true;
    const parts = relPath.split('/');
    for (let i = 0; i < parts.length; i++) {
      const dir = parts.slice(0, i).join('/');
      const ig = gitignores.get(dir);
      if (!ig) continue;
      const sub = dir ? probe.slice(dir.length + 1) : probe;
      if (sub !== '' && ig.ignores(sub)) return true;
    }
    return false;
  };
}

/** The folder holding keyplan.yaml at or above `start` (stopping at a git repository's top), else `start`. */
export function findWorkspaceRoot(start: string): string {
  const first = existsSync(start) && statSync(start).isFile() ? path.dirname(start) : start;
  let dir = path.resolve(first);
  for (;;) {
    if (existsSync(path.join(dir, CONFIG_FILE))) return dir;
    if (existsSync(path.join(dir, '.git'))) break;
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return path.resolve(first);
}

export interface WalkOptions {
  exclude?: string[];
  /** Called with the number of files found so far (for a progress indicator). */
  onFile?: (count: number) => void;
}

/** Lists workspace-relative paths (forward slashes) of Markdown files, sorted. Symlinks are not followed. */
export async function listMarkdownFiles(root: string, options: WalkOptions = {}): Promise<string[]> {
  const out: string[] = [];
  const gitignores = new Map<string, Ignore>();
  const ignored = ignoreFilter(options.exclude ?? [], gitignores);
  async function visit(dir: string, rel: string): Promise<void> {
    let entries;
    try {
      entries = await fs.readdir(dir, { withFileTypes: true });
    } catch {
      return; // unreadable or vanished folder: nothing to check there
    }
    const local = entries.find((e) => e.isFile() && e.name === '.gitignore');
    if (local) {
      try {
        gitignores.set(rel, ignore().add(await fs.readFile(path.join(dir, '.gitignore'), 'utf8')));
      } catch {
        /* an unreadable .gitignore ignores nothing */
      }
    }
    const subdirs: Promise<void>[] = [];
    for (const entry of entries) {
      const relPath = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (ALWAYS_SKIPPED.has(entry.name) || ignored(relPath, true)) continue;
        subdirs.push(visit(path.join(dir, entry.name), relPath));
      } else if (entry.isFile() && entry.name.toLowerCase().endsWith('.md') && !ignored(relPath, false)) {
        out.push(relPath);
        options.onFile?.(out.length);
      }
    }
    await Promise.all(subdirs);
  }
  await visit(root, '');
  return out.sort();
}

/** Reads the files with bounded parallelism; a file that vanished or cannot be read is reported, not fatal. */
export async function readSources(root: string, relPaths: string[], concurrency = 32): Promise<{ files: SourceFile[]; failed: { path: string; error: string }[] }> {
  const files: SourceFile[] = new Array(relPaths.length);
  const failed: { path: string; error: string }[] = [];
  let next = 0;
  async function worker(): Promise<void> {
    while (next < relPaths.length) {
      const i = next++;
      try {
        files[i] = { path: relPaths[i], content: await fs.readFile(path.join(root, relPaths[i])) };
      } catch (err) {
        failed.push({ path: relPaths[i], error: (err as NodeJS.ErrnoException).code ?? String(err) });
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(concurrency, relPaths.length) }, worker));
  return { files: files.filter(Boolean), failed };
}

/** Loads a workspace from disk: keyplan.yaml first, then its Markdown files. */
export async function loadWorkspaceFiles(root: string, options: WalkOptions = {}): Promise<{ files: SourceFile[]; failed: { path: string; error: string }[] }> {
  const sources: SourceFile[] = [];
  const configPath = path.join(root, CONFIG_FILE);
  let exclude = options.exclude ?? [];
  if (existsSync(configPath)) {
    const content = await fs.readFile(configPath);
    sources.push({ path: CONFIG_FILE, content });
    exclude = [...exclude, ...loadConfig({ path: CONFIG_FILE, content }).config.exclude];
  }
  const rel = await listMarkdownFiles(root, { ...options, exclude });
  const read = await readSources(root, rel);
  return { files: [...sources, ...read.files], failed: read.failed };
}
