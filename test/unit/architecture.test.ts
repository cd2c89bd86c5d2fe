import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../helpers.js';

const CORE = path.join(REPO_ROOT, 'src', 'core');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(full);
    return /\.(?:ts|tsx|mts|cts|js|mjs|cjs)$/.test(e.name) ? [full] : [];
  });
}

/** Module specifiers a file imports: static and dynamic imports, re-exports and require(). */
export function importedModules(source: string): string[] {
  const specs: string[] = [];
  const patterns = [
    /\b(?:import|export)\s+(?:type\s+)?(?:[\w*{}\s,$]+?\s+from\s+)?['"]([^'"]+)['"]/g,
    /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
    /\brequire\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
  ];
  for (const re of patterns) for (const m of source.matchAll(re)) specs.push(m[1]);
  return specs;
}

const isVscode = (spec: string) => spec === 'vscode' || spec.startsWith('vscode/');

describe('architecture: src/core is editor-independent', () => {
  it('the import scanner recognises every way of importing vscode', () => {
    const sample = [
      "import * as vscode from 'vscode';",
      'import type { Uri } from "vscode";',
      "import { window,\n  workspace } from 'vscode';",
      "export { Range } from 'vscode';",
      "const v = require('vscode');",
      "const w = await import('vscode');",
      "import 'vscode';",
    ];
    for (const line of sample) assert.ok(importedModules(line).some(isVscode), line);
    assert.deepEqual(importedModules("import { x } from './vscode-like.js';").filter(isVscode), []);
  });

  it('no file under src/core imports vscode', () => {
    const files = sourceFiles(CORE);
    assert.ok(files.length >= 10, `found only ${files.length} files under src/core`);
    const offenders = files.filter((f) => importedModules(readFileSync(f, 'utf8')).some(isVscode)).map((f) => path.relative(REPO_ROOT, f));
    assert.deepEqual(offenders, []);
  });

  it('src/core imports no front-end code and no git reader (src/cli, src/extension, src/git)', () => {
    const offenders: string[] = [];
    for (const f of sourceFiles(CORE)) {
      for (const spec of importedModules(readFileSync(f, 'utf8'))) {
        if (!spec.startsWith('.')) continue;
        const target = path.relative(path.join(REPO_ROOT, 'src'), path.resolve(path.dirname(f), spec));
        if (!target.startsWith('core') && !target.startsWith('..')) offenders.push(`${path.relative(REPO_ROOT, f)} → ${spec}`);
      }
    }
    assert.deepEqual(offenders, []);
  });
});

/** Folders of src/ a file under each folder may import (relative imports), besides its own. */
export const ADAPTER_IMPORTS: Record<string, readonly string[]> = {
  // The workspace on disk (which files it holds, read safely) and the git reader are shared by
  // both front ends: disk uses the core only, git the core and disk (a revision holds the files
  // the disk walk would read).
  disk: ['core'],
  git: ['core', 'disk'],
  cli: ['core', 'disk', 'git'],
  extension: ['core', 'disk', 'git', 'webview'],
  webview: ['core'],
};

/** Relative imports from one folder of src/ into another that ADAPTER_IMPORTS does not allow. */
export function forbiddenImports(files: { file: string; source: string }[]): string[] {
  const src = path.join(REPO_ROOT, 'src');
  const offenders: string[] = [];
  for (const { file, source } of files) {
    const from = path.relative(src, file).split(path.sep)[0];
    const allowed = ADAPTER_IMPORTS[from];
    if (!allowed) continue;
    for (const spec of importedModules(source)) {
      if (!spec.startsWith('.')) continue;
      const to = path.relative(src, path.resolve(path.dirname(file), spec)).split(path.sep)[0];
      if (to !== from && !allowed.includes(to)) offenders.push(`${path.relative(REPO_ROOT, file)} → ${spec}`);
    }
  }
  return offenders;
}

describe('architecture: the front ends share the core and the git reader, not each other', () => {
  const src = path.join(REPO_ROOT, 'src');

  it('src/disk, src/git, src/cli, src/extension and src/webview import only what they may', () => {
    const files = ['disk', 'git', 'cli', 'extension', 'webview'].flatMap((d) => sourceFiles(path.join(src, d))).map((file) => ({ file, source: readFileSync(file, 'utf8') }));
    assert.ok(files.some((f) => f.file.includes(`${path.sep}git${path.sep}`)), 'src/git has files');
    assert.ok(files.some((f) => f.file.includes(`${path.sep}disk${path.sep}`)), 'src/disk has files');
    assert.deepEqual(forbiddenImports(files), []);
  });

  it('the check sees the extension importing the command line, and the git reader importing either', () => {
    const at = (dir: string, name: string) => path.join(src, dir, name);
    assert.deepEqual(forbiddenImports([
      { file: at('extension', 'a.ts'), source: "import { x } from '../cli/git.js';\nimport { y } from '../git/git.js';\nimport { z } from '../core/dates.js';" },
      { file: at('git', 'a.ts'), source: "import { x } from '../cli/errors.js';\nimport * as v from '../extension/extension.js';\nimport { y } from './run.js';" },
      { file: at('cli', 'a.ts'), source: "import { x } from '../git/git.js';\nimport { y } from '../extension/extension.js';" },
      { file: at('disk', 'a.ts'), source: "import { x } from '../git/git.js';\nimport { y } from '../core/dates.js';" },
    ]), [
      `${path.join('src', 'extension', 'a.ts')} → ../cli/git.js`,
      `${path.join('src', 'git', 'a.ts')} → ../cli/errors.js`,
      `${path.join('src', 'git', 'a.ts')} → ../extension/extension.js`,
      `${path.join('src', 'cli', 'a.ts')} → ../extension/extension.js`,
      `${path.join('src', 'disk', 'a.ts')} → ../git/git.js`,
    ]);
  });

  it('no file under src/disk or src/git imports vscode', () => {
    const offenders = ['disk', 'git'].flatMap((d) => sourceFiles(path.join(src, d))).filter((f) => importedModules(readFileSync(f, 'utf8')).some(isVscode));
    assert.deepEqual(offenders, []);
  });
});

/**
 * The pipeline's stages, in the order data flows through them. A file may import from its own
 * folder and from earlier stages only, so the layering cannot silently erode. Stage 0 is the
 * foundation every stage uses: the loose files of src/core (dates, diagnostics, kinds,
 * suggestions), the one translation catalogue (i18n/) and escaping for every medium (render/).
 */
export const STAGES: Record<string, number> = {
  '': 0, i18n: 0, render: 0,
  parse: 1, schema: 2, model: 3, analysis: 4, rules: 5, check: 6, report: 7, matrix: 7, map: 8, diff: 9, history: 10, language: 11, import: 12,
};

/** The stage folder of a file under src/core ('' for a loose file). */
function stageOf(file: string): string {
  const rel = path.relative(CORE, file).split(path.sep);
  return rel.length === 1 ? '' : rel[0];
}

/** Relative imports of every source file under a folder, resolved to files. */
function importGraph(root: string): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const f of sourceFiles(root)) {
    const targets = importedModules(readFileSync(f, 'utf8'))
      .filter((spec) => spec.startsWith('.'))
      .map((spec) => path.resolve(path.dirname(f), spec).replace(/\.js$/, '.ts'))
      .filter((t) => t.startsWith(path.join(REPO_ROOT, 'src')));
    graph.set(f, targets);
  }
  return graph;
}

/**
 * A rule that is found while parsing or building the model (format and reference rules) has no
 * check of its own: its file holds the rule's metadata and messages and imports only the foundation
 * and rules/define.ts, so the earlier stages may make its findings.
 */
function isRuleDefinition(file: string, graph: Map<string, string[]>): boolean {
  const define = path.join(CORE, 'rules', 'define.ts');
  if (stageOf(file) !== 'rules') return false;
  if (file === define) return (graph.get(file) ?? []).every((t) => STAGES[stageOf(t)] === 0);
  return /[\\/]rules[\\/](format|references)[\\/]/.test(file) && (graph.get(file) ?? []).every((t) => t === define || STAGES[stageOf(t)] === 0);
}

describe('architecture: the pipeline is layered', () => {
  it('every folder of src/core is a known stage, and at most 8 files are loose', () => {
    const folders = readdirSync(CORE, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);
    assert.deepEqual(folders.filter((f) => !(f in STAGES)), []);
    const loose = readdirSync(CORE, { withFileTypes: true }).filter((e) => e.isFile());
    assert.ok(loose.length <= 8, `${loose.length} loose files in src/core: ${loose.map((e) => e.name).join(', ')}`);
  });

  it('a stage imports only from itself and earlier stages', () => {
    const offenders: string[] = [];
    const graph = importGraph(CORE);
    for (const [file, targets] of graph) {
      const from = stageOf(file);
      for (const target of targets) {
        const to = stageOf(target);
        if (to !== from && !(STAGES[to] < STAGES[from]) && !isRuleDefinition(target, graph)) offenders.push(`${path.relative(CORE, file)} (${from || 'foundation'}) → ${path.relative(CORE, target)} (${to || 'foundation'})`);
      }
    }
    assert.deepEqual(offenders, []);
  });

  it('the layering check sees an upward import', () => {
    assert.ok(STAGES.parse < STAGES.analysis && !(STAGES.analysis < STAGES.parse));
    assert.equal(stageOf(path.join(CORE, 'parse', 'document.ts')), 'parse');
    assert.equal(stageOf(path.join(CORE, 'dates.ts')), '');
  });

  it('no import circle anywhere in src/', () => {
    const graph = importGraph(path.join(REPO_ROOT, 'src'));
    const state = new Map<string, 'open' | 'done'>();
    const circles: string[] = [];
    // Iterative depth-first search: a circle is an edge back to a file still open.
    for (const start of graph.keys()) {
      if (state.has(start)) continue;
      const stack: [string, number][] = [[start, 0]];
      state.set(start, 'open');
      while (stack.length) {
        const top = stack[stack.length - 1];
        const next = (graph.get(top[0]) ?? [])[top[1]++];
        if (next === undefined) {
          state.set(top[0], 'done');
          stack.pop();
        } else if (state.get(next) === 'open') {
          const from = stack.findIndex(([f]) => f === next);
          circles.push([...stack.slice(from).map(([f]) => f), next].map((f) => path.relative(REPO_ROOT, f)).join(' → '));
        } else if (!state.has(next)) {
          state.set(next, 'open');
          stack.push([next, 0]);
        }
      }
    }
    assert.deepEqual(circles, []);
  });
});

describe('architecture: the libraries loaded on first use', () => {
  /** The packages each wrapper alone may import (scripts/lazy-core.mjs LAZY_MODULES builds it into a file of its own). */
  const WRAPPED: Record<string, RegExp> = {
    'src/core/schema/ajv-runtime.ts': /^(?:ajv\/dist\/2020(?:\.js)?|ajv-formats)$/,
    'src/core/import/ical-runtime.ts': /^ical\.js$/,
    'src/core/parse/yaml-runtime.ts': /^yaml$/,
    'src/core/parse/markdown-runtime.ts': /^(?:unified|remark-parse)$/,
  };

  /** What a file imports for its values (type-only imports vanish from the bundles). */
  const valueImports = (file: string) => importedModules(readFileSync(file, 'utf8').split('\n').filter((line) => !/^\s*(?:import|export)\s+type\b/.test(line)).join('\n'));

  it('are imported only through their wrappers (else the bundles would hold a second copy)', () => {
    const offenders: string[] = [];
    for (const file of sourceFiles(path.join(REPO_ROOT, 'src'))) {
      const rel = path.relative(REPO_ROOT, file).split(path.sep).join('/');
      for (const spec of valueImports(file)) {
        for (const [wrapper, pkg] of Object.entries(WRAPPED)) if (pkg.test(spec) && rel !== wrapper) offenders.push(`${rel} imports ${spec} (use ${wrapper})`);
      }
    }
    assert.deepEqual(offenders, []);
  });

  it('each wrapper imports nothing but its library', () => {
    for (const [wrapper, pkg] of Object.entries(WRAPPED)) {
      const specs = valueImports(path.join(REPO_ROOT, wrapper));
      assert.ok(specs.length > 0, wrapper);
      for (const spec of specs) assert.match(spec, pkg, `${wrapper} imports ${spec}`);
    }
  });
});
