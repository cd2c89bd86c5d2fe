/**
 * Running git for Keyplan's read-only use, synchronously (the command line) or asynchronously (the
 * editor's extension host, which must never wait on a child process). Every reader in src/git is
 * written once, as steps: a generator that yields the git commands it needs and receives their
 * output. `runSync` and `runAsync` drive the same steps, so the command line and the editor read a
 * repository with the same code. git runs with the safe options of src/core/safe-git.ts (nothing a
 * repository configures runs: no hooks, pager, external diff, textconv, fsmonitor, aliases are
 * never used because the subcommand is always named), without a shell, its arguments as an array.
 */
import { SAFE_GIT_OPTIONS, safeGitEnv } from '../core/safe-git.js';
import { sayText, type CliText } from '../core/i18n/cli.js';
import type { Locale } from '../core/i18n/locale.js';

/** A git command failed, a revision is unknown or git is missing: git's own message, or ours. */
export class GitError extends Error {
  /** git is not installed (or not on PATH). */
  readonly missing: boolean;
  /** The point in time the user wrote is a date that does not exist (`2026-02-30`): this value. */
  readonly notADate?: string;

  /** The message: git's own words, or ours from the CLI catalogue (said in any locale with inLocale). */
  readonly text: CliText;

  constructor(message: CliText, options: { missing?: boolean; notADate?: string } = {}) {
    super(sayText('en', message));
    this.text = message;
    this.name = 'GitError';
    this.missing = options.missing ?? false;
    if (options.notADate !== undefined) this.notADate = options.notADate;
  }

  inLocale(locale: Locale): string {
    return sayText(locale, this.text);
  }
}

export interface GitCall {
  cwd: string;
  args: string[];
  /** Written to git's standard input. */
  input?: string;
  /** A failing command answers `ok: false` instead of throwing. */
  allowFailure?: boolean;
}

export interface GitOutput {
  ok: boolean;
  stdout: Buffer;
  stderr: string;
}

/** A reader: yields the git commands it needs, receives each one's output, returns its result. */
export type GitSteps<T> = Generator<GitCall, T, GitOutput>;

/** One git command as a step: `const { stdout } = yield* call(cwd, ['ls-tree', …])`. */
export function* call(cwd: string, args: string[], options: { input?: string; allowFailure?: boolean } = {}): GitSteps<GitOutput> {
  return yield { cwd, args, ...options };
}

/** The arguments git is started with: the safe options, literal pathspecs, names unquoted. */
export function gitArgs(args: string[]): string[] {
  return [...SAFE_GIT_OPTIONS, '--literal-pathspecs', '-c', 'core.quotepath=off', ...args];
}

const MAX_OUTPUT = 1024 * 1024 * 1024;

/** node:child_process, loaded on first use: a check that runs no git does not pay 2 ms to load it. */
const childProcess = () => process.getBuiltinModule('node:child_process');

function outcome(c: GitCall, status: number | null, stdout: Buffer, stderrBytes: Buffer | undefined): GitOutput {
  const ok = status === 0;
  const stderr = stderrBytes?.toString('utf8').trim() ?? '';
  if (!ok && !c.allowFailure) throw new GitError(stderr || { id: 'git.failed', params: { command: c.args[0] } });
  return { ok, stdout, stderr };
}

function startError(error: Error): GitError {
  if ((error as NodeJS.ErrnoException).code === 'ENOENT') return new GitError({ id: 'git.missing' }, { missing: true });
  return new GitError(error.message);
}

/** Runs one git command and waits for it (the command line). */
export function gitSync(c: GitCall): GitOutput {
  const r = childProcess().spawnSync('git', gitArgs(c.args), { cwd: c.cwd, input: c.input, maxBuffer: MAX_OUTPUT, env: safeGitEnv(process.env) });
  if (r.error) throw startError(r.error);
  return outcome(c, r.status, r.stdout ?? Buffer.alloc(0), r.stderr);
}

/**
 * Runs one git command without blocking: its output is collected as it comes. `signal` stops it
 * (the reader is then rejected with an AbortError).
 */
export function gitAsync(c: GitCall, signal?: AbortSignal): Promise<GitOutput> {
  return new Promise((resolve, reject) => {
    let child;
    try {
      child = childProcess().spawn('git', gitArgs(c.args), { cwd: c.cwd, env: safeGitEnv(process.env), stdio: ['pipe', 'pipe', 'pipe'], signal, windowsHide: true });
    } catch (error) {
      reject(startError(error as Error));
      return;
    }
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let size = 0;
    let failed: Error | undefined;
    child.stdout.on('data', (b: Buffer) => {
      size += b.length;
      if (size > MAX_OUTPUT) {
        failed = new GitError({ id: 'git.too-large', params: { command: c.args[0], bytes: MAX_OUTPUT } });
        child.kill();
      } else out.push(b);
    });
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', (error) => {
      failed ??= (error as NodeJS.ErrnoException).name === 'AbortError' ? error : startError(error);
    });
    child.on('close', (status) => {
      if (failed) return reject(failed);
      try {
        resolve(outcome(c, status, Buffer.concat(out), Buffer.concat(err)));
      } catch (error) {
        reject(error);
      }
    });
    // git may stop reading early (a failure): a broken pipe is then not an error of ours.
    child.stdin.on('error', () => undefined);
    child.stdin.end(c.input ?? '');
  });
}

/** Drives a reader to its end, each command run synchronously. */
export function runSync<T>(steps: GitSteps<T>): T {
  let next = steps.next();
  while (!next.done) {
    let output: GitOutput;
    try {
      output = gitSync(next.value);
    } catch (error) {
      next = steps.throw(error);
      continue;
    }
    next = steps.next(output);
  }
  return next.value;
}

/** Drives a reader to its end without blocking the caller's thread. */
export async function runAsync<T>(steps: GitSteps<T>, signal?: AbortSignal): Promise<T> {
  let next = steps.next();
  while (!next.done) {
    let output: GitOutput;
    try {
      output = await gitAsync(next.value, signal);
    } catch (error) {
      next = steps.throw(error);
      continue;
    }
    next = steps.next(output);
  }
  return next.value;
}
