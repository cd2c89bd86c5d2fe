import assert from 'node:assert/strict';
import type { Severity } from '../../src/core/diagnostic.js';
import { ruleInfo } from '../../src/core/rules/index.js';
import {
  ACCOUNT, AS_OF, findings, lineOf, listFindings, PLAN, personFile, single, workspace,
  type AccountOpts, type ContactOpts, type PersonOpts, type WorkspaceBuilder,
} from './helpers/workspace.js';

const METHODOLOGY = [
  'missing-economic-buyer', 'economic-buyer-not-supportive', 'missing-coach', 'single-threaded', 'key-player-uncovered',
  'stage-target-missing', 'plan-period-ended', 'review-overdue', 'objective-overdue',
] as const;
type Rule = (typeof METHODOLOGY)[number];
type Tier = 'A' | 'B' | 'C';

/** A well-run account: EB (supporter), Coach and a third contact, a current plan with targets. */
interface Setup {
  tier: Tier;
  account: AccountOpts;
  people: Record<string, PersonOpts>;
  contacts: ContactOpts[];
  config?: string[];
}

function healthy(tier: Tier): Setup {
  return {
    tier,
    account: { period: ['2026-01-01', '2026-12-31'], review: { status: 'approved', next: '2027-01-15' }, objectives: [{ id: 'win', due: '2026-12-31', status: 'on-track' }] },
    people: {
      eb: { roles: ['EB'], influence: 5, stance: 'supporter', coverage: 'multiple' },
      coach: { roles: ['Coach'], influence: 3, stance: 'champion', coverage: 'in-depth' },
      tb: { roles: ['TB'], influence: 3, stance: 'neutral', coverage: 'brief' },
    },
    contacts: [
      { person: 'eb', stage: 'recognition', target_stage: 'purchase' },
      { person: 'coach', stage: 'purchase', target_stage: 'advocacy' },
      { person: 'tb', stage: 'awareness', target_stage: 'recognition' },
    ],
  };
}

function build(s: Setup): WorkspaceBuilder {
  const ws = workspace().account('acme', { ...s.account, tier: s.tier });
  for (const [id, p] of Object.entries(s.people)) ws.person(id, p);
  ws.plan({ contacts: s.contacts });
  ws.log('acme', [`${AS_OF} meeting @eb @coach @tb: review`]);
  if (s.config) ws.config(s.config);
  return ws;
}

const methodologyFindings = (ws: WorkspaceBuilder) => ws.check().diagnostics.filter((d) => (METHODOLOGY as readonly string[]).includes(d.rule));

/** For each rule: how to make it fire, and the file the finding is placed in. */
const SCENARIOS: Record<Rule, { fire: (s: Setup) => void; file: string }> = {
  'missing-economic-buyer': { fire: (s) => { s.people.eb.roles = ['UB']; }, file: ACCOUNT },
  'economic-buyer-not-supportive': { fire: (s) => { s.people.eb.stance = 'neutral'; }, file: personFile('eb') },
  'missing-coach': { fire: (s) => { s.people.coach.roles = ['UB']; }, file: ACCOUNT },
  'single-threaded': { fire: (s) => { s.people.coach.coverage = 'brief'; }, file: ACCOUNT },
  'key-player-uncovered': { fire: (s) => { Object.assign(s.people.tb, { influence: 4, coverage: 'none' }); }, file: personFile('tb') },
  'stage-target-missing': { fire: (s) => { delete s.contacts[2].target_stage; }, file: PLAN },
  'plan-period-ended': { fire: (s) => { s.account.period = ['2026-01-01', '2026-10-31']; }, file: ACCOUNT },
  'review-overdue': { fire: (s) => { s.account.review = { status: 'submitted', next: '2026-11-19' }; }, file: ACCOUNT },
  'objective-overdue': { fire: (s) => { s.account.objectives = [{ id: 'late', due: '2026-11-19', status: 'at-risk' }]; }, file: ACCOUNT },
};

/** Default severity per tier (null: not reported), as documented in docs/rules.md. */
const DEFAULTS: Record<Rule, Record<Tier, Severity | null>> = {
  'missing-economic-buyer': { A: 'warning', B: 'warning', C: null },
  'economic-buyer-not-supportive': { A: 'warning', B: 'warning', C: 'info' },
  'missing-coach': { A: 'warning', B: null, C: null },
  'single-threaded': { A: 'warning', B: 'warning', C: 'info' },
  'key-player-uncovered': { A: 'warning', B: 'warning', C: 'info' },
  'stage-target-missing': { A: 'warning', B: 'warning', C: 'info' },
  'plan-period-ended': { A: 'warning', B: 'warning', C: 'warning' },
  'review-overdue': { A: 'warning', B: 'warning', C: 'warning' },
  'objective-overdue': { A: 'warning', B: 'warning', C: 'warning' },
};

function scenario(rule: Rule, tier: Tier, extra?: (s: Setup) => void): WorkspaceBuilder {
  const s = healthy(tier);
  SCENARIOS[rule].fire(s);
  extra?.(s);
  return build(s);
}

describe('methodology rules: common behaviour', () => {
  for (const tier of ['A', 'B', 'C'] as const) {
    it(`a well-run tier-${tier} account has no methodology findings`, () => {
      assert.equal(listFindings(methodologyFindings(build(healthy(tier)))), '');
    });
  }

  for (const rule of METHODOLOGY) {
    describe(rule, () => {
      it('is registered as a methodology rule with the documented defaults', () => {
        const info = ruleInfo(rule);
        assert.equal(info?.category, 'methodology');
        const severity = info!.severity;
        for (const tier of ['A', 'B', 'C'] as const) {
          const d = typeof severity === 'string' ? severity : severity[tier];
          assert.equal(d === 'off' ? null : d, DEFAULTS[rule][tier], tier);
        }
      });

      for (const tier of ['A', 'B', 'C'] as const) {
        const expected = DEFAULTS[rule][tier];
        it(`tier ${tier}: ${expected ? `fires as ${expected}` : 'is off by default'}, in ${SCENARIOS[rule].file}`, () => {
          const found = findings(build((() => { const s = healthy(tier); SCENARIOS[rule].fire(s); return s; })()).check(), rule);
          if (!expected) return assert.deepEqual(found, []);
          assert.equal(found.length, 1, listFindings(found));
          assert.equal(found[0].severity, expected);
          assert.equal(found[0].file, SCENARIOS[rule].file);
          assert.equal(found[0].data?.account, 'acme');
        });
      }

      it('does not fire on the well-run account (only the scenario\'s change makes it fire)', () => {
        assert.deepEqual(findings(build(healthy('A')).check(), rule), []);
      });

      it(`is suppressed by \`# keyplan-disable ${rule}\` in that file's frontmatter`, () => {
        const ws = scenario(rule, 'A');
        assert.equal(findings(ws.check(), rule).length, 1);
        ws.disable(SCENARIOS[rule].file, rule);
        assert.deepEqual(findings(ws.check(), rule), []);
      });

      it('is not suppressed by a disable comment for another rule or in another file', () => {
        const ws = scenario(rule, 'A').disable(SCENARIOS[rule].file, 'some-other-rule');
        const other = SCENARIOS[rule].file === ACCOUNT ? PLAN : ACCOUNT;
        ws.disable(other, rule);
        assert.equal(findings(ws.check(), rule).length, 1);
      });

      it('is turned off by keyplan.yaml `rules: { <rule>: off }`', () => {
        const r = scenario(rule, 'A', (s) => { s.config = ['rules:', `  ${rule}: off`]; }).check();
        assert.deepEqual(findings(r, rule), []);
      });

      it('takes a global severity from keyplan.yaml', () => {
        const r = scenario(rule, 'A', (s) => { s.config = ['rules:', `  ${rule}: info`]; }).check();
        assert.equal(single(r, rule).severity, 'info');
      });

      it('takes a per-tier severity `{A: error}` from keyplan.yaml; other tiers keep their default', () => {
        const config = ['rules:', `  ${rule}: { A: error }`];
        assert.equal(single(scenario(rule, 'A', (s) => { s.config = config; }).check(), rule).severity, 'error');
        const b = findings(scenario(rule, 'B', (s) => { s.config = config; }).check(), rule);
        assert.deepEqual(b.map((d) => d.severity), DEFAULTS[rule].B ? [DEFAULTS[rule].B] : []);
      });
    });
  }
});

describe('methodology: missing-economic-buyer', () => {
  it('is placed on the account plan\'s `tier` value and names the account', () => {
    const ws = scenario('missing-economic-buyer', 'B');
    const d = single(ws.check(), 'missing-economic-buyer');
    assert.equal(d.range.start.line, lineOf(ws.get(ACCOUNT), 'tier: B'));
    assert.match(d.message, /^acme 公司 \(tier B\) has no active economic buyer \(EB\)/);
  });

  it('an EB who left does not count', () => {
    const r = build((() => { const s = healthy('A'); s.people.eb.status = 'left'; return s; })()).check();
    assert.equal(findings(r, 'missing-economic-buyer').length, 1);
  });

  it('one active EB is enough even when another EB left', () => {
    const s = healthy('A');
    s.people['old-eb'] = { roles: ['EB'], stance: 'champion', status: 'left', coverage: 'in-depth' };
    assert.deepEqual(findings(build(s).check(), 'missing-economic-buyer'), []);
  });

  it('can be turned on for tier C in keyplan.yaml', () => {
    const r = scenario('missing-economic-buyer', 'C', (s) => { s.config = ['rules:', '  missing-economic-buyer: { C: warning }']; }).check();
    assert.equal(single(r, 'missing-economic-buyer').severity, 'warning');
  });

  it('is not reported for an account without a valid tier', () => {
    const r = scenario('missing-economic-buyer', 'X' as Tier).check();
    assert.deepEqual(findings(r, 'missing-economic-buyer'), []);
  });
});

describe('methodology: economic-buyer-not-supportive', () => {
  const withStance = (stance: string | undefined, extra: PersonOpts = {}) => {
    const s = healthy('A');
    s.people.eb = { ...s.people.eb, stance, ...extra };
    if (stance === undefined) delete s.people.eb.stance;
    return build(s);
  };

  for (const stance of ['neutral', 'skeptic', 'opponent', 'unknown']) {
    it(`fires for a ${stance} EB, on the \`stance\` value`, () => {
      const ws = withStance(stance);
      const d = single(ws.check(), 'economic-buyer-not-supportive');
      assert.equal(d.file, personFile('eb'));
      assert.equal(d.range.start.line, lineOf(ws.get(personFile('eb')), 'stance:'));
      assert.equal(d.data?.stance, stance);
      assert.match(d.message, stance === 'unknown' ? /is of unknown stance toward us/ : new RegExp(`is ${stance} toward us`));
    });
  }

  it('fires when the stance is not recorded, on the `roles` value', () => {
    const ws = withStance(undefined);
    const d = single(ws.check(), 'economic-buyer-not-supportive');
    assert.equal(d.range.start.line, lineOf(ws.get(personFile('eb')), 'roles:'));
  });

  for (const stance of ['supporter', 'champion']) {
    it(`does not fire for a ${stance} EB`, () => {
      assert.deepEqual(findings(withStance(stance).check(), 'economic-buyer-not-supportive'), []);
    });
  }

  it('does not fire for an EB who left, nor for a neutral person without the EB role', () => {
    assert.deepEqual(findings(withStance('opponent', { status: 'left' }).check(), 'economic-buyer-not-supportive'), []);
    const s = healthy('A');
    s.people.tb.stance = 'opponent';
    assert.deepEqual(findings(build(s).check(), 'economic-buyer-not-supportive'), []);
  });

  it('speaks Chinese with locale zh-cn', () => {
    const d = single(withStance('skeptic').check(AS_OF, 'zh-cn'), 'economic-buyer-not-supportive');
    assert.match(d.message, /^经济决策人 eb 对我方的立场为怀疑者。/);
  });
});

describe('methodology: missing-coach', () => {
  it('fires when the only Coach left', () => {
    const s = healthy('A');
    s.people.coach.status = 'left';
    s.people.extra = { roles: ['UB'], coverage: 'multiple' };
    assert.equal(findings(build(s).check(), 'missing-coach').length, 1);
  });

  it('a person with several roles including Coach counts', () => {
    const s = healthy('A');
    s.people.coach.roles = ['UB'];
    s.people.tb.roles = ['TB', 'Coach'];
    assert.deepEqual(findings(build(s).check(), 'missing-coach'), []);
  });

  it('can be turned on for tier B in keyplan.yaml', () => {
    const r = scenario('missing-coach', 'B', (s) => { s.config = ['rules:', '  missing-coach: { B: info }']; }).check();
    assert.equal(single(r, 'missing-coach').severity, 'info');
    // The message names the tiers the rule applies to in this workspace, not "strategic accounts".
    assert.match(single(r, 'missing-coach').message, /\(tier B\) has no Coach: nobody guides us inside the account\. Tier A and B accounts need one\.$/);
  });

  it('names the tiers it applies to: A by default, all three when set for every tier, in Chinese too', () => {
    const a = single(scenario('missing-coach', 'A').check(), 'missing-coach');
    assert.match(a.message, / Tier A accounts need one\.$/);
    const all = scenario('missing-coach', 'C', (s) => { s.config = ['rules:', '  missing-coach: warning']; }).check();
    assert.match(single(all, 'missing-coach').message, / Tier A, B and C accounts need one\.$/);
    const zh = scenario('missing-coach', 'B', (s) => { s.config = ['locale: zh-cn', 'rules:', '  missing-coach: { B: info }']; }).check();
    assert.match(single(zh, 'missing-coach').message, /A 和 B 类客户必须有教练。$/);
  });
});

describe('methodology: single-threaded', () => {
  it('fewer than 3 active contacts: people who left do not count', () => {
    const s = healthy('A');
    s.people.tb.status = 'left';
    const ws = build(s);
    const d = single(ws.check(), 'single-threaded');
    assert.equal(d.range.start.line, lineOf(ws.get(ACCOUNT), 'name:'));
    assert.equal(d.data?.contacts, 2);
    assert.match(d.message, /only 2 active contacts \(at least 3 expected\)/);
  });

  it('one active contact: singular message', () => {
    const r = workspace().account('acme', { tier: 'B' }).person('eb', { roles: ['EB'], stance: 'supporter' }).check();
    assert.match(single(r, 'single-threaded').message, /only 1 active contact \(at least 3 expected\)/);
  });

  it('three or more contacts but only one covered more than briefly, all coverages known', () => {
    const r = scenario('single-threaded', 'A').check();
    const d = single(r, 'single-threaded');
    assert.equal(d.data?.deep, 1);
    assert.match(d.message, /only 1 of 3 contacts is covered more than briefly/);
  });

  it('zero deep contacts also fires', () => {
    const r = scenario('single-threaded', 'A', (s) => { s.people.eb.coverage = 'none'; }).check();
    assert.equal(single(r, 'single-threaded').data?.deep, 0);
  });

  it('does not fire when some coverage is unknown (it might be deep)', () => {
    for (const coverage of ['unknown', undefined]) {
      const r = scenario('single-threaded', 'A', (s) => {
        s.people.tb.coverage = coverage;
        if (coverage === undefined) delete s.people.tb.coverage;
      }).check();
      assert.deepEqual(findings(r, 'single-threaded'), [], String(coverage));
    }
  });

  it('does not fire with two deep contacts', () => {
    assert.deepEqual(findings(build(healthy('A')).check(), 'single-threaded'), []);
  });
});

describe('methodology: key-player-uncovered', () => {
  const player = (p: PersonOpts) => {
    const s = healthy('A');
    s.people.tb = { roles: ['TB'], stance: 'neutral', ...p };
    return build(s);
  };

  it('influence 4 with coverage none: on the `coverage` value', () => {
    const ws = player({ influence: 4, coverage: 'none' });
    const d = single(ws.check(), 'key-player-uncovered');
    assert.equal(d.range.start.line, lineOf(ws.get(personFile('tb')), 'coverage: none'));
    assert.match(d.message, /tb has influence 4 of 5 but coverage none/);
  });

  it('influence 5 with coverage unknown or not recorded: on `coverage` or `influence`', () => {
    assert.equal(findings(player({ influence: 5, coverage: 'unknown' }).check(), 'key-player-uncovered').length, 1);
    const ws = player({ influence: 5 });
    const d = single(ws.check(), 'key-player-uncovered');
    assert.equal(d.range.start.line, lineOf(ws.get(personFile('tb')), 'influence: 5'));
  });

  it('does not fire for brief coverage, influence 3 or less, unknown influence, or people who left', () => {
    for (const p of [{ influence: 4, coverage: 'brief' }, { influence: 3, coverage: 'none' }, { coverage: 'none' }, { influence: 5, coverage: 'none', status: 'left' as const }]) {
      assert.deepEqual(findings(player(p).check(), 'key-player-uncovered'), [], JSON.stringify(p));
    }
  });
});

describe('methodology: stage-target-missing', () => {
  const contact = (c: Partial<ContactOpts>) => {
    const s = healthy('A');
    s.contacts[2] = { person: 'tb', ...c };
    return build(s);
  };

  it('a contact without target_stage: on the contact\'s `person` value', () => {
    const ws = contact({ stage: 'awareness' });
    const d = single(ws.check(), 'stage-target-missing');
    assert.equal(d.range.start.line, lineOf(ws.get(PLAN), 'person: tb'));
    assert.match(d.message, /^No target stage for tb/);
  });

  it('a target below the current stage: on `target_stage`', () => {
    const ws = contact({ stage: 'purchase', target_stage: 'recognition' });
    const d = single(ws.check(), 'stage-target-missing');
    assert.equal(d.range.start.line, lineOf(ws.get(PLAN), 'target_stage: recognition', lineOf(ws.get(PLAN), 'person: tb')));
    assert.match(d.message, /target stage recognition for tb is below the current stage purchase/);
  });

  it('does not fire for a target equal to or above the stage, or a target without a stage', () => {
    for (const c of [{ stage: 'purchase', target_stage: 'purchase' }, { stage: 'awareness', target_stage: 'advocacy' }, { target_stage: 'recognition' }]) {
      assert.deepEqual(findings(contact(c).check(), 'stage-target-missing'), [], JSON.stringify(c));
    }
  });

  it('does not fire for a person who left (contact-left covers them)', () => {
    const s = healthy('A');
    delete s.contacts[2].target_stage;
    s.people.tb.status = 'left';
    const r = build(s).check();
    assert.deepEqual(findings(r, 'stage-target-missing'), []);
    assert.equal(findings(r, 'contact-left').length, 2);
  });

  it('does not fire in a plan that is no longer current', () => {
    const ws = build(healthy('A')).plan({ period: ['2025-01-01', '2025-12-31'], contacts: [{ person: 'tb' }] }, 'plan-2025.md');
    assert.deepEqual(findings(ws.check(), 'stage-target-missing'), []);
  });
});

describe('methodology: plan-period-ended', () => {
  it('account plan: on `period.end`, with the days since', () => {
    const ws = scenario('plan-period-ended', 'A');
    const d = single(ws.check(), 'plan-period-ended');
    assert.equal(d.range.start.line, lineOf(ws.get(ACCOUNT), 'period:'));
    assert.match(d.message, /^This account plan ended on 2026-10-31 \(20 days ago\) and no newer one covers 2026-11-20\./);
  });

  it('an account plan ending on the as-of day has not ended', () => {
    const s = healthy('A');
    s.account.period = ['2026-01-01', AS_OF];
    assert.deepEqual(findings(build(s).check(), 'plan-period-ended'), []);
  });

  it('relationship plan: fires when it has ended and no newer plan covers the as-of date', () => {
    const ws = build(healthy('A')).plan({ period: ['2026-01-01', '2026-06-30'], contacts: healthy('A').contacts });
    const d = single(ws.check(), 'plan-period-ended');
    assert.equal(d.file, PLAN);
    assert.equal(d.range.start.line, lineOf(ws.get(PLAN), 'period:'));
    assert.match(d.message, /^This relationship plan ended on 2026-06-30 \(143 days ago\)/);
  });

  it('relationship plan: not when a newer plan covers the as-of date', () => {
    const ws = build(healthy('A')).plan({ period: ['2025-01-01', '2025-12-31'], contacts: [{ person: 'eb', target_stage: 'purchase' }] }, 'plan-2025.md');
    assert.deepEqual(findings(ws.check(), 'plan-period-ended'), []);
  });

  it('relationship plan: only the newest lapsed plan is reported', () => {
    const ws = build(healthy('A'))
      .plan({ period: ['2026-01-01', '2026-06-30'], contacts: [{ person: 'eb', target_stage: 'purchase' }] }, 'relationship-plan.md')
      .plan({ period: ['2025-01-01', '2025-12-31'], contacts: [{ person: 'eb', target_stage: 'purchase' }] }, 'plan-2025.md');
    assert.deepEqual(findings(ws.check(), 'plan-period-ended').map((d) => d.file), [PLAN]);
  });

  it('in Chinese', () => {
    const d = single(scenario('plan-period-ended', 'A').check(AS_OF, 'zh-cn'), 'plan-period-ended');
    assert.equal(d.message, '本客户计划已于 2026-10-31 结束（20 天前），且没有覆盖 2026-11-20 的新规划。请制定下一周期的规划。');
  });
});

describe('methodology: review-overdue', () => {
  it('a passed review date: on `review.next`, with the review status', () => {
    const ws = scenario('review-overdue', 'A');
    const d = single(ws.check(), 'review-overdue');
    assert.equal(d.range.start.line, lineOf(ws.get(ACCOUNT), 'next: 2026-11-19'));
    assert.equal(d.message, 'The plan review was due on 2026-11-19 (1 day ago); review status is submitted.');
  });

  it('not on or before the review date', () => {
    for (const next of [AS_OF, '2026-11-21']) {
      const s = healthy('A');
      s.account.review = { status: 'draft', next };
      assert.deepEqual(findings(build(s).check(), 'review-overdue'), [], next);
    }
  });
});

describe('methodology: objective-overdue', () => {
  const objectives = (list: AccountOpts['objectives']) => {
    const s = healthy('A');
    s.account.objectives = list;
    return build(s);
  };

  it('fires for each past-due objective that is not done or dropped, on its `due`', () => {
    const ws = objectives([
      { id: 'a', due: '2026-10-31', status: 'at-risk' },
      { id: 'b', due: '2026-10-31', status: 'not-started' },
      { id: 'c', due: '2026-10-31', status: 'on-track' },
      { id: 'd', due: '2026-10-31' },
      { id: 'e', due: '2026-10-31', status: 'done' },
      { id: 'f', due: '2026-10-31', status: 'dropped' },
      { id: 'g', due: AS_OF, status: 'at-risk' },
      { id: 'h', due: '2027-01-01', status: 'at-risk' },
      { id: 'i', status: 'at-risk' },
    ]);
    const r = ws.check();
    const ds = findings(r, 'objective-overdue');
    assert.deepEqual(ds.map((d) => d.data?.objective), ['a', 'b', 'c', 'd']);
    const text = ws.get(ACCOUNT);
    assert.deepEqual(ds.map((d) => d.range.start.line), ['a', 'b', 'c', 'd'].map((id) => lineOf(text, 'due: 2026-10-31', lineOf(text, `- id: ${id}`))));
    assert.equal(ds[0].message, 'Objective a “a” was due on 2026-10-31 (20 days ago) and is at-risk.');
    assert.match(ds[3].message, /and is not-started\.$/, 'no status means not started');
  });
});
