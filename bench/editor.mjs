#!/usr/bin/env node
// The real editor, measured (issue #15): a generated workspace (10k documents by default) opened
// in code-server (VS Code 1.100.3, .vscode-test/) with the extension under development, driven by
// headless Chromium (Debian's chromium through playwright-core), as the e2e screenshots and the
// integration tests do. Each run starts a fresh code-server and browser profile and measures:
//   - workbench: from navigating to the workbench URL until the workbench reports it started
//     (VS Code's own `code/didStartWorkbench` performance mark), for reference;
//   - view: from the click on the Keyplan activity-bar icon (clicked as soon as it appears) to
//     the first filled portfolio tree (a tier group row drawn: the accounts of the plans, listed
//     while the first check runs), and whether the view showed its progress bar or the
//     "Reading … files" row before;
//   - complete: from the same click to the checked tree (a tier group row and no indexing row
//     left: every account with its health and overdue counts);
//   - diagnostic: from a keystroke in a person file (its stance becomes a typo) to that finding's
//     row in the Problems panel (filtered to the file); then Backspace, until the row is gone.
// Times are taken inside the page (performance.now() of the key or mouse event, a
// MutationObserver for the rows), not by polling from here. Not a test, and not part of
// `npm test`: bench/run.mjs runs it with --editor.
//
//   node bench/editor.mjs [--size 10000] [--runs 3] [--edits 3] [--seed 1] [--no-build] [--verbose] [--keep]
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM_PATH } from '../scripts/integration/open-workbench.mjs';
import { startCodeServer } from '../scripts/integration/run-code-server.mjs';
import { TEST_SETTINGS } from '../scripts/integration/user-settings.mjs';
import { stats } from './measure.mjs';
import { ensureWorkspace } from './workloads.mjs';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const STANCES = ['champion', 'supporter', 'neutral', 'skeptic', 'opponent', 'unknown'];
/**
 * The portfolio's first rows once indexed (English UI: code-server runs with --locale en): the
 * tier groups, or the group of documents that could not be read, which comes first and can push
 * the tier groups out of the rendered part of the list.
 */
const GROUP_ROW = /^(A · strategic|B · key|C · normal|[\d,]+ documents? could not be read)/;
const INDEXING_ROW = /^(Looking for Keyplan files…|Reading [\d,]+ of [\d,]+ files…|Checking [\d,]+ files…)/;
const STANCE_FINDING = /is not an allowed value for .stance/;

/** A person file whose stance line is valid: its path, the 1-based line and the line's length. */
function personToEdit(dir) {
  const people = path.join(dir, 'accounts', 'account-0', 'people');
  for (const name of fs.readdirSync(people).sort()) {
    const text = fs.readFileSync(path.join(people, name), 'utf8');
    const lines = text.split('\n');
    const line = lines.findIndex((l) => /^stance: (\w+)$/.test(l) && STANCES.includes(l.slice(8)));
    if (line >= 0) return { relative: `accounts/account-0/people/${name}`, name, line: line + 1, column: lines[line].length + 1 };
  }
  throw new Error(`no person with a valid stance in ${people}`);
}

/**
 * Installed in the page before the workbench loads: records (performance.now()) the first mouse
 * down on the Keyplan icon, the first indexing row or progress bar in the Keyplan views, the
 * first tier group row, every key down, and when the Problems panel first shows / stops showing
 * the stance finding after each key.
 */
function pageProbe({ group, indexing, finding }) {
  const GROUP = new RegExp(group);
  const INDEXING = new RegExp(indexing);
  const FINDING = new RegExp(finding);
  const probe = (window.__keyplanProbe = { keys: [], findingShown: [], findingGone: [], squiggles: [], phases: [], rows: [] });
  let findingVisible = false;
  let squiggles = 0;
  let phase = '';
  document.addEventListener('mousedown', (e) => {
    if (probe.viewClick === undefined && e.target instanceof Element && e.target.closest('[aria-label^="Keyplan"]')) probe.viewClick = performance.now();
  }, true);
  document.addEventListener('keydown', (e) => probe.keys.push({ key: e.key, at: performance.now() }), true);
  const look = () => {
    const container = document.getElementById('workbench.view.extension.keyplan');
    if (container) {
      if (probe.progressBar === undefined && container.querySelector('.monaco-progress-container.active')) probe.progressBar = performance.now();
      for (const row of container.querySelectorAll('.monaco-list-row')) {
        const text = row.textContent ?? '';
        if (INDEXING.test(text)) {
          probe.indexingRow ??= performance.now();
          if (text !== phase) probe.phases.push({ text, at: performance.now() });
          phase = text;
        }
        if (probe.filled === undefined && GROUP.test(text)) probe.filled = performance.now();
      }
      const rows = [...container.querySelectorAll('.monaco-list-row')].map((r) => r.textContent ?? '');
      // Every distinct row text, the first 40 (for --verbose: what the views showed, in order).
      for (const t of rows) if (probe.rows.length < 40 && !probe.rows.some((r) => r.text === t)) probe.rows.push({ text: t.slice(0, 80), at: performance.now() });
      if (probe.filled !== undefined && probe.complete === undefined && !rows.some((t) => INDEXING.test(t)) && rows.some((t) => GROUP.test(t))) probe.complete = performance.now();
    }
    // Error squiggles in the editor: when the extension's finding reaches the editor itself.
    const errors = document.querySelectorAll('.editor-instance .monaco-editor .squiggly-error').length;
    if (errors !== squiggles) {
      probe.squiggles.push({ count: errors, at: performance.now() });
      squiggles = errors;
    }
    const markers = document.querySelector('.markers-panel');
    if (markers) {
      const shown = [...markers.querySelectorAll('.monaco-list-row')].some((r) => FINDING.test(r.textContent ?? ''));
      if (shown !== findingVisible) {
        probe.findingVisible = findingVisible = shown;
        (shown ? probe.findingShown : probe.findingGone).push(performance.now());
      }
    }
  };
  new MutationObserver(look).observe(document, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['class'] });
}

/** The "Indexed … files" line of the Keyplan log under `stateDir`, with its time in ms after `since` (a Date.now()), and when indexing started. */
function indexingLog(stateDir, since) {
  const files = [];
  const hosts = [];
  const walk = (dir) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      if (e.isDirectory()) walk(path.join(dir, e.name));
      else if (e.name.endsWith('Keyplan.log')) files.push(path.join(dir, e.name));
      else if (/^(remote)?exthost\.log$/.test(e.name)) hosts.push(path.join(dir, e.name));
    }
  };
  walk(stateDir);
  const entry = (line) => {
    const m = line && /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2}\.\d{3}) \[info\] (.*)$/.exec(line);
    return m ? { at: new Date(`${m[1]}T${m[2]}`).getTime() - since, text: m[3] } : undefined;
  };
  // VS Code's own log of the extension host: when it started, and when it activated Keyplan.
  const host = hosts.map((f) => fs.readFileSync(f, 'utf8').split('\n')).flat();
  const hostStartedAt = entry(host.find((l) => /\[info\] Extension host with pid \d+ started/.test(l)))?.at;
  const activatedAt = entry(host.find((l) => l.includes('_doActivateExtension keyplan.keyplan')))?.at;
  for (const file of files) {
    // "Indexed N files in T ms: …", written when indexing ends; it started T ms before (a line the
    // channel writes before its log file is open carries the time it was written out, not logged).
    const done = entry(fs.readFileSync(file, 'utf8').split('\n').find((l) => l.includes('[info] Indexed ')));
    const took = done && /files in (\d+) ms/.exec(done.text);
    if (done) return { ...done, startedAt: took ? done.at - Number(took[1]) : undefined, hostStartedAt, activatedAt };
  }
  return undefined;
}

/** One fresh editor: start, open the view, edit; returns the times in ms. */
async function oneRun({ workspace, person, edits, log, verbose, keep }) {
  const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'keyplan-bench-editor-'));
  let navigatedAt;
  const settings = path.join(stateDir, 'user-data', 'User', 'settings.json');
  fs.mkdirSync(path.dirname(settings), { recursive: true });
  fs.writeFileSync(settings, JSON.stringify({ ...TEST_SETTINGS, 'workbench.tips.enabled': false, 'problems.autoReveal': false }, null, 2));
  let server;
  let browser;
  try {
    server = await startCodeServer({ workspace, stateDir });
    const profileDir = path.join(stateDir, 'chromium-profile');
    browser = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      env: { ...process.env, XDG_CONFIG_HOME: path.join(profileDir, 'xdg-config'), XDG_CACHE_HOME: path.join(profileDir, 'xdg-cache') },
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
      handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false,
    });
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    if (verbose) page.on('console', (m) => console.error(`  [workbench] ${m.text()}`));
    await page.addInitScript(pageProbe, { group: GROUP_ROW.source, indexing: INDEXING_ROW.source, finding: STANCE_FINDING.source });
    const remote = `vscode-remote://${new URL(server.origin).host}${REPO}`;
    const payload = [['extensionDevelopmentPath', remote], ['skipWelcome', 'true'], ['skipReleaseNotes', 'true']];
    navigatedAt = Date.now();
    await page.goto(`${server.origin}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`, { timeout: 120_000 });

    // (a) The Keyplan view, clicked as soon as its icon is there.
    const icon = page.locator('.activitybar [aria-label^="Keyplan"]').first();
    await icon.waitFor({ timeout: 120_000 });
    await icon.click();
    await page.waitForFunction(() => window.__keyplanProbe.complete !== undefined, null, { timeout: 300_000, polling: 250 });
    const probe = await page.evaluate(() => ({ ...window.__keyplanProbe }));
    const workbench = await page.evaluate(() => performance.getEntriesByName('code/didStartWorkbench')[0]?.startTime ?? null);
    const view = probe.filled - probe.viewClick;
    const complete = probe.complete - probe.viewClick;
    const progress = [probe.progressBar !== undefined && probe.progressBar <= probe.filled ? 'progress bar' : '', probe.indexingRow !== undefined ? '"Reading … files" row' : ''].filter(Boolean);
    // The rows the tree showed while indexing: the first of each kind and the last "Reading" row.
    const shown = probe.phases.filter((p, i, all) => i === 0 || p.text.split(' ')[0] !== all[i - 1].text.split(' ')[0] || (i + 1 < all.length && all[i + 1].text.split(' ')[0] !== p.text.split(' ')[0]));
    if (verbose) log(`  rows seen: ${probe.rows.map((r) => `${(r.at / 1000).toFixed(2)} s ${r.text}`).join(' | ')}`);
    if (verbose) log(`  indexing rows: ${shown.map((p) => `${(p.at / 1000).toFixed(2)} s ${p.text}`).join(' | ')} | ${(probe.filled / 1000).toFixed(2)} s filled`);
    log(`  workbench started ${workbench === null ? '?' : `${(workbench / 1000).toFixed(2)} s`} after navigation; view clicked at ${(probe.viewClick / 1000).toFixed(2)} s, tree filled ${(view / 1000).toFixed(2)} s later${progress.length ? ` (${progress.join(' and ')} shown before)` : ' (no progress seen)'}, checked ${(complete / 1000).toFixed(2)} s later`);

    // (b) A keystroke in a person file until its finding is in the Problems panel.
    await page.locator('.monaco-workbench').click({ position: { x: 700, y: 450 } }).catch(() => {});
    await page.keyboard.press('Control+P');
    await page.keyboard.type(person.relative);
    await page.locator('.quick-input-list .monaco-list-row').filter({ hasText: person.name }).first().waitFor({ timeout: 60_000 });
    await page.keyboard.press('Enter');
    await page.locator('.tabs-container .tab.active').filter({ hasText: person.name }).waitFor({ timeout: 60_000 });
    await page.keyboard.press('Control+Shift+M');
    const filter = page.locator('.markers-panel-container .viewpane-filter input, .panel .viewpane-filter input').first();
    await filter.waitFor({ timeout: 30_000 });
    await filter.fill(person.name);
    // The unfiltered panel can show another file's stance finding: start once the filter hides it
    // (the person's own stance is valid), or the first keystroke would change nothing the probe sees.
    await page.waitForFunction(() => !window.__keyplanProbe.findingVisible, null, { timeout: 30_000, polling: 100 });
    // Back to the editor, at the end of the stance line.
    await page.locator('.editor-instance .monaco-editor .view-lines').first().click();
    await page.keyboard.press('Control+G');
    await page.keyboard.type(`${person.line}:${person.column}`);
    await page.keyboard.press('Enter');
    const shows = [];
    const clears = [];
    const squiggles = [];
    for (let e = 0; e < edits; e++) {
      const before = await page.evaluate(() => ({ keys: window.__keyplanProbe.keys.length, shown: window.__keyplanProbe.findingShown.length, gone: window.__keyplanProbe.findingGone.length }));
      await page.keyboard.press('x');
      await page.waitForFunction((n) => window.__keyplanProbe.findingShown.length > n, before.shown, { timeout: 60_000, polling: 100 });
      await page.keyboard.press('Backspace');
      await page.waitForFunction((n) => window.__keyplanProbe.findingGone.length > n, before.gone, { timeout: 60_000, polling: 100 });
      const p = await page.evaluate(() => window.__keyplanProbe);
      const [typed, erased] = p.keys.slice(before.keys).filter((k) => k.key === 'x' || k.key === 'Backspace');
      shows.push(p.findingShown[before.shown] - typed.at);
      clears.push(p.findingGone[before.gone] - erased.at);
      const squiggle = p.squiggles.find((q) => q.at > typed.at);
      if (squiggle) squiggles.push(squiggle.at - typed.at);
    }
    const ms = (list) => list.map((s) => `${s.toFixed(0)} ms`).join(', ');
    log(`  keystroke → Problems: ${ms(shows)} (→ squiggle in the editor: ${ms(squiggles)}); fixed → row gone: ${ms(clears)}`);
    // The extension host's own account of the indexing (the Keyplan output channel's log file),
    // read now: its last line is written once every finding has been sent, after the tree filled.
    const indexed = indexingLog(stateDir, navigatedAt);
    const at = (ms) => (ms === undefined ? '?' : `${(ms / 1000).toFixed(2)} s`);
    if (indexed) log(`  extension host: started ${at(indexed.hostStartedAt)}, Keyplan activated ${at(indexed.activatedAt)}, indexing started ${at(indexed.startedAt)}, done ${at(indexed.at)} after navigation: ${indexed.text}`);
    return { workbench, view, complete, viewFromNavigation: probe.filled, progress, shows, clears, squiggles, indexed };
  } catch (error) {
    // What the window showed when a step gave up, next to the editor's logs (kept for a look).
    const shot = path.join(stateDir, 'failure.png');
    if (await browser?.contexts()[0]?.pages()[0]?.screenshot({ path: shot }).then(() => true, () => false)) {
      keep = true;
      log(`  failed: ${error.message.split('\n')[0]}; the window then: ${shot}`);
    }
    throw error;
  } finally {
    await browser?.close().catch(() => {});
    await server?.stop();
    // --keep: the editor's logs stay for a look (the extension host's activation times, Keyplan's log).
    if (keep) log(`  kept ${stateDir} (navigation at ${navigatedAt ? new Date(navigatedAt).toISOString() : '?'}): user-data/logs/*/exthost1/`);
    else fs.rmSync(stateDir, { recursive: true, force: true });
  }
}

/**
 * Runs the editor measurements; returns { workbench, view, complete, viewFromNavigation, diagnostic,
 * diagnosticCleared } (arrays of ms), the progress each run showed, and the workload.
 */
export async function editorBench({ repo = REPO, workDir = path.join(REPO, 'bench', 'work'), size = 10000, seed = 1, runs = 3, edits = 3, build = true, verbose = false, keep = false, log = (m) => process.stderr.write(`${m}\n`) } = {}) {
  if (!fs.existsSync(CHROMIUM_PATH)) throw new Error(`Chromium not found at ${CHROMIUM_PATH} (set CHROMIUM_PATH)`);
  if (build) execFileSync(process.execPath, [path.join(repo, 'scripts', 'build.mjs')], { cwd: repo, stdio: ['ignore', 'ignore', 'inherit'] });
  const ws = await ensureWorkspace(repo, workDir, size, seed);
  const person = personToEdit(ws.dir);
  const out = { size, documents: ws.documents, person: person.relative, workbench: [], view: [], complete: [], viewFromNavigation: [], diagnostic: [], diagnosticCleared: [], squiggle: [], progress: [], indexed: [] };
  for (let r = 0; r < runs; r++) {
    log(`editor run ${r + 1} of ${runs}: ${ws.documents} documents in code-server…`);
    const res = await oneRun({ workspace: ws.dir, person, edits, log, verbose, keep });
    if (res.workbench !== null) out.workbench.push(res.workbench);
    out.view.push(res.view);
    out.complete.push(res.complete);
    out.viewFromNavigation.push(res.viewFromNavigation);
    out.diagnostic.push(...res.shows);
    out.diagnosticCleared.push(...res.clears);
    out.squiggle.push(...res.squiggles);
    out.progress.push(res.progress);
    out.indexed.push(res.indexed);
  }
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: {
      size: { type: 'string', default: '10000' },
      runs: { type: 'string', default: '3' },
      edits: { type: 'string', default: '3' },
      seed: { type: 'string', default: '1' },
      'no-build': { type: 'boolean', default: false },
      verbose: { type: 'boolean', default: false },
      keep: { type: 'boolean', default: false },
    },
  });
  const res = await editorBench({ size: Number(values.size), runs: Number(values.runs), edits: Number(values.edits), seed: Number(values.seed), build: !values['no-build'], verbose: values.verbose, keep: values.keep });
  const line = (name, samples) => {
    const s = stats(samples);
    return `${name.padEnd(44)} median ${(s.median / 1000).toFixed(2)} s  min ${(s.min / 1000).toFixed(2)} s  max ${(s.max / 1000).toFixed(2)} s  (n ${s.n})`;
  };
  console.log(`\n${res.documents} documents; edited ${res.person}`);
  console.log(line('workbench started (code/didStartWorkbench)', res.workbench));
  console.log(line('view opened → portfolio tree filled', res.view));
  console.log(line('view opened → portfolio tree checked', res.complete));
  console.log(line('navigation → portfolio tree filled', res.viewFromNavigation));
  console.log(line('keystroke → finding in the Problems panel', res.diagnostic));
  console.log(line('fix → finding gone from the Problems panel', res.diagnosticCleared));
  console.log(line('keystroke → error squiggle in the editor', res.squiggle));
  console.log(`progress shown while indexing: ${res.progress.map((p) => p.join(' and ') || 'none').join('; ')}`);
}
