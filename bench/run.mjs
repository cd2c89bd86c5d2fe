#!/usr/bin/env node
// `npm run bench`: Keyplan's benchmark suite, all measurements in one run (see docs/performance.md).
// Prints a table and writes bench/results.json. Not a test: nothing here fails on a slow result.
//
//   node bench/run.mjs [--sizes 1000,10000,50000] [--runs 5] [--seed 1] [--no-peers]
//                                  [--no-package] [--full] [--editor [--editor-runs N]] [--out bench/results.json]
// --full also runs the peers 5 times at 10k (about 20 minutes in all).
// --editor also measures the real editor (bench/editor.mjs: code-server + Chromium, a 10k workspace,
// 3 fresh editors by default (--editor-runs), about a minute each; needs .vscode-test/code-server and chromium, as the e2e tests).
import { execFileSync } from 'node:child_process';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { apiPass, incrementalPass, loadCore } from './core.mjs';
import { floorPass, loadYaml } from './floor.mjs';
import { now, runNode, stats } from './measure.mjs';
import { ensurePeers, remarkConfig, runMarkdownlint, runRemark } from './peers.mjs';
import { tableLines } from './table.mjs';
import { ensureGitRevisions, ensureHistoryRepo, ensureWorkspace } from './workloads.mjs';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The issue's targets, in one place. Sizes in decimal units: 1 MB = 1,000,000 bytes. */
export const TARGETS = {
  fullCheckVsFloor: 1.0, // keyplan check (process) at 10k ≤ 1 × floor (issue #15)
  apiVsFloor: 0.7, // core API in-process at 10k ≤ 0.7 × floor (issue #15)
  peerVsKeyplan: 5, // peer ≥ 5 × slower than Keyplan at 10k
  perDocumentSpread: 1.25, // time per document from 1k to 50k within 25 %
  incrementalMs: 10, // one edit at 10k (issue #15)
  incrementalGrowth: 1.5, // 10k ≤ 1.5 × 1k
  changedSinceVsFull: 0.1,
  diffVsFull: 0.5, // issue #15
  activationMs: 50,
  samplesVsNode: 1.5, // keyplan check on samples/ ≤ 1.5 × `node -e 0` (pre-commit latency, issue #15)
  extensionBundleBytes: 1_000_000,
  webviewBundleBytes: 150_000,
  vsixBytes: 1_500_000,
  rssBytes10k: 150_000_000, // issue #15
  historyMs: 2000, // keyplan history over a year of weekly commits of a 100-account workspace (issue #19)
  editorViewMs: 3000, // real editor, 10k: the Keyplan view opened → portfolio tree filled (issue #15)
};

export const DEFAULTS = {
  repo: REPO,
  workDir: path.join(REPO, 'bench', 'work'),
  toolsDir: path.join(REPO, 'bench', '.tools'),
  out: path.join(REPO, 'bench', 'results.json'),
  seed: 1,
  asOf: '2026-11-20',
  sizes: [1000, 10000, 50000],
  runs: 5,
  /** The target sizes: the size the ratio targets apply to, the sizes incremental edits are timed at. */
  targetSize: 10000,
  incrementalSizes: [1000, 10000],
  edits: 7,
  diffSize: 10000,
  diffShare: 0.01,
  /** The account whose documents the one-account pull request edits (context rows, no target). */
  diffAccount: 'account-0',
  /** keyplan history: a workspace of about this many documents (≈ 100 accounts) with this many weekly commits. */
  historyDocuments: 1600,
  historyWeeks: 60,
  /** Peers: runs per size; a size not listed is not run. remark takes ~10 ms per document (it builds a new Ajv and compiles the schema for every file), so it runs once at 10k to keep the bench under 10 minutes. */
  peers: true,
  remarkRuns: { 1000: 5, 10000: 1 },
  markdownlintRuns: { 1000: 5 },
  /** Sizes up to which each in-process block starts with an untimed warm-up pass. */
  warmupUpTo: 10000,
  warmupDocuments: 5000,
  /**
   * Each size's floor, in-process and process blocks time at least this many documents, up to 3 ×
   * `runs` runs (1k: 15 runs, 10k and 50k: `runs`): a 1k run takes 60–110 ms, and 5 of them gave
   * medians from 72 to 93 µs per document in one day, which alone decided the per-document row.
   */
  timedDocuments: 15000,
  /** Sizes up to which the in-process runs also time a second check() (cross-file stages) and buildReport. */
  extraStagesUpTo: 10000,
  /** Build the bundles and the .vsix first (scripts/package.mjs builds too); `build` alone skips the .vsix. */
  package: true,
  build: true,
  extension: true,
  activationRuns: 10,
  samples: true,
  samplesRuns: 10,
  /** The real editor (bench/editor.mjs): off by default (minutes, code-server and Chromium); --editor. */
  editor: false,
  editorSize: 10000,
  editorRuns: 3,
  editorEdits: 3,
  log: (message) => process.stderr.write(`${message}\n`),
};

function machine() {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model ?? 'unknown',
    cores: cpus.length,
    memoryGB: Math.round(os.totalmem() / 1e9),
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    loadAverage: os.loadavg().map((l) => Number(l.toFixed(2))),
  };
}

function cliFeatures(repo) {
  const help = (...args) => runNode([path.join(repo, 'bin', 'keyplan.cjs'), ...args], { cwd: repo, captureStdout: true }).stdout;
  // The global help lists the commands (older builds: with their arguments); `check --help` its options.
  const global = help('--help');
  return { diff: /^\s+diff\s/m.test(global), changedSince: /--changed-since/.test(global + help('check', '--help')), history: /^\s+history\s/m.test(global) };
}

const row = (fields) => ({ status: 'ok', ...fields });
const fromSamples = (samples, fields) => {
  const s = stats(samples);
  return row({ median: s.median, min: s.min, max: s.max, n: s.n, samples: s.samples.map((x) => Number(x.toFixed(3))), ...fields });
};
const scopeDocuments = (note) => Number(/checking (\d+) documents?/.exec(note)?.[1] ?? NaN);
const lastLine = (text) => text.trimEnd().split('\n').pop() ?? '';

/** Which of the files Keyplan flags with per-file frontmatter errors the peer flags too, by Keyplan rule. */
function peerCoverageData(flagged, peerFiles) {
  const peer = new Set(peerFiles);
  const all = new Set(Object.values(flagged).flatMap((set) => [...set]));
  const byRule = Object.fromEntries(Object.entries(flagged).map(([rule, set]) => [rule, { keyplan: set.size, peer: [...set].filter((f) => peer.has(f)).length }]));
  return { keyplanFiles: all.size, peerAlso: [...all].filter((f) => peer.has(f)).length, peerOnly: [...peer].filter((f) => !all.has(f)).length, byRule };
}

function peerCoverage(flagged, peerFiles) {
  const c = peerCoverageData(flagged, peerFiles);
  const rules = Object.entries(c.byRule).map(([rule, n]) => `${rule} ${n.peer}/${n.keyplan}`).join(', ');
  return `flags ${c.peerAlso} of the ${c.keyplanFiles} files Keyplan flags with per-file frontmatter errors (${rules})${c.peerOnly ? `, ${c.peerOnly} files Keyplan does not` : ''}`;
}

/** Runs every measurement and returns { rows, results }; writes options.out when set. */
export async function runBench(overrides = {}) {
  const o = { ...DEFAULTS, ...overrides };
  const log = o.log;
  const started = now();
  const rows = [];
  const info = { machineAtStart: machine(), workloads: [], peers: undefined, notes: [] };
  const cli = path.join(o.repo, 'bin', 'keyplan.cjs');

  if (o.package) {
    log('building and packaging (scripts/package.mjs)…');
    execFileSync(process.execPath, [path.join(o.repo, 'scripts', 'package.mjs')], { cwd: o.repo, stdio: ['ignore', 'ignore', 'inherit'] });
  } else if (o.build) {
    log('building (scripts/build.mjs)…');
    execFileSync(process.execPath, [path.join(o.repo, 'scripts', 'build.mjs')], { cwd: o.repo, stdio: ['ignore', 'ignore', 'inherit'] });
  }
  const features = cliFeatures(o.repo);
  const core = await loadCore(o.repo, path.join(o.workDir, '.build'));
  const yaml = loadYaml(o.repo);
  let peerVersions;
  if (o.peers) {
    peerVersions = ensurePeers(o.toolsDir, log);
    info.peers = peerVersions;
  }

  const cliMedian = new Map(); // size → median ms of `keyplan check`
  const perDocument = new Map(); // size → µs per document, in-process full check
  const floorPerDocument = new Map(); // size → µs per document, floor
  const incremental = new Map(); // size → { stance, rename } medians

  for (const size of o.sizes) {
    const ws = await ensureWorkspace(o.repo, o.workDir, size, o.seed);
    info.workloads.push({ size, documents: ws.documents, broken: ws.broken, brokenKinds: ws.brokenKinds, dir: path.relative(o.repo, ws.dir) });
    const runs = Math.max(o.runs, Math.min(3 * o.runs, Math.ceil(o.timedDocuments / size)));
    log(`${size} documents: floor, in-process check and keyplan check, ${runs} runs each…`);
    const floor = [];
    const api = [];
    const proc = [];
    let floorCounts;
    let apiCounts;
    let apiFlagged;
    let cliSummary = '';
    // One block per measurement. In-process blocks start with untimed passes over at least
    // warmupDocuments documents (at sizes up to warmupUpTo; above that the first thousands of
    // documents warm the code up at no measurable cost), so they time steady-state code, as in a
    // long editor session. Measured on this machine at 1k: interleaving floor, core and CLI runs
    // made the floor ~1.6× slower than back-to-back runs, and a forced full GC (gc()) before each
    // run ~2.5× slower; so no interleaving and no forced GC.
    const warmups = size <= o.warmupUpTo ? Math.max(1, Math.ceil(o.warmupDocuments / size)) : 0;
    for (let w = 0; w < warmups; w++) floorPass(yaml, ws.dir);
    for (let r = 0; r < runs; r++) {
      const t = now();
      floorCounts = floorPass(yaml, ws.dir);
      floor.push(now() - t);
    }
    for (let w = 0; w < warmups; w++) await apiPass(core, ws.dir, o.asOf, { extraStages: size <= o.extraStagesUpTo });
    for (let r = 0; r < runs; r++) {
      const a = await apiPass(core, ws.dir, o.asOf, { extraStages: size <= o.extraStagesUpTo });
      apiCounts = a.counts;
      apiFlagged = a.flagged;
      api.push(a);
    }
    // The CLI as users run it: a new process each time, cold start included.
    for (let r = 0; r < runs; r++) {
      const c = runNode([cli, 'check', '.', '--as-of', o.asOf, '--no-color'], { cwd: ws.dir, captureStdout: true });
      if (c.status !== 0 && c.status !== 1) throw new Error(`keyplan check exited with ${c.status}: ${c.stderr.slice(0, 2000)}`);
      cliSummary = lastLine(c.stdout);
      proc.push(c);
    }
    const floorStats = stats(floor);
    const apiFull = stats(api.map((a) => a.full));
    const cliStats = stats(proc.map((c) => c.ms));
    cliMedian.set(size, cliStats.median);
    perDocument.set(size, (apiFull.median * 1000) / apiCounts.documents);
    floorPerDocument.set(size, (floorStats.median * 1000) / apiCounts.documents);
    const atTarget = size === o.targetSize;
    const vsFloor = (median) => ({ value: median / floorStats.median, of: 'floor' });
    rows.push(fromSamples(floor, { id: 'floor', group: 'floor', label: 'Floor: read + yaml.parse every frontmatter (in-process)', size, unit: 'ms', note: `${floorCounts.parsed} parsed, ${floorCounts.failed} YAML errors` }));
    rows.push(fromSamples(api.map((a) => a.full), {
      id: 'api-full', group: 'keyplan', label: 'Keyplan full check, core API in-process', size, unit: 'ms',
      ratio: vsFloor(apiFull.median),
      target: atTarget ? `≤ ${TARGETS.apiVsFloor} × floor` : undefined,
      met: atTarget ? apiFull.median / floorStats.median <= TARGETS.apiVsFloor : undefined,
      parts: { load: stats(api.map((a) => a.load)).median, check: stats(api.map((a) => a.check)).median },
      note: `${apiCounts.documents} documents, ${apiCounts.diagnostics} findings (${apiCounts.errors} errors); ${((apiFull.median * 1000) / apiCounts.documents).toFixed(0)} µs per document`,
    }));
    if (size <= o.extraStagesUpTo) {
      rows.push(fromSamples(api.map((a) => a.crossFile), { id: 'api-cross-file', group: 'keyplan', label: '  of which cross-file stages (re-check, nothing changed)', size, unit: 'ms' }));
      rows.push(fromSamples(api.map((a) => a.report), { id: 'api-report', group: 'keyplan', label: '  + buildReport (report: model, rules, cadence → JSON objects)', size, unit: 'ms' }));
    }
    rows.push(fromSamples(proc.map((c) => c.ms), {
      id: 'cli-check', group: 'keyplan', label: 'keyplan check, process (cold start included)', size, unit: 'ms',
      ratio: vsFloor(cliStats.median),
      target: atTarget ? `≤ ${TARGETS.fullCheckVsFloor} × floor` : undefined,
      met: atTarget ? cliStats.median / floorStats.median <= TARGETS.fullCheckVsFloor : undefined,
      note: cliSummary,
    }));
    const rss = proc.map((c) => c.maxRss).filter((x) => x !== undefined);
    const rssStats = stats(rss);
    rows.push(fromSamples(rss, {
      id: 'rss', group: 'memory', label: 'Peak RSS, keyplan check', size, unit: 'B',
      target: atTarget ? `≤ ${TARGETS.rssBytes10k / 1e6} MB` : undefined,
      met: atTarget ? rssStats.median <= TARGETS.rssBytes10k : undefined,
    }));

    if (o.peers) {
      const remarkRuns = o.remarkRuns[size] ?? 0;
      if (remarkRuns) {
        log(`${size} documents: remark + remark-lint-frontmatter-schema, ${remarkRuns} run(s)…`);
        const rc = remarkConfig(o.toolsDir, path.join(o.repo, 'schemas'), ws.dir);
        const runs = [];
        let findings;
        for (let r = 0; r < remarkRuns; r++) {
          const res = runRemark(o.toolsDir, rc, ws.dir);
          runs.push(res.ms);
          findings = res.findings;
        }
        const med = stats(runs).median;
        rows.push(fromSamples(runs, {
          id: 'peer-remark', group: 'peers', label: 'Peer: remark + remark-lint-frontmatter-schema (process)', size, unit: 'ms',
          ratio: { value: med / cliStats.median, of: 'keyplan check' },
          target: atTarget ? `≥ ${TARGETS.peerVsKeyplan} × keyplan check` : undefined,
          met: atTarget ? med / cliStats.median >= TARGETS.peerVsKeyplan : undefined,
          note: `${findings.messages} messages in ${findings.files.length} files${findings.schemaProblems ? `, ${findings.schemaProblems} schema load problems` : ''}; ${peerCoverage(apiFlagged, findings.files)}${remarkRuns < 5 ? `; ${remarkRuns} run only (time budget)` : ''}`,
          findings: { ...findings, coverage: peerCoverageData(apiFlagged, findings.files) },
        }));
      }
      const mdRuns = o.markdownlintRuns[size] ?? 0;
      if (mdRuns) {
        log(`${size} documents: markdownlint-cli2, ${mdRuns} runs…`);
        const runs = [];
        let findings;
        for (let r = 0; r < mdRuns; r++) {
          const res = runMarkdownlint(o.toolsDir, ws.dir);
          runs.push(res.ms);
          findings = res.findings;
        }
        rows.push(fromSamples(runs, {
          id: 'peer-markdownlint', group: 'peers', label: 'Reference: markdownlint-cli2, default rules (process)', size, unit: 'ms',
          ratio: { value: stats(runs).median / cliStats.median, of: 'keyplan check' },
          note: `${findings ?? '?'} findings`,
        }));
      }
    }

    if (o.incrementalSizes.includes(size)) {
      log(`${size} documents: ${o.edits} single edits (stance, id rename) through IncrementalChecker…`);
      const inc = await incrementalPass(core, ws.dir, o.asOf, o.edits);
      const entry = { stance: stats(inc.stance).median, rename: stats(inc.rename).median };
      incremental.set(size, entry);
      for (const kind of ['stance', 'rename']) {
        const first = incremental.get(o.incrementalSizes[0]);
        const isTarget = size === o.targetSize;
        const growth = isTarget && first && first !== entry ? entry[kind] / first[kind] : undefined;
        rows.push(fromSamples(inc[kind], {
          id: `incremental-${kind}`, group: 'incremental',
          label: kind === 'stance' ? 'Incremental: set() + check() after a stance edit' : 'Incremental: set() + check() after an id rename',
          size, unit: 'ms',
          ratio: growth === undefined ? undefined : { value: growth, of: `${o.incrementalSizes[0] / 1000}k value` },
          target: isTarget ? `≤ ${TARGETS.incrementalMs} ms, ≤ ${TARGETS.incrementalGrowth} × 1k` : undefined,
          met: isTarget ? entry[kind] <= TARGETS.incrementalMs && (growth === undefined || growth <= TARGETS.incrementalGrowth) : undefined,
          note: kind === 'rename' ? `dangling references reported after the rename: ${inc.affected.join(', ')}` : undefined,
        }));
      }
    }

    if (size === o.diffSize) {
      const full = cliStats.median;
      const fullLabel = `full check at ${size / 1000}k`;
      if (!features.diff && !features.changedSince) {
        rows.push(row({ id: 'diff', group: 'git', label: 'keyplan diff HEAD~1 HEAD', size, status: 'not available', target: `≤ ${TARGETS.diffVsFull} × full check` }));
        rows.push(row({ id: 'changed-since', group: 'git', label: 'keyplan check --changed-since HEAD~1', size, status: 'not available', target: `≤ ${TARGETS.changedSinceVsFull} × full check` }));
      } else {
        log(`${size} documents: git repository with two revisions (${o.diffShare * 100} % of documents changed)…`);
        const repo = ensureGitRevisions(o.workDir, ws, o.diffShare);
        const timeCommand = (args, dir = repo.dir) => {
          const runs = [];
          let last;
          for (let r = 0; r < o.runs; r++) {
            last = runNode([cli, ...args, '--as-of', o.asOf, '--no-color'], { cwd: dir, captureStdout: true });
            if (last.status !== 0 && last.status !== 1) return { error: `exit ${last.status}: ${(last.stderr || last.stdout).trim().split('\n').slice(-3).join(' ')}` };
            runs.push(last.ms);
          }
          return { runs, last };
        };
        if (features.diff) {
          const d = timeCommand(['diff', 'HEAD~1', 'HEAD']);
          if (d.error) rows.push(row({ id: 'diff', group: 'git', label: 'keyplan diff HEAD~1 HEAD', size, status: 'failed', note: d.error, target: `≤ ${TARGETS.diffVsFull} × full check` }));
          else {
            const med = stats(d.runs).median;
            rows.push(fromSamples(d.runs, {
              id: 'diff', group: 'git', label: 'keyplan diff HEAD~1 HEAD (process)', size, unit: 'ms',
              ratio: { value: med / full, of: fullLabel }, target: `≤ ${TARGETS.diffVsFull} × full check`, met: med / full <= TARGETS.diffVsFull,
              note: `${repo.changed} of ${repo.documents} documents changed; ${d.last.stdout.split('\n').find((l) => /accounts? changed/.test(l))?.trim() ?? ''}`,
            }));
          }
        } else rows.push(row({ id: 'diff', group: 'git', label: 'keyplan diff HEAD~1 HEAD', size, status: 'not available', target: `≤ ${TARGETS.diffVsFull} × full check` }));
        if (features.changedSince) {
          const c = timeCommand(['check', '--changed-since', 'HEAD~1']);
          if (c.error) rows.push(row({ id: 'changed-since', group: 'git', label: 'keyplan check --changed-since HEAD~1', size, status: 'failed', note: c.error, target: `≤ ${TARGETS.changedSinceVsFull} × full check` }));
          else {
            const med = stats(c.runs).median;
            rows.push(fromSamples(c.runs, {
              id: 'changed-since', group: 'git', label: 'keyplan check --changed-since HEAD~1 (process)', size, unit: 'ms',
              ratio: { value: med / full, of: fullLabel }, target: `≤ ${TARGETS.changedSinceVsFull} × full check`, met: med / full <= TARGETS.changedSinceVsFull,
              note: (c.last.stderr.trim().split('\n').find((l) => /changed since/.test(l)) ?? '')
                .replace(/^keyplan: /, '')
                .replace(/the rest of accounts? (.*)\.$/, (_, list) => `the rest of ${list.split(', ').length} accounts (${((100 * scopeDocuments(c.last.stderr)) / repo.documents).toFixed(0)} % of the documents)`),
            }));
          }
        } else rows.push(row({ id: 'changed-since', group: 'git', label: 'keyplan check --changed-since HEAD~1', size, status: 'not available', target: `≤ ${TARGETS.changedSinceVsFull} × full check` }));
        // Context: a pull request on one account (every document of it edited), the usual case.
        const one = ensureGitRevisions(o.workDir, ws, o.diffShare, { account: o.diffAccount });
        for (const [id, args, what] of [['diff-account', ['diff', 'HEAD~1', 'HEAD'], 'keyplan diff HEAD~1 HEAD'], ['changed-since-account', ['check', '--changed-since', 'HEAD~1'], 'keyplan check --changed-since HEAD~1']]) {
          const label = `${what}, every document of one account changed (process)`;
          if (!(id === 'diff-account' ? features.diff : features.changedSince)) {
            rows.push(row({ id, group: 'git', label, size, status: 'not available' }));
            continue;
          }
          const t = timeCommand(args, one.dir);
          if (t.error) rows.push(row({ id, group: 'git', label, size, status: 'failed', note: t.error }));
          else rows.push(fromSamples(t.runs, { id, group: 'git', label, size, unit: 'ms', ratio: { value: stats(t.runs).median / full, of: fullLabel }, note: `${one.changed} of ${one.documents} documents changed, all of ${o.diffAccount}` }));
        }
      }
    }
  }

  // keyplan history: a year of weekly commits (issue #19).
  {
    const label = `keyplan history account-0 over ${o.historyWeeks} weekly commits (process)`;
    const target = `≤ ${TARGETS.historyMs} ms`;
    if (!features.history) rows.push(row({ id: 'history', group: 'git', label, status: 'not available', target }));
    else {
      log(`history: ${o.historyDocuments} documents, ${o.historyWeeks} weekly commits…`);
      const hws = await ensureWorkspace(o.repo, o.workDir, o.historyDocuments, o.seed);
      const repo = ensureHistoryRepo(o.workDir, hws, o.historyWeeks);
      const runs = [];
      let last;
      for (let r = 0; r < o.runs; r++) {
        last = runNode([cli, 'history', 'account-0', '--format', 'json', '--as-of', o.asOf], { cwd: repo.dir, captureStdout: true });
        if (last.status !== 0) break;
        runs.push(last.ms);
      }
      if (last.status !== 0) rows.push(row({ id: 'history', group: 'git', label, status: 'failed', note: `exit ${last.status}: ${lastLine(last.stderr || last.stdout)}`, target }));
      else {
        const h = JSON.parse(last.stdout);
        const med = stats(runs).median;
        rows.push(fromSamples(runs, {
          id: 'history', group: 'git', label, size: repo.documents, unit: 'ms', target, met: med <= TARGETS.historyMs,
          note: `${repo.accounts} accounts, ${repo.edits} document edits; ${h.stats.revisions} revisions read, ${h.stats.checked} checked, ${h.changes.length} changes`,
        }));
      }
    }
  }

  // Time per document, in-process full check, across the sizes.
  if (perDocument.size > 1) {
    const values = [...perDocument.values()];
    const spread = Math.max(...values) / Math.min(...values);
    const sizes = [...perDocument.keys()];
    // Growth from one size to the next larger one: a quadratic stage shows here as a rising per-document time.
    const steps = sizes.slice(1).map((s, i) => perDocument.get(s) / perDocument.get(sizes[i]));
    const worstStep = Math.max(...steps);
    rows.push(row({
      id: 'per-document', group: 'scaling', label: 'Time per document, in-process full check (max / min over sizes)', size: `${sizes[0] / 1000}k–${sizes.at(-1) / 1000}k`,
      unit: 'x', median: spread, n: undefined,
      target: `within ${Math.round((TARGETS.perDocumentSpread - 1) * 100)} % (≤ ${TARGETS.perDocumentSpread}×)`, met: spread <= TARGETS.perDocumentSpread,
      note: `${sizes.map((s) => `${s / 1000}k: ${perDocument.get(s).toFixed(0)} µs`).join(', ')} per document (floor: ${sizes.map((s) => `${floorPerDocument.get(s).toFixed(0)}`).join(', ')} µs); largest step to a larger size: ${worstStep <= 1 ? `none, ${((1 - worstStep) * 100).toFixed(0)} % or more faster per document at each larger size` : `+${((worstStep - 1) * 100).toFixed(0)} %`}`,
      perDocumentMicros: Object.fromEntries(perDocument),
      floorPerDocumentMicros: Object.fromEntries(floorPerDocument),
      largestStep: worstStep,
    }));
  }

  // Pre-commit latency: a check of the 26-document samples against starting Node at all, interleaved.
  if (o.samples) {
    log(`samples/: keyplan check and node -e 0, ${o.samplesRuns} runs each…`);
    const samplesDir = path.join(o.repo, 'samples');
    const check = [];
    const bare = [];
    for (let r = 0; r < o.samplesRuns; r++) {
      bare.push(runNode(['-e', '0'], { cwd: samplesDir, captureStdout: true }).ms);
      const c = runNode([cli, 'check', '.', '--as-of', o.asOf, '--no-color'], { cwd: samplesDir, captureStdout: true });
      if (c.status !== 0 && c.status !== 1) throw new Error(`keyplan check samples exited with ${c.status}: ${c.stderr.slice(0, 2000)}`);
      check.push(c.ms);
    }
    const bareMedian = stats(bare).median;
    const checkMedian = stats(check).median;
    rows.push(fromSamples(bare, { id: 'node-e0', group: 'startup', label: 'node -e 0 (starting Node, nothing else)', unit: 'ms' }));
    rows.push(fromSamples(check, {
      id: 'samples-check', group: 'startup', label: 'keyplan check on samples/ (26 documents, process)', unit: 'ms',
      ratio: { value: checkMedian / bareMedian, of: 'node -e 0' },
      target: `≤ ${TARGETS.samplesVsNode} × node -e 0`, met: checkMedian / bareMedian <= TARGETS.samplesVsNode,
    }));
  }

  if (o.extension) {
    log('extension: bundle sizes, .vsix, activation…');
    const size = (file) => statSync(path.join(o.repo, file)).size;
    const gz = (file) => gzipSync(readFileSync(path.join(o.repo, file))).length;
    const ext = size('dist/extension.cjs');
    const web = size('media/dist/matrix.js');
    // The extension is two files: what activation loads, and the shared layers, loaded when indexing starts.
    const extCore = size('dist/extension-core.cjs');
    rows.push(row({ id: 'bundle-extension', group: 'extension', label: 'Extension bundle loaded at activation: dist/extension.cjs (minified)', unit: 'B', median: ext, target: `≤ ${TARGETS.extensionBundleBytes / 1e6} MB`, met: ext <= TARGETS.extensionBundleBytes, note: `${(gz('dist/extension.cjs') / 1e3).toFixed(0)} kB gzipped; + dist/extension-core.cjs (the core, loaded when indexing starts) ${(extCore / 1e3).toFixed(0)} kB, ${(gz('dist/extension-core.cjs') / 1e3).toFixed(0)} kB gzipped` }));
    rows.push(row({ id: 'bundle-webview', group: 'extension', label: 'Webview bundle media/dist/matrix.js (minified)', unit: 'B', median: web, target: `≤ ${TARGETS.webviewBundleBytes / 1e3} kB`, met: web <= TARGETS.webviewBundleBytes, note: `${(gz('media/dist/matrix.js') / 1e3).toFixed(1)} kB gzipped` }));
    const { version } = JSON.parse(readFileSync(path.join(o.repo, 'package.json'), 'utf8'));
    const vsixFile = `keyplan-${version}.vsix`;
    if (o.package) {
      const vsix = size(vsixFile);
      rows.push(row({ id: 'vsix', group: 'extension', label: `.vsix (npm run package → ${vsixFile})`, unit: 'B', median: vsix, target: `≤ ${TARGETS.vsixBytes / 1e6} MB`, met: vsix <= TARGETS.vsixBytes }));
    } else rows.push(row({ id: 'vsix', group: 'extension', label: '.vsix (npm run package)', status: 'skipped', target: `≤ ${TARGETS.vsixBytes / 1e6} MB` }));
    const harness = path.join(o.repo, 'bench', 'activate-harness.cjs');
    const folder = (await ensureWorkspace(o.repo, o.workDir, o.sizes[0], o.seed)).dir;
    const act = [];
    for (let r = 0; r < o.activationRuns; r++) {
      const res = runNode([harness, path.join(o.repo, 'dist', 'extension.cjs'), folder], { cwd: o.repo, captureStdout: true });
      if (res.status !== 0) throw new Error(`activation harness failed: ${res.stderr.slice(0, 2000)}`);
      act.push(JSON.parse(lastLine(res.stdout)));
    }
    const first = act.map((a) => a.firstWorkMs).filter((x) => x !== null);
    const unstubbed = [...new Set(act.flatMap((a) => a.unstubbed))];
    const firstStats = stats(first);
    const coreFirst = act.filter((a) => a.coreLoadedFirst).length;
    rows.push(fromSamples(act.map((a) => a.requireMs), { id: 'activation-require', group: 'extension', label: 'Activation: require(dist/extension.cjs) (Node, stub vscode)', unit: 'ms' }));
    rows.push(fromSamples(first, {
      id: 'activation', group: 'extension', label: 'Activation: require + activate() until indexing starts', unit: 'ms',
      target: `≤ ${TARGETS.activationMs} ms`, met: first.length === act.length && firstStats.median <= TARGETS.activationMs && !coreFirst,
      note: `${first.length === act.length ? '' : `indexing did not start in ${act.length - first.length} runs; `}${coreFirst ? `the core was loaded before indexing started in ${coreFirst} runs; ` : ''}${unstubbed.length ? `unstubbed: ${unstubbed.join(', ')}` : 'every vscode member touched was stubbed'}`,
    }));
  }

  // The real editor (issue #15): code-server + Chromium on a generated workspace, fresh editors.
  {
    const viewTarget = `≤ ${TARGETS.editorViewMs / 1000} s, progress shown while indexing`;
    const rowsOf = { workbench: 'Real editor: workbench start (VS Code\'s code/didStartWorkbench, for reference)', view: 'Real editor: Keyplan view opened → portfolio tree filled (the accounts of their plans, "Checking…" above)', complete: 'Real editor: Keyplan view opened → portfolio tree checked (health and overdue counts of every account)', diagnostic: 'Real editor: keystroke in a person file → finding in the Problems panel' };
    if (!o.editor) {
      for (const [key, label] of Object.entries(rowsOf)) rows.push(row({ id: `editor-${key}`, group: 'editor', label, size: o.editorSize, status: 'skipped', target: key === 'view' ? viewTarget : undefined, note: 'node bench/run.mjs --editor' }));
    } else {
      log(`real editor: ${o.editorSize} documents in code-server + Chromium, ${o.editorRuns} fresh editors…`);
      const { editorBench } = await import('./editor.mjs'); // playwright-core: only when asked for
      const e = await editorBench({ repo: o.repo, workDir: o.workDir, size: o.editorSize, seed: o.seed, runs: o.editorRuns, edits: o.editorEdits, build: false, log });
      const viewStats = stats(e.view);
      // The extension host's own account (its Keyplan log): when indexing ran, and its parts.
      // Per run, after navigation: the click, VS Code starting the extension host and activating
      // Keyplan (its own log), then indexing from start to end and its parts (Keyplan's log).
      const indexingNote = (list) => {
        const sec = (ms) => (ms === undefined ? '?' : (ms / 1000).toFixed(1));
        const runs = list.map((x, i) => x && x.startedAt !== undefined && `view clicked ${sec(e.viewFromNavigation[i] - e.view[i])}, extension host started ${sec(x.hostStartedAt)}, Keyplan activated ${sec(x.activatedAt)}, indexed ${sec(x.startedAt)}–${sec(x.at)} s (${x.text.replace(/^Indexed /, '')})`).filter(Boolean);
        return runs.length ? `after navigation: ${runs.join(' | ')}; ` : '';
      };
      const progressed = e.progress.filter((p) => p.length).length;
      rows.push(fromSamples(e.workbench, { id: 'editor-workbench', group: 'editor', label: rowsOf.workbench, size: o.editorSize, unit: 'ms', note: 'from navigating to the workbench URL (fresh profile and code-server)' }));
      rows.push(fromSamples(e.view, {
        id: 'editor-view', group: 'editor', label: rowsOf.view, size: o.editorSize, unit: 'ms',
        ratio: { value: viewStats.median / stats(e.workbench).median, of: 'workbench start' },
        target: viewTarget, met: viewStats.median <= TARGETS.editorViewMs && progressed === e.progress.length,
        note: `clicked as soon as the Keyplan icon showed; from navigation to the filled tree: median ${(stats(e.viewFromNavigation).median / 1000).toFixed(1)} s; ${indexingNote(e.indexed)}progress shown in ${progressed} of ${e.progress.length} runs (${[...new Set(e.progress.map((p) => p.join(' and ') || 'none'))].join('; ')})`,
      }));
      rows.push(fromSamples(e.complete, { id: 'editor-complete', group: 'editor', label: rowsOf.complete, size: o.editorSize, unit: 'ms', ratio: { value: stats(e.complete).median / stats(e.workbench).median, of: 'workbench start' }, note: 'the first check done and its accounts drawn: a tier group row and no indexing row left' }));
      rows.push(fromSamples(e.diagnostic, {
        id: 'editor-diagnostic', group: 'editor', label: rowsOf.diagnostic, size: o.editorSize, unit: 'ms',
        note: `${e.person}, stance → typo, ${o.editorEdits} edits per editor; to the error squiggle in the editor: median ${stats(e.squiggle).median.toFixed(0)} ms; the fix (Backspace) → row gone: median ${stats(e.diagnosticCleared).median.toFixed(0)} ms`,
      }));
    }
  }

  const elapsed = now() - started;
  const results = {
    version: 1,
    date: new Date().toISOString(),
    machine: { ...info.machineAtStart, loadAverageAtEnd: os.loadavg().map((l) => Number(l.toFixed(2))) },
    options: { seed: o.seed, asOf: o.asOf, sizes: o.sizes, runs: o.runs, timedDocuments: o.timedDocuments, edits: o.edits, editor: o.editor ? { size: o.editorSize, runs: o.editorRuns, edits: o.editorEdits } : false, remarkRuns: o.peers ? o.remarkRuns : {}, markdownlintRuns: o.peers ? o.markdownlintRuns : {}, diffShare: o.diffShare, activationRuns: o.activationRuns },
    commit: gitHead(o.repo),
    elapsedSeconds: Number((elapsed / 1000).toFixed(1)),
    workloads: info.workloads,
    peers: peerVersions ?? null,
    cliFeatures: features,
    targets: rows.filter((r) => r.met !== undefined).map((r) => ({ id: r.id, size: r.size, target: r.target, met: r.met })),
    rows: rows.map(({ findings, ...r }) => (findings ? { ...r, findings: { files: findings.files.length, messages: findings.messages, schemaProblems: findings.schemaProblems, coverage: findings.coverage } } : r)),
  };
  if (o.out) writeFileSync(o.out, `${JSON.stringify(results, null, 2)}\n`);
  return { rows, results };
}

function gitHead(repo) {
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: repo, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: repo, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim() !== '';
    return `${head}${dirty ? ' (with uncommitted changes)' : ''}`;
  } catch {
    return 'unknown';
  }
}

async function cli() {
  const { values } = parseArgs({
    options: {
      sizes: { type: 'string' },
      runs: { type: 'string' },
      seed: { type: 'string' },
      out: { type: 'string' },
      'no-peers': { type: 'boolean', default: false },
      'no-package': { type: 'boolean', default: false },
      full: { type: 'boolean', default: false },
      editor: { type: 'boolean', default: false },
      'editor-runs': { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    process.stdout.write('Usage: node bench/run.mjs [--sizes 1000,10000,50000] [--runs 5] [--seed 1] [--no-peers] [--no-package] [--full] [--editor [--editor-runs 3]] [--out file]\n');
    return;
  }
  const overrides = {};
  if (values.sizes) overrides.sizes = values.sizes.split(',').map(Number);
  if (values.runs) overrides.runs = Number(values.runs);
  if (values.seed) overrides.seed = Number(values.seed);
  if (values.out) overrides.out = path.resolve(values.out);
  if (values['no-peers']) overrides.peers = false;
  if (values['no-package']) overrides.package = false;
  if (values.editor) overrides.editor = true;
  if (values['editor-runs']) overrides.editorRuns = Number(values['editor-runs']);
  // Beyond the 10-minute budget: the peers 5 times at 10k too (remark alone then takes ~10 minutes).
  if (values.full) Object.assign(overrides, { remarkRuns: { 1000: 5, 10000: 5 }, markdownlintRuns: { 1000: 5, 10000: 5 }, extraStagesUpTo: Infinity });
  const { rows, results } = await runBench(overrides);
  const m = results.machine;
  process.stdout.write(`\nKeyplan benchmark · ${results.date} · ${m.cpu} × ${m.cores} · ${m.node} · load ${m.loadAverage.join(' ')} → ${m.loadAverageAtEnd.join(' ')} · ${results.elapsedSeconds} s\n\n`);
  process.stdout.write(`${tableLines(rows).join('\n')}\n\n`);
  for (const r of rows.filter((x) => x.note)) process.stdout.write(`  ${r.id}${r.size ? ` @${r.size}` : ''}: ${r.note}\n`);
  const targets = results.targets;
  process.stdout.write(`\nTargets met: ${targets.filter((t) => t.met).length} of ${targets.length}. Results: ${path.relative(process.cwd(), overrides.out ?? DEFAULTS.out)}\n`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  cli().catch((err) => {
    process.stderr.write(`bench: ${err && err.stack ? err.stack : err}\n`);
    process.exitCode = 1;
  });
}
