// One integration run at a time per checkout: runs share out/integration/ (the tests' bundle and
// the files the tests write). A second run waits for the first one instead of corrupting it.
import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from './paths.mjs';

const lockFile = path.join(repoRoot, 'out', 'integration.lock');

function holder() {
  try {
    const pid = Number(fs.readFileSync(lockFile, 'utf8'));
    process.kill(pid, 0);
    return pid;
  } catch (error) {
    return error.code === 'EPERM' ? -1 : undefined; // EPERM: alive, someone else's
  }
}

/** Takes the lock, waiting up to `timeoutMs` for a live holder; returns the release function. */
export async function acquireLock({ timeoutMs, signal, say }) {
  fs.mkdirSync(path.dirname(lockFile), { recursive: true });
  const deadline = Date.now() + timeoutMs;
  let told = false;
  for (;;) {
    try {
      fs.writeFileSync(lockFile, String(process.pid), { flag: 'wx' });
      return () => fs.rmSync(lockFile, { force: true });
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
    }
    const pid = holder();
    if (pid === undefined) {
      fs.rmSync(lockFile, { force: true }); // left by a run that died
      continue;
    }
    if (Date.now() > deadline) throw new Error(`another integration run (pid ${pid}) still holds ${lockFile}`);
    if (!told) say(`waiting for another integration run (pid ${pid}) to finish`);
    told = true;
    signal?.throwIfAborted();
    await new Promise((r) => setTimeout(r, 500));
  }
}
