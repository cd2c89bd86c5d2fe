// Timing helpers: medians of repeated runs, child processes with their peak RSS.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const RSS_PRELOAD = path.join(path.dirname(fileURLToPath(import.meta.url)), 'rss-preload.cjs');

export const now = () => performance.now();

/** Median, min and max of a list of numbers (the median of an even count is the mean of the middle two). */
export function stats(samples) {
  const s = [...samples].sort((a, b) => a - b);
  const n = s.length;
  if (!n) return { median: NaN, min: NaN, max: NaN, n: 0, samples: [] };
  const median = n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
  return { median, min: s[0], max: s[n - 1], n, samples: [...samples] };
}

/**
 * Runs `node <args>` and returns its wall time (spawn to exit, cold start included), exit status,
 * output and peak RSS in bytes (read by a preload from `process.resourceUsage().maxRSS` at exit).
 */
export function runNode(args, { cwd, env, captureStdout = false, timeout = 600_000 } = {}) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'keyplan-bench-rss-'));
  const rssFile = path.join(dir, 'rss');
  const childEnv = { ...process.env, ...env, KEYPLAN_BENCH_RSS_FILE: rssFile };
  for (const k of ['FORCE_COLOR', 'NODE_OPTIONS']) delete childEnv[k];
  const t0 = now();
  const r = spawnSync(process.execPath, ['--require', RSS_PRELOAD, ...args], {
    cwd,
    env: childEnv,
    stdio: ['ignore', captureStdout ? 'pipe' : 'ignore', 'pipe'],
    encoding: 'utf8',
    maxBuffer: 512 * 1024 * 1024,
    timeout,
  });
  const ms = now() - t0;
  let maxRss;
  try {
    maxRss = Number(readFileSync(rssFile, 'utf8')) * 1024; // maxRSS is in kibibytes
  } catch {
    maxRss = undefined;
  }
  rmSync(dir, { recursive: true, force: true });
  if (r.error) throw r.error;
  return { ms, status: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? '', maxRss };
}

/** Runs any program (the peers' own launchers) and returns wall time, status and output. */
export function runProgram(command, args, { cwd, env, timeout = 900_000 } = {}) {
  const t0 = now();
  const r = spawnSync(command, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', maxBuffer: 512 * 1024 * 1024, timeout });
  const ms = now() - t0;
  if (r.error) throw r.error;
  return { ms, status: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
}
