/**
 * Property-based tests of the core (fast-check). `npm test` runs a few thousand cases in seconds;
 * `npm run fuzz` runs the same properties with KEYPLAN_FUZZ_SCALE times as many. A failure prints
 * the seed and the smallest input found; replay it with KEYPLAN_FUZZ_SEED=<seed>.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { checkWorkspace } from '../../src/core/check/pipeline.js';
import { isValidationRule } from '../helpers.js';
import { record } from './helpers/figures.js';
import {
  anyBytes, anyText, AS_OF, arbWorkspace, checkAndVerify, params, soupDocument, sourcesOf, workspaceFiles, type GenWorkspace,
} from './helpers/generators.js';

const KINDS = ['person', 'account', 'interaction-log', 'relationship-plan', 'org-portrait'];

describe('fuzz: the core never throws and places every finding inside its file', function () {
  this.timeout(600_000);

  it('arbitrary text as a document (and as keyplan.yaml)', () => {
    let n = 0;
    fc.assert(fc.property(anyText, fc.constantFrom('doc.md', 'accounts/a/people/p.md', 'keyplan.yaml'), (text, path) => {
      n++;
      checkAndVerify([{ path, content: text }]);
    }), params(1500));
    record('fuzz.text', n);
  });

  it('arbitrary bytes as a document (and as keyplan.yaml)', () => {
    let n = 0;
    fc.assert(fc.property(anyBytes, fc.constantFrom('doc.md', 'keyplan.yaml'), (bytes, path) => {
      n++;
      checkAndVerify([{ path, content: bytes }]);
    }), params(800));
    record('fuzz.bytes', n);
  });

  it('soup documents dropped into a valid workspace (cross-file rules see them)', () => {
    let n = 0;
    fc.assert(fc.property(arbWorkspace, fc.array(soupDocument, { minLength: 1, maxLength: 3 }), (w, docs) => {
      n++;
      const files = workspaceFiles(w);
      docs.forEach((d, i) => (files[`accounts/${w.account.id}/people/soup-${i}.md`] = d));
      checkAndVerify(sourcesOf(files));
    }), params(400));
    record('fuzz.soup-in-workspace', n);
  });
});

describe('fuzz: generated valid workspaces have no errors', function () {
  this.timeout(600_000);

  it('every style (block, flow, quoted keys, comments, LF/CRLF/CR) reads the same data with zero errors', () => {
    let n = 0;
    fc.assert(fc.property(arbWorkspace, (w) => {
      n++;
      const files = workspaceFiles(w);
      const result = checkAndVerify(sourcesOf(files));
      const bad = result.diagnostics.filter((d) => d.severity === 'error' || isValidationRule(d.rule));
      assert.deepEqual(bad.map((d) => `${d.file}:${d.range.start.line} ${d.rule} ${d.message}`), [], Object.values(files).join('\n======\n'));
      // The data is what was written, whatever the style.
      assert.equal(result.workspace.people.size, w.people.length);
      for (const p of w.people) {
        const data = result.workspace.people.get(p.id)!.data;
        assert.equal(data.name, p.name);
        assert.equal(data.stance, p.stance);
        assert.equal(data.influence, p.influence);
        assert.deepEqual(data.roles, p.roles);
      }
      assert.equal(result.workspace.accounts.get(w.account.id)?.data?.name, w.account.name);
      const entries = [...result.workspace.accounts.get(w.account.id)!.interactions];
      assert.equal(entries.length, w.log.entries.length);
    }), params(300));
    record('fuzz.valid-workspaces', n);
  });
});

/** One mutation of a valid workspace and the rule that must then report it. */
interface Mutation {
  rule: string;
  apply(files: Record<string, string | Uint8Array>, w: GenWorkspace): void;
}

const personPath = (w: GenWorkspace, i = 0) => `accounts/${w.account.id}/people/${w.people[i % w.people.length].id}.md`;
const logPath = (w: GenWorkspace) => `accounts/${w.account.id}/interactions-2026.md`;
const accountPath = (w: GenWorkspace) => `accounts/${w.account.id}/account.md`;
const planPath = (w: GenWorkspace) => `accounts/${w.account.id}/relationship-plan-2026.md`;
const text = (files: Record<string, string | Uint8Array>, path: string) => files[path] as string;
/** The document's line ending. */
const eolOf = (t: string) => /\r\n|\r|\n/.exec(t)![0];
/** Inserts a frontmatter line right after the opening fence (as the first entry of a flow mapping). */
const addLine = (t: string, line: string) => {
  const flow = /^---(?:\r\n|\r|\n)(?:#[^\r\n]*(?:\r\n|\r|\n))*\{/.exec(t);
  if (flow) return `${flow[0]} ${line},${t.slice(flow[0].length)}`;
  return t.replace(/^---(\r\n|\r|\n)/, (_m, eol: string) => `---${eol}${line}${eol}`);
};

const MUTATIONS: Mutation[] = [
  // A block-style line is added before everything else, so it works in flow-style documents too
  // (where it makes the YAML invalid: a syntax error is then the expected finding instead).
  { rule: 'schema', apply: (f, w) => { f[personPath(w)] = addLine(text(f, personPath(w)), 'status: retired'); } },
  { rule: 'unknown-field', apply: (f, w) => { f[personPath(w)] = addLine(text(f, personPath(w)), 'stnace: supporter'); } },
  { rule: 'yaml-syntax', apply: (f, w) => { f[personPath(w)] = addLine(text(f, personPath(w)), 'name: again'); } },
  { rule: 'yaml-syntax', apply: (f, w) => { f[accountPath(w)] = addLine(text(f, accountPath(w)), 'name: [unclosed'); } },
  { rule: 'yaml-syntax', apply: (f, w) => { const t = text(f, personPath(w)); f[personPath(w)] = t.replace(/(\r\n|\r|\n)---(\r\n|\r|\n)[^]*$/, '$1'); } },
  { rule: 'unknown-kind', apply: (f, w) => { f[personPath(w)] = text(f, personPath(w)).replace(/kind(["']?)(\s*):(\s*)(["']?)person/, 'kind$1$2:$3$4persn'); } },
  { rule: 'duplicate-id', apply: (f, w) => { f[`accounts/${w.account.id}/people/copy.md`] = text(f, personPath(w)); } },
  { rule: 'unknown-reference', apply: (f, w) => { const t = text(f, logPath(w)); f[logPath(w)] = `${t}${eolOf(t)}- 2026-03-03 call @nobody-here: asked${eolOf(t)}`; } },
  { rule: 'log-entry-malformed', apply: (f, w) => { const t = text(f, logPath(w)); f[logPath(w)] = `${t}${eolOf(t)}- 2026-02-30 call @${w.people[0].id}: impossible date${eolOf(t)}`; } },
  { rule: 'log-entry-malformed', apply: (f, w) => { const t = text(f, logPath(w)); f[logPath(w)] = `${t}${eolOf(t)}- 2026-03-03 call @${w.people[0].id} no colon${eolOf(t)}`; } },
  { rule: 'unknown-channel', apply: (f, w) => { const t = text(f, logPath(w)); f[logPath(w)] = `${t}${eolOf(t)}- 2026-03-03 carrier-pigeon @${w.people[0].id}: hi${eolOf(t)}`; } },
  { rule: 'unknown-reference|schema', apply: (f, w) => { f[planPath(w)] = text(f, planPath(w)).replace(/account(["']?)(\s*):(\s*)(["']?)[a-z0-9-]+/, 'account$1$2:$3$4no-such-account'); } },
  { rule: 'encoding', apply: (f, w) => { f[personPath(w)] = new Uint8Array([...Buffer.from(text(f, personPath(w)), 'utf8'), 0xc3, 0x28]); } },
  { rule: 'yaml-syntax', apply: (f, w) => { f[personPath(w)] = addLine(addLine(text(f, personPath(w)), 'title: *undefined-alias'), 'x: &a [1]'); } },
];

describe('fuzz: one mutation of a valid workspace is reported by the right rule', function () {
  this.timeout(600_000);

  it('at least one finding with the expected rule, in the mutated workspace', () => {
    let n = 0;
    const perRule = new Map<string, number>();
    fc.assert(fc.property(arbWorkspace, fc.nat(MUTATIONS.length - 1), (w, which) => {
      n++;
      const files: Record<string, string | Uint8Array> = workspaceFiles(w);
      const m = MUTATIONS[which];
      const before = JSON.stringify(files);
      m.apply(files, w);
      assert.notEqual(JSON.stringify(files), before, `mutation ${which} changed nothing`);
      const result = checkAndVerify(sourcesOf(files));
      const rules = m.rule.split('|');
      assert.ok(result.diagnostics.some((d) => rules.includes(d.rule)), `mutation ${which} (${m.rule}) not reported; got ${result.diagnostics.map((d) => d.rule).join(', ')}`);
      perRule.set(m.rule, (perRule.get(m.rule) ?? 0) + 1);
    }), params(500));
    record('fuzz.mutations', n);
    if (n >= MUTATIONS.length * 10) assert.equal(perRule.size, new Set(MUTATIONS.map((m) => m.rule)).size, 'every mutation ran');
  });

  it('the kinds sniffed and the kinds parsed agree (no document is silently ignored)', () => {
    fc.assert(fc.property(arbWorkspace, (w) => {
      const result = checkWorkspace(sourcesOf(workspaceFiles(w)), { asOf: AS_OF });
      assert.equal(result.documents.length, 3 + w.people.length);
      for (const d of result.documents) assert.ok(KINDS.includes(d.kind));
    }), params(100));
  });
});
