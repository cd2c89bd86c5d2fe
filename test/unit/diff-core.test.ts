import assert from 'node:assert/strict';
import { checkWorkspace } from '../../src/core/check/pipeline.js';
import { diffWorkspaces } from '../../src/core/diff/diff.js';
import { accountDoc, accountOf, AS_OF, baseWorkspace, changed, diffOf, edit, logDoc, personDoc, planDoc, sources } from './helpers/diff-fixtures.js';

const ZHANG = 'accounts/acme/people/zhang-wei.md';
const PLAN = 'accounts/acme/relationship-plan-2026.md';
const LOG = 'accounts/acme/interactions-2026.md';
const ACCOUNT = 'accounts/acme/account.md';

describe('semantic diff (core)', () => {
  const base = baseWorkspace();

  it('no change, no diff', () => {
    const d = diffOf(base, base);
    assert.deepEqual(d.accounts, []);
    assert.deepEqual(d.headlines, []);
    assert.deepEqual(d.files, []);
  });

  it('refuses revisions checked at different as-of dates', () => {
    const files = sources(base);
    assert.throws(() => diffWorkspaces({ result: checkWorkspace(files, { asOf: '2026-11-20' }), files }, { result: checkWorkspace(files, { asOf: '2026-11-21' }), files }), /same as-of/);
  });

  describe('people', () => {
    it('added, removed, renamed (same id), left the company', () => {
      const after = changed(base, {
        'accounts/acme/people/zhao-lei.md': personDoc({ id: 'zhao-lei', name: '赵磊', roles: ['Coach'], influence: 3, stance: 'supporter', coverage: 'brief' }),
        'accounts/acme/people/wang-fang.md': null,
        'accounts/globex/people/zhou-yang.md': personDoc({ id: 'zhou-yang', account: 'globex', name: '周阳', roles: ['TB'], influence: 3, stance: 'supporter', coverage: 'multiple', status: 'left' }),
      });
      const d = diffOf(base, after);
      const acme = accountOf(d, 'acme');
      const added = acme.people.find((p) => p.id === 'zhao-lei')!;
      assert.equal(added.change, 'added');
      assert.deepEqual(added.snapshot, { title: undefined, roles: ['Coach'], stance: 'supporter', influence: 3, coverage: 'brief', status: 'active', quadrant: 'champions' });
      assert.equal(acme.people.find((p) => p.id === 'wang-fang')!.change, 'removed');
      const zhou = accountOf(d, 'globex').people.find((p) => p.id === 'zhou-yang')!;
      assert.deepEqual(zhou.renamed, { from: '周洋', to: '周阳' });
      assert.equal(zhou.left, true);
      const kinds = d.headlines.map((h) => `${h.kind}:${h.accountName ?? ''}:${(h.names ?? []).join(',')}${h.role ? `:${h.role}` : ''}`);
      assert.ok(kinds.includes('key-role-added:ACME 公司:赵磊:Coach'), kinds.join('\n'));
      assert.ok(kinds.includes('person-removed:ACME 公司:王芳'), kinds.join('\n'));
      assert.ok(kinds.includes('person-left:Globex:周阳'), kinds.join('\n'));
      assert.deepEqual(d.totals.people, { added: 1, removed: 1, changed: 1 });
    });

    it('a person moved to another account is reported there, once', () => {
      const after = changed(base, { 'accounts/globex/people/wang-fang.md': personDoc({ id: 'wang-fang', account: 'globex', name: '王芳', roles: ['UB'], influence: 2, stance: 'opponent', coverage: 'brief' }), 'accounts/acme/people/wang-fang.md': null });
      const d = diffOf(base, after);
      const moved = accountOf(d, 'globex').people.find((p) => p.id === 'wang-fang')!;
      assert.equal(moved.movedFrom, 'acme');
      assert.equal(accountOf(d, 'acme').people.filter((p) => p.id === 'wang-fang').length, 0);
    });

    it('stance with direction and steps (opponent → supporter is 3 steps up), quadrant moves', () => {
      let after = edit(base, 'accounts/acme/people/wang-fang.md', 'stance: opponent', 'stance: supporter');
      after = edit(after, ZHANG, 'stance: neutral', 'stance: skeptic');
      const acme = accountOf(diffOf(base, after), 'acme');
      const wang = acme.people.find((p) => p.id === 'wang-fang')!;
      assert.deepEqual(wang.stance, { from: 'opponent', to: 'supporter', direction: 'improved', steps: 3 });
      assert.deepEqual(wang.quadrant, { from: 'naysayers', to: 'fans' });
      const zhang = acme.people.find((p) => p.id === 'zhang-wei')!;
      assert.deepEqual(zhang.stance, { from: 'neutral', to: 'skeptic', direction: 'worsened', steps: 1 });
      assert.deepEqual(zhang.quadrant, { from: 'axis', to: 'blockers' });
    });

    it('a stance that moved two steps is a headline with its steps', () => {
      const after = edit(base, ZHANG, 'stance: neutral', 'stance: champion');
      const d = diffOf(base, after);
      const h = d.headlines.find((x) => x.kind === 'stance')!;
      assert.deepEqual({ names: h.names, from: h.from, to: h.to, direction: h.direction, steps: h.steps }, { names: ['张伟'], from: 'neutral', to: 'champion', direction: 'improved', steps: 2 });
    });

    it('influence, roles and coverage with direction; a new EB is a headline', () => {
      let after = edit(base, ZHANG, 'roles: [TB]', 'roles: [TB, EB]');
      after = edit(after, ZHANG, 'influence: 4', 'influence: 5');
      after = edit(after, ZHANG, 'coverage: multiple', 'coverage: brief');
      const d = diffOf(base, after);
      const zhang = accountOf(d, 'acme').people.find((p) => p.id === 'zhang-wei')!;
      assert.deepEqual(zhang.roles, { added: ['EB'], removed: [] });
      assert.deepEqual(zhang.influence, { from: 4, to: 5, direction: 'improved' });
      assert.deepEqual(zhang.coverage, { from: 'multiple', to: 'brief', direction: 'worsened' });
      assert.ok(d.headlines.some((h) => h.kind === 'key-role-added' && h.role === 'EB' && h.names?.[0] === '张伟'));
    });

    it('sensitive personal fields: only "personal notes changed", never their content', () => {
      const after = edit(base, ZHANG, 'needs: 希望年底前升职', 'needs: 想调去集团总部');
      const d = diffOf(base, after);
      const zhang = accountOf(d, 'acme').people.find((p) => p.id === 'zhang-wei')!;
      assert.equal(zhang.personalNotesChanged, true);
      assert.deepEqual(zhang.fields, []);
      const json = JSON.stringify(d);
      for (const secret of ['升职', '总部', '围棋']) assert.ok(!json.includes(secret), secret);
    });

    it('a finding about a sensitive field is redacted in the diff', () => {
      const after = edit(base, ZHANG, 'preferences: [围棋]', 'preferences: [围棋, 2027]');
      const d = diffOf(base, after);
      const f = accountOf(d, 'acme').findings.introduced.find((x) => x.rule === 'schema')!;
      assert.ok(f, 'the wrong-typed list is reported');
      assert.match(f.message, /personal-data field `preferences`/);
      assert.ok(!JSON.stringify(d).includes('围棋'));
    });
  });

  describe('relationship plan', () => {
    it('stage and target changes with direction, cadence changes, new planned interactions, contacts added and removed', () => {
      const after = changed(base, {
        [PLAN]: planDoc('acme', [
          '  - {person: zhang-wei, layer: key, stage: purchase, target_stage: advocacy, target_stance: champion, cadence: {ideal: 21, max: 30}, next: 2026-12-01}',
          '  - {person: sun-li, layer: key, stage: purchase, target_stage: advocacy}',
        ]),
      });
      const plan = accountOf(diffOf(base, after), 'acme').plan;
      const zhang = plan.contacts.find((c) => c.person === 'zhang-wei')!;
      assert.equal(zhang.change, 'changed');
      assert.deepEqual(zhang.fields.map((f) => [f.field, f.from, f.to, f.direction]), [
        ['stage', 'recognition', 'purchase', 'improved'],
        ['target_stage', 'purchase', 'advocacy', 'improved'],
        ['cadence', '45/60', '21/30', undefined],
        ['next', undefined, '2026-12-01', undefined],
      ]);
      assert.equal(zhang.plannedNext, '2026-12-01');
      assert.equal(plan.contacts.find((c) => c.person === 'wang-fang')!.change, 'removed');
    });

    it('a new plan document is listed', () => {
      const after = changed(base, { 'accounts/acme/relationship-plan-2027.md': fmPlan2027() });
      const plan = accountOf(diffOf(base, after), 'acme').plan;
      assert.deepEqual(plan.added.map((p) => p.period), ['2027-01-01…2027-12-31']);
    });
  });

  describe('interactions and cadence', () => {
    it('counts the interactions logged per account and who was met; an edited summary is not a new interaction', () => {
      const after = changed(base, {
        [LOG]: logDoc('acme', [
          '2026-10-01 meeting @zhang-wei @sun-li: 技术交流（已更正）',
          '2026-11-01 visit @sun-li: 商务拜访',
          '2026-11-10 call @wang-fang: 需求澄清',
          '2026-11-18 visit @zhang-wei: 技术标预审',
          '2026-11-19 wechat @zhang-wei @wang-fang: 报价确认',
        ]),
      });
      const d = diffOf(base, after);
      const ix = accountOf(d, 'acme').interactions;
      assert.deepEqual(ix.added.map((i) => `${i.date} ${i.channel} ${i.people.map((p) => p.name).join('+')}`), ['2026-11-18 visit 张伟', '2026-11-19 wechat 张伟+王芳']);
      assert.deepEqual(ix.met, [{ id: 'zhang-wei', name: '张伟', count: 2 }, { id: 'wang-fang', name: '王芳', count: 1 }]);
      assert.deepEqual(ix.edited.map((i) => i.summary), ['技术交流（已更正）']);
      assert.equal(d.totals.interactions, 2);
      assert.ok(d.headlines.some((h) => h.kind === 'interactions' && h.count === 2));
    });

    it('contacts that became overdue, and back on track, at the same as-of date', () => {
      // A tighter plan cadence makes 张伟 (last met 2026-10-01, 50 days ago) overdue.
      const after = edit(base, PLAN, 'cadence: {ideal: 45, max: 60}', 'cadence: {ideal: 20, max: 30}');
      const d = diffOf(base, after);
      const c = accountOf(d, 'acme').cadence.find((x) => x.person === 'zhang-wei')!;
      assert.equal(c.from.state, 'due-soon');
      assert.equal(c.to.state, 'overdue');
      assert.equal(c.direction, 'worsened');
      assert.deepEqual(c.to.expected, { ideal: 20, max: 30 });
      assert.ok(d.headlines.some((h) => h.kind === 'became-overdue' && h.names?.includes('张伟')));
      const back = diffOf(after, base);
      assert.ok(back.headlines.some((h) => h.kind === 'back-on-track' && h.names?.includes('张伟')));
    });
  });

  describe('accounts', () => {
    it('tier, owner, review status, objectives added/changed/done, health band with its parts', () => {
      const after = changed(base, {
        [ACCOUNT]: accountDoc('acme', {
          name: 'ACME 公司', tier: 'B', owner: 'chen-hao', review: 'approved',
          objectives: [
            '  - {id: win-core, title: 赢得核心网项目, due: 2026-12-20, status: done}',
            '  - {id: lab, title: 实验室二期（AI 运维）, due: 2027-03-31, status: at-risk}',
            '  - {id: nps, title: NPS 提升, due: 2026-12-31, status: not-started}',
          ],
          extra: [],
        }).replace('health: {nps: 30, csat: 80, churn_risk: low}', 'health: {nps: -80, csat: 10, churn_risk: high}'),
      });
      const d = diffOf(base, after);
      const acme = accountOf(d, 'acme');
      const fields = Object.fromEntries(acme.fields.map((f) => [f.field, [f.from, f.to, f.direction]]));
      assert.deepEqual(fields.tier, ['A', 'B', undefined]);
      assert.deepEqual(fields.owner, ['li-na', 'chen-hao', undefined]);
      assert.deepEqual(fields['review.status'], ['submitted', 'approved', 'improved']);
      assert.deepEqual(fields['health.churn_risk'], ['low', 'high', 'worsened']);
      const objectives = Object.fromEntries(acme.objectives.map((o) => [o.id, o]));
      assert.equal(objectives['win-core'].done, true);
      assert.equal(objectives.nps.change, 'added');
      assert.deepEqual(objectives.lab.fields.map((f) => f.field), ['title', 'due']);
      assert.ok(acme.health);
      assert.equal(acme.health!.direction, 'worsened');
      assert.deepEqual([acme.health!.from.band, acme.health!.to.band], ['amber', 'red']);
      const experience = (s: typeof acme.health.from) => s.parts.find((p) => p.part === 'experience')!.score;
      assert.ok(experience(acme.health!.to)! < experience(acme.health!.from)!);
      const kinds = d.headlines.map((h) => h.kind);
      for (const k of ['tier', 'owner', 'review', 'objective-done', 'health'] as const) assert.ok(kinds.includes(k), `${k} in ${kinds.join(', ')}`);
    });

    it('a deleted account: removed, with its people, and its findings resolved', () => {
      const after = Object.fromEntries(Object.entries(base).filter(([p]) => !p.startsWith('accounts/globex/')));
      const d = diffOf(base, after);
      const globex = accountOf(d, 'globex');
      assert.equal(globex.change, 'removed');
      assert.deepEqual(globex.size, { people: 2, documents: 4 });
      assert.deepEqual(globex.files.map((f) => `${f.change} ${f.path}`).sort(), [
        'removed accounts/globex/account.md', 'removed accounts/globex/interactions-2026.md', 'removed accounts/globex/people/li-ming.md', 'removed accounts/globex/people/zhou-yang.md',
      ]);
      assert.equal(d.headlines[0].kind, 'account-removed');
      assert.equal(d.accounts.length, 1, 'ACME is unchanged');
    });

    it('an account plan that only became unreadable is a changed account with a new error, not a removed one', () => {
      const after = edit(base, ACCOUNT, 'tier: A', 'tier: A\n  oops: [');
      const acme = accountOf(diffOf(base, after), 'acme');
      assert.equal(acme.change, 'changed');
      assert.ok(acme.findings.introduced.some((f) => f.rule === 'yaml-syntax' && f.file === ACCOUNT));
    });

    it('a new account', () => {
      const after = changed(base, { 'accounts/initech/account.md': accountDoc('initech', { name: 'Initech', tier: 'C' }) });
      const d = diffOf(base, after);
      assert.equal(accountOf(d, 'initech').change, 'added');
      assert.equal(d.headlines[0].kind, 'account-added');
    });
  });

  describe('findings', () => {
    it('introduced and resolved, matched by rule, file and subject', () => {
      let after = edit(base, 'accounts/acme/people/sun-li.md', 'roles: [EB]', 'roles: [UB]'); // no EB any more
      after = edit(after, 'accounts/globex/people/li-ming.md', 'stance: champion', 'stance: champoin'); // a typo
      const d = diffOf(base, after);
      assert.deepEqual(accountOf(d, 'acme').findings.introduced.map((f) => f.rule), ['missing-economic-buyer']);
      const globex = accountOf(d, 'globex').findings;
      assert.deepEqual(globex.introduced.map((f) => `${f.rule}@${f.line}`), ['economic-buyer-not-supportive@6', 'schema@8']);
      const back = diffOf(after, base);
      assert.deepEqual(accountOf(back, 'acme').findings.resolved.map((f) => f.rule), ['missing-economic-buyer']);
      assert.ok(back.headlines.some((h) => h.kind === 'findings-resolved' && h.rules?.some((r) => r.rule === 'missing-economic-buyer')));
    });

    it('lines inserted above a finding do not make it look fixed and introduced again', () => {
      const broken = edit(base, 'accounts/globex/people/li-ming.md', 'stance: champion', 'stance: champoin');
      const moved = edit(broken, 'accounts/globex/people/li-ming.md', 'kind: person', 'kind: person\n# a comment\n# another one\ntitle: CIO');
      const d = diffOf(broken, moved);
      const globex = accountOf(d, 'globex');
      assert.deepEqual(globex.findings.introduced, []);
      assert.deepEqual(globex.findings.resolved, []);
    });

    it('reordering plan contacts keeps findings on them (list indices are not subjects)', () => {
      const withBad = edit(base, PLAN, '  - {person: wang-fang, layer: general, stage: awareness, target_stage: recognition}', '  - {person: wang-fang, layer: general, stage: awareness, target_stage: recognition, target_stance: friendly}');
      const reordered = changed(withBad, {
        [PLAN]: planDoc('acme', [
          '  - {person: wang-fang, layer: general, stage: awareness, target_stage: recognition, target_stance: friendly}',
          '  - {person: zhang-wei, layer: key, stage: recognition, target_stage: purchase, target_stance: champion, cadence: {ideal: 45, max: 60}}',
          '  - {person: sun-li, layer: key, stage: purchase, target_stage: advocacy}',
        ]),
      });
      const acme = accountOf(diffOf(withBad, reordered), 'acme');
      assert.deepEqual(acme.findings.introduced, []);
      assert.deepEqual(acme.findings.resolved, []);
    });

    it('follow renamed files: git renames, or the same document moved', () => {
      const broken = edit(base, 'accounts/globex/people/li-ming.md', 'stance: champion', 'stance: champoin');
      const moved = changed(broken, { 'accounts/globex/people/li-ming.md': null, 'accounts/globex/contacts/li-ming.md': broken['accounts/globex/people/li-ming.md'] });
      for (const renames of [new Map([['accounts/globex/people/li-ming.md', 'accounts/globex/contacts/li-ming.md']]), undefined]) {
        const d = diffOf(broken, moved, { renames });
        assert.deepEqual(d.files.map((f) => `${f.change} ${f.from ?? ''} ${f.path}`), ['renamed accounts/globex/people/li-ming.md accounts/globex/contacts/li-ming.md']);
        const globex = accountOf(d, 'globex');
        assert.deepEqual(globex.findings.introduced, []);
        assert.deepEqual(globex.findings.resolved, []);
        assert.deepEqual(globex.people, []);
      }
    });

    it('a finding whose severity changed is neither introduced nor resolved; a tier change resolves tier-only rules', () => {
      const louder = changed(base, { 'keyplan.yaml': 'locale: en\nrules:\n  interaction-due-soon: warning\n' });
      const d = diffOf(base, louder);
      assert.equal(d.workspace.configChanged, true);
      const acme = accountOf(d, 'acme');
      assert.deepEqual(acme.findings.severityChanged.map((f) => `${f.rule} ${f.from}→${f.severity} ${f.file}`), [
        'interaction-due-soon info→warning accounts/acme/people/zhang-wei.md',
        'interaction-due-soon info→warning accounts/acme/relationship-plan-2026.md',
      ]);
      assert.deepEqual(acme.findings.introduced, []);
      assert.equal(d.headlines[0].kind, 'config');
      const tierB = accountOf(diffOf(base, edit(base, ACCOUNT, 'tier: A', 'tier: B')), 'acme');
      assert.deepEqual(tierB.findings.resolved.map((f) => f.rule), ['missing-coach']);
    });
  });

  it('focus limits the diff to accounts with a document under the given paths', () => {
    let after = edit(base, ZHANG, 'stance: neutral', 'stance: supporter');
    after = edit(after, 'accounts/globex/people/li-ming.md', 'coverage: in-depth', 'coverage: multiple');
    const d = diffOf(base, after, { focus: (f) => f.startsWith('accounts/globex/') });
    assert.deepEqual(d.accounts.map((a) => a.id), ['globex']);
  });

  it('every result is at the same as-of: cadence reflects the data, not the clock', () => {
    const d1 = diffOf(base, base, { asOf: '2026-11-20' });
    const d2 = diffOf(base, base, { asOf: '2027-06-01' });
    assert.deepEqual(d1.accounts, []);
    assert.deepEqual(d2.accounts, []);
    assert.equal(d2.asOf, '2027-06-01');
    assert.equal(AS_OF, '2026-11-20');
  });
});

function fmPlan2027(): string {
  return `---\nkind: relationship-plan\nid: acme-2027\naccount: acme\nperiod: {start: 2027-01-01, end: 2027-12-31}\ncontacts: []\n---\n`;
}
