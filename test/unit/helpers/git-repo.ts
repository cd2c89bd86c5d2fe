/**
 * Small real git repositories in temporary folders, for the diff and --changed-since tests:
 * write files, commit, move, clone shallowly. Git runs without the user's global or system
 * configuration, so hooks, signing or aliases on the test machine cannot interfere.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from '../../helpers.js';

export const GIT_ENV: NodeJS.ProcessEnv = {
  ...process.env,
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: os.devNull,
  GIT_AUTHOR_NAME: 'Li Na',
  GIT_AUTHOR_EMAIL: 'li-na@example.com',
  GIT_COMMITTER_NAME: 'Li Na',
  GIT_COMMITTER_EMAIL: 'li-na@example.com',
  GIT_AUTHOR_DATE: '2026-11-20T09:00:00+08:00',
  GIT_COMMITTER_DATE: '2026-11-20T09:00:00+08:00',
};

export class TempRepo {
  readonly dir: string;

  constructor(files: Record<string, string> = {}, dir?: string) {
    this.dir = dir ?? mkdtempSync(path.join(os.tmpdir(), 'keyplan-git-'));
    if (!dir) {
      this.git('init', '-q', '-b', 'main');
      this.git('config', 'user.name', 'Li Na');
      this.git('config', 'user.email', 'li-na@example.com');
      this.git('config', 'commit.gpgsign', 'false');
      this.git('config', 'core.autocrlf', 'false');
    }
    this.write(files);
  }

  git(...args: string[]): string {
    return execFileSync('git', args, { cwd: this.dir, env: GIT_ENV, encoding: 'utf8' }).trim();
  }

  /** git with some environment variables set (a pinned date or author for one commit). */
  gitWith(env: NodeJS.ProcessEnv, ...args: string[]): string {
    return execFileSync('git', args, { cwd: this.dir, env: { ...GIT_ENV, ...env }, encoding: 'utf8' }).trim();
  }

  /** Writes files; `null` deletes one. */
  write(files: Record<string, string | null>): this {
    for (const [rel, content] of Object.entries(files)) {
      const file = path.join(this.dir, rel);
      if (content === null) rmSync(file, { force: true });
      else {
        mkdirSync(path.dirname(file), { recursive: true });
        writeFileSync(file, content);
      }
    }
    return this;
  }

  /** Moves a file without telling git (as a file manager would). */
  move(from: string, to: string): this {
    mkdirSync(path.dirname(path.join(this.dir, to)), { recursive: true });
    renameSync(path.join(this.dir, from), path.join(this.dir, to));
    return this;
  }

  /** `git mv`, creating the destination folder first. */
  gitMove(from: string, to: string): this {
    mkdirSync(path.dirname(path.join(this.dir, to)), { recursive: true });
    this.git('mv', from, to);
    return this;
  }

  commit(message: string, files?: Record<string, string | null>): string {
    if (files) this.write(files);
    this.git('add', '-A');
    this.git('commit', '-q', '--allow-empty', '-m', message);
    return this.git('rev-parse', 'HEAD');
  }

  /** `git clone --depth 1` of this repository (file:// so that depth is honoured). */
  shallowClone(branch: string): TempRepo {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'keyplan-shallow-'));
    execFileSync('git', ['clone', '-q', '--depth', '1', '--branch', branch, `file://${this.dir}`, dir], { env: GIT_ENV });
    return new TempRepo({}, dir);
  }

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

export const BIN = path.join(REPO_ROOT, 'bin', 'keyplan.cjs');

/** Runs the built CLI in `cwd` with a predictable environment (English, no colours, no CI variables). */
export function keyplan(args: string[], cwd: string, env: Record<string, string> = {}): Run {
  const base: NodeJS.ProcessEnv = { ...GIT_ENV };
  for (const k of ['FORCE_COLOR', 'NO_COLOR', 'KEYPLAN_LOCALE', 'LC_ALL', 'LC_MESSAGES', 'LANG', 'TERM', 'GITHUB_WORKSPACE']) delete base[k];
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, env: { ...base, ...env }, encoding: 'utf8', timeout: 60_000 });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

let built = false;
/** Builds dist/cli.cjs once per test run. */
export function buildCli(): void {
  if (built) return;
  const r = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: REPO_ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`build failed:\n${r.stdout}\n${r.stderr}`);
  built = true;
}
