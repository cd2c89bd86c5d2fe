/**
 * The value and early-warning fields of the account plan and the personal portrait (#20): each
 * valid, each invalid, each misspelt with a "did you mean", and old files without them still valid.
 */
import assert from 'node:assert/strict';
import type { Diagnostic } from '../../src/core/diagnostic.js';
import { resolveConfig } from '../../src/core/parse/config.js';
import { account, check, md, person, span } from '../helpers.js';

function findings(doc: string): Diagnostic[] {
  const files: Record<string, string> = { 'doc.md': doc };
  if (!doc.includes('kind: account')) files['acme.md'] = account();
  return check(files).diagnostics.filter((d) => d.file === 'doc.md' && (d.rule === 'schema' || d.rule === 'unknown-field'));
}
const list = (ds: Diagnostic[]) => ds.map((d) => `${span(d)} ${d.rule} ${d.message}`).join('\n');

/** Every new field, written as a KAM would. */
const VALID: Record<string, string[]> = {
  label: ['label: churn-warning'],
  contract: ['contract: { start: 2025-01-01, end: 2025-12-31, renewal: in-progress }'],
  revenue: ['revenue:', '  - { period: 2026-Q2, amount: 3000000, profit: 600000, orders: 3 }', '  - { period: 2026-Q3, amount: 1200000 }', '  - { period: 2025, amount: 9000000 }', '  - { period: 2026-H1, amount: 5000000 }', '  - { period: 2026-09, amount: 400000, profit: -20000 }'],
  surveys: ['surveys:', '  - { kind: nps, date: 2026-03-01, score: 50, respondents: 12 }', '  - { kind: csat, date: 2026-09-01, score: 82.5 }', '  - { kind: ces, date: 2026-09-01, score: 3 }'],
  whitespace: ['whitespace:', '  - { unit: 省公司, offering: 5G 核心网, status: ours, value: 8000000 }', '  - { unit: 云事业部, offering: 运维服务, status: competitor, competitor: 某友商 }', '  - { unit: 研究院, offering: 咨询, status: open }', '  - { unit: 财务部, offering: 咨询, status: not-a-fit }'],
  competitors: ['competitors:', '  - { name: 某友商, strength: strong, strong_in: [云事业部, 价格] }', '  - { name: Other Co, strong_in: service }', '  - name: 第三家'],
  attraction: ['attraction:', '  product: { score: 4, note: 性能领先 }', '  price: { score: 2 }', '  service: { score: 5 }', '  relationship: { score: 3 }'],
  switching_costs: ['switching_costs:', '  product_technology: { score: 4 }', '  service: { score: 2 }', '  process: { score: 3, note: 工单系统已对接 }', '  dedicated_assets: { score: 1 }', '  emotional_brand: { score: 2 }'],
  'objective kind': ['objectives:', '  - { id: keep-core, title: 保住核心网续约, kind: retention, status: on-track }'],
};

/** One wrong value per new field, with the path the finding must point at. */
const INVALID: [string, string[], RegExp][] = [
  ['label', ['label: lost'], /label/],
  ['contract.renewal', ['contract: { end: 2025-12-31, renewal: maybe }'], /renewal/],
  ['contract.end', ['contract: { end: 31/12/2025 }'], /end|date/i],
  ['revenue.period', ['revenue:', '  - { period: 2026-Q5, amount: 1 }'], /period/],
  ['revenue.amount', ['revenue:', '  - { period: 2026, amount: -5 }'], /amount/],
  ['revenue required', ['revenue:', '  - { period: 2026 }'], /amount/],
  ['surveys.kind', ['surveys:', '  - { kind: nss, date: 2026-01-01, score: 5 }'], /kind|nps/],
  ['surveys.score', ['surveys:', '  - { kind: nps, date: 2026-01-01, score: 150 }'], /score/],
  ['whitespace.status', ['whitespace:', '  - { unit: a, offering: b, status: theirs }'], /status/],
  ['competitors.strength', ['competitors:', '  - { name: X, strength: huge }'], /strength/],
  ['attraction score', ['attraction:', '  product: { score: 6 }'], /score/],
  ['switching_costs score', ['switching_costs:', '  process: { note: no score }'], /score/],
  ['objective kind', ['objectives:', '  - { id: a, title: A, kind: rescue }'], /kind/],
];

/** A misspelt key and the suggestion it must get. */
const TYPOS: [string[], string][] = [
  [['lable: in-use'], 'label'],
  [['contrakt: { end: 2025-12-31 }'], 'contract'],
  [['contract: { end: 2025-12-31, renewl: renewed }'], 'renewal'],
  [['revenu:', '  - { period: 2026, amount: 1 }'], 'revenue'],
  [['revenue:', '  - { period: 2026, amount: 1, proft: 1 }'], 'profit'],
  [['survey:', '  - { kind: nps, date: 2026-01-01, score: 5 }'], 'surveys'],
  [['surveys:', '  - { kind: nps, date: 2026-01-01, score: 5, respondent: 3 }'], 'respondents'],
  [['white_space:', '  - { unit: a, offering: b, status: open }'], 'whitespace'],
  [['whitespace:', '  - { unit: a, offering: b, status: open, valu: 3 }'], 'value'],
  [['competitor:', '  - { name: X }'], 'competitors'],
  [['competitors:', '  - { name: X, strenght: weak }'], 'strength'],
  [['atraction:', '  price: { score: 2 }'], 'attraction'],
  [['attraction:', '  prise: { score: 2 }'], 'price'],
  [['switching_cost:', '  process: { score: 2 }'], 'switching_costs'],
  [['switching_costs:', '  proces: { score: 2 }'], 'process'],
];

describe('value and early-warning fields: format', () => {
  for (const [field, lines] of Object.entries(VALID)) {
    it(`valid: ${field}`, () => assert.equal(list(findings(account('acme', 'A', lines))), ''));
  }
  it('valid: favours_competitor on a person', () => assert.equal(list(findings(person('zhang-wei', 'acme', ['favours_competitor: 某友商']))), ''));

  for (const [field, lines, pattern] of INVALID) {
    it(`invalid: ${field}`, () => {
      const ds = findings(account('acme', 'A', lines));
      assert.ok(ds.length >= 1, `${field}: expected a finding`);
      assert.ok(ds.every((d) => d.rule === 'schema'), list(ds));
      assert.match(ds.map((d) => `${d.message} ${JSON.stringify(d.data ?? {})}`).join('\n'), pattern);
    });
  }
  it('invalid: favours_competitor empty', () => assert.equal(findings(person('zhang-wei', 'acme', ['favours_competitor: ""'])).length, 1));

  for (const [lines, suggestion] of TYPOS) {
    it(`did you mean \`${suggestion}\``, () => {
      const ds = findings(account('acme', 'A', lines));
      assert.equal(ds.length, 1, list(ds));
      assert.equal(ds[0].rule, 'unknown-field');
      assert.equal(ds[0].data?.suggestion, suggestion);
    });
  }
  it('did you mean `favours_competitor`', () => {
    const [d] = findings(person('zhang-wei', 'acme', ['favors_competitor: X']));
    assert.equal(d.data?.suggestion, 'favours_competitor');
  });
  it('surveys: enum typo suggests the kind', () => {
    const ds = findings(account('acme', 'A', ['surveys:', '  - { kind: nsp, date: 2026-01-01, score: 5 }']));
    assert.match(ds.map((d) => d.message).join('\n'), /`nps`/);
  });

  it('old files stay valid: an account plan with only the single health values', () => {
    const old = md(['kind: account', 'id: acme', 'name: Acme', 'tier: A', 'owner: li-na', 'health:', '  nps: 40', '  csat: 80', '  revenue: 12000000', '  currency: CNY', '  churn_risk: low', 'objectives:', '  - { id: a, title: A, status: on-track }']);
    assert.equal(list(findings(old)), '');
  });

  it('keyplan.yaml early_warning: defaults, overrides, and one bad value falls back alone', () => {
    const d = resolveConfig({}).earlyWarning;
    assert.deepEqual([d.coolingWindowDays, d.coolingDrop, d.surveyDrop.nps, d.complaintsRise, d.revenueDrop, d.renewalGraceDays, d.favourInfluence], [90, 0.5, 20, 0.3, 0.5, 30, 4]);
    const c = resolveConfig({ early_warning: { renewal_grace_days: 60, revenue_drop: 7, survey_drop: { nps: 15 } } }).earlyWarning;
    assert.equal(c.renewalGraceDays, 60);
    assert.equal(c.revenueDrop, 0.5);
    assert.deepEqual(c.surveyDrop, { nps: 15, csat: 10, ces: 1 });
  });

  it('keyplan.yaml early_warning: a misspelt setting is reported with a suggestion', () => {
    const result = check({ 'keyplan.yaml': 'early_warning:\n  renewal_grace_dayz: 10\n', 'acme.md': account() });
    const d = result.diagnostics.find((x) => x.file === 'keyplan.yaml');
    assert.ok(d, list(result.diagnostics));
    assert.equal(d.data?.suggestion, 'renewal_grace_days');
  });
});

describe('value and early-warning fields: completion and hover come from the schema', () => {
  it('hover: the English and the Chinese title; completion: the new keys and the enum values', async () => {
    const { hoverAt } = await import('../../src/core/language/hover.js');
    const { completionsAt } = await import('../../src/core/language/completion.js');
    const { cursor, doc, modelOf } = await import('./helpers/language.js');
    const at = (marked: string, locale?: 'zh-cn') => {
      const { text, offset } = cursor(marked);
      return { text, offset, model: modelOf({}, locale ? { locale } : {}) };
    };
    const h = (marked: string, locale?: 'zh-cn') => { const x = at(marked, locale); return hoverAt(x.text, x.offset, x.model)?.markdown ?? ''; };
    const c = (marked: string) => { const x = at(marked); return completionsAt(x.text, x.offset, x.model).map((i) => i.label); };
    const base = ['kind: account', 'id: acme', 'name: A', 'tier: A', 'owner: li-na'];
    assert.match(h(doc([...base, 'white|space: []'])), /^\*\*Whitespace\*\* `whitespace`/);
    assert.match(h(doc([...base, 'white|space: []']), 'zh-cn'), /白区/);
    assert.match(h(doc([...base, 'switching_co|sts: {}']), 'zh-cn'), /转换成本/);
    assert.match(h(doc([...base, 'la|bel: in-use'])), /Allowed: `new-signed`, `in-use`, `to-develop`, `churn-warning`, `churned`/);
    assert.match(h(doc(['kind: person', 'id: x', 'account: acme', 'name: X', 'favours_compe|titor: Y']), 'zh-cn'), /倾向的竞争对手/);
    const keys = c(doc([...base, '|']));
    for (const k of ['label', 'contract', 'revenue', 'surveys', 'whitespace', 'competitors', 'attraction', 'switching_costs']) assert.ok(keys.includes(k), `${k} in ${keys.join(', ')}`);
    assert.deepEqual(c(doc([...base, 'surveys:', '  - kind: |'])).filter((l) => ['nps', 'csat', 'ces'].includes(l)).sort(), ['ces', 'csat', 'nps']);
  });
});
