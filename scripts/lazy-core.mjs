// Splits a bundle in two: a small first file with the front end's own code, and the modules of
// the shared layers (src/core, src/disk, src/git, src/webview) in a second file that is required
// the first time one of their exports is read. Node compiles and runs every line of a bundle it
// loads; most of the extension (schemas, validators, YAML, Markdown, calendar, rules) is needed
// only once indexing starts, so activation no longer waits for it.
//
// How: every import from the front end into a shared layer resolves to a small stand-in module
// whose exports are getters into the second file's namespace for that module (the export names
// come from esbuild's metafile). esbuild reads imported bindings at the point of use
// (`import_x.name`), so nothing is loaded until a function or value is actually used. The shared
// modules are bundled once, in the second file, so none of them exists twice.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const SHARED = ['src/core/', 'src/disk/', 'src/git/', 'src/webview/'].map((d) => path.join(root, d));
const RUNTIME = 'keyplan:lazy-runtime';
// Small shared modules the first file needs before indexing (constants, recognising a Keyplan
// document): bundled into both files. Each may import nothing but other modules of this list and
// hold no state, since each file has its own copy; the build checks the first.
const EAGER = ['src/core/check/source.ts', 'src/core/kinds.ts', 'src/core/parse/frontmatter.ts'].map((f) => path.join(root, f));

/** The TypeScript file an import like `../core/x.js` names, if it is one of the shared layers. */
function sharedTarget(resolveDir, request) {
  if (!request.startsWith('.')) return undefined;
  const file = path.resolve(resolveDir, request).replace(/\.js$/, '.ts');
  return SHARED.some((d) => file.startsWith(d)) && !EAGER.includes(file) && existsSync(file) ? file : undefined;
}

/** Calls `resolve(file)` for each import from the front end of a shared module; its answer is the resolution. */
function onSharedImport(b, frontDir, resolve) {
  b.onResolve({ filter: /^\./ }, (args) => {
    if (!args.importer.startsWith(frontDir)) return undefined;
    const file = sharedTarget(args.resolveDir, args.path);
    return file ? resolve(file) : undefined;
  });
}

/** Every shared module the front end imports (directly), found by a build that bundles nothing else. */
async function sharedImports(options, frontDir) {
  const found = new Set();
  await build({
    ...options,
    write: false,
    minify: false,
    sourcemap: false,
    logLevel: 'silent',
    plugins: [{
      name: 'collect-shared',
      setup(b) {
        onSharedImport(b, frontDir, (file) => {
          found.add(file);
          return { path: file, external: true };
        });
      },
    }],
  });
  return [...found].sort();
}

/** The export names of each module, as esbuild sees them (re-exports included). */
async function exportNames(modules, options) {
  const result = await build({
    entryPoints: modules,
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    outdir: path.join(root, 'dist', '.exports'),
    outbase: root,
    write: false,
    metafile: true,
    logLevel: 'silent',
    loader: options.loader,
  });
  const names = new Map();
  for (const output of Object.values(result.metafile.outputs)) {
    if (output.entryPoint) names.set(path.resolve(root, output.entryPoint), output.exports);
  }
  return names;
}

/**
 * Builds `options.entryPoints[0]` (a front end under `frontDir`) into `options.outfile`, and its
 * shared modules into `coreFile` next to it. `write` is the build function that writes outputs.
 */
export async function buildSplit(options, { frontDir, coreFile }, write) {
  const modules = await sharedImports(options, frontDir);
  const names = await exportNames(modules, options);
  const key = new Map(modules.map((m, i) => [m, `m${i}`]));
  const coreName = path.basename(coreFile);

  // The second file: one namespace per shared module the front end imports.
  const entry = modules.map((m) => `export * as ${key.get(m)} from ${JSON.stringify(m)};`).join('\n');
  const core = await write({
    ...options,
    entryPoints: undefined,
    stdin: { contents: entry, resolveDir: root, sourcefile: 'shared-layers.js', loader: 'js' },
    outfile: coreFile,
  });

  // The first file: the front end, with stand-ins for the shared modules.
  const front = await write({
    ...options,
    metafile: true,
    plugins: [{
      name: 'lazy-shared',
      setup(b) {
        onSharedImport(b, frontDir, (file) => ({ path: file, namespace: 'lazy-shared' }));
        b.onResolve({ filter: new RegExp(`^${RUNTIME}$`) }, () => ({ path: RUNTIME, namespace: 'lazy-runtime' }));
        b.onResolve({ filter: new RegExp(`^\\./${coreName.replace(/\./g, '\\.')}$`) }, (args) => ({ path: args.path, external: true }));
        b.onLoad({ filter: /.*/, namespace: 'lazy-runtime' }, () => ({
          loader: 'js',
          contents: [
            'let shared;',
            `const load = () => (shared ??= require("./${coreName}"));`,
            'exports.namespace = (key, names) => {',
            '  const ns = {};',
            '  for (const name of names) Object.defineProperty(ns, name, { enumerable: true, get: () => load()[key][name] });',
            '  return ns;',
            '};',
          ].join('\n'),
        }));
        b.onLoad({ filter: /.*/, namespace: 'lazy-shared' }, (args) => {
          const list = names.get(args.path);
          if (!list) throw new Error(`lazy-shared: no export list for ${args.path}`);
          return {
            loader: 'js',
            contents: `module.exports = require(${JSON.stringify(RUNTIME)}).namespace(${JSON.stringify(key.get(args.path))}, ${JSON.stringify(list)});`,
          };
        });
      },
    }],
  });
  // Only the eager modules of the shared layers may be in the first file.
  const stray = Object.keys(front.metafile.inputs).map((f) => path.resolve(root, f)).filter((f) => SHARED.some((d) => f.startsWith(d)) && !EAGER.includes(f));
  if (stray.length) throw new Error(`lazy-shared: bundled into ${options.outfile} instead of ${coreFile}: ${stray.join(', ')}`);
  return { front, core, modules };
}

// Modules bundled into a file of their own, next to the bundles that use them, and loaded the first
// time one of their exports is read. Each must import nothing the bundles also hold (it would have
// a second copy): the Ajv compiler is needed only for a vocabulary the build did not precompile,
// the calendar parser only to import a calendar, the exact YAML parser only for a frontmatter the
// fast reader leaves to it, a position the quick locators cannot give, or an edit, the Markdown
// parser only for an interaction log whose layout needs CommonMark.
export const LAZY_MODULES = [
  { module: path.join(root, 'src/core/schema/ajv-runtime.ts'), outfile: 'dist/ajv-runtime.cjs' },
  { module: path.join(root, 'src/core/import/ical-runtime.ts'), outfile: 'dist/ical-runtime.cjs' },
  { module: path.join(root, 'src/core/parse/yaml-runtime.ts'), outfile: 'dist/yaml-runtime.cjs' },
  { module: path.join(root, 'src/core/parse/markdown-runtime.ts'), outfile: 'dist/markdown-runtime.cjs' },
];

/**
 * Builds each of `LAZY_MODULES` into its file; returns the esbuild plugin that makes every other
 * bundle import them through stand-ins (getters that `require` the file on first read).
 */
export async function lazyModules(options, write) {
  const names = await exportNames(LAZY_MODULES.map((m) => m.module), options);
  for (const { module, outfile } of LAZY_MODULES) {
    // .vscodeignore ships `dist/*-runtime.cjs`.
    if (!/^dist\/[\w-]+-runtime\.cjs$/.test(outfile)) throw new Error(`lazy-modules: ${outfile} must be named dist/<name>-runtime.cjs`);
    const built = await write({ ...options, entryPoints: [module], outfile, metafile: true, plugins: [], minify: true });
    const own = Object.keys(built.metafile.inputs).map((f) => path.resolve(root, f)).filter((f) => f.startsWith(path.join(root, 'src')) && f !== module);
    if (own.length) throw new Error(`lazy-modules: ${outfile} would hold a second copy of ${own.join(', ')}`);
  }
  const byFile = new Map(LAZY_MODULES.map((m) => [m.module, path.basename(m.outfile)]));
  return {
    name: 'lazy-modules',
    setup(b) {
      b.onResolve({ filter: /^\./ }, (args) => {
        const file = path.resolve(args.resolveDir, args.path).replace(/\.js$/, '.ts');
        return byFile.has(file) ? { path: file, namespace: 'lazy-module' } : undefined;
      });
      b.onResolve({ filter: /^\.\/[\w-]+\.cjs$/ }, (args) => ([...byFile.values()].includes(args.path.slice(2)) ? { path: args.path, external: true } : undefined));
      b.onLoad({ filter: /.*/, namespace: 'lazy-module' }, (args) => ({
        loader: 'js',
        contents: [
          'let loaded;',
          `const load = () => (loaded ??= require(${JSON.stringify(`./${byFile.get(args.path)}`)}));`,
          `for (const name of ${JSON.stringify(names.get(args.path))}) Object.defineProperty(exports, name, { enumerable: true, get: () => load()[name] });`,
        ].join('\n'),
      }));
    },
  };
}
