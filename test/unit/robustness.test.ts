import assert from 'node:assert/strict';
import { parseDocument, stringify } from 'yaml';
import { checkWorkspace, type SourceFile } from '../../src/core/check/pipeline.js';
import { loadWorkspaceFiles } from '../../src/disk/walk.js';
import { isValidationRule, SAMPLES } from '../helpers.js';

/** The as-of date the samples are documented at (samples/README.md). */
const AS_OF = '2026-11-20';

/** Values of the wrong type (or shape) for any field. */
const WRONG: unknown[] = ['text', 7, 2.5, ['a'], { x: 1 }, null, '2026-02-30'];

function leafAndBranchPaths(value: unknown, at: (string | number)[] = []): (string | number)[][] {
  const out: (string | number)[][] = at.length && at[0] !== 'kind' ? [at] : [];
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) out.push(...leafAndBranchPaths(v, [...at, Array.isArray(value) ? Number(k) : k]));
  }
  return out;
}

describe('robustness: checkWorkspace never throws on schema-invalid data', function () {
  this.timeout(120_000);
  let files: SourceFile[];

  before(async () => {
    files = (await loadWorkspaceFiles(SAMPLES)).files;
  });

  it('replacing any field of the qinghe-medical documents with a wrong-typed value', () => {
    const targets = files.filter((f) => f.path.startsWith('accounts/qinghe-medical/'));
    assert.ok(targets.length >= 5);
    const rest = files.filter((f) => f.path === 'keyplan.yaml' || f.path.startsWith('accounts/qinghe-medical/'));
    let runs = 0;
    for (const target of targets) {
      const text = Buffer.from(target.content as Uint8Array).toString('utf8');
      const m = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text);
      assert.ok(m, target.path);
      const data = parseDocument(m[1]).toJS() as Record<string, unknown>;
      for (const p of leafAndBranchPaths(data)) {
        for (const wrong of WRONG) {
          const copy = structuredClone(data);
          let o: any = copy;
          for (const k of p.slice(0, -1)) o = o[k];
          o[p[p.length - 1]] = wrong;
          const content = `---\n${stringify(copy)}---\n${m[2]}`;
          const mutated = rest.map((f) => (f === target ? { path: f.path, content } : f));
          let result;
          try {
            result = checkWorkspace(mutated, { asOf: AS_OF });
          } catch (err) {
            assert.fail(`${target.path} ${p.join('.')} = ${JSON.stringify(wrong)}: ${(err as Error).stack}`);
          }
          const lines = content.split('\n').length;
          for (const d of result.diagnostics.filter((x) => x.file === target.path)) {
            assert.ok(d.range.start.line >= 1 && d.range.start.line <= lines && d.range.start.column >= 1, `${p.join('.')}: ${JSON.stringify(d.range)}`);
            assert.ok(d.message.length > 0, `${d.rule}: empty message`);
            // The foundation's messages never show a missing parameter.
            if (isValidationRule(d.rule)) assert.ok(!/\bundefined\b|\bNaN\b|\[object Object\]/.test(d.message), d.message);
          }
          runs++;
        }
      }
    }
    assert.ok(runs > 200, `${runs} mutations`);
  });
});
