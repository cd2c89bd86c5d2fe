#!/usr/bin/env node
// Checks the unit suite's strength by planting small bugs ("mutants") in the source and showing
// that the tests catch them (issue #12). Each mutant names an exact snippet and its replacement;
// the snippet is searched in every file under its scope (src/core unless said otherwise), so the
// list survives files moving between folders. A snippet that is missing, or found more than
// once, makes the mutant STALE: an error, so that the list is kept current.
//
//   npm run mutants                      every mutant
//   npm run mutants -- --only a,b        some of them
//   npm run mutants -- --list            the list, with where each snippet is found
//   npm run mutants -- --all-failures    no --bail: list every test that fails, not only the first
//   npm run mutants -- --no-confirm      skip re-running the killing tests on the original code
//
// For each mutant: apply it, run its test files with mocha (the .mocharc timeout, no spec glob),
// record killed (a test failed) or SURVIVED, and always put the original bytes back (also on
// Ctrl-C, SIGTERM and exceptions; a journal in the temp folder repairs even a killed run on the
// next start) and check that they are equal. When a mutant's tests spawn the built CLI
// (bin/keyplan.cjs → dist/cli.cjs), dist is rebuilt after mutating and again after restoring.
// Afterwards the tests that killed a mutant are run once on the original code: a test that fails
// there too proves nothing, and its mutant is reported as UNSURE.
// Exit status 1 when any mutant survived, is stale, or is unsure.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const T = (name) => `test/unit/${name}.test.ts`;

/**
 * The mutants. `find` must occur exactly once in the files under `scope` (default src/core);
 * `tests` are the unit test files expected to kill it; `grep` optionally narrows them to matching
 * test titles (for files that spawn the CLI many times).
 */
export const MUTANTS = [
  // --- cadence boundaries -----------------------------------------------------------------------
  {
    id: 'overdue-boundary',
    description: 'overdue from max days on instead of max + 1 (> becomes >=)',
    find: 'else if (daysSince > max) {',
    replace: 'else if (daysSince >= max) {',
    tests: [T('cadence')],
  },
  {
    id: 'due-soon-boundary',
    description: 'due-soon from ideal + 1 instead of ideal (>= becomes >)',
    find: "state = daysSince >= ideal ? 'due-soon' : 'ok';",
    replace: "state = daysSince > ideal ? 'due-soon' : 'ok';",
    tests: [T('cadence')],
  },
  {
    id: 'urgency-due-soon-sign',
    description: 'due-soon urgency: fewer days left sorts later (sign flipped)',
    find: "case 'due-soon': return 1000 - (c.daysLeft ?? 0);",
    replace: "case 'due-soon': return 1000 + (c.daysLeft ?? 0);",
    tests: [T('report'), T('cadence-order')],
  },
  {
    id: 'urgency-ok-sign',
    description: 'ok urgency: fewer days left sorts later (sign flipped)',
    find: "case 'ok': return 0 - (c.daysLeft ?? 0);",
    replace: "case 'ok': return 0 + (c.daysLeft ?? 0);",
    tests: [T('report'), T('cadence-order')],
  },
  {
    id: 'ideal-equals-max',
    description: 'a cadence with ideal = max is rejected as invalid (>= becomes >)',
    find: 'c.max! >= c.ideal!',
    replace: 'c.max! > c.ideal!',
    tests: [T('cadence'), T('cadence-boundaries')],
  },
  // --- precedence of cadence sources ----------------------------------------------------------------
  {
    id: 'precedence-plan-person',
    description: "the person's own cadence wins over the relationship-plan contact's",
    find: "  const fromPlan = validCadence(contact?.contact.cadence);\n  if (fromPlan) return { cadence: fromPlan, source: 'relationship-plan' };\n  const own = validCadence(person.data.cadence);\n  if (own) return { cadence: own, source: 'person' };",
    replace: "  const own = validCadence(person.data.cadence);\n  if (own) return { cadence: own, source: 'person' };\n  const fromPlan = validCadence(contact?.contact.cadence);\n  if (fromPlan) return { cadence: fromPlan, source: 'relationship-plan' };",
    tests: [T('cadence')],
  },
  {
    id: 'precedence-person-config',
    description: "keyplan.yaml / built-in cadence wins over the person's own when the account has a tier",
    find: "if (own) return { cadence: own, source: 'person' };",
    replace: "if (own && !tier) return { cadence: own, source: 'person' };",
    tests: [T('cadence')],
  },
  {
    id: 'precedence-config-builtin',
    description: 'a keyplan.yaml cadence does not replace the built-in one it overrides (= becomes ??=)',
    find: 'config.cadence[tier][role] = { ideal: c.ideal, max: c.max };',
    replace: 'config.cadence[tier][role] ??= { ideal: c.ideal, max: c.max };',
    tests: [T('cadence')],
  },
  {
    id: 'dark-threshold',
    description: 'an account goes dark on exactly dark_after days (> becomes >=)',
    find: 'daysSince > ws.config.darkAfter',
    replace: 'daysSince >= ws.config.darkAfter',
    tests: [T('cadence')],
  },
  // --- redaction of sensitive fields ----------------------------------------------------------------
  {
    id: 'redact-ci-preferences',
    description: 'CI/shared check outputs: findings about `preferences` are not redacted',
    find: 'if (!field) return d;',
    replace: "if (!field || field === 'preferences') return d;",
    tests: [T('sensitive')],
  },
  {
    id: 'redact-diff',
    description: 'keyplan diff shows personal-note values without --include-sensitive',
    find: 'if (includeSensitive) for (const k of sensitive) field(',
    replace: 'if (true) for (const k of sensitive) field(',
    tests: [T('sensitive')],
  },
  {
    id: 'redact-export',
    description: 'keyplan export includes personal notes without --include-sensitive',
    find: 'if (includeSensitive) {\n        const personData',
    replace: 'if (true) {\n        const personData',
    tests: [T('sensitive')],
  },
  // --- default rule severities --------------------------------------------------------------------
  {
    id: 'severity-tier-missing-coach',
    description: 'missing-coach defaults to warning for B accounts too (per-tier default)',
    find: "id: 'missing-coach',\n  category: 'methodology',\n  severity: { A: 'warning', B: 'off', C: 'off' },",
    replace: "id: 'missing-coach',\n  category: 'methodology',\n  severity: { A: 'warning', B: 'warning', C: 'off' },",
    tests: [T('methodology')],
  },
  {
    id: 'severity-due-soon',
    description: 'interaction-due-soon reported as a warning instead of info (plain default)',
    find: "id: 'interaction-due-soon',\n  category: 'cadence',\n  severity: 'info',",
    replace: "id: 'interaction-due-soon',\n  category: 'cadence',\n  severity: 'warning',",
    tests: [T('cadence')],
  },
  // --- temperature and health ---------------------------------------------------------------------
  {
    id: 'temperature-recency-weight',
    description: 'temperature: recency weighs 35 points instead of 40',
    find: 'const recency = newest === undefined ? 0 : 40 * ',
    replace: 'const recency = newest === undefined ? 0 : 35 * ',
    tests: [T('temperature')],
  },
  {
    id: 'health-clamp',
    description: 'health: part scores are no longer clamped at 0 (coverage penalties go negative)',
    find: 'const clamp = (x: number) => Math.max(0, Math.min(100, Math.round(x)));',
    replace: 'const clamp = (x: number) => Math.min(100, Math.round(x));',
    tests: [T('health')],
  },
  // --- placement ------------------------------------------------------------------------------------
  {
    id: 'quadrant-axis-edge',
    description: 'influence exactly 3 is placed in a lower quadrant instead of on the axis',
    find: 'if (pos.x === 0 || pos.y === INFLUENCE_MIDPOINT) return',
    replace: 'if (pos.x === 0) return',
    tests: [T('placement')],
  },
  // --- schema messages, model checks ------------------------------------------------------------------
  {
    id: 'schema-did-you-mean',
    description: 'unknown-field messages lose their "did you mean" suggestion',
    find: 'const suggestion = closest(extra, allowed);',
    replace: 'const suggestion = undefined;',
    tests: [T('schema-messages')],
  },
  {
    id: 'duplicate-person-id',
    description: 'a second person with the same id is dropped silently (no duplicate-id)',
    find: "report(doc, duplicateId, 'files', ['id'], { kind, id, other: other.join('|'), used: docs[0].path },",
    replace: "void (doc, duplicateId, 'files', ['id'], { kind, id, other: other.join('|'), used: docs[0].path },",
    tests: [T('workspace')],
  },
  {
    id: 'unknown-person-reference',
    description: 'a reference to a person who does not exist is accepted (no unknown-reference)',
    find: 'if (!target && unseenPeople.has(id)) return;',
    replace: 'if (!target) return;',
    tests: [T('workspace')],
  },
  // --- escaping ---------------------------------------------------------------------------------------
  {
    id: 'escape-svg-lt',
    description: 'SVG/XML: `<` in plan text is not escaped',
    find: ".replace(/</g, '&lt;')\n    .replace(/>/g, '&gt;')",
    replace: ".replace(/>/g, '&gt;')",
    tests: [T('matrix'), T('hostile-outputs')],
  },
  {
    id: 'escape-markdown-html',
    description: 'Markdown: `<` and `>` (raw HTML) in plan text are not escaped',
    find: '.replace(/[\\\\`*_{}[\\]()<>|!~$]/g,',
    replace: '.replace(/[\\\\`*_{}[\\]()|!~$]/g,',
    tests: [T('hostile-outputs'), T('language-hover')],
  },
  {
    id: 'escape-markdown-mention',
    description: 'Markdown: @name in plan text mentions a user (no zero-width space)',
    find: ".replace(/@/g, '@\\u200b')",
    replace: ".replace(/@/g, '@')",
    tests: [T('hostile-outputs'), T('language-hover')],
  },
  {
    id: 'escape-terminal',
    description: 'terminal: C0 control characters (ESC …) are printed as they are',
    scope: 'src/cli',
    find: 'if (code < 0x20) return String.fromCharCode(0x2400 + code);',
    replace: 'if (code < 0x20) return c;',
    tests: [T('hostile-outputs')],
  },
  // --- dates and the log parser -------------------------------------------------------------------------
  {
    id: 'days-between-off-by-one',
    description: 'daysBetween counts one day too many',
    find: 'return dayNumber(to) - dayNumber(from);',
    replace: 'return dayNumber(to) - dayNumber(from) + 1;',
    tests: [T('cadence')],
  },
  {
    id: 'leap-year',
    description: 'calendar dates: February always has 28 days (2028-02-29 rejected)',
    find: 'const days = new Date(Date.UTC(y, mo, 0)).getUTCDate();',
    replace: 'const days = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo - 1];',
    tests: [T('cli')],
    grep: 'KEYPLAN_TODAY=YYYY-MM-DD sets it',
  },
  {
    id: 'log-entry-colon',
    description: 'log parser: an entry without the colon is accepted instead of log-entry-malformed',
    find: "if (!colon) return { problem: 'colon', ...whole };",
    replace: '',
    tests: [T('workspace')],
  },
  // --- diff directions, exit codes, changed-since --------------------------------------------------------
  {
    id: 'diff-direction-ranked',
    description: 'diff: a move up a ranked scale (cadence state, coverage …) is called worsened',
    find: "return b > a ? 'improved' : 'worsened';",
    replace: "return b < a ? 'improved' : 'worsened';",
    tests: [T('diff-core')],
  },
  {
    id: 'diff-arrows',
    description: 'diff text/Markdown: ▲ and ▼ swapped',
    scope: 'src/cli',
    find: "direction === 'improved' ? ' ▲' : direction === 'worsened' ? ' ▼' : ''",
    replace: "direction === 'improved' ? ' ▼' : direction === 'worsened' ? ' ▲' : ''",
    tests: [T('diff-markdown')],
  },
  {
    id: 'max-warnings-exit',
    description: '--max-warnings n exits 1 at n warnings instead of above n (> becomes >=)',
    scope: 'src/cli',
    find: 'warnings > maxWarnings ? 1 : 0',
    replace: 'warnings >= maxWarnings ? 1 : 0',
    tests: [T('cli')],
    grep: 'max-warnings',
  },
  {
    id: 'changed-since-deleted',
    description: '--changed-since: what a changed or deleted file referenced before the change is ignored',
    find: '...changed.filter((c) => c.before !== undefined).map((c) => documentInfo(c.path, c.before!))',
    replace: '',
    tests: [T('ci-formats-changed-since')],
  },
];

// --- plumbing -------------------------------------------------------------------------------------------

const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const onlyArg = args.find((a) => a.startsWith('--only'));
const only = onlyArg ? (onlyArg.includes('=') ? onlyArg.split('=')[1] : args[args.indexOf(onlyArg) + 1] ?? '').split(',').map((s) => s.trim()).filter(Boolean) : undefined;
const known = new Set(['--only', '--list', '--all-failures', '--no-confirm', '--help', '-h']);
for (const a of args) {
  if (a.startsWith('-') && !known.has(a.split('=')[0])) usage(`unknown option ${a}`);
}
if (flag('--help') || flag('-h')) usage();

function usage(error) {
  const text = 'usage: node scripts/mutants.mjs [--only id1,id2] [--list] [--all-failures] [--no-confirm]';
  if (error) {
    console.error(`${error}\n${text}`);
    process.exit(2);
  }
  console.log(text);
  process.exit(0);
}

const mocharc = JSON.parse(readFileSync(path.join(ROOT, '.mocharc.json'), 'utf8'));
const nodeOptions = [mocharc['node-option'] ?? []].flat().map((o) => `--${o}`);
const MOCHA_CLI = path.join(ROOT, 'node_modules', 'mocha', 'lib', 'cli', 'cli.js');
/** A whole mutant run may not take longer than this (a mutant can make code loop forever). */
const MUTANT_DEADLINE_MS = 300_000;

function sourceFiles(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(full);
    return /\.(?:ts|tsx|mts|cts|js|mjs)$/.test(e.name) ? [full] : [];
  });
}

const fileCache = new Map();
function filesUnder(scope) {
  if (!fileCache.has(scope)) fileCache.set(scope, sourceFiles(path.join(ROOT, scope)).map((f) => ({ path: f, text: readFileSync(f, 'utf8') })));
  return fileCache.get(scope);
}

function occurrences(text, snippet) {
  let n = 0;
  for (let i = text.indexOf(snippet); i !== -1; i = text.indexOf(snippet, i + 1)) n++;
  return n;
}

/** Where a mutant's snippet is: exactly one file with exactly one occurrence, or why it is stale. */
function locate(m) {
  const scope = m.scope ?? 'src/core';
  const hits = filesUnder(scope).map((f) => ({ file: f.path, n: occurrences(f.text, m.find) })).filter((h) => h.n > 0);
  const total = hits.reduce((s, h) => s + h.n, 0);
  const missingTests = m.tests.filter((t) => !existsSync(path.join(ROOT, t)));
  if (total === 0) return { stale: `snippet not found under ${scope}` };
  if (total > 1) return { stale: `snippet found ${total} times under ${scope} (${hits.map((h) => rel(h.file)).join(', ')})` };
  if (missingTests.length) return { stale: `test file(s) missing: ${missingTests.join(', ')}`, file: hits[0].file };
  return { file: hits[0].file };
}

const rel = (f) => path.relative(ROOT, f).split(path.sep).join('/');

/** True when a test file runs the built CLI (bin/keyplan.cjs or dist/cli.cjs). */
const spawnsCli = (testFile) => /keyplan\.cjs|dist\/cli|buildCli|helpers\/git-repo/.test(readFileSync(path.join(ROOT, testFile), 'utf8'));

function build() {
  const r = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`build failed:\n${r.stdout}\n${r.stderr}`);
}

// --- applying and restoring, with a journal -----------------------------------------------------------------

const JOURNAL = path.join(os.tmpdir(), `keyplan-mutants-${createHash('sha1').update(ROOT).digest('hex').slice(0, 12)}.json`);
/** The mutation currently applied: { file, original (Buffer), mutated (Buffer), cli }. */
let applied;

function apply(file, original, mutatedText, cli) {
  const mutated = Buffer.from(mutatedText, 'utf8');
  writeFileSync(JOURNAL, JSON.stringify({ file, original: original.toString('base64'), mutated: mutated.toString('base64'), cli }));
  applied = { file, original, mutated, cli };
  writeFileSync(file, mutated);
}

/** Puts the original bytes back and checks them; rebuilds dist when the mutant's tests used it. */
function restore() {
  if (!applied) return;
  const { file, original, mutated, cli } = applied;
  const now = existsSync(file) ? readFileSync(file) : undefined;
  if (now && !now.equals(mutated) && !now.equals(original)) {
    console.error(`\nwarning: ${rel(file)} changed while the mutant was applied; writing the original bytes back anyway`);
  }
  writeFileSync(file, original);
  if (!readFileSync(file).equals(original)) throw new Error(`could not restore ${rel(file)}: its bytes differ from the original`);
  applied = undefined;
  try { unlinkSync(JOURNAL); } catch { /* already gone */ }
  if (cli) build();
}

/** A run that was killed outright (SIGKILL, power loss) left its journal: repair first. */
function repairFromJournal() {
  if (!existsSync(JOURNAL)) return;
  const j = JSON.parse(readFileSync(JOURNAL, 'utf8'));
  const original = Buffer.from(j.original, 'base64');
  const mutated = Buffer.from(j.mutated, 'base64');
  if (existsSync(j.file) && readFileSync(j.file).equals(mutated)) {
    writeFileSync(j.file, original);
    console.error(`repaired ${rel(j.file)}: an earlier run left a mutant in it`);
    if (j.cli) build();
  }
  unlinkSync(JOURNAL);
}

let child;
function onSignal(signal) {
  if (child && child.exitCode === null) {
    try { process.kill(-child.pid, 'SIGKILL'); } catch { /* gone */ }
  }
  try {
    restore();
    console.error(`\n${signal}: original source restored${applied ? '' : ' and verified'}`);
  } catch (e) {
    console.error(`\n${signal}: RESTORE FAILED: ${e.message}`);
  }
  rmSync(tmp, { recursive: true, force: true });
  process.exit(130);
}
process.on('SIGINT', () => onSignal('SIGINT'));
process.on('SIGTERM', () => onSignal('SIGTERM'));
process.on('SIGHUP', () => onSignal('SIGHUP'));

// --- running mocha --------------------------------------------------------------------------------------

const tmp = mkdtempSync(path.join(os.tmpdir(), 'keyplan-mutants-'));
let runNo = 0;

/** Runs test files (no spec glob from .mocharc); resolves to { failures: [titles], crashed?, timedOut? }. */
function mocha(files, { grep, bail }) {
  const out = path.join(tmp, `run-${++runNo}.json`);
  const argv = [
    ...nodeOptions, MOCHA_CLI, '--no-config', '--no-package', '--extension', 'ts',
    '--timeout', String(mocharc.timeout ?? 2000), '--reporter', 'json', '--reporter-option', `output=${out}`,
    ...(bail ? ['--bail'] : []), ...(grep ? ['--grep', grep] : []), ...files,
  ];
  return new Promise((resolve) => {
    let stderr = '';
    child = spawn(process.execPath, argv, { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'], detached: true });
    child.stderr.on('data', (d) => { stderr += d; });
    const timer = setTimeout(() => { try { process.kill(-child.pid, 'SIGKILL'); } catch { /* gone */ } }, MUTANT_DEADLINE_MS);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      let report;
      try { report = JSON.parse(readFileSync(out, 'utf8')); } catch { /* crashed before writing */ }
      const failures = report ? report.failures.map((f) => f.fullTitle) : [];
      resolve({
        code, failures, tests: report?.stats.tests ?? 0,
        timedOut: signal === 'SIGKILL',
        crash: !report && code !== 0 ? stderr.trim().split('\n').slice(0, 3).join(' | ') : undefined,
      });
    });
  });
}

// --- main ------------------------------------------------------------------------------------------------

const selected = only ? MUTANTS.filter((m) => only.includes(m.id)) : MUTANTS;
if (only) {
  const unknownIds = only.filter((id) => !MUTANTS.some((m) => m.id === id));
  if (unknownIds.length) usage(`unknown mutant id(s): ${unknownIds.join(', ')}`);
}
const ids = new Set();
for (const m of MUTANTS) {
  if (ids.has(m.id)) throw new Error(`duplicate mutant id ${m.id}`);
  ids.add(m.id);
}

if (flag('--list')) {
  for (const m of selected) {
    const where = locate(m);
    console.log(`${m.id}\n  ${m.description}\n  in: ${where.stale ? `STALE: ${where.stale}` : rel(where.file)}\n  tests: ${m.tests.join(' ')}${m.grep ? ` (--grep ${m.grep})` : ''}`);
  }
  rmSync(tmp, { recursive: true, force: true });
  process.exit(selected.every((m) => !locate(m).stale) ? 0 : 1);
}

repairFromJournal();
const started = Date.now();
const results = [];
try {
  for (const m of selected) {
    const t0 = Date.now();
    const where = locate(m);
    if (where.stale) {
      results.push({ m, status: 'STALE', detail: where.stale, file: where.file });
      log(m, 'STALE', where.stale, t0);
      continue;
    }
    const original = readFileSync(where.file);
    const text = original.toString('utf8');
    const cli = m.tests.some(spawnsCli);
    let r;
    try {
      apply(where.file, original, text.replace(m.find, () => m.replace), cli);
      if (cli) build();
      r = await mocha(m.tests, { grep: m.grep, bail: !flag('--all-failures') });
    } finally {
      restore();
    }
    const killed = r.code !== 0;
    const detail = r.timedOut ? `timed out after ${MUTANT_DEADLINE_MS / 1000} s`
      : r.failures.length ? r.failures.join(' ‖ ')
      : killed ? `mocha exited ${r.code}${r.crash ? `: ${r.crash}` : ''}`
      : `expected: ${m.tests.join(', ')}${m.grep ? ` (--grep ${m.grep})` : ''}; ${r.tests} tests ran`;
    results.push({ m, status: killed ? 'killed' : 'SURVIVED', detail, file: where.file, failures: r.failures, seconds: (Date.now() - t0) / 1000 });
    log(m, killed ? 'killed' : 'SURVIVED', detail, t0);
  }

  // The killing tests must pass on the original code, or a kill proves nothing.
  const kills = results.filter((x) => x.status === 'killed' && x.failures?.length);
  if (kills.length && !flag('--no-confirm')) {
    const files = [...new Set(kills.flatMap((x) => x.m.tests))];
    const titles = [...new Set(kills.flatMap((x) => x.failures))].map((t) => t.replace(/"(before|after) (all|each)" hook(?: for "[^"]*")?: /, ''));
    const esc = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    process.stdout.write(`confirming ${titles.length} killing test(s) pass on the original code … `);
    const cliNeeded = files.some(spawnsCli);
    if (cliNeeded) build();
    const r = await mocha(files, { grep: titles.map(esc).join('|'), bail: false });
    console.log(r.code === 0 ? 'yes' : `no (${r.failures.length} fail)`);
    if (r.crash) console.log(`  ${r.crash}`);
    for (const x of kills) {
      const bad = x.failures.filter((f) => r.failures.includes(f) || r.crash);
      if (bad.length) {
        x.status = 'UNSURE';
        x.detail = `also fails without the mutant: ${bad.join(' ‖ ')}`;
      }
    }
  }
} finally {
  restore();
  rmSync(tmp, { recursive: true, force: true });
}

function log(m, status, detail, t0) {
  const s = ((Date.now() - t0) / 1000).toFixed(1);
  console.log(`${status === 'killed' ? '✓' : '✗'} ${m.id} (${s} s): ${status}${status === 'killed' ? ` by ${detail}` : ` — ${detail}`}`);
}

// --- the table -----------------------------------------------------------------------------------------------

const rows = results.map((x) => [x.m.id, x.m.description, x.file ? rel(x.file) : '-', x.status === 'killed' ? `killed by: ${x.detail}` : `${x.status}: ${x.detail}`]);
const header = ['id', 'description', 'found in', 'result'];
const widths = header.map((h, i) => Math.min(i === 3 ? 200 : 60, Math.max(h.length, ...rows.map((r) => r[i].length))));
const cell = (s, w) => (s.length > w ? `${s.slice(0, w - 1)}…` : s.padEnd(w));
console.log('');
console.log(header.map((h, i) => cell(h, widths[i])).join(' | '));
console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
for (const r of rows) console.log(r.map((c, i) => (i === 3 ? c : cell(c, widths[i]))).join(' | '));
const count = (s) => results.filter((x) => x.status === s).length;
const total = ((Date.now() - started) / 1000).toFixed(0);
console.log(`\n${results.length} mutants: ${count('killed')} killed, ${count('SURVIVED')} survived, ${count('STALE')} stale, ${count('UNSURE')} unsure; ${total} s`);
process.exit(results.every((x) => x.status === 'killed') ? 0 : 1);
