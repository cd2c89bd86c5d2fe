// A smoke run of the benchmark code (bench/run.mjs) on a tiny generated workspace: one repetition,
// no peers, no packaging. It checks that every measurement produces its row; it asserts no timings.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runBench } from '../../bench/run.mjs';
import { buildCli } from './helpers/git-repo.js';

describe('benchmark suite (smoke run, no timing assertions)', function () {
  this.timeout(180_000);
  let workDir: string;
  before(() => {
    buildCli(); // the bench measures the built bundles
    workDir = mkdtempSync(path.join(os.tmpdir(), 'keyplan-bench-smoke-'));
  });
  after(() => rmSync(workDir, { recursive: true, force: true }));

  it('produces every row on a 50-document workspace', async () => {
    const { rows, results } = await runBench({
      workDir,
      out: undefined,
      sizes: [50],
      runs: 1,
      timedDocuments: 0,
      targetSize: 50,
      incrementalSizes: [50],
      edits: 1,
      diffSize: 50,
      historyDocuments: 60,
      historyWeeks: 3,
      peers: false,
      package: false,
      build: false,
      activationRuns: 1,
      samplesRuns: 1,
      log: () => {},
    });
    const ids = rows.map((r) => r.id);
    for (const id of ['floor', 'api-full', 'api-cross-file', 'api-report', 'cli-check', 'rss', 'incremental-stance', 'incremental-rename', 'diff', 'changed-since', 'diff-account', 'changed-since-account', 'history', 'node-e0', 'samples-check', 'bundle-extension', 'bundle-webview', 'vsix', 'activation-require', 'activation']) {
      assert.ok(ids.includes(id), `row ${id} is missing (rows: ${ids.join(', ')})`);
    }
    for (const r of rows.filter((x) => x.status === 'ok' && x.unit)) {
      assert.ok(Number.isFinite(r.median) && r.median! > 0, `row ${r.id} has no measurement`);
    }
    const measured = (id: string) => rows.find((r) => r.id === id)!;
    assert.equal(measured('vsix').status, 'skipped');
    // The real editor (code-server + Chromium) only runs with --editor.
    for (const id of ['editor-workbench', 'editor-view', 'editor-complete', 'editor-diagnostic']) assert.equal(measured(id).status, 'skipped', id);
    // diff and --changed-since are measured when the CLI has them, else reported as not available.
    for (const id of ['diff', 'changed-since', 'diff-account', 'changed-since-account']) assert.ok(['ok', 'not available'].includes(measured(id).status), `${id}: ${measured(id).status} ${measured(id).note ?? ''}`);
    assert.match(measured('cli-check').note ?? '', /documents checked/);
    // Activation reaches indexing before the extension's second file (the core) is loaded.
    assert.doesNotMatch(measured('activation').note ?? '', /core was loaded/);
    assert.match(measured('bundle-extension').note ?? '', /extension-core\.cjs/);
    assert.ok(measured('incremental-rename').note?.includes('dangling references'));
    assert.equal(results.workloads[0].documents, 50);
    assert.ok(Array.isArray(results.rows) && results.rows.length === rows.length);
  });
});
