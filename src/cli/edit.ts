/**
 * How the CLI changes a user's file (an interaction log): the new content is computed from the
 * bytes read, written to a temporary file next to it and renamed over it only if the file is still
 * exactly those bytes (same inode, size, time and hash), under the same lock `write.ts` uses. A
 * new file is put in place with link(2), so it never replaces one that appeared meanwhile. Never
 * through a symbolic link (the file or a folder below the workspace root), only over a regular
 * file; the file's permissions are kept. A user's byte is never lost: either the whole new
 * content is there, or the file is untouched.
 */
import { constants as fsConstants, promises as fs } from 'node:fs';
import path from 'node:path';
import { checkFolders, ensureFolder, ioRefusal, nodeCrypto, same, snapshot, takeLock, WriteRefused } from './write.js';

export interface EditOptions {
  /** The workspace root: folders below it must not be symbolic links (and are created for a new file). */
  base: string;
  /** Called after the new content is written, before it replaces the target (tests simulate a race here). */
  beforeRename?: () => Promise<void> | void;
}

/**
 * Replaces `target` (absolute) with `make(current)`, where `current` is its text (undefined when
 * the file does not exist: then it is created). `make` may throw to refuse.
 */
export async function editTextFile(target: string, make: (current: string | undefined) => string, options: EditOptions): Promise<void> {
  const dir = path.dirname(target);
  await ensureFolder(dir, options.base);
  const missing = await checkFolders(dir, options.base);
  if (missing !== undefined) throw new WriteRefused('write.no-folder', { dir: missing });
  const release = await takeLock(target).catch((err) => Promise.reject(ioRefusal(err, dir, target)));
  const temp = path.join(dir, `.${path.basename(target)}.keyplan-${process.pid}-${nodeCrypto().randomBytes(4).toString('hex')}.tmp`);
  let tempMade = false;
  try {
    const before = await snapshot(target);
    let current: string | undefined;
    if (before) {
      if (before.stat.isSymbolicLink()) throw new WriteRefused('write.link-edit', { target });
      if (!before.stat.isFile()) throw new WriteRefused('write.not-file', { target });
      const bytes = await fs.readFile(target);
      current = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
    }
    const content = make(current);
    const handle = await fs.open(temp, fsConstants.O_CREAT | fsConstants.O_EXCL | fsConstants.O_WRONLY | (fsConstants.O_NOFOLLOW ?? 0), 0o666);
    tempMade = true;
    try {
      if (before) {
        await handle.chmod(before.stat.mode & 0o7777);
        if (process.getuid?.() === 0) await handle.chown(before.stat.uid, before.stat.gid).catch(() => undefined);
      }
      await handle.writeFile(content, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await options.beforeRename?.();
    const now = await snapshot(target);
    if (!same(before, now)) throw new WriteRefused('write.changed', { target });
    if (before) await fs.rename(temp, target);
    else {
      try {
        await fs.link(temp, target);
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        if (code === 'EEXIST') throw new WriteRefused('write.appeared', { target });
        if (code === 'EPERM' || code === 'ENOTSUP' || code === 'EOPNOTSUPP' || code === 'EXDEV') await fs.rename(temp, target);
        else throw err;
      }
    }
  } catch (err) {
    if (err instanceof TypeError && /encoded data was not valid/i.test(err.message)) throw new WriteRefused('write.not-utf8', { target });
    throw ioRefusal(err, dir, target);
  } finally {
    if (tempMade) await fs.rm(temp, { force: true }).catch(() => undefined);
    await release().catch(() => undefined);
  }
}
