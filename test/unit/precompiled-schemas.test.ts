/**
 * The validators compiled at build time (src/core/schema/validators.generated.cjs): current with the
 * schemas, used for the built-in vocabulary, and giving exactly the errors of validators compiled at
 * run time, on valid documents and on documents with wrong values.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { BUILTIN_ROLES, defaultConfig } from '../../src/core/parse/config.js';
import { parseKeyplanDocument } from '../../src/core/parse/document.js';
import { SchemaSet, COMPILED_SCHEMAS, defsFor, newAjv } from '../../src/core/schema/validate.js';
import { GENERATED, precompiledSource } from '../../scripts/precompile-schemas.js';
import { arbWorkspace, params, workspaceFiles } from './helpers/generators.js';

const BUILTIN = defaultConfig();

describe('precompiled schema validators', function () {
  this.timeout(120_000);

  it('are current with schemas/*.json (else run: node --import tsx scripts/precompile-schemas.ts)', () => {
    assert.ok(readFileSync(GENERATED, 'utf8') === precompiledSource(), 'src/core/schema/validators.generated.cjs is stale');
  });

  it('are used for the built-in vocabulary, and not for another', () => {
    const set = new SchemaSet(BUILTIN);
    for (const [kind] of COMPILED_SCHEMAS) set.validate(kind, {});
    assert.equal((set as unknown as { ajv?: unknown }).ajv, undefined, 'compiled at run time');
    const other = new SchemaSet({ roles: [...BUILTIN_ROLES, 'Gatekeeper'], channels: ['visit'], channelAliases: new Map() });
    other.validate('person', {});
    assert.notEqual((other as unknown as { ajv?: unknown }).ajv, undefined);
  });

  it('give the same errors as validators compiled at run time', () => {
    const pre = new SchemaSet(BUILTIN);
    const ajv = newAjv();
    ajv.addSchema(defsFor(BUILTIN));
    const runtime = new Map(COMPILED_SCHEMAS.map(([kind, schema]) => [kind, ajv.compile(schema)]));
    const wrong = fc.constantFrom<unknown>(null, 7, -1, 1.5, '', 'x', 'not-a-date', '2026-02-30', true, [], [1, 'a'], {}, { a: 1 }, ['EB', 'EB'], 'champion');
    let invalid = 0;
    fc.assert(
      fc.property(arbWorkspace, fc.array(fc.tuple(fc.nat(), wrong), { maxLength: 4 }), (w, mutations) => {
        for (const [path, text] of Object.entries(workspaceFiles(w))) {
          const outcome = parseKeyplanDocument(path, text, 'en');
          if (outcome.status !== 'document') continue;
          const data: Record<string, unknown> = structuredClone(outcome.document.data);
          const keys = Object.keys(data);
          for (const [i, value] of mutations) data[i % 3 === 0 ? `extra_${i}` : keys[i % keys.length]] = value;
          const v = runtime.get(outcome.document.kind)!;
          const expected = v(data) ? [] : [...(v.errors ?? [])];
          if (expected.length) invalid++;
          assert.deepStrictEqual(pre.validate(outcome.document.kind, data), expected);
        }
      }),
      params(200),
    );
    assert.ok(invalid > 50, `only ${invalid} invalid documents`);
  });

  it('the built command line loads the Ajv compiler (dist/ajv-runtime.cjs) only for a vocabulary not precompiled', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'keyplan-ajv-'));
    try {
      cpSync('samples', path.join(dir, 'builtin'), { recursive: true });
      cpSync('samples', path.join(dir, 'custom'), { recursive: true });
      writeFileSync(path.join(dir, 'custom', 'keyplan.yaml'), `${readFileSync('samples/keyplan.yaml', 'utf8')}\nroles: [Gatekeeper]\n`);
      const run = (workspace: string) => {
        const script = `require(${JSON.stringify(path.resolve('dist/cli.cjs'))}).main(['check', ${JSON.stringify(workspace)}, '--as-of', '2026-11-20', '--format', 'json'], { stdout: { write: (s) => { out += s; } }, stderr: process.stderr, cwd: process.cwd(), env: {} })
          .then(() => console.log(JSON.stringify({ loaded: Object.keys(require.cache).some((f) => f.endsWith('ajv-runtime.cjs')), findings: JSON.parse(out).diagnostics.length })));`;
        const r = spawnSync(process.execPath, ['-e', `let out = ''; ${script}`], { encoding: 'utf8' });
        assert.equal(r.status, 0, r.stderr);
        return JSON.parse(r.stdout) as { loaded: boolean; findings: number };
      };
      const builtin = run(path.join(dir, 'builtin'));
      const custom = run(path.join(dir, 'custom'));
      assert.equal(builtin.loaded, false);
      assert.equal(custom.loaded, true);
      assert.ok(builtin.findings > 0);
      assert.equal(custom.findings, builtin.findings);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
