// Follows the files the tests write (test/integration/index.ts): progress.jsonl while they run,
// results.json once they are done. Polls the files (cheap, and works the same for both runners).
import fs from 'node:fs';
import { progressFile, resultsFile } from './paths.mjs';

/** Removes what a previous run left, so only this run's files are read. */
export function clearResults() {
  for (const file of [resultsFile, `${resultsFile}.partial`, progressFile]) fs.rmSync(file, { force: true });
}

/**
 * Resolves with the parsed results.json. Calls onProgress(event) for each progress line.
 * Rejects after `timeoutMs` (message names the test that was running), when `signal` aborts, or
 * when one of `failures` resolves (a reason such as "code-server exited").
 */
export function waitForResults({ timeoutMs, onProgress, failures = [], signal }) {
  let offset = 0;
  let carry = '';
  let running; // the test that began last and has not ended
  const readProgress = () => {
    let chunk;
    try {
      const fd = fs.openSync(progressFile, 'r');
      try {
        const size = fs.fstatSync(fd).size;
        if (size < offset) offset = 0; // truncated: the tests (re)started
        if (size === offset) return;
        chunk = Buffer.alloc(size - offset);
        fs.readSync(fd, chunk, 0, chunk.length, offset);
        offset = size;
      } finally {
        fs.closeSync(fd);
      }
    } catch {
      return; // not there yet
    }
    const lines = (carry + chunk.toString('utf8')).split('\n');
    carry = lines.pop();
    for (const line of lines) {
      if (!line.trim()) continue;
      const event = JSON.parse(line);
      running = event.event === 'begin' ? event : undefined;
      onProgress?.(event);
    }
  };

  return new Promise((resolve, reject) => {
    let settled = false;
    const finish = (error, results) => {
      if (settled) return;
      settled = true;
      clearInterval(poll);
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      if (error) reject(error);
      else resolve(results);
    };
    const during = () => (running ? ` (running: "${running.fullTitle}")` : '');
    const tick = () => {
      readProgress();
      if (!fs.existsSync(resultsFile)) return;
      readProgress();
      try {
        finish(undefined, JSON.parse(fs.readFileSync(resultsFile, 'utf8')));
      } catch (error) {
        finish(new Error(`could not read ${resultsFile}: ${error.message}`));
      }
    };
    const poll = setInterval(tick, 250);
    const timer = setTimeout(() => {
      readProgress();
      finish(new Error(`timed out after ${Math.round(timeoutMs / 1000)} s waiting for the test results${during()}`));
    }, timeoutMs);
    const onAbort = () => finish(new Error(`interrupted${during()}`));
    if (signal?.aborted) return onAbort();
    signal?.addEventListener('abort', onAbort);
    for (const failure of failures) {
      failure.then((reason) => {
        // The results may have been written just before (e.g. the window closing after the run).
        tick();
        finish(new Error(`${reason} before the tests finished${during()}`));
      });
    }
    tick();
  });
}
