/**
 * Differential test of the editor's incremental checker: after every edit of a random sequence
 * (stance change, id rename, file added or deleted, a person moved to another account, duplicate
 * ids, an unreadable file, a log entry added, keyplan.yaml changed), `set()` + `check()` on one
 * long-lived IncrementalChecker gives exactly what a fresh full check of the same files gives:
 * diagnostics, cadences, activity and unreadable documents.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { IncrementalChecker, checkWorkspace, type CheckResult, type SourceFile } from '../../src/core/check/pipeline.js';
import { KeyplanDocument } from '../../src/core/parse/document.js';
import { AS_OF, STANCES, arbWorkspace, params, workspaceFiles, type GenWorkspace } from './helpers/generators.js';

type Files = Map<string, string | Uint8Array>;

type Edit =
  | { op: 'stance'; pick: number; stance: number }
  | { op: 'rename'; pick: number }
  | { op: 'add-person'; account: number; pick: number; duplicate: boolean }
  | { op: 'delete'; pick: number }
  | { op: 'move'; pick: number; account: number }
  | { op: 'duplicate'; pick: number; account: number }
  | { op: 'unreadable'; pick: number; bytes: boolean }
  | { op: 'log'; account: number; pick: number; day: number }
  | { op: 'tier'; account: number; tier: number }
  | { op: 'config'; variant: number }
  | { op: 'reports-to'; pick: number; target: number };

const arbEdit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ op: fc.constant('stance' as const), pick: fc.nat(), stance: fc.nat() }),
  fc.record({ op: fc.constant('rename' as const), pick: fc.nat() }),
  fc.record({ op: fc.constant('add-person' as const), account: fc.nat(), pick: fc.nat(), duplicate: fc.boolean() }),
  fc.record({ op: fc.constant('delete' as const), pick: fc.nat() }),
  fc.record({ op: fc.constant('move' as const), pick: fc.nat(), account: fc.nat() }),
  fc.record({ op: fc.constant('duplicate' as const), pick: fc.nat(), account: fc.nat() }),
  fc.record({ op: fc.constant('unreadable' as const), pick: fc.nat(), bytes: fc.boolean() }),
  fc.record({ op: fc.constant('log' as const), account: fc.nat(), pick: fc.nat(), day: fc.integer({ min: 1, max: 28 }) }),
  fc.record({ op: fc.constant('tier' as const), account: fc.nat(), tier: fc.nat() }),
  fc.record({ op: fc.constant('config' as const), variant: fc.nat({ max: 2 }) }),
  fc.record({ op: fc.constant('reports-to' as const), pick: fc.nat(), target: fc.nat() }),
);

/** Two or three generated accounts, each under its own id (people ids get the account as prefix so most stay distinct). */
const arbPortfolio: fc.Arbitrary<GenWorkspace[]> = fc.array(arbWorkspace, { minLength: 2, maxLength: 3 }).map((ws) =>
  ws.map((w, i) => {
    const account = `${w.account.id}-a${i}`;
    return { ...w, account: { ...w.account, id: account } };
  }),
);

const textOf = (content: string | Uint8Array | undefined) => (typeof content === 'string' ? content : undefined);
const paths = (files: Files, filter: (p: string, text: string | undefined) => boolean) => [...files.keys()].filter((p) => filter(p, textOf(files.get(p)))).sort();
const people = (files: Files) => paths(files, (p, t) => /\/people\//.test(p) && !!t && /kind: person|"kind": "person"|'kind': 'person'|kind: 'person'|kind: "person"/.test(t));
const field = (text: string, key: string) => new RegExp(`^["']?${key}["']?\\s*:\\s*["']?([^"'\\s,}]+)`, 'm').exec(text)?.[1];

/** A person document written plainly, for the edits that replace one. */
function person(id: string, account: string, extra: [string, string][] = []): string {
  return ['---', 'kind: person', `id: ${id}`, `account: ${account}`, `name: ${id}`, ...extra.map(([k, v]) => `${k}: ${v}`), '---', '', 'Notes.', ''].join('\n');
}

function apply(files: Files, accounts: string[], edit: Edit): void {
  const list = people(files);
  const pickPerson = (n: number) => (list.length ? list[n % list.length] : undefined);
  const accountOf = (n: number) => accounts[n % accounts.length];
  switch (edit.op) {
    case 'stance': {
      const path = pickPerson(edit.pick);
      const text = path && textOf(files.get(path));
      if (!path || !text) return;
      const id = field(text, 'id') ?? 'x';
      const account = field(text, 'account') ?? accounts[0];
      files.set(path, person(id, account, [['stance', STANCES[edit.stance % STANCES.length]], ['roles', '[EB]'], ['influence', String(1 + (edit.stance % 5))]]));
      return;
    }
    case 'rename': {
      const path = pickPerson(edit.pick);
      const text = path && textOf(files.get(path));
      if (!path || !text) return;
      files.set(path, person(`${field(text, 'id') ?? 'x'}-renamed`, field(text, 'account') ?? accounts[0]));
      return;
    }
    case 'add-person': {
      const account = accountOf(edit.account);
      const existing = pickPerson(edit.pick);
      const id = edit.duplicate && existing ? (field(textOf(files.get(existing)) ?? '', 'id') ?? 'new') : `new-${edit.pick % 7}`;
      files.set(`accounts/${account}/people/added-${edit.pick % 5}.md`, person(id, account, [['stance', 'supporter'], ['roles', '[UB]']]));
      return;
    }
    case 'delete': {
      const all = paths(files, () => true);
      if (all.length) files.delete(all[edit.pick % all.length]);
      return;
    }
    case 'move': {
      const path = pickPerson(edit.pick);
      const text = path && textOf(files.get(path));
      if (!path || !text) return;
      files.set(path, person(field(text, 'id') ?? 'x', accountOf(edit.account), [['stance', 'neutral']]));
      return;
    }
    case 'duplicate': {
      const path = pickPerson(edit.pick);
      const text = path && textOf(files.get(path));
      if (!path || !text) return;
      const account = accountOf(edit.account);
      files.set(`accounts/${account}/people/copy-${edit.pick % 3}.md`, person(field(text, 'id') ?? 'x', account));
      return;
    }
    case 'unreadable': {
      const path = pickPerson(edit.pick);
      const text = path && textOf(files.get(path));
      if (!path || !text) return;
      const id = field(text, 'id') ?? 'x';
      const account = field(text, 'account') ?? accounts[0];
      if (edit.bytes) files.set(path, new Uint8Array([...Buffer.from(`---\nkind: person\nid: ${id}\naccount: ${account}\nname: `), 0xff, 0xfe, 0x0a, ...Buffer.from('---\n')]));
      else files.set(path, `---\nkind: person\nid: ${id}\naccount: ${account}\nname: [unclosed\n---\n`);
      return;
    }
    case 'log': {
      const account = accountOf(edit.account);
      const path = `accounts/${account}/interactions-2026.md`;
      const text = textOf(files.get(path));
      const target = pickPerson(edit.pick);
      const mention = (target && field(textOf(files.get(target)) ?? '', 'id')) ?? 'nobody';
      const line = `- 2026-11-${String(edit.day).padStart(2, '0')} visit @${mention}: added entry`;
      if (text) files.set(path, `${text}${/\n$/.test(text) ? '' : '\n'}${line}\n`);
      else files.set(path, `---\nkind: interaction-log\naccount: ${account}\nyear: 2026\n---\n\n# Log\n\n${line}\n`);
      return;
    }
    case 'tier': {
      const account = accountOf(edit.account);
      files.set(`accounts/${account}/account.md`, `---\nkind: account\nid: ${account}\nname: ${account}\ntier: ${['A', 'B', 'C'][edit.tier % 3]}\nowner: li-na\n---\n`);
      return;
    }
    case 'config': {
      const variants = ['', 'rules:\n  single-threaded: off\n', 'locale: zh\n'];
      if (edit.variant === 0) files.delete('keyplan.yaml');
      else files.set('keyplan.yaml', variants[edit.variant]);
      return;
    }
    case 'reports-to': {
      const path = pickPerson(edit.pick);
      const target = pickPerson(edit.target);
      const text = path && textOf(files.get(path));
      const targetId = target && field(textOf(files.get(target)) ?? '', 'id');
      if (!path || !text || !targetId) return;
      files.set(path, person(field(text, 'id') ?? 'x', field(text, 'account') ?? accounts[0], [['reports_to', targetId], ['stance', 'skeptic']]));
      return;
    }
  }
}

/** What the editor shows, in a comparable form (model objects replaced by their ids). */
function view(r: CheckResult) {
  return JSON.parse(JSON.stringify(rawView(r), (_key, value) => (value instanceof KeyplanDocument ? `doc:${value.path}` : value)));
}

function rawView(r: CheckResult) {
  return {
    diagnostics: r.diagnostics,
    cadences: r.cadences.map((c) => ({ ...c, account: c.account.id, person: c.person.id, personDoc: c.person.doc.path, personData: c.person.data })),
    activity: r.activity.map((a) => ({ ...a, account: a.account.id })),
    unreadable: r.unreadable,
    documents: r.documents.map((d) => d.path).sort(),
    accounts: [...r.workspace.accounts.values()].map((a) => ({
      id: a.id, doc: a.doc?.path, tier: a.tier, people: a.people.map((p) => p.doc.path), portraits: a.portraits.map((d) => d.path),
      plans: a.plans.map((d) => d.path), logs: a.logs.map((d) => d.path), interactions: a.interactions.length, notSeen: a.peopleNotSeen,
    })).sort((x, y) => (x.id < y.id ? -1 : 1)),
    people: [...r.workspace.people.values()].map((p) => [p.id, p.account, p.doc.path]).sort(),
  };
}

const sources = (files: Files): SourceFile[] => [...files].map(([path, content]) => ({ path, content }));

describe('incremental checker equals a full check (differential)', function () {
  this.timeout(600_000);

  it('after every edit of random edit sequences on generated workspaces', () => {
    const paths = { quick: 0, full: 0 };
    fc.assert(
      fc.property(arbPortfolio, fc.array(arbEdit, { minLength: 1, maxLength: 12 }), (portfolio, edits) => {
        const files: Files = new Map();
        for (const w of portfolio) for (const [path, text] of Object.entries(workspaceFiles(w))) files.set(path, text);
        const accounts = portfolio.map((w) => w.account.id);
        const checker = new IncrementalChecker();
        for (const f of sources(files)) checker.set(f);
        assert.deepEqual(view(checker.check(AS_OF)), view(checkWorkspace(sources(files), { asOf: AS_OF })), 'initial check');
        edits.forEach((edit, step) => {
          const before = new Set(files.keys());
          apply(files, accounts, edit);
          for (const path of before) if (!files.has(path)) checker.delete(path);
          for (const f of sources(files)) checker.set(f); // unchanged files are recognised and kept
          const incremental = view(checker.check(AS_OF));
          const fresh = view(checkWorkspace(sources(files), { asOf: AS_OF }));
          assert.deepEqual(incremental, fresh, `after edit ${step + 1} ${JSON.stringify(edit)}`);
        });
        paths.quick += checker.stats.quick;
        paths.full += checker.stats.full;
      }),
      params(25),
    );
    // Both paths were exercised: the comparison above proves the quick one, not only the full one.
    assert.ok(paths.quick > 10 && paths.full > 10, JSON.stringify(paths));
  });

  it('keeps earlier results intact when a later edit is checked', () => {
    const w = fc.sample(arbPortfolio, { numRuns: 1, seed: 7 })[0];
    const files: Files = new Map();
    for (const g of w) for (const [path, text] of Object.entries(workspaceFiles(g))) files.set(path, text);
    const checker = new IncrementalChecker();
    for (const f of sources(files)) checker.set(f);
    const first = checker.check(AS_OF);
    const snapshot = JSON.stringify(view(first));
    const target = people(files)[0];
    if (!target) return;
    checker.set({ path: target, content: person('someone-else', w[0].account.id, [['stance', 'opponent']]) });
    checker.check(AS_OF);
    assert.equal(JSON.stringify(view(first)), snapshot);
  });
});

