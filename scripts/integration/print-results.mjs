// Prints the integration test results: one line per test while they run, then the failures with
// their source location (stack frames in the bundles are mapped back to test/integration/*.ts).
import fs from 'node:fs';
import { SourceMap } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { outDir, repoRoot } from './paths.mjs';

const useColor = process.stdout.isTTY && !process.env.NO_COLOR;
const paint = (code) => (text) => (useColor ? `\x1b[${code}m${text}\x1b[0m` : text);
const green = paint(32);
const red = paint(31);
const dim = paint(2);
const cyan = paint(36);

const maps = new Map();
function sourceMapFor(bundle) {
  if (!maps.has(bundle)) {
    try {
      maps.set(bundle, new SourceMap(JSON.parse(fs.readFileSync(`${bundle}.map`, 'utf8'))));
    } catch {
      maps.set(bundle, undefined);
    }
  }
  return maps.get(bundle);
}

/** `out/integration/x.cjs:L:C` → `test/integration/x.ts:L:C` (relative to the repository). */
function mapLocation(file, line, column) {
  const map = file.startsWith(outDir) ? sourceMapFor(file) : undefined;
  const entry = map?.findEntry(line - 1, column - 1);
  if (entry?.originalSource) {
    const original = entry.originalSource;
    const source = original.startsWith('file:') ? fileURLToPath(original) : path.resolve(path.dirname(file), original);
    return `${path.relative(repoRoot, source)}:${entry.originalLine + 1}:${entry.originalColumn + 1}`;
  }
  return `${path.relative(repoRoot, file)}:${line}:${column}`;
}

/** A stack trace with bundle positions mapped to sources; frames from VS Code and mocha dropped. */
export function mapStack(stack = '') {
  const frames = [];
  for (const line of stack.split('\n')) {
    const match = /^\s+at (?:(.*?) \()?([^()]+):(\d+):(\d+)\)?$/.exec(line);
    if (!match) continue;
    const [, fn, where, l, c] = match;
    // Mocha without fullTrace shortens paths relative to the extension host's working directory.
    const file = path.resolve(repoRoot, where);
    if (!file.startsWith(outDir) && !file.startsWith(path.join(repoRoot, 'dist'))) continue;
    frames.push(`at ${fn ? `${fn} (` : ''}${mapLocation(file, Number(l), Number(c))}${fn ? ')' : ''}`);
  }
  return frames;
}

const sourceOf = (file) => (file ? path.relative(repoRoot, file).replace(/^out\/integration\/(.*)\.cjs$/, 'test/integration/$1.ts') : '');

/** The one-line form of a finished test, used for the live progress too. */
export function formatTest(test) {
  const time = test.durationMs !== undefined ? dim(` (${test.durationMs} ms)`) : '';
  if (test.state === 'passed') return `  ${green('✓')} ${test.fullTitle}${time}`;
  if (test.state === 'pending') return `  ${cyan('-')} ${test.fullTitle} ${dim('(skipped)')}`;
  return `  ${red('✗')} ${test.fullTitle}${time}`;
}

function indent(text, by = '     ') {
  return text.split('\n').map((l) => by + l).join('\n');
}

function formatError(title, error, file) {
  const frames = mapStack(error.stack);
  const where = frames.find((f) => /test\/integration\/.*\.test\.ts:/.test(f)) ?? frames.find((f) => f.includes('test/integration/')) ?? (file ? sourceOf(file) : undefined);
  const lines = [red(title)];
  if (where) lines.push(`     ${where.replace(/^at (.*\()?(.*?)\)?$/, '$2')}`);
  lines.push(indent(error.message));
  if (error.expected !== undefined || error.actual !== undefined) {
    lines.push(indent(`${green('expected:')} ${error.expected}`), indent(`${red('actual:  ')} ${error.actual}`));
  }
  if (frames.length) lines.push(dim(indent(frames.join('\n'))));
  return lines.join('\n');
}

/**
 * Prints the summary and every failure; returns true when everything passed: no failure, no
 * skipped test, and a result from every test file (`missing` lists the files without one).
 * `printed` says the per-test lines were already shown live.
 */
export function printResults(results, { printed = false, missing = [] } = {}) {
  const out = [];
  out.push(`\nVS Code ${results.vscodeVersion} (${results.uiKind}), ${results.tests.length} results`);
  if (!printed) for (const test of results.tests) out.push(formatTest(test));
  const failed = results.tests.filter((t) => t.state === 'failed');
  failed.forEach((test, i) => out.push('', formatError(`${i + 1}) ${test.fullTitle}`, test.error ?? { message: '(no error)' }, test.file)));
  if (results.fatal) out.push('', formatError('The test run could not start', results.fatal));
  if (!results.tests.length && !results.fatal) out.push('', red('No test ran (a --grep that matches nothing?)'));
  const skipped = results.tests.filter((t) => t.state === 'pending');
  if (skipped.length) out.push('', red(`${skipped.length} skipped test(s) count as failures (a skipped test checked nothing):`), ...skipped.map((t) => `  ${t.fullTitle}`));
  if (missing.length) out.push('', red(`No result from ${missing.length} test file(s) (a missing result is a failure):`), ...missing.map((f) => `  ${f}`));
  const { passes, failures, pending } = results.stats;
  const seconds = ((Date.parse(results.finishedAt) - Date.parse(results.startedAt)) / 1000).toFixed(1);
  out.push('', `${green(`${passes} passing`)}, ${failures ? red(`${failures} failing`) : '0 failing'}${pending ? `, ${cyan(`${pending} skipped`)}` : ''} ${dim(`(${seconds} s in the extension host)`)}`);
  console.log(out.join('\n'));
  return failures === 0 && !results.fatal && passes > 0 && pending === 0 && skipped.length === 0 && missing.length === 0;
}

/** After a time-out or a crash: what the progress file showed until then, failures in full. */
export function printPartial(records) {
  if (!records.length) {
    console.log('\nNo test had finished.');
    return;
  }
  const failed = records.filter((t) => t.state === 'failed');
  const out = [`\nBefore that, ${records.filter((t) => t.state === 'passed').length} passed and ${failed.length} failed.`];
  failed.forEach((test, i) => out.push('', formatError(`${i + 1}) ${test.fullTitle}`, test.error ?? { message: '(no error)' }, test.file)));
  console.log(out.join('\n'));
}
