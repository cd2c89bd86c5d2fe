// The workloads: synthetic workspaces from scripts/gen-workspace.mjs (deterministic from a seed),
// kept under the work folder between runs, and a git repository with two revisions of one of them.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const STAMP = '.bench-stamp.json';

/** Every Markdown file below `root` (workspace-relative, forward slashes, sorted), skipping .git. */
export function listMarkdown(root) {
  const out = [];
  const visit = (dir, rel) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (e.name === '.git' || e.name === 'node_modules') continue;
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) visit(path.join(dir, e.name), r);
      else if (e.isFile() && e.name.endsWith('.md')) out.push(r);
    }
  };
  visit(root, '');
  return out.sort();
}

function fileHash(file) {
  return createHash('sha256').update(readFileSync(file)).digest('hex').slice(0, 16);
}

function readStamp(dir) {
  try {
    return JSON.parse(readFileSync(path.join(dir, STAMP), 'utf8'));
  } catch {
    return undefined;
  }
}

/**
 * The workspace of `documents` documents for `seed` in `workDir`, generated unless an identical one
 * (same size, seed and generator source) is already there.
 */
export async function ensureWorkspace(repo, workDir, documents, seed) {
  const generator = path.join(repo, 'scripts', 'gen-workspace.mjs');
  const key = { documents, seed, generator: fileHash(generator) };
  const dir = path.join(workDir, `ws-${documents}-seed${seed}`);
  const stamp = readStamp(dir);
  if (stamp && stamp.key && JSON.stringify(stamp.key) === JSON.stringify(key)) return { dir, ...stamp.info, reused: true };
  const { generate } = await import(pathToFileURL(generator).href);
  const info = generate(dir, documents, seed);
  writeFileSync(path.join(dir, STAMP), JSON.stringify({ key, info }));
  return { dir, ...info, reused: false };
}

const STANCES = ['champion', 'supporter', 'neutral', 'skeptic', 'opponent', 'unknown'];

/**
 * One deterministic edit per document kind, the kind of change a week of account work makes: a
 * stance moves, an interaction is logged, a tier changes, a plan date moves, a pain point is added.
 */
export function editDocument(text, i) {
  const kind = /^kind:\s*([\w-]+)/m.exec(text)?.[1];
  if (kind === 'person' && /^stance: (\w+)$/m.test(text)) {
    return text.replace(/^stance: (\w+)$/m, (_, s) => `stance: ${STANCES[(STANCES.indexOf(s) + 1 + (i % 3)) % STANCES.length]}`);
  }
  if (kind === 'interaction-log') {
    const who = /@([a-z0-9-]+)/.exec(text)?.[1];
    return `${text.replace(/\n*$/, '\n')}- 2026-11-1${i % 10} call${who ? ` @${who}` : ''}: 跟进报价 followed up on the quote\n`;
  }
  if (kind === 'account' && /^tier: [ABC]$/m.test(text)) return text.replace(/^tier: ([ABC])$/m, (_, t) => `tier: ${t === 'A' ? 'B' : 'A'}`);
  if (kind === 'relationship-plan' && /^ {4}next: \S+$/m.test(text)) return text.replace(/^ {4}next: \S+$/m, `    next: 2026-12-0${1 + (i % 9)}`);
  if (kind === 'org-portrait' && /^pain_points: \[/m.test(text)) return text.replace(/^pain_points: \[/m, 'pain_points: [交付周期, ');
  return `${text.replace(/\n*$/, '\n')}\n补充说明 ${i}。\n`;
}

function git(cwd, args) {
  return execFileSync('git', ['-c', 'user.name=Keyplan bench', '-c', 'user.email=bench@keyplan.invalid', '-c', 'commit.gpgsign=false', '-c', 'init.defaultBranch=main', ...args], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 256 * 1024 * 1024 });
}

/**
 * A git repository holding two commits of a workspace: HEAD~1 = the generated workspace, HEAD = the
 * same with `share` of its documents edited (every 1/share-th document in path order), or with
 * every document of one `account` edited (a pull request on one account).
 */
export function ensureGitRevisions(workDir, workspace, share = 0.01, { account } = {}) {
  const dir = path.join(workDir, `git-${path.basename(workspace.dir)}${account ? `-${account}` : ''}`);
  const key = { source: readStamp(workspace.dir)?.key, share: account ? undefined : share, account, editor: createHash('sha256').update(editDocument.toString()).digest('hex').slice(0, 16) };
  const stamp = readStamp(dir);
  if (stamp && JSON.stringify(stamp.key) === JSON.stringify(key) && existsSync(path.join(dir, '.git'))) return { dir, ...stamp.info, reused: true };
  rmSync(dir, { recursive: true, force: true });
  cpSync(workspace.dir, dir, { recursive: true, filter: (src) => path.basename(src) !== STAMP });
  writeFileSync(path.join(dir, '.gitignore'), `${STAMP}\n`);
  git(dir, ['init', '-q']);
  git(dir, ['add', '-A']);
  git(dir, ['commit', '-q', '-m', 'generated workspace']);
  const docs = listMarkdown(dir);
  const step = Math.max(1, Math.min(Math.round(1 / share), docs.length)); // at least one document, even in a tiny workspace
  const changed = account ? docs.filter((rel) => rel.startsWith(`accounts/${account}/`)) : docs.filter((_, i) => i % step === Math.floor(step / 2));
  changed.forEach((rel, i) => {
    const file = path.join(dir, rel);
    writeFileSync(file, editDocument(readFileSync(file, 'utf8'), i));
  });
  git(dir, ['add', '-A']);
  git(dir, ['commit', '-q', '-m', `edit ${changed.length} documents`]);
  const info = { documents: docs.length, changed: changed.length };
  writeFileSync(path.join(dir, STAMP), JSON.stringify({ key, info }));
  return { dir, ...info, reused: false };
}

/**
 * A year of weekly commits of one workspace, for `keyplan history`: the generated workspace, then
 * `weeks` commits a week apart (committer dates pinned), each editing `share` of the documents
 * (a different slice every week) and always one document of account-0, the account timed; every
 * tenth week one person file of account-0 is moved with `git mv`. Packed at the end, like a clone.
 */
export function ensureHistoryRepo(workDir, workspace, weeks = 60, share = 0.01) {
  const dir = path.join(workDir, `history-${path.basename(workspace.dir)}-${weeks}w`);
  const key = { source: readStamp(workspace.dir)?.key, weeks, share, editor: createHash('sha256').update(editDocument.toString() + ensureHistoryRepo.toString()).digest('hex').slice(0, 16) };
  const stamp = readStamp(dir);
  if (stamp && JSON.stringify(stamp.key) === JSON.stringify(key) && existsSync(path.join(dir, '.git'))) return { dir, ...stamp.info, reused: true };
  rmSync(dir, { recursive: true, force: true });
  cpSync(workspace.dir, dir, { recursive: true, filter: (src) => path.basename(src) !== STAMP });
  writeFileSync(path.join(dir, '.gitignore'), `${STAMP}\n`);
  const at = (week) => {
    const d = new Date(Date.UTC(2025, 10, 3) + week * 7 * 86400000).toISOString().slice(0, 10);
    return { GIT_AUTHOR_DATE: `${d}T10:00:00+08:00`, GIT_COMMITTER_DATE: `${d}T10:00:00+08:00` };
  };
  const commit = (week, message) => {
    git(dir, ['add', '-A']);
    execFileSync('git', ['-c', 'user.name=Keyplan bench', '-c', 'user.email=bench@keyplan.invalid', '-c', 'commit.gpgsign=false', 'commit', '-q', '-m', message], { cwd: dir, env: { ...process.env, ...at(week) }, stdio: 'ignore' });
  };
  git(dir, ['init', '-q']);
  commit(0, 'generated workspace');
  const step = Math.max(1, Math.round(1 / share));
  let edits = 0;
  for (let week = 1; week < weeks; week++) {
    const docs = listMarkdown(dir);
    const mine = docs.filter((d) => d.startsWith('accounts/account-0/'));
    const chosen = new Set(docs.filter((_, i) => i % step === week % step));
    chosen.add(mine[week % mine.length]);
    let i = 0;
    for (const rel of chosen) {
      const file = path.join(dir, rel);
      writeFileSync(file, editDocument(readFileSync(file, 'utf8'), week + i++));
      edits++;
    }
    if (week % 10 === 0) {
      const person = mine.find((d) => d.includes('/people/') && !d.includes('/moved/'));
      if (person) {
        const to = person.replace('/people/', '/people/moved/');
        execFileSync('mkdir', ['-p', path.dirname(path.join(dir, to))]);
        git(dir, ['mv', person, to]);
      }
    }
    commit(week, `week ${week}: ${chosen.size} documents updated`);
  }
  git(dir, ['gc', '-q']); // packed, as a clone is: reading thousands of loose objects measures the disk, not Keyplan
  const info = { documents: listMarkdown(dir).length, accounts: readdirSync(path.join(dir, 'accounts')).length, weeks, edits };
  writeFileSync(path.join(dir, STAMP), JSON.stringify({ key, info }));
  return { dir, ...info, reused: false };
}
