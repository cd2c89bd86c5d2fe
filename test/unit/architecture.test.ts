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

  it('src/core imports no front-end code (src/cli, src/extension)', () => {
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
