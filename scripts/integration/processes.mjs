// Finding and ending the processes the harness started (and only those).
import { spawnSync } from 'node:child_process';

/** Pids of every live descendant of `root` (default: this process), deepest last. */
export function descendants(root = process.pid) {
  const ps = spawnSync('ps', ['-A', '-o', 'pid=,ppid=,stat='], { encoding: 'utf8' });
  if (ps.status !== 0) return [];
  const children = new Map();
  for (const line of ps.stdout.split('\n')) {
    const [pid, ppid, stat] = line.trim().split(/\s+/);
    if (!pid || stat?.startsWith('Z')) continue; // zombies are already dead
    if (Number(pid) === ps.pid) continue;
    children.set(Number(ppid), [...(children.get(Number(ppid)) ?? []), Number(pid)]);
  }
  const found = [];
  const queue = [root];
  while (queue.length) {
    for (const child of children.get(queue.shift()) ?? []) {
      found.push(child);
      queue.push(child);
    }
  }
  return found;
}

/** Sends `signal` to every descendant of this process; returns the pids it was sent to. */
export function signalDescendants(signal) {
  const pids = descendants();
  for (const pid of pids) {
    try {
      process.kill(pid, signal);
    } catch {
      /* gone meanwhile */
    }
  }
  return pids;
}

/** SIGTERM, then SIGKILL after `graceMs`, to every descendant; resolves when none is left. */
export async function endDescendants(graceMs = 3000) {
  if (!signalDescendants('SIGTERM').length) return;
  const deadline = Date.now() + graceMs;
  while (descendants().length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  if (descendants().length) signalDescendants('SIGKILL');
}
