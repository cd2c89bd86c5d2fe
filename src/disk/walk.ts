/**
 * Finds the workspace root and the files to check: every `*.md` below the root plus keyplan.yaml,
 * skipping what .gitignore files and keyplan.yaml `exclude:` patterns exclude.
 */
import type { CliText } from '../core/i18n/cli.js';
import { closeSync, constants as fsConstants, existsSync, fstatSync, openSync, promises as fs, readSync, statSync } from 'node:fs';
import path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { CONFIG_FILE, loadConfig, MAX_FILE_BYTES, type SourceFile } from '../core/check/pipeline.js';
import { ALWAYS_SKIPPED, ignoreFilter } from './ignore.js';

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
  /** Told about what was not read: a folder that cannot be listed, a `*.md` that is no regular file. */
  onSkip?: (skip: { path: string; error?: CliText; note?: CliText }) => void;
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
    } catch (err) {
      // A folder deleted meanwhile has nothing to check; one that cannot be listed is reported.
      const code = (err as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT' && code !== 'ENOTDIR') options.onSkip?.({ path: `${rel || '.'}/`, error: code ?? String(err) });
      return;
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
    const badNames = entries.some((e) => e.name.includes('\uFFFD')) ? await undecodableNames(dir) : undefined;
    for (const entry of entries) {
      const relPath = rel ? `${rel}/${entry.name}` : entry.name;
      // Node shows a name that is not UTF-8 with U+FFFD, and no file has that name: reading it would
      // look like a file deleted meanwhile. Never pass it silently (a Markdown file or any folder).
      if (badNames?.has(entry.name) && (entry.isDirectory() || entry.name.toLowerCase().endsWith('.md')) && !ignored(relPath, entry.isDirectory())) {
        options.onSkip?.({ path: entry.isDirectory() ? `${relPath}/` : relPath, error: { id: 'read.bad-name', params: { what: entry.isDirectory() ? 'folder' : 'file' } } });
        continue;
      }
      if (entry.isDirectory()) {
        if (ALWAYS_SKIPPED.has(entry.name) || ignored(relPath, true)) continue;
        subdirs.push(visit(path.join(dir, entry.name), relPath));
      } else if (entry.isFile() && entry.name.toLowerCase().endsWith('.md') && !ignored(relPath, false)) {
        out.push(relPath);
        options.onFile?.(out.length);
      } else if (!entry.isFile() && !entry.isDirectory() && !entry.isSymbolicLink() && entry.name.toLowerCase().endsWith('.md') && !ignored(relPath, false)) {
        // A FIFO, socket or device is never opened (opening a FIFO blocks until someone writes to it).
        options.onSkip?.({ path: relPath, note: { id: 'note.not-regular', params: { path: relPath, kind: kindOf(entry) } } });
      }
    }
    await Promise.all(subdirs);
  }
  await visit(root, '');
  return out.sort();
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The names in a folder that are not valid UTF-8, as Node shows them (with U+FFFD). Asked only when
 * a name shows U+FFFD, which a real name may also hold: that one is read as usual.
 */
async function undecodableNames(dir: string): Promise<Set<string>> {
  try {
    const raw = await fs.readdir(dir, { encoding: 'buffer' });
    return new Set(raw.filter((name) => {
      try {
        strictUtf8.decode(name);
        return false;
      } catch {
        return true;
      }
    }).map((name) => name.toString('utf8')));
  } catch {
    return new Set();
  }
}

/** A file that could not be read: an error unless it simply vanished (deleted while the workspace was read). */
export interface ReadFailure {
  path: string;
  /** The error code (ENOENT, EACCES, EISDIR, ELOOP…) or a message. */
  error: CliText;
}

export interface ReadResult {
  files: SourceFile[];
  /** Files that exist but could not be read: reported, exit code 2. */
  failed: ReadFailure[];
  /** Files listed but gone when read (deleted or renamed meanwhile): a note, not an error. */
  vanished: string[];
  /** Things the user should know about what was not read (e.g. a linked keyplan.yaml). */
  notes: CliText[];
}

/**
 * Reads the files, one after the other: for thousands of small files synchronous reads are several
 * times faster than promise-based ones (no per-file scheduling), and a check needs them all anyway.
 * A file deleted between listing and reading (a normal race while someone switches branches) is
 * reported as vanished; any other failure as failed. Whatever is at a listed path when it is read
 * must still be a regular file: a folder or a symbolic link that replaced it meanwhile is not followed.
 */
export async function readSources(root: string, relPaths: string[]): Promise<ReadResult> {
  const files: SourceFile[] = [];
  const failed: ReadFailure[] = [];
  const vanished: string[] = [];
  for (const rel of relPaths) {
    try {
      const read = readRegularFile(path.join(root, rel));
      if (Buffer.isBuffer(read)) files.push({ path: rel, content: read });
      // An oversized keyplan.yaml cannot be checked without it: it is a file that could not be read.
      else if (rel === CONFIG_FILE) failed.push({ path: rel, error: 'EFBIG' });
      else files.push({ path: rel, content: EMPTY, oversize: read.oversize });
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') vanished.push(rel);
      else failed.push({ path: rel, error: code ?? String(err) });
    }
  }
  return { files, failed: failed.sort(byPath), vanished: vanished.sort(), notes: [] };
}

const byPath = (a: { path: string }, b: { path: string }) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);

/** What a directory entry that is neither a file, a folder nor a link is, for a note (words in the CLI catalogue). */
function kindOf(entry: { isFIFO(): boolean; isSocket(): boolean; isBlockDevice(): boolean; isCharacterDevice(): boolean }): string {
  return entry.isFIFO() ? 'fifo' : entry.isSocket() ? 'socket' : entry.isBlockDevice() || entry.isCharacterDevice() ? 'device' : 'other';
}

const EMPTY = new Uint8Array(0);

/**
 * The file's bytes, read to its end but never more than MAX_FILE_BYTES + 1: a file that grows
 * while it is read (a log being written) is then found too large, not read without end.
 * `expected`: the size fstat gave. A read that stops short exactly there has met the end of the
 * file (one more read to see it say 0 would cost a system call per file: 10,000 at 10k); a read
 * that stops short elsewhere is read on until the end.
 */
export function readAtMost(fd: number, expected: number): Buffer | { oversize: number } {
  let buffer = Buffer.allocUnsafe(Math.min(expected, MAX_FILE_BYTES) + 1);
  let length = 0;
  for (;;) {
    if (length === buffer.length) {
      if (length > MAX_FILE_BYTES) return { oversize: length };
      const larger = Buffer.allocUnsafe(Math.min(buffer.length * 2, MAX_FILE_BYTES + 1));
      buffer.copy(larger, 0, 0, length);
      buffer = larger;
    }
    const n = readSync(fd, buffer, length, buffer.length - length, null);
    if (n === 0) return buffer.subarray(0, length);
    length += n;
    if (length === expected && length < buffer.length) return buffer.subarray(0, length);
  }
}

/**
 * Reads a file only if it is a regular file, without following a symbolic link at its place.
 * O_NONBLOCK: a FIFO put at the path is opened without waiting for a writer, then refused by fstat.
 * A file over MAX_FILE_BYTES is not read at all (a 4 GB `notes.md` costs one fstat): its size is
 * returned instead.
 */
function readRegularFile(file: string): Buffer | { oversize: number } {
  const fd = openSync(file, fsConstants.O_RDONLY | (fsConstants.O_NOFOLLOW ?? 0) | (fsConstants.O_NONBLOCK ?? 0));
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) throw Object.assign(new Error(`${file} is not a regular file`), { code: stat.isDirectory() ? 'EISDIR' : 'ENOTFILE' });
    if (stat.size > MAX_FILE_BYTES) return { oversize: stat.size };
    return readAtMost(fd, stat.size);
  } finally {
    closeSync(fd);
  }
}


/**
 * Loads a workspace from disk: keyplan.yaml first, then its Markdown files. keyplan.yaml is read
 * like the Markdown files are: never through a symbolic link (a link could make Keyplan read, and
 * repeat in CI output, a file from outside the repository).
 */
export async function loadWorkspaceFiles(root: string, options: WalkOptions = {}): Promise<ReadResult> {
  const sources: SourceFile[] = [];
  const failed: ReadFailure[] = [];
  const vanished: string[] = [];
  const notes: CliText[] = [];
  const configPath = path.join(root, CONFIG_FILE);
  let exclude = options.exclude ?? [];
  const link = await fs.lstat(configPath).catch(() => undefined);
  if (link?.isSymbolicLink()) notes.push({ id: 'note.config-link', params: { file: CONFIG_FILE } });
  else if (link && !link.isFile()) {
    // Never opened: a FIFO would block, a device could be anything.
    failed.push({ path: CONFIG_FILE, error: { id: 'read.config-not-regular', params: { kind: kindOf(link) } } });
  } else if (link) {
    try {
      const content = readRegularFile(configPath);
      if (!Buffer.isBuffer(content)) throw Object.assign(new Error(`${configPath} is too large`), { code: 'EFBIG' });
      sources.push({ path: CONFIG_FILE, content });
      const { config } = loadConfig({ path: CONFIG_FILE, content });
      exclude = [...exclude, ...config.exclude];
      if (config.unreadable) notes.push({ id: 'note.config-unreadable', params: { file: CONFIG_FILE, why: config.unreadable } });
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') vanished.push(CONFIG_FILE);
      else failed.push({ path: CONFIG_FILE, error: code ?? String(err) });
    }
  }
  const rel = await listMarkdownFiles(root, {
    ...options,
    exclude,
    onSkip: (skip) => {
      if (skip.error) failed.push({ path: skip.path, error: skip.error });
      if (skip.note) notes.push(skip.note);
      options.onSkip?.(skip);
    },
  });
  const read = await readSources(root, rel);
  return { files: [...sources, ...read.files], failed: [...failed, ...read.failed].sort(byPath), vanished: [...vanished, ...read.vanished], notes };
}
