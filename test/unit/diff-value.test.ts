/** `keyplan diff` on the value and early-warning fields (#20): each series compared entry by entry, and new or resolved warnings. */
import assert from 'node:assert/strict';
import { accountDoc, accountOf, baseWorkspace, changed, diffOf } from './helpers/diff-fixtures.js';

const ACCOUNT = 'accounts/acme/account.md';
const acme = (extra: string[]) => accountDoc('acme', { name: 'ACME 公司', extra });

describe('semantic diff: value and early warning', () => {
  const before = [
    'label: in-use',
    'contract: {start: 2025-01-01, end: 2025-12-31, renewal: in-progress}',
    'revenue:', '  - {period: 2026-Q2, amount: 1000}',
    'surveys:', '  - {kind: nps, date: 2026-03-01, score: 50}',
    'whitespace:', '  - {unit: 云事业部, offering: 运维, status: open}',
    'competitors:', '  - {name: 某友商, strength: medium}',
    'attraction: {product: {score: 4}}',
    'switching_costs: {process: {score: 3}}',
  ];
  const after = [
    'label: churn-warning',
    'contract: {start: 2025-01-01, end: 2025-12-31, renewal: lost}',
    'revenue:', '  - {period: 2026-Q2, amount: 1000}', '  - {period: 2026-Q3, amount: 400}',
    'surveys:', '  - {kind: nps, date: 2026-03-01, score: 50}', '  - {kind: nps, date: 2026-09-01, score: 25}',
    'whitespace:', '  - {unit: 云事业部, offering: 运维, status: competitor, competitor: 某友商}',
    'competitors:', '  - {name: 某友商, strength: strong}',
    'attraction: {product: {score: 2}}',
    'switching_costs: {process: {score: 3}}',
  ];

  it('each field by entry, with the direction for us', () => {
    const base = changed(baseWorkspace(), { [ACCOUNT]: acme(before) });
    const head = changed(baseWorkspace(), { [ACCOUNT]: acme(after) });
    const fields = Object.fromEntries(accountOf(diffOf(base, head), 'acme').fields.map((f) => [f.field, `${f.from ?? '∅'} → ${f.to ?? '∅'}${f.direction ? ` ${f.direction}` : ''}`]));
    assert.equal(fields.label, 'in-use → churn-warning worsened');
    assert.equal(fields['contract.renewal'], 'in-progress → lost worsened');
    assert.equal(fields['revenue.2026-Q3'], '∅ → 400');
    assert.equal(fields['revenue.2026-Q2'], undefined);
    assert.equal(fields['surveys.nps'], '50 (2026-03-01) → 25 (2026-09-01) worsened');
    assert.equal(fields['whitespace.云事业部 × 运维'], 'open → competitor 某友商 worsened');
    assert.equal(fields['competitors.某友商.strength'], 'medium → strong worsened');
    assert.equal(fields['attraction.product'], '4 → 2 worsened');
    assert.equal(fields['switching_costs.process'], undefined);
  });

  it('new early warnings are introduced findings; fixing them resolves them', () => {
    const base = changed(baseWorkspace(), { [ACCOUNT]: acme(before) });
    const head = changed(baseWorkspace(), { [ACCOUNT]: acme(after) });
    const introduced = accountOf(diffOf(base, head), 'acme').findings.introduced.map((f) => f.rule);
    for (const rule of ['cooperation-shrinking', 'experience-declining', 'retention-plan-missing']) assert.ok(introduced.includes(rule), introduced.join(', '));
    const resolved = accountOf(diffOf(head, base), 'acme').findings.resolved.map((f) => f.rule);
    assert.ok(resolved.includes('cooperation-shrinking'), resolved.join(', '));
  });

  it('a person who starts favouring a competitor', () => {
    const p = 'accounts/acme/people/wang-fang.md';
    const base = baseWorkspace();
    const head = changed(base, { [p]: base[p].replace('kind: person', 'kind: person\nfavours_competitor: 某友商') });
    const person = accountOf(diffOf(base, head), 'acme').people.find((x) => x.id === 'wang-fang')!;
    assert.deepEqual(person.fields.map((f) => `${f.field}: ${f.from ?? '∅'} → ${f.to}`), ['favours_competitor: ∅ → 某友商']);
  });
});
