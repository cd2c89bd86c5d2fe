/**
 * Differential test of the editor's incremental checker: after every edit of a random sequence
 * (stance change, id rename, file added or deleted, a person moved to another account, duplicate
 * ids, an unreadable file, a log entry added, keyplan.yaml changed, reporting lines, plan contacts
 * and mentions across accounts, dangling references near existing ids), `set()` + `check()` on one
 * long-lived IncrementalChecker gives exactly what a fresh full check of the same files gives:
 * diagnostics, cadences, activity, unreadable documents and the model (people and accounts, in order).
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { IncrementalChecker, checkWorkspace, type CheckResult, type SourceFile } from '../../src/core/check/pipeline.js';
import { KeyplanDocument, parseKeyplanDocument } from '../../src/core/parse/document.js';
import { AS_OF, STANCES, arbWorkspace, params, workspaceFiles, type GenWorkspace } from './helpers/generators.js';

type Files = Map<string, string | Uint8Array>;

/** Where a person's id is renamed to (see `renameTarget`). */
const RENAMES = ['fresh', 'back', 'taken', 'referenced', 'near', 'pending'] as const;
/** Where a dangling reference near a person's id is written. */
const DANGLING = ['log', 'reports-to', 'influences', 'portrait'] as const;

type Edit =
  | { op: 'stance'; pick: number; stance: number }
  | { op: 'rename'; pick: number }
  | { op: 'rename-id'; pick: number; to: (typeof RENAMES)[number]; other: number }
  | { op: 'rename-all'; pick: number; plans: boolean }
  | { op: 'name'; pick: number }
  | { op: 'add-person'; account: number; pick: number; duplicate: boolean }
  | { op: 'delete'; pick: number }
  | { op: 'move'; pick: number; account: number }
  | { op: 'duplicate'; pick: number; account: number }
  | { op: 'unreadable'; pick: number; bytes: boolean }
  | { op: 'log'; account: number; pick: number; day: number }
  | { op: 'old-log'; account: number; pick: number; other: number }
  | { op: 'contact'; account: number; pick: number; renamed: boolean }
  | { op: 'dangle'; pick: number; target: number; where: (typeof DANGLING)[number]; shorter: boolean }
  | { op: 'tier'; account: number; tier: number }
  | { op: 'config'; variant: number }
  | { op: 'reports-to'; pick: number; target: number }
  | { op: 'reports-to-renamed'; pick: number; target: number; loop: boolean }
  | { op: 'close-cycle'; pick: number; far: boolean };

const arbEdit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ op: fc.constant('stance' as const), pick: fc.nat(), stance: fc.nat() }),
  fc.record({ op: fc.constant('rename' as const), pick: fc.nat() }),
  { weight: 4, arbitrary: fc.record({ op: fc.constant('rename-id' as const), pick: fc.nat(), to: fc.constantFrom(...RENAMES), other: fc.nat() }) },
  fc.record({ op: fc.constant('rename-all' as const), pick: fc.nat(), plans: fc.boolean() }),
  fc.record({ op: fc.constant('name' as const), pick: fc.nat() }),
  fc.record({ op: fc.constant('add-person' as const), account: fc.nat(), pick: fc.nat(), duplicate: fc.boolean() }),
  fc.record({ op: fc.constant('delete' as const), pick: fc.nat() }),
  fc.record({ op: fc.constant('move' as const), pick: fc.nat(), account: fc.nat() }),
  fc.record({ op: fc.constant('duplicate' as const), pick: fc.nat(), account: fc.nat() }),
  fc.record({ op: fc.constant('unreadable' as const), pick: fc.nat(), bytes: fc.boolean() }),
  fc.record({ op: fc.constant('log' as const), account: fc.nat(), pick: fc.nat(), day: fc.integer({ min: 1, max: 28 }) }),
  fc.record({ op: fc.constant('old-log' as const), account: fc.nat(), pick: fc.nat(), other: fc.nat() }),
  fc.record({ op: fc.constant('contact' as const), account: fc.nat(), pick: fc.nat(), renamed: fc.boolean() }),
  { weight: 2, arbitrary: fc.record({ op: fc.constant('dangle' as const), pick: fc.nat(), target: fc.nat(), where: fc.constantFrom(...DANGLING), shorter: fc.boolean() }) },
  fc.record({ op: fc.constant('tier' as const), account: fc.nat(), tier: fc.nat() }),
  fc.record({ op: fc.constant('config' as const), variant: fc.nat({ max: 2 }) }),
  { weight: 2, arbitrary: fc.record({ op: fc.constant('reports-to' as const), pick: fc.nat(), target: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('reports-to-renamed' as const), pick: fc.nat(), target: fc.nat(), loop: fc.boolean() }) },
  fc.record({ op: fc.constant('close-cycle' as const), pick: fc.nat(), far: fc.boolean() }),
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
const people = (files: Files) => paths(files, (p) => /\/people\//.test(p) && dataOf(p, files.get(p))?.kind === 'person');
const field = (text: string, key: string) => new RegExp(`^["']?${key}["']?\\s*:\\s*["']?([^"'\\s,}]+)`, 'm').exec(text)?.[1];

/** A person document written plainly, for the edits that replace one. */
function person(id: string, account: string, extra: [string, string][] = []): string {
  return ['---', 'kind: person', `id: ${id}`, `account: ${account}`, `name: ${id}`, ...extra.map(([k, v]) => `${k}: ${v}`), '---', '', 'Notes.', ''].join('\n');
}

/** A readable document's data (as the check reads it, before validation), or undefined. */
function dataOf(path: string, content: string | Uint8Array | undefined): Record<string, unknown> | undefined {
  const text = textOf(content);
  if (text === undefined) return undefined;
  const outcome = parseKeyplanDocument(path, text, 'en');
  return outcome.status === 'document' ? { ...outcome.document.data } : undefined;
}

/** A document with `data` as its frontmatter (every value in JSON, which is YAML) and `body`. */
function writeData(data: Record<string, unknown>, body = '\nNotes.\n'): string {
  return ['---', ...Object.entries(data).map(([k, v]) => `${k}: ${JSON.stringify(v)}`), '---', body].join('\n');
}

/** Every person id the workspace's documents name: reports_to, influences, plan contacts, @mentions. */
function referencedIds(files: Files): string[] {
  const out = new Set<string>();
  for (const [path, content] of files) {
    const text = textOf(content);
    if (!text) continue;
    for (const m of text.matchAll(/@([a-z0-9]+(?:-[a-z0-9]+)*)/g)) out.add(m[1]);
    const data = dataOf(path, content);
    if (!data) continue;
    if (typeof data.reports_to === 'string') out.add(data.reports_to);
    for (const i of Array.isArray(data.influences) ? data.influences : []) if (typeof i === 'string') out.add(i);
    for (const c of Array.isArray(data.contacts) ? data.contacts : []) if (typeof c?.person === 'string') out.add(c.person);
  }
  return [...out].sort();
}

/** The id a `rename-id` edit gives a person now called `id`. */
function renameTarget(files: Files, id: string, edit: Extract<Edit, { op: 'rename-id' }>): string {
  const ids = people(files).map((p) => dataOf(p, files.get(p))?.id).filter((x): x is string => typeof x === 'string');
  const referenced = referencedIds(files);
  switch (edit.to) {
    case 'fresh': case 'pending': return `${id}-renamed`;
    // Back to the id it had: whatever still names it resolves again.
    case 'back': return id.endsWith('-renamed') ? id.slice(0, -'-renamed'.length) : `${id}-renamed`;
    // Someone else's id: a duplicate (the full path).
    case 'taken': return ids[edit.other % ids.length] ?? `${id}-renamed`;
    // An id some document names and nobody has: its references resolve now.
    case 'referenced': {
      const dangling = referenced.filter((r) => !ids.includes(r));
      return dangling[edit.other % dangling.length] ?? `${id}-renamed`;
    }
    // One letter from an id some document names: "did you mean" may now propose it.
    case 'near': {
      const r = referenced[edit.other % referenced.length] ?? id;
      return edit.other % 2 ? `${r}x` : r.length > 4 ? r.slice(0, -1) : `${r}x`;
    }
  }
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
    case 'rename-id': {
      // Only the id changes: reporting lines, influences, stance and the rest stay. `pending`: to
      // the id `<id>-renamed` that some document already names.
      const referenced = new Set(referencedIds(files));
      const pending = list.filter((p) => referenced.has(`${dataOf(p, files.get(p))?.id}-renamed`));
      const path = edit.to === 'pending' ? pending[edit.pick % pending.length] : pickPerson(edit.pick);
      const data = path && dataOf(path, files.get(path));
      if (!path || !data || typeof data.id !== 'string') return;
      files.set(path, writeData({ ...data, id: renameTarget(files, data.id, edit) }));
      return;
    }
    case 'rename-all': {
      // The id and what names it, in one check (many files at once): reporting lines, influences,
      // @mentions and, with `plans`, plan contacts.
      const path = pickPerson(edit.pick);
      const data = path && dataOf(path, files.get(path));
      if (!path || !data || typeof data.id !== 'string') return;
      const [from, to] = [data.id, `${data.id}-r`];
      const swap = (v: unknown) => (v === from ? to : v);
      for (const [p, content] of files) {
        const d = dataOf(p, content);
        const text = textOf(content);
        if (!d || !text) continue;
        if (d.kind === 'person') {
          const next = { ...d, id: p === path ? to : d.id, reports_to: swap(d.reports_to), influences: Array.isArray(d.influences) ? d.influences.map(swap) : d.influences };
          if (JSON.stringify(next) !== JSON.stringify(d)) files.set(p, writeData(next));
        } else if (d.kind === 'interaction-log') {
          files.set(p, text.replace(new RegExp(`@${from}(?![a-z0-9]|-[a-z0-9])`, 'g'), `@${to}`));
        } else if (d.kind === 'relationship-plan' && edit.plans && Array.isArray(d.contacts)) {
          files.set(p, writeData({ ...d, contacts: d.contacts.map((c) => (c?.person === from ? { ...c, person: to } : c)) }, ''));
        }
      }
      return;
    }
    case 'name': {
      const path = pickPerson(edit.pick);
      const data = path && dataOf(path, files.get(path));
      if (!path || !data) return;
      files.set(path, writeData({ ...data, name: `${String(data.name ?? '')} 改` }));
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
    case 'old-log': {
      // Only old entries: the account goes dark, and account-dark names whom the last one mentions
      // (maybe people of other accounts).
      const account = accountOf(edit.account);
      const mention = (n: number) => field(textOf(files.get(pickPerson(n) ?? '')) ?? '', 'id') ?? 'nobody';
      files.set(`accounts/${account}/interactions-2026.md`, `---\nkind: interaction-log\naccount: ${account}\nyear: 2025\n---\n\n- 2025-03-02 visit @${mention(edit.pick)}: old\n- 2025-04-0${1 + (edit.other % 9)} call @${mention(edit.pick)} @${mention(edit.other)}: older\n`);
      return;
    }
    case 'contact': {
      // A plan names someone, maybe of another account, maybe by an id nobody has yet.
      const plan = `accounts/${accountOf(edit.account)}/relationship-plan-2026.md`;
      const data = dataOf(plan, files.get(plan));
      const target = pickPerson(edit.pick);
      const id = target && field(textOf(files.get(target)) ?? '', 'id');
      if (!data || !id) return;
      const contacts = Array.isArray(data.contacts) ? data.contacts : [];
      files.set(plan, writeData({ ...data, contacts: [...contacts, { person: edit.renamed ? `${id}-renamed` : id, layer: 'key' }] }, ''));
      return;
    }
    case 'dangle': {
      // A reference one letter from someone's id: dangling, with that id as its suggestion (until a rename).
      const target = pickPerson(edit.target);
      const id = target && field(textOf(files.get(target)) ?? '', 'id');
      if (!id) return;
      const near = edit.shorter && id.length > 4 ? id.slice(0, -1) : `${id}x`;
      // A portrait without an account: its "did you mean" is chosen among every person.
      if (edit.where === 'portrait') return void files.set('misc/portrait.md', writeData({ kind: 'org-portrait', procurement: { approval_threshold: { approver: near } } }));
      const path = pickPerson(edit.pick);
      const data = path ? dataOf(path, files.get(path)) : undefined;
      if (edit.where === 'log' || !path || !data) {
        const account = String(data?.account ?? accounts[0]);
        const log = `accounts/${account}/interactions-2026.md`;
        const text = textOf(files.get(log));
        if (text) files.set(log, `${text}${/\n$/.test(text) ? '' : '\n'}- 2026-11-1${edit.pick % 10} call @${near}: near miss\n`);
        return;
      }
      if (edit.where === 'reports-to') files.set(path, writeData({ ...data, reports_to: near }));
      else files.set(path, writeData({ ...data, influences: [...(Array.isArray(data.influences) ? data.influences : []), near] }));
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
    case 'reports-to-renamed': {
      // A line to an id nobody has yet: a later rename to it may close a reporting cycle.
      const path = pickPerson(edit.pick);
      const target = pickPerson(edit.target);
      const data = path && dataOf(path, files.get(path));
      const targetId = target && field(textOf(files.get(target)) ?? '', 'id');
      if (!path || !data || !targetId) return;
      files.set(path, writeData({ ...data, reports_to: `${targetId}-renamed` }));
      // The target reports to this person: renaming it to `<id>-renamed` closes a cycle.
      const targetData = edit.loop && target !== path ? dataOf(target, files.get(target)) : undefined;
      if (targetData) files.set(target!, writeData({ ...targetData, reports_to: data.id }));
      return;
    }
    case 'close-cycle': {
      // Someone up this person's reporting line (the manager, or the top of the line) now reports to them.
      const byId = new Map(list.map((p) => [dataOf(p, files.get(p))?.id, p]));
      const managed = list.filter((p) => byId.has(dataOf(p, files.get(p))?.reports_to));
      const path = managed[edit.pick % managed.length];
      const data = path && dataOf(path, files.get(path));
      if (!path || !data) return;
      let top: string | undefined;
      const seen = new Set<string>([path]);
      for (let at = byId.get(data.reports_to); at && !seen.has(at); at = byId.get(dataOf(at, files.get(at))?.reports_to)) {
        seen.add(at);
        top = at;
        if (!edit.far) break;
      }
      const topData = top && dataOf(top, files.get(top));
      if (top && topData) files.set(top, writeData({ ...topData, reports_to: data.id }));
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
    // The model's own orders: "did you mean" takes the first of equally close ids.
    peopleOrder: [...r.workspace.people.keys()],
    accountOrder: [...r.workspace.accounts.keys()],
  };
}

const sources = (files: Files): SourceFile[] => [...files].map(([path, content]) => ({ path, content }));

/** One file changed, a readable person document before and after, with another id. */
function isRename(before: Files, after: Files): boolean {
  const changed = [...after.keys()].filter((p) => before.get(p) !== after.get(p));
  if (changed.length !== 1 || before.size !== after.size) return false;
  const [path] = changed;
  const a = dataOf(path, before.get(path));
  const b = dataOf(path, after.get(path));
  return a?.kind === 'person' && b?.kind === 'person' && a.id !== b.id;
}

describe('incremental checker equals a full check (differential)', function () {
  this.timeout(600_000);

  it('after every edit of random edit sequences on generated workspaces', () => {
    const paths = { quick: 0, full: 0 };
    // Which path each person-id rename took: the quick one must be taken, not only proven.
    const renames = { quick: 0, full: 0, taken: 0 };
    fc.assert(
      fc.property(arbPortfolio, fc.array(arbEdit, { minLength: 1, maxLength: 16 }), (portfolio, edits) => {
        const files: Files = new Map();
        for (const w of portfolio) for (const [path, text] of Object.entries(workspaceFiles(w))) files.set(path, text);
        const accounts = portfolio.map((w) => w.account.id);
        const checker = new IncrementalChecker();
        for (const f of sources(files)) checker.set(f);
        assert.deepEqual(view(checker.check(AS_OF)), view(checkWorkspace(sources(files), { asOf: AS_OF })), 'initial check');
        edits.forEach((edit, step) => {
          const before = new Set(files.keys());
          const quick = checker.stats.quick;
          const old = new Map(files);
          apply(files, accounts, edit);
          for (const path of before) if (!files.has(path)) checker.delete(path);
          for (const f of sources(files)) checker.set(f); // unchanged files are recognised and kept
          const incremental = view(checker.check(AS_OF));
          const fresh = view(checkWorkspace(sources(files), { asOf: AS_OF }));
          assert.deepEqual(incremental, fresh, `after edit ${step + 1} ${JSON.stringify(edit)}`);
          // The findings are a folder check's too, which reads the files in path order (the
          // checker holds a created file after the others).
          const inPathOrder = sources(files).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
          assert.deepEqual(incremental.diagnostics, view(checkWorkspace(inPathOrder, { asOf: AS_OF })).diagnostics, `after edit ${step + 1} ${JSON.stringify(edit)}, files in path order`);
          if (edit.op === 'rename-id' && isRename(old, files)) renames[edit.to === 'taken' ? 'taken' : checker.stats.quick > quick ? 'quick' : 'full']++;
        });
        paths.quick += checker.stats.quick;
        paths.full += checker.stats.full;
      }),
      params(200),
    );
    // Both paths were exercised: the comparison above proves the quick one, not only the full one.
    assert.ok(paths.quick > 100 && paths.full > 100, JSON.stringify(paths));
    // Renames to a free id go the quick way, except those of a duplicate or closing a reporting cycle.
    assert.ok(renames.quick > 100 && renames.quick > 4 * renames.full, JSON.stringify(renames));
  });

  it('a file deleted and restored, or created: the same "did you mean" as a check of the folder', () => {
    const person = (id: string, account: string) => `---\nkind: person\nid: ${id}\naccount: ${account}\nname: ${id}\n---\n`;
    const plan = (id: string) => `---\nkind: account\nid: ${id}\nname: ${id}\ntier: B\nowner: kam\n---\n`;
    const files: SourceFile[] = [
      { path: 'aa/account.md', content: plan('acme') },
      { path: 'acme/interactions-2026.md', content: '---\nkind: interaction-log\naccount: acme\nyear: 2026\n---\n\n- 2026-11-10 call @li-nc: typo\n' },
      { path: 'acme/people/li-na.md', content: person('li-na', 'acme') },
      { path: 'acme/people/li-nb.md', content: person('li-nb', 'acme') },
      { path: 'acme/people/x.md', content: person('x', 'acmf') },
      { path: 'zz/account.md', content: plan('acmd') },
    ];
    // `li-nc` is as close to `li-na` as to `li-nb`, `acmf` to `acme` as to `acmd`: the first in path order is suggested.
    const suggestions = (r: CheckResult) => r.diagnostics.filter((d) => d.rule === 'unknown-reference').map((d) => `${d.file}: ${d.data?.suggestion}`);
    const folder = suggestions(checkWorkspace(files, { asOf: AS_OF }));
    assert.deepEqual(folder, ['acme/interactions-2026.md: li-na', 'acme/people/x.md: acme']);
    const restored = new IncrementalChecker();
    for (const f of files) restored.set(f);
    restored.check(AS_OF);
    restored.delete('acme/people/li-na.md');
    restored.delete('aa/account.md');
    restored.check(AS_OF);
    restored.set(files[2]);
    restored.set(files[0]);
    assert.deepEqual(suggestions(restored.check(AS_OF)), folder);
    const created = new IncrementalChecker();
    for (const f of files.filter((_, k) => k !== 0 && k !== 2)) created.set(f);
    created.check(AS_OF);
    created.set(files[0]);
    created.set(files[2]);
    assert.deepEqual(suggestions(created.check(AS_OF)), folder);
    assert.deepEqual(suggestions(checkWorkspace([...files].reverse(), { asOf: AS_OF })), folder);
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


describe('incremental checker: renames and reporting lines', () => {
  const doc = (fields: Record<string, unknown>, body = '') => writeData(fields, body);
  /** Two accounts whose documents name `li-na` (of acme) in every way a document can, plus near misses. */
  const workspace = (): Files => new Map<string, string | Uint8Array>([
    ['acme/account.md', doc({ kind: 'account', id: 'acme', name: 'Acme', tier: 'A', owner: 'chen-hao' })],
    ['acme/people/li-na.md', doc({ kind: 'person', id: 'li-na', account: 'acme', name: '李娜', roles: ['EB'], stance: 'supporter', influence: 5 })],
    ['acme/people/wang-fang.md', doc({ kind: 'person', id: 'wang-fang', account: 'acme', name: '王芳', reports_to: 'li-na', influences: ['li-na'], stance: 'champion', influence: 4 })],
    ['acme/people/zhao-lei.md', doc({ kind: 'person', id: 'zhao-lei', account: 'acme', name: '赵雷', reports_to: 'li-nax' })],
    ['acme/relationship-plan-2026.md', doc({ kind: 'relationship-plan', account: 'acme', period: { start: '2026-01-01', end: '2026-12-31' }, contacts: [{ person: 'li-na', layer: 'key' }, { person: 'li-na-ect' }] })],
    ['acme/interactions-2026.md', doc({ kind: 'interaction-log', account: 'acme', year: 2026 }, '\n- 2026-11-02 visit @li-na @wang-fang: 技术交流\n- 2026-11-03 call @li-nax: near miss\n')],
    ['beta/account.md', doc({ kind: 'account', id: 'beta', name: 'Beta', tier: 'B', owner: 'chen-hao' })],
    ['beta/people/sun-li.md', doc({ kind: 'person', id: 'sun-li', account: 'beta', name: '孙丽', reports_to: 'li-na' })],
    ['beta/relationship-plan-2026.md', doc({ kind: 'relationship-plan', account: 'beta', period: { start: '2026-01-01', end: '2026-12-31' }, contacts: [{ person: 'sun-li' }, { person: 'li-na' }] })],
    // Dark, and its last interaction names li-na: account-dark shows her name.
    ['beta/interactions-2026.md', doc({ kind: 'interaction-log', account: 'beta', year: 2025 }, '\n- 2025-03-02 visit @sun-li @li-na: 年度回顾\n')],
    // No account: "did you mean" for its approver is chosen among every person.
    ['misc/portrait.md', doc({ kind: 'org-portrait', procurement: { approval_threshold: { approver: 'li-nax' } } })],
  ]);

  /** Applies `edits` one check at a time; each check must take `path` and equal a full check. */
  function run(edits: [string, Record<string, unknown>, 'quick' | 'full'][]) {
    const files = workspace();
    const checker = new IncrementalChecker();
    for (const f of sources(files)) checker.set(f);
    checker.check(AS_OF);
    const results: CheckResult[] = [];
    for (const [path, data, expected] of edits) {
      const before = { ...checker.stats };
      files.set(path, doc(data));
      checker.set({ path, content: files.get(path)! });
      const result = checker.check(AS_OF);
      assert.deepEqual(view(result), view(checkWorkspace(sources(files), { asOf: AS_OF })), `${path} → ${JSON.stringify(data)}`);
      assert.equal(checker.stats[expected], before[expected] + 1, `${path} → ${JSON.stringify(data)}: the ${expected} path`);
      results.push(result);
    }
    return results;
  }
  const liNa = { kind: 'person', account: 'acme', name: '李娜', roles: ['EB'], stance: 'supporter', influence: 5 };
  const messages = (r: CheckResult, file: string) => r.diagnostics.filter((d) => d.file === file).map((d) => d.message).join('\n');

  it('a person renamed to a free id: every reference, suggestion and name that changes is re-checked quickly', () => {
    const [renamed, back] = run([
      ['acme/people/li-na.md', { ...liNa, id: 'li-nay' }, 'quick'],
      ['acme/people/li-na.md', { ...liNa, id: 'li-na' }, 'quick'],
      // To the id the plan already names: that reference resolves.
      ['acme/people/li-na.md', { ...liNa, id: 'li-na-ect' }, 'quick'],
    ]);
    // The scenario does reach what the rename changes (the comparisons above prove it is right).
    assert.match(messages(renamed, 'beta/people/sun-li.md'), /li-na/);
    assert.match(messages(renamed, 'acme/interactions-2026.md'), /li-nay/); // "did you mean" for @li-nax
    assert.match(messages(renamed, 'misc/portrait.md'), /li-nay/);
    assert.doesNotMatch(messages(back, 'acme/interactions-2026.md'), /li-nay/);
  });

  it('a rename that makes or meets a duplicate, or closes a reporting cycle, takes the full path', () => {
    run([
      ['acme/people/li-na.md', { ...liNa, id: 'wang-fang' }, 'full'],
      ['acme/people/li-na.md', { ...liNa, id: 'li-na' }, 'full'],
      // li-na reports to zhao-lei, who reports to li-nax (nobody yet): renamed li-nax, she closes the line.
      ['acme/people/li-na.md', { ...liNa, id: 'li-na', reports_to: 'zhao-lei' }, 'quick'],
      ['acme/people/li-na.md', { ...liNa, id: 'li-nax', reports_to: 'zhao-lei' }, 'full'],
    ]);
  });

  it('a reporting line changed: quick unless it closes a cycle', () => {
    run([
      ['acme/people/zhao-lei.md', { kind: 'person', id: 'zhao-lei', account: 'acme', name: '赵雷', reports_to: 'wang-fang' }, 'quick'],
      ['acme/people/li-na.md', { ...liNa, id: 'li-na', reports_to: 'nobody-yet' }, 'quick'],
      // sun-li (of beta) reports to li-na: a cycle across accounts.
      ['acme/people/li-na.md', { ...liNa, id: 'li-na', reports_to: 'sun-li' }, 'full'],
      ['acme/people/li-na.md', { ...liNa, id: 'li-na', reports_to: 'nobody-yet' }, 'full'],
      // wang-fang → li-na → zhao-lei → wang-fang
      ['acme/people/li-na.md', { ...liNa, id: 'li-na', reports_to: 'zhao-lei' }, 'full'],
      // Out of the cycle again: its members carried the finding, so the full path.
      ['acme/people/li-na.md', { ...liNa, id: 'li-na' }, 'full'],
      ['acme/people/li-na.md', { ...liNa, id: 'li-na', reports_to: 'li-na' }, 'quick'],
    ]);
  });
});
