/**
 * `affectedScope` parses only the documents its id index (src/core/check/id-index.ts) says can
 * matter; `affectedScopeExact` parses every document. Differential test: over generated workspaces
 * and random pull-request-like changes, including documents that spell ids in every way YAML allows
 * (double-quoted escapes, single quotes, block scalars, anchors and aliases, flow mappings, CRLF, a
 * byte-order mark, UTF-16, continuation lines, unreadable frontmatters, mentions run into other
 * characters), both decide the same scope: the same files, focus, accounts and verdict. The exact
 * scope itself is proved against full checks by changed-since-property.test.ts.
 */
import assert from 'node:assert/strict';
import { affectedScope, affectedScopeExact, type ChangedFile, type Scope } from '../../src/core/check/affected.js';
import { ID_TOKEN, IdIndex } from '../../src/core/check/id-index.js';
import type { SourceFile } from '../../src/core/check/pipeline.js';
import { checkProperty, generator, workspace } from './helpers/changed-since-gen.js';
import { record } from './helpers/figures.js';
import { runs } from './helpers/generators.js';

type Encoding = 'string' | 'utf8' | 'bom' | 'utf16' | 'utf16-bom';
const ENCODINGS: Encoding[] = ['string', 'utf8', 'utf8', 'utf8', 'bom', 'utf16', 'utf16-bom'];

function encode(text: string, e: Encoding): Uint8Array | string {
  switch (e) {
    case 'string': return text;
    case 'utf8': return Buffer.from(text, 'utf8');
    case 'bom': return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    case 'utf16': return Buffer.from(text, 'utf16le');
    case 'utf16-bom': return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
  }
}

interface Revision {
  files: Record<string, string>;
  enc: Record<string, Encoding>;
}

function sourcesOf(r: Revision): SourceFile[] {
  const ignored = new Set((r.files['.gitignore'] ?? '').split('\n').filter(Boolean));
  const out: SourceFile[] = r.files['keyplan.yaml'] !== undefined ? [{ path: 'keyplan.yaml', content: r.files['keyplan.yaml'] }] : [];
  for (const p of Object.keys(r.files).filter((x) => x.endsWith('.md') && !ignored.has(x)).sort()) out.push({ path: p, content: encode(r.files[p], r.enc[p] ?? 'utf8') });
  return out;
}

const same = (a: Uint8Array | string | undefined, b: Uint8Array | string | undefined) =>
  a === undefined || b === undefined ? a === b : typeof a === 'string' || typeof b === 'string' ? a === b : Buffer.compare(a, b) === 0;

function changesBetween(before: Revision, after: Revision): ChangedFile[] {
  const b = new Map(sourcesOf(before).map((f) => [f.path, f.content]));
  const a = new Map(sourcesOf(after).map((f) => [f.path, f.content]));
  const out: ChangedFile[] = [];
  for (const p of new Set([...Object.keys(before.files), ...Object.keys(after.files)])) {
    if (p === 'keyplan.yaml' || p === '.gitignore') {
      if (before.files[p] !== after.files[p]) out.push({ path: p, before: before.files[p] });
    } else if (!same(b.get(p), a.get(p)) || before.files[p] !== after.files[p] || before.enc[p] !== after.enc[p]) {
      out.push({ path: p, before: b.get(p) ?? (before.files[p] !== undefined ? encode(before.files[p], before.enc[p] ?? 'utf8') : undefined) });
    }
  }
  return out;
}

const summary = (s: Scope) => ({ files: s.files.map((f) => f.path), focus: [...s.focus].sort(), accounts: s.accounts, full: s.full, reason: s.reason });

/** An id spelt with `\uXXXX` escapes in a double-quoted scalar. */
const unicodeEscaped = (id: string) => `"${[...id].map((ch, i) => (i % 3 === 1 ? `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}` : ch)).join('')}"`;

/** Rewrites of one document that spell its ids (or other ids) the ways YAML and Markdown allow. */
function adversary(rnd: (n: number) => number) {
  const pick = <T>(xs: readonly T[]) => xs[rnd(xs.length)];
  const idOf = (text: string) => /^id: ([\w-]+)$/m.exec(text)?.[1];
  return (r: Revision, ids: string[], accounts: string[]): Revision => {
    const files = { ...r.files };
    const enc = { ...r.enc };
    const paths = Object.keys(files).filter((p) => p.endsWith('.md'));
    if (!paths.length) return r;
    const p = pick(paths);
    let t = files[p];
    const person = t.includes('kind: person');
    const other = pick(ids);
    const id = idOf(t) ?? other;
    switch (rnd(22)) {
      case 0: t = t.replace(/^(id|account|reports_to): ([\w-]+)$/m, (_, k, v) => `${k}: ${unicodeEscaped(v)}`); break;
      case 1: t = t.replace(/^(id|account|reports_to): ([\w-]+)$/m, (_, k, v) => `${k}: '${v}'`); break;
      case 2: t = t.replace(/^(id|account|reports_to): ([\w-]+)$/m, (_, k, v) => `${k}: ${pick(['|-', '>-', '|2-'])}\n  ${pick(['', ' '])}${v}`); break;
      // An anchor elsewhere in the frontmatter, an alias where the id is.
      case 3: if (person) t = t.replace(/^reports_to: .*\n/m, '').replace('\nname:', `\nreports_to: *who\nx-note: &who ${other}\nname:`); break;
      case 4: if (person) t = t.replace(/^kind: person$/m, `&k ${other}: 1\nkind: person\nreports_to: *k`); break;
      // The whole frontmatter as one flow mapping.
      case 5: {
        const m = /^---\n([\s\S]*?)\n---\n/.exec(t);
        if (m && !/^\s/m.test(m[1])) t = `---\n{${m[1].split('\n').join(', ')}}\n---\n${t.slice(m[0].length)}`;
        break;
      }
      case 6: t = t.replace(/\n/g, '\r\n'); break;
      case 7: enc[p] = pick(ENCODINGS); break;
      case 8: if (person) t = t.replace(/^account: .*$/m, `account: ${pick(accounts)}`); break;
      case 9: if (person) t = t.replace(/^id: .*$/m, `id: ${pick([other, `${id}-2`, `renamed-${rnd(9)}`])}`); break;
      // A reporting cycle.
      case 10: if (person) t = t.replace(/^reports_to: .*\n/m, '').replace(/\n---\n$/, `\nreports_to: ${other}\n---\n`); break;
      // Mentions run into other characters: `@id-`, `@id_`, `@@id`, an e-mail address.
      case 11: if (t.includes('interaction-log')) t += `- 2026-11-1${rnd(9)} visit ${pick([`@${other}-`, `@${other}_`, `@@${other}`, `x@${other}`, `@${other.toUpperCase()}`])}: 拜访\n`; break;
      // Unreadable frontmatter whose quick look sees an id that is not a whole token.
      case 12: t = t.replace(/^id: ([\w-]+)$/m, (_, v) => `id: ${v}${pick(['X', '_x', 'Q-1'])}`).replace('kind:', 'broken: [\nkind:'); break;
      // A value that continues on the next line.
      case 13: t = t.replace(/^(account|reports_to): ([\w-]+)$/m, (_, k, v) => `${k}: ${v}\n  ${pick(['more', other])}`); break;
      case 14: t = t.replace(/^kind: (\S+)$/m, (_, k) => pick([`"kind": "${k}"`, `kind: '${k}'`, `kind: ${k}\nx-kind: {kind: account}`, `x: |\n  kind: account\nkind: ${k}`])); break;
      // A key or a value spelt with escapes, a line continuation, `#` run into a value.
      case 15: t = t.replace(/^account: /m, pick(['"\\x61ccount": ', '"acc\\u006funt": '])); break;
      case 16: t = t.replace(/^(id|account|reports_to): ([\w-]+)$/m, (_, k, v: string) => `${k}: "${v.slice(0, 2)}\\\n  ${v.slice(2)}"`); break;
      case 17: t = t.replace(/^account: ([\w-]+)$/m, (_, v) => `account: ${v}${pick(['#x', ' #x', '  # note'])}`); break;
      // An account plan renamed, or one more of an account nobody has.
      case 18: if (t.includes('kind: account')) t = t.replace(/^id: .*$/m, `id: ${pick(accounts)}`); else files[`accounts/extra-${rnd(9)}/account.md`] = `---\nkind: account\nid: ${pick(accounts)}\nname: X\ntier: B\n---\n`; break;
      case 19: t = t.replace(/^account: .*$/m, `account: ${pick(['nowhere', 'nort', 'north', 'west'])}`); break;
      // Ids in other places: a plan contact in flow style with single quotes, an influence list.
      case 20: if (t.includes('relationship-plan')) t = t.replace('contacts:\n', `contacts:\n  - {person: '${other}', layer: key}\n`); else if (person) t = t.replace(/\n---\n$/, `\ninfluences: [${other}, {person: ${unicodeEscaped(pick(ids))}}]\n---\n`); break;
      case 21: t = t.replace(/^(account|reports_to): ([\w-]+)$/m, (_, k, v) => `${k}: !!str ${v}`); break;
    }
    files[p] = t;
    return { files, enc };
  };
}

function ids(files: Record<string, string>): string[] {
  const out = new Set<string>(['ghost', 'zhang-nrth', 'north', 'south']);
  for (const t of Object.values(files)) for (const m of t.matchAll(/^id: ([\w-]+)$/gm)) out.add(m[1]);
  return [...out];
}

describe('keyplan check --changed-since: the id prefilter decides the exact scope (differential)', () => {
  it('random changes with adversarial spellings: the same scope as parsing every document (seeded; more under npm run fuzz)', function () {
    const cases = runs(300);
    this.timeout(60_000 + cases * 500);
    const seed0 = Number(process.env.KEYPLAN_FUZZ_SEED ?? 20261215);
    const base = workspace();
    let partial = 0;
    for (let i = 0; i < cases; i++) {
      const { rnd, mutate } = generator(seed0 + i);
      const adverse = adversary(rnd);
      const step = (r: Revision): Revision => {
        const accounts = ['north', 'south', 'east', 'west', 'nowhere'];
        if (rnd(3)) return adverse(r, ids(r.files), accounts);
        const files = mutate(r.files);
        return { files, enc: r.enc };
      };
      let before: Revision = { files: base, enc: {} };
      for (let k = 0; k < 3 + rnd(4); k++) before = step(before);
      let after = before;
      for (let k = 0, n = 1 + rnd(3); k < n; k++) after = step(after);
      const changed = changesBetween(before, after);
      const all = sourcesOf(after);
      const fast = affectedScope(all, changed);
      const exact = affectedScopeExact(all, changed);
      if (!exact.full) partial++;
      assert.deepEqual(summary(fast), summary(exact), `case ${i} (KEYPLAN_FUZZ_SEED=${seed0 + i} reproduces it as case 0): changed ${changed.map((c) => c.path).join(', ')}`);
    }
    // The cases must exercise the partial scope, not only "check everything".
    assert.ok(partial > cases / 3, `only ${partial} of ${cases} cases had a partial scope`);
    record('fuzz.changed-since-prefilter', cases);
  });

  it('the adversarial spellings keep the scoped check exact against a full check too', function () {
    const cases = runs(20);
    this.timeout(60_000 + cases * 3_000);
    const seed0 = Number(process.env.KEYPLAN_FUZZ_SEED ?? 20261216);
    const base = workspace();
    for (let i = 0; i < cases; i++) {
      const { rnd } = generator(seed0 + i);
      const adverse = adversary(rnd);
      let before: Revision = { files: base, enc: {} };
      for (let k = 0; k < 3; k++) before = adverse(before, ids(before.files), ['north', 'south', 'east', 'west']);
      let after = before;
      for (let k = 0, n = 1 + rnd(3); k < n; k++) after = adverse(after, ids(after.files), ['north', 'south', 'east', 'west', 'nowhere']);
      // checkProperty takes text: UTF-8 spellings only here (the encodings are covered above).
      checkProperty(before.files, after.files);
    }
  });

  it('hand-picked spellings: an escaped id, an alias, a block scalar, UTF-16 and a BOM are each seen', () => {
    const base = workspace();
    const cases: [string, (t: string) => string][] = [
      ['hex escape', (t) => t.replace('reports_to: zhang-south', 'reports_to: "zh\\x61ng-south"')],
      ['unicode escape', (t) => t.replace('reports_to: zhang-south', 'reports_to: "zhang-s\\u006futh"')],
      ['alias', (t) => t.replace('reports_to: zhang-south', 'reports_to: *boss').replace('kind: person', 'kind: person\nx-a: &boss zhang-south')],
      ['block scalar', (t) => t.replace('reports_to: zhang-south', 'reports_to: >-\n  zhang-south')],
      ['single quotes', (t) => t.replace('reports_to: zhang-south', "reports_to: 'zhang-south'")],
      ['flow', (t) => t.replace('reports_to: zhang-south', 'reports_to: {a: 1}')],
    ];
    for (const [what, edit] of cases) {
      for (const e of ['string', 'utf8', 'bom', 'utf16-bom'] as Encoding[]) {
        const before: Revision = { files: { ...base, 'accounts/south/people/wang-south.md': edit(base['accounts/south/people/wang-south.md']) }, enc: { 'accounts/south/people/wang-south.md': e } };
        // zhang-south is renamed: whoever reports to it, however spelt, is affected.
        const after: Revision = { files: { ...before.files, 'accounts/south/people/zhang-south.md': before.files['accounts/south/people/zhang-south.md'].replace('id: zhang-south', 'id: zhang-s') }, enc: before.enc };
        const changed = changesBetween(before, after);
        const all = sourcesOf(after);
        assert.deepEqual(summary(affectedScope(all, changed)), summary(affectedScopeExact(all, changed)), `${what}, ${e}`);
      }
    }
  });

  it('hand-picked: what only a quick look sees, a value continued on the next line, a line break JavaScript sees and YAML does not', () => {
    const base = workspace();
    const compare = (what: string, before: Record<string, string>, after: Record<string, string>, expect: (s: Scope) => boolean) => {
      const changed = changesBetween({ files: before, enc: {} }, { files: after, enc: {} });
      const all = sourcesOf({ files: after, enc: {} });
      const exact = affectedScopeExact(all, changed);
      assert.ok(expect(exact), `${what}: the case must matter to the exact scope`);
      assert.deepEqual(summary(affectedScope(all, changed)), summary(exact), what);
    };
    const stance = (files: Record<string, string>, p: string) => ({ ...files, [p]: files[p].replace('stance: supporter', 'stance: opponent') });
    const tier = (files: Record<string, string>) => ({ ...files, 'accounts/north/account.md': files['accounts/north/account.md'].replace('tier: A', 'tier: B') });

    // An unreadable person whose `id:` a quick look reads as zhang-north (it stops before the X).
    const broken = { ...base, 'accounts/west/people/broken.md': '---\nkind: person\nid: zhang-northX\naccount: west\nbroken: [\n---\n' };
    compare('a quick look at a broken id', broken, stance(broken, 'accounts/north/people/zhang-north.md'), (s) => s.files.some((f) => f.path === 'accounts/west/people/broken.md'));

    // `account: east` and a second line: the account is "east more", which no account plan declares.
    const continued = { ...base, 'accounts/east/people/more.md': '---\nkind: person\nid: more-east\naccount: east\n  more\nname: M\n---\n' };
    compare('a value continued on the next line', continued, tier(continued), (s) => s.accounts.includes('east more'));

    // JavaScript's `^` matches after U+2028, YAML sees a comment: the quick look says person, the data says account.
    const hidden = { ...base, 'accounts/zz/account.md': '---\n# note\u2028kind: person\nkind: account\nid: zz\nname: ZZ\ntier: B\n---\n', 'accounts/zz/people/zz-one.md': '---\nkind: person\nid: zz-one\naccount: zz\nname: Z\n---\n' };
    compare('an account plan the quick look takes for a person', hidden, tier(hidden), (s) => !s.accounts.includes('zz'));
  });

  it('the index: ID_TOKEN tokens, mentions in the body, the quick look at a broken id', () => {
    const doc = (yaml: string, body = '') => `---\n${yaml}\n---\n${body}`;
    const ix = new IdIndex([
      doc('kind: person\nid: zhang-wei\naccount: acme'),
      doc('kind: interaction-log\naccount: acme', '- 2026-01-02 call @li-na-: x\nzhao-lei is not mentioned\n'),
      doc('kind: person\nid: wang-fangX\nbroken: ['),
      doc('kind: person\nid: "zh\\x61ng-wei"'),
      'no frontmatter zhang-wei',
    ]);
    assert.deepEqual(ix.candidates(['zhang-wei']), [0, 3]);
    assert.deepEqual(ix.candidates(['li-na']), [1, 3]);
    assert.deepEqual(ix.candidates(['zhao-lei']), [3]);
    assert.deepEqual(ix.candidates(['wang-fang']), [2, 3]);
    assert.deepEqual(ix.candidates(['zhang wei']), [0, 1, 2, 3, 4], 'an id of another shape: every document');
    assert.equal(ix.accountValue(0), 'acme');
    assert.equal(ix.maybeAccountPlan(0), false);
    assert.ok(ID_TOKEN.test('a_b-c') && !ID_TOKEN.test('a-') && !ID_TOKEN.test('-a'));
  });
});
