#!/usr/bin/env node
'use strict';
const { readFileSync } = require('node:fs');
const path = require('node:path');

const CLI = path.join(__dirname, '..', 'dist', 'cli.cjs');
const MAGIC = 'keyplan-code-cache ';

/**
 * The checksum a code cache's first line gives: CRC-32 of the bundle's bytes and the compiled code
 * both. It guards against a cache of another bundle (V8 checks no more than the text's length) and
 * a changed byte (which V8 took without a word, measured); nobody who can write dist/ needs to
 * forge it. zlib's CRC-32 takes 2.5 ms with loading zlib, SHA-256 5 ms with loading crypto.
 */
function cacheHash(sourceBytes, data) {
  const { crc32 } = require('node:zlib');
  // A Node without it (before 20.15, under the engines' 20.19) makes no cache and takes none.
  if (typeof crc32 !== 'function') return undefined;
  return `crc32-${crc32(data, crc32(sourceBytes)).toString(16).padStart(8, '0')}`;
}

/** A code cache's file: its first line names what it was made for, then V8's data. */
function cacheFile(sourceBytes, data) {
  const hash = cacheHash(sourceBytes, data);
  if (hash === undefined) throw new Error('this Node has no zlib.crc32 to seal the cache with');
  return Buffer.concat([Buffer.from(`${MAGIC}${hash}\n`), data]);
}

/** The bundle's text: written in ASCII only (scripts/ascii-output.mjs), then read without UTF-8 decoding. */
const sourceText = (bytes) => (require('node:buffer').isAscii(bytes) ? bytes.latin1Slice(0, bytes.length) : bytes.toString('utf8'));

/** Compiles the bundle as Node would (the same wrapper), with V8's compiled code of it when given. */
function compileCli(source, file, cachedData) {
  return new (require('node:vm').Script)(require('node:module').wrap(source), { filename: file, cachedData });
}

/** Runs a compiled bundle as the module `file` and returns its exports. */
function runCli(script, file) {
  const mod = { exports: {}, filename: file, id: file, loaded: false };
  script.runInThisContext().call(mod.exports, mod.exports, require('node:module').createRequire(file), mod, file, path.dirname(file));
  mod.loaded = true;
  return mod.exports;
}

/**
 * Loads the CLI bundle. The build leaves V8's compiled code of it next to it (`dist/cli.cjs.cache`,
 * made after a check of samples/ by scripts/cli-code-cache.mjs): Node then skips compiling the
 * bundle and the functions a check runs, about a seventh of a small workspace's check. The cache
 * is used only if its checksum is that of this bundle's bytes and its own (V8 checks no more than the
 * text's length); V8 refuses one made by another Node version or under other V8 flags, and the
 * bundle is then compiled as usual. `cache` says which happened.
 */
function loadCli(file = CLI) {
  let cache;
  try {
    cache = readFileSync(`${file}.cache`);
  } catch {
    return { cli: require(file), cache: 'none' };
  }
  const bytes = readFileSync(file);
  const eol = cache.indexOf(10);
  const data = cache.subarray(eol + 1);
  const hash = cacheHash(bytes, data);
  if (eol < 0 || hash === undefined || cache.latin1Slice(0, eol) !== `${MAGIC}${hash}`) return { cli: require(file), cache: 'mismatch' };
  const script = compileCli(sourceText(bytes), file, data);
  return { cli: runCli(script, file), cache: script.cachedDataRejected ? 'rejected' : 'used' };
}

module.exports = { cacheFile, compileCli, loadCli, runCli, sourceText };

if (require.main === module) {
  // A reader that stops early (`keyplan check | head`): end quietly, with the status of a process
  // ended by SIGPIPE (as git does), instead of an unhandled 'error' event and its stack.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (err) => {
      if (err.code !== 'EPIPE') throw err;
      process.exit(141);
    });
  }
  loadCli().cli.main(process.argv.slice(2)).then(
    (code) => { process.exitCode = code; },
    (err) => { process.stderr.write(`keyplan: internal error: ${err && err.stack || err}\n`); process.exitCode = 2; },
  );
}
