/**
 * Entry point the VS Code extension host loads for the integration tests (bundled to
 * out/integration/index.cjs by scripts/integration/bundle-tests.mjs). VS Code calls `run()`.
 *
 * The results go to files next to this bundle, because the harness has no way to hand a path to
 * an extension host that code-server starts: progress.jsonl gets one line per event while the
 * tests run (the harness prints them live), results.json is written once, atomically, at the end.
 */
import fs from 'node:fs';
import path from 'node:path';
import { inspect } from 'node:util';
import Mocha from 'mocha';
import * as vscode from 'vscode';

export interface TestError {
  message: string;
  stack?: string;
  actual?: string;
  expected?: string;
}

export interface TestRecord {
  title: string;
  fullTitle: string;
  /** The bundled file (out/integration/x.test.cjs); the harness maps it back to the source. */
  file?: string;
  state: 'passed' | 'failed' | 'pending';
  durationMs?: number;
  error?: TestError;
}

export interface RunResults {
  vscodeVersion: string;
  uiKind: 'web' | 'desktop';
  startedAt: string;
  finishedAt: string;
  stats: { tests: number; passes: number; failures: number; pending: number };
  tests: TestRecord[];
  /** Set when the run could not even start (a test file failed to load, mocha threw). */
  fatal?: TestError;
}

const outDir = __dirname;
export const RESULTS_FILE = path.join(outDir, 'results.json');
export const PROGRESS_FILE = path.join(outDir, 'progress.jsonl');

function toError(error: unknown): TestError {
  if (!(error instanceof Error)) return { message: inspect(error) };
  const out: TestError = { message: error.message, stack: error.stack };
  const { actual, expected, showDiff } = error as Error & { actual?: unknown; expected?: unknown; showDiff?: boolean };
  // Node's assert already puts a diff into the message; mocha's Base reporter turns both into strings.
  if (showDiff !== false && (actual !== undefined || expected !== undefined) && !error.message.includes('+ actual - expected')) {
    const show = (value: unknown) => (typeof value === 'string' ? value : inspect(value, { depth: 6 }));
    out.actual = show(actual);
    out.expected = show(expected);
  }
  return out;
}

function progress(event: Record<string, unknown>): void {
  fs.appendFileSync(PROGRESS_FILE, `${JSON.stringify(event)}\n`);
}

function writeResults(results: RunResults): void {
  const partial = `${RESULTS_FILE}.partial`;
  fs.writeFileSync(partial, `${JSON.stringify(results, null, 2)}\n`);
  fs.renameSync(partial, RESULTS_FILE);
}

/** A mocha reporter that only records; run() writes the file. */
function recordingReporter(records: TestRecord[]) {
  return class Recorder extends Mocha.reporters.Base {
    constructor(runner: Mocha.Runner, options?: Mocha.MochaOptions) {
      super(runner, options);
      const { EVENT_TEST_BEGIN, EVENT_TEST_PASS, EVENT_TEST_FAIL, EVENT_TEST_PENDING } = Mocha.Runner.constants;
      const base = (test: Mocha.Runnable) => ({ title: test.title, fullTitle: test.fullTitle(), file: test.file });
      runner.on(EVENT_TEST_BEGIN, (test) => progress({ event: 'begin', ...base(test) }));
      runner.on(EVENT_TEST_PASS, (test) => {
        const record: TestRecord = { ...base(test), state: 'passed', durationMs: test.duration };
        records.push(record);
        progress({ event: 'end', ...record });
      });
      // Also called for failing hooks ("before all" hook …), which never reach EVENT_TEST_BEGIN.
      runner.on(EVENT_TEST_FAIL, (test, error) => {
        const record: TestRecord = { ...base(test), state: 'failed', durationMs: test.duration, error: toError(error) };
        records.push(record);
        progress({ event: 'end', ...record });
      });
      runner.on(EVENT_TEST_PENDING, (test) => {
        const record: TestRecord = { ...base(test), state: 'pending' };
        records.push(record);
        progress({ event: 'end', ...record });
      });
    }
  };
}

/**
 * `--grep` of the harness, passed in run.json next to this bundle. A missing or unreadable
 * run.json fails the run (as a fatal error): without it the tests cannot know what to expect.
 */
function readGrep(): string | undefined {
  const file = path.join(outDir, 'run.json');
  let context: { grep?: unknown };
  try {
    context = JSON.parse(fs.readFileSync(file, 'utf8')) as { grep?: unknown };
  } catch (error) {
    throw new Error(`cannot read ${file}, which the harness writes before it starts the editor: ${(error as Error).message}`);
  }
  if (context.grep !== undefined && context.grep !== null && typeof context.grep !== 'string') throw new Error(`${file}: grep is not a string`);
  return context.grep ?? undefined;
}

export async function run(): Promise<void> {
  const startedAt = new Date().toISOString();
  const records: TestRecord[] = [];
  fs.writeFileSync(PROGRESS_FILE, '');
  const finish = (fatal?: TestError): RunResults => {
    const results: RunResults = {
      vscodeVersion: vscode.version,
      uiKind: vscode.env.uiKind === vscode.UIKind.Web ? 'web' : 'desktop',
      startedAt,
      finishedAt: new Date().toISOString(),
      stats: {
        tests: records.filter((r) => r.state !== 'pending').length,
        passes: records.filter((r) => r.state === 'passed').length,
        failures: records.filter((r) => r.state === 'failed').length + (fatal ? 1 : 0),
        pending: records.filter((r) => r.state === 'pending').length,
      },
      tests: records,
      ...(fatal ? { fatal } : {}),
    };
    writeResults(results);
    return results;
  };

  let results: RunResults;
  try {
    // fullTrace: keep absolute paths in stacks, the harness maps them back to the sources.
    const mocha = new Mocha({ ui: 'bdd', timeout: 20_000, color: false, fullTrace: true, reporter: recordingReporter(records) });
    const grep = readGrep();
    if (grep) mocha.grep(grep);
    for (const file of fs.readdirSync(outDir).filter((f) => f.endsWith('.test.cjs')).sort()) {
      mocha.addFile(path.join(outDir, file));
    }
    await new Promise<void>((resolve) => mocha.run(() => resolve()));
    results = finish();
  } catch (error) {
    results = finish(toError(error));
  }
  if (results.stats.failures > 0) {
    throw new Error(`${results.stats.failures} of ${results.stats.tests} integration tests failed (details in ${RESULTS_FILE})`);
  }
  // A skipped test checked nothing: the harness counts it as a failure too.
  if (results.stats.pending > 0) {
    throw new Error(`${results.stats.pending} integration tests were skipped (details in ${RESULTS_FILE})`);
  }
}
