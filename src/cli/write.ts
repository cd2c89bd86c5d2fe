/**
 * How the CLI writes files (`matrix --svg`, `diff --matrix-dir`, `export --out`): only where it
 * was asked to, atomically (a temporary file next to the target, then a rename, so a reader never
 * sees half a file), never through a symbolic link (neither the file nor any folder on the way to
 * it), only ever over a regular file, and never over a file it did not write itself — or that was
 * edited since — unless `--force` is given.
 *
 * Ownership is a seal: every file Keyplan writes ends with the SHA-256 of the rest of its content
 * (an HTML/XML comment in Markdown and SVG, a last field in JSON). A file whose seal matches its
 * content is exactly what Keyplan wrote; copying the first line of a brief into notes, or adding a
 * line to a brief, does not make it "ours". Output printed to stdout carries no seal.
 *
 * Concurrent writers cannot both succeed: a writer holds `.<name>.keyplan-lock` (created
 * exclusively) while it writes, a new file is put in place with link(2), which fails if the target
 * appeared meanwhile, and a replaced file must be unchanged since it was read. The existing file's
 * permissions are kept.
 */
import { constants as fsConstants, promises as fs, type Stats } from 'node:fs';
import path from 'node:path';
import { UsageError } from './errors.js';

/** Reported like a usage error: `keyplan: <message>`, exit code 2. */
export class WriteRefused extends UsageError {}

/** How the seal is kept: a comment on a last line (Markdown, SVG), or a last field (JSON). */
export type SealStyle = 'comment' | 'json';

export interface WriteOptions {
  /** Replace a file Keyplan did not write, or edited since (or a symbolic link at the target). */
  force?: boolean;
  /** How the file carries its seal. */
  seal: SealStyle;
  /** What the file is, for messages ("the SVG", "the brief"). */
  what?: 'svg' | 'brief';
  /**
   * The folder the user's path is relative to (the working directory). Folders at or above it are
   * the user's choice; every folder below it on the way to the target must not be a symbolic link.
   * Without it, every folder of the path is checked.
   */
  base?: string;
  /** Called after the new content is written, before it replaces the target (tests simulate a race here). */
  beforeRename?: () => Promise<void> | void;
}

/** node:crypto, loaded on first use: a command that writes nothing does not pay 2 ms to load it. */
export const nodeCrypto = () => process.getBuiltinModule('node:crypto');

const sha256 = (text: string) => nodeCrypto().createHash('sha256').update(text, 'utf8').digest('hex');

const COMMENT_SEAL = /<!-- keyplan-sha256: ([0-9a-f]{64}) -->\n$/;
const JSON_SEAL = /,\n {2}"keyplan-sha256": "([0-9a-f]{64})"\n\}\n$/;

/** `content` with its seal (what is written to the file). */
export function sealContent(content: string, style: SealStyle): string {
  if (style === 'comment') {
    const body = content.endsWith('\n') ? content : content + '\n';
    return `${body}<!-- keyplan-sha256: ${sha256(body)} -->\n`;
  }
  const body = content.trimEnd() + '\n';
  if (!body.endsWith('\n}\n')) throw new Error('a sealed JSON output must be a multi-line object');
  return `${body.slice(0, -3)},\n  "keyplan-sha256": "${sha256(body)}"\n}\n`;
}

/** 'sealed' if `text` is exactly what Keyplan wrote, 'edited' if it has a seal that no longer matches, else 'foreign'. */
export function sealState(text: string, style: SealStyle): 'sealed' | 'edited' | 'foreign' {
  if (style === 'comment') {
    const m = COMMENT_SEAL.exec(text);
    if (!m || (m.index > 0 && text[m.index - 1] !== '\n')) return 'foreign';
    return sha256(text.slice(0, m.index)) === m[1] ? 'sealed' : 'edited';
  }
  const m = JSON_SEAL.exec(text);
  if (!m) return 'foreign';
  return sha256(text.slice(0, m.index) + '\n}\n') === m[1] ? 'sealed' : 'edited';
}

export interface Snapshot {
  stat: Stats;
  hash: string;
}

export async function snapshot(file: string): Promise<Snapshot | undefined> {
  let stat: Stats;
  try {
    stat = await fs.lstat(file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
  const hash = stat.isFile() ? nodeCrypto().createHash('sha256').update(await fs.readFile(file)).digest('hex') : '';
  return { stat, hash };
}

export function same(a: Snapshot | undefined, b: Snapshot | undefined): boolean {
  if (!a || !b) return a === b;
  return a.stat.ino === b.stat.ino && a.stat.size === b.stat.size && a.stat.mtimeMs === b.stat.mtimeMs && a.hash === b.hash;
}

/** What a target that is not a regular file is (words in the CLI catalogue, write.not-regular). */
function kindOf(stat: Stats): string {
  if (stat.isFIFO()) return 'fifo';
  if (stat.isSocket()) return 'socket';
  if (stat.isCharacterDevice()) return 'char-device';
  if (stat.isBlockDevice()) return 'block-device';
  return 'other';
}

/** One sentence for an operating-system error while writing in `dir`; other errors pass through. */
export function ioRefusal(err: unknown, dir: string, target: string): unknown {
  if (err instanceof WriteRefused) return err;
  const code = (err as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT': return new WriteRefused('write.no-folder', { dir });
    case 'ENOTDIR': return new WriteRefused('write.not-folder-for', { dir, target });
    case 'EACCES':
    case 'EPERM': return new WriteRefused('write.permission', { dir });
    case 'EROFS': return new WriteRefused('write.read-only', { dir });
    case 'ENOSPC':
    case 'EDQUOT': return new WriteRefused('write.no-space', { target });
    default: return code ? new WriteRefused('write.failed', { target, code }) : err;
  }
}

/**
 * Refuses a path whose folders (below `base`) include a symbolic link or something that is not a
 * folder. Returns the first folder that does not exist, if any.
 */
export async function checkFolders(dir: string, base: string | undefined): Promise<string | undefined> {
  const root = path.parse(dir).root;
  const inside = base !== undefined && (dir === base || dir.startsWith(base.endsWith(path.sep) ? base : base + path.sep));
  let at = inside ? base : root;
  const rel = path.relative(at, dir);
  for (const part of rel.split(path.sep).filter(Boolean)) {
    at = path.join(at, part);
    let stat: Stats;
    try {
      stat = await fs.lstat(at);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return at;
      throw ioRefusal(err, path.dirname(at), dir);
    }
    if (stat.isSymbolicLink()) throw new WriteRefused('write.linked-folder', { at });
    if (!stat.isDirectory()) throw new WriteRefused('write.not-folder', { at });
  }
  return undefined;
}

/** Creates `dir` (and missing parents) after checking that no folder on the way is a symbolic link. */
export async function ensureFolder(dir: string, base?: string): Promise<void> {
  const missing = await checkFolders(dir, base);
  if (missing === undefined) return;
  try {
    await fs.mkdir(dir, { recursive: true });
  } catch (err) {
    throw ioRefusal(err, path.dirname(missing), dir);
  }
  await checkFolders(dir, base);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes `.<name>.keyplan-lock` next to the target; returns its release. */
export async function takeLock(target: string): Promise<() => Promise<void>> {
  const file = path.join(path.dirname(target), `.${path.basename(target)}.keyplan-lock`);
  for (let attempt = 0; ; attempt++) {
    try {
      const handle = await fs.open(file, fsConstants.O_CREAT | fsConstants.O_EXCL | fsConstants.O_WRONLY | (fsConstants.O_NOFOLLOW ?? 0), 0o600);
      try {
        await handle.writeFile(`${process.pid}\n`);
      } finally {
        await handle.close();
      }
      return () => fs.rm(file, { force: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const holder = Number.parseInt(await fs.readFile(file, 'utf8').catch(() => ''), 10);
      // A lock left by a process that no longer runs (killed mid-write) is taken over once.
      if (attempt === 0 && holder > 0 && holder !== process.pid && !alive(holder)) {
        await fs.rm(file, { force: true });
        continue;
      }
      throw new WriteRefused('write.locked', { target, file });
    }
  }
}

/** Writes `content` (sealed) to `target` (an absolute path). Throws WriteRefused with a message for the user. */
export async function writeOutputFile(target: string, content: string, options: WriteOptions): Promise<void> {
  const dir = path.dirname(target);
  const missing = await checkFolders(dir, options.base);
  if (missing !== undefined) throw new WriteRefused('write.no-folder', { dir: missing });
  const release = await takeLock(target).catch((err) => Promise.reject(ioRefusal(err, dir, target)));
  const temp = path.join(dir, `.${path.basename(target)}.keyplan-${process.pid}-${nodeCrypto().randomBytes(4).toString('hex')}.tmp`);
  let tempMade = false;
  try {
    const before = await snapshot(target);
    if (before) {
      if (before.stat.isDirectory()) throw new WriteRefused('write.is-folder', { target });
      if (before.stat.isSymbolicLink()) {
        if (!options.force) throw new WriteRefused('write.link', { target });
      } else if (!before.stat.isFile()) {
        throw new WriteRefused('write.not-regular', { target, kind: kindOf(before.stat) });
      } else if (!options.force) {
        const state = sealState(await fs.readFile(target, 'utf8'), options.seal);
        if (state === 'foreign') throw new WriteRefused('write.foreign', { target });
        if (state === 'edited') throw new WriteRefused('write.edited', { target });
      }
    }
    // Exclusive creation: never reuses (or follows) anything already at the temporary name.
    const handle = await fs.open(temp, fsConstants.O_CREAT | fsConstants.O_EXCL | fsConstants.O_WRONLY | (fsConstants.O_NOFOLLOW ?? 0), 0o666);
    tempMade = true;
    try {
      if (before?.stat.isFile()) {
        // Keep the replaced file's permissions (a 0600 brief stays 0600), and its owner when we can.
        await handle.chmod(before.stat.mode & 0o7777);
        if (process.getuid?.() === 0) await handle.chown(before.stat.uid, before.stat.gid).catch(() => undefined);
      }
      await handle.writeFile(sealContent(content, options.seal));
      await handle.sync();
    } finally {
      await handle.close();
    }
    await options.beforeRename?.();
    const now = await snapshot(target);
    if (!same(before, now)) {
      throw new WriteRefused('write.changed', { target, what: options.what });
    }
    if (before) await fs.rename(temp, target);
    else {
      // A new file: link(2) fails if anything appeared at the target meanwhile, so it is never replaced.
      try {
        await fs.link(temp, target);
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        if (code === 'EEXIST') throw new WriteRefused('write.appeared', { target, what: options.what });
        // File systems without hard links: the lock still keeps other Keyplan writers out.
        if (code === 'EPERM' || code === 'ENOTSUP' || code === 'EOPNOTSUPP' || code === 'EXDEV') await fs.rename(temp, target);
        else throw err;
      }
    }
  } catch (err) {
    throw ioRefusal(err, dir, target);
  } finally {
    if (tempMade) await fs.rm(temp, { force: true }).catch(() => undefined);
    await release().catch(() => undefined);
  }
}
