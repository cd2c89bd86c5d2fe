/**
 * How the CLI writes files (`matrix --svg`, `diff --matrix-dir`, `export --out`): only where it
 * was asked to, atomically (a temporary file next to the target, then a rename, so a reader never
 * sees half a file), never through a symbolic link, and never over a file it did not write itself
 * unless `--force` is given. If the target changes while the new content is being written, the
 * write is abandoned and the user is told, instead of losing what someone else just wrote.
 */
import { createHash, randomBytes } from 'node:crypto';
import { constants as fsConstants, promises as fs, type Stats } from 'node:fs';
import path from 'node:path';
import { UsageError } from './errors.js';

/** Reported like a usage error: `keyplan: <message>`, exit code 2. */
export class WriteRefused extends UsageError {}

export interface WriteOptions {
  /** Replace a file Keyplan did not write (or a symbolic link at the target). */
  force?: boolean;
  /** Whether an existing file's content is an earlier output of the same command. */
  isOurs: (existing: string) => boolean;
  /** What the file is, for messages ("the SVG", "the brief"). */
  what?: string;
  /** Called after the new content is written, before it replaces the target (tests simulate a race here). */
  beforeRename?: () => Promise<void> | void;
}

interface Snapshot {
  stat: Stats;
  hash: string;
}

async function snapshot(file: string): Promise<Snapshot | undefined> {
  let stat: Stats;
  try {
    stat = await fs.lstat(file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
  const hash = stat.isFile() ? createHash('sha256').update(await fs.readFile(file)).digest('hex') : '';
  return { stat, hash };
}

function same(a: Snapshot | undefined, b: Snapshot | undefined): boolean {
  if (!a || !b) return a === b;
  return a.stat.ino === b.stat.ino && a.stat.size === b.stat.size && a.stat.mtimeMs === b.stat.mtimeMs && a.hash === b.hash;
}

/** Writes `content` to `target` (an absolute path). Throws WriteRefused with a message for the user. */
export async function writeOutputFile(target: string, content: string, options: WriteOptions): Promise<void> {
  const shown = path.basename(target);
  const before = await snapshot(target);
  if (before) {
    if (before.stat.isDirectory()) throw new WriteRefused(`${target} is a folder; name a file to write`);
    if (!options.force) {
      if (before.stat.isSymbolicLink()) throw new WriteRefused(`${target} is a symbolic link; Keyplan does not write through links (use --force to replace the link itself)`);
      if (!before.stat.isFile()) throw new WriteRefused(`${target} is not a regular file`);
      const existing = await fs.readFile(target, 'utf8');
      if (!options.isOurs(existing)) throw new WriteRefused(`${target} exists and was not written by Keyplan; not overwriting it (use --force to replace it)`);
    }
  }
  const dir = path.dirname(target);
  const temp = path.join(dir, `.${shown}.keyplan-${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  // Exclusive creation: never reuses (or follows) anything already at the temporary name.
  const handle = await fs.open(temp, fsConstants.O_CREAT | fsConstants.O_EXCL | fsConstants.O_WRONLY, 0o666);
  let renamed = false;
  try {
    await handle.writeFile(content);
    await handle.sync();
    await handle.close();
    await options.beforeRename?.();
    const now = await snapshot(target);
    if (!same(before, now)) {
      throw new WriteRefused(`${target} changed on disk while Keyplan was writing ${options.what ?? 'it'}; nothing was written, run the command again`);
    }
    await fs.rename(temp, target);
    renamed = true;
  } finally {
    if (!renamed) {
      await handle.close().catch(() => undefined);
      await fs.rm(temp, { force: true });
    }
  }
}

/** An SVG written by `keyplan matrix --svg` or `diff --matrix-dir`. */
export const isKeyplanSvg = (text: string) => /^<svg [^>]*class="kp-matrix"/.test(text);
