// Bundles the CLI (and later the extension and the webview) with esbuild.
// One file per entry point keeps the CLI's cold start short and lets the
// ESM-only remark packages run from a CommonJS bundle.
import { renameSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { build as esbuild } from 'esbuild';
import { asciiOutput } from './ascii-output.mjs';
import { buildSplit, lazyModules } from './lazy-core.mjs';
import { writeCodeCache } from './cli-code-cache.mjs';

// Every output is written next to its place and renamed over it, so a process that loads
// dist/cli.cjs while another build runs (two test runs in one checkout) never reads half a file.
// Every script is written in ASCII only (scripts/ascii-output.mjs).
async function build(options) {
  const result = await esbuild({ ...options, write: false });
  const contents = new Map(result.outputFiles.map((f) => [f.path, f.text]));
  for (const [file, text] of contents) {
    if (!/\.(c|m)?js$/.test(file)) continue;
    const { code, map } = asciiOutput(text, contents.get(`${file}.map`));
    contents.set(file, code);
    if (map !== undefined) contents.set(`${file}.map`, map);
  }
  for (const [file, text] of contents) {
    mkdirSync(path.dirname(file), { recursive: true });
    const temp = `${file}.${process.pid}.tmp`;
    writeFileSync(temp, text);
    renameSync(temp, file);
  }
  return result;
}

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  logLevel: 'warning',
  legalComments: 'none',
};

// Modules loaded only when used (the Ajv compiler): their own files, shared by the CLI and the extension.
const lazy = await lazyModules(common, build);

await build({
  ...common,
  plugins: [lazy],
  entryPoints: ['src/cli/main.ts'],
  outfile: 'dist/cli.cjs',
  // Whitespace and syntax only: names stay readable in an internal error's stack.
  minifyWhitespace: true,
  minifySyntax: true,
});
// V8's compiled code of it, for bin/keyplan.cjs (scripts/cli-code-cache.mjs).
writeCodeCache(path.resolve('dist/cli.cjs'));

// The extension: `vscode` is provided by the editor at run time. Two files: the extension's own
// code (activation, views, commands) and the shared layers, loaded when indexing starts.
await buildSplit(
  { ...common, plugins: [lazy], entryPoints: ['src/extension/extension.ts'], outfile: 'dist/extension.cjs', external: ['vscode'], minify: true },
  { frontDir: path.resolve('src/extension') + path.sep, coreFile: 'dist/extension-core.cjs' },
  build,
);

// The matrix webview: plain browser code, loaded from the media folder only.
await build({
  ...common,
  platform: 'browser',
  format: 'iife',
  target: 'es2022',
  entryPoints: ['src/webview/matrix.ts'],
  outfile: 'media/dist/matrix.js',
  minify: true,
  sourcemap: false,
});

// The decision-chain map webview, likewise.
await build({
  ...common,
  platform: 'browser',
  format: 'iife',
  target: 'es2022',
  entryPoints: ['src/webview/map.ts'],
  outfile: 'media/dist/map.js',
  minify: true,
  sourcemap: false,
});

// Sizes, so that growth is noticed at every build.
const { statSync } = await import('node:fs');
const kb = (f) => `${(statSync(f).size / 1024).toFixed(0)} kB`;
if (!process.env.KEYPLAN_BUILD_QUIET) console.log(`built dist/cli.cjs ${kb('dist/cli.cjs')}, dist/extension.cjs ${kb('dist/extension.cjs')} + dist/extension-core.cjs ${kb('dist/extension-core.cjs')}, media/dist/matrix.js ${kb('media/dist/matrix.js')}, media/dist/map.js ${kb('media/dist/map.js')}`);
