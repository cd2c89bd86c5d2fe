/**
 * The customer-asset inventory (客户资产盘点12问) on a hand-computed fixture: five accounts whose
 * answers are worked out below, per group and per account, in every format and both languages.
 */
import assert from 'node:assert/strict';
import { buildInventory } from '../../src/core/report/inventory.js';
import { INVENTORY_FORMATS } from '../../src/cli/formatters/inventory/index.js';
import { accountMd, AS_OF, workspace } from './helpers/workspace.js';

const acct = (id: string, tier: string, owner: string, extra: string[]) => accountMd(id, { tier, owner }).replace(/\n---\n$/, `\n${extra.join('\n')}\n---\n`);

/**
 * a1 (A): 2025-Q1 100, 2025-Q3 60, 2026-Q1 40 → closed, 3 purchases, first deal 100, repurchase (60 + 40) / 2 = 50;
 *         2026-Q1 is 60 % below 2025-Q1 → cooperation-shrinking → churn warning, no retention objective.
 *         Lifetime revenue 200, profit 10 + 10 = 20 over 2 of 3 periods.
 * a2 (A): 2026-Q1 200 with 2 orders → closed, repurchasing, first deal 200, no later period (no repurchase amount).
 * a3 (B): 2026-Q2 300 → closed, 1 purchase, first deal 300; label churn-warning with an open retention objective.
 * a4 (B): label churned, no revenue → closed without revenue; an open objective → being recalled.
 * a5 (C): nothing → in the database without a deal.
 *
 * All: closed 4, not closed 1, with revenue 3, repurchasing 2 (a1, a2), rate 2/3, average first deal
 * (100 + 200 + 300) / 3 = 200, average repurchase 50 (a1 only), amount repurchase rate 50 / 200 = 25 %,
 * key accounts 4 (A 2, B 2, C 1), churn warning a1 + a3, recovering a3, churned a4, recalling a4,
 * old-customer revenue 4 × 2/3 × 50 = 133.33.
 */
function fixture() {
  return workspace()
    .set('accounts/a1/account.md', acct('a1', 'A', 'li-na', ['health: { currency: CNY }', 'revenue:', '  - { period: 2025-Q1, amount: 100, profit: 10, orders: 1 }', '  - { period: 2025-Q3, amount: 60, profit: 10 }', '  - { period: 2026-Q1, amount: 40 }']))
    .set('accounts/a2/account.md', acct('a2', 'A', 'li-na', ['health: { currency: CNY }', 'revenue:', '  - { period: 2026-Q1, amount: 200, orders: 2 }']))
    .set('accounts/a3/account.md', acct('a3', 'B', 'wang', ['label: churn-warning', 'health: { currency: CNY }', 'revenue:', '  - { period: 2026-Q2, amount: 300 }', 'objectives:', '  - { id: keep, title: Keep, kind: retention, status: on-track }']))
    .set('accounts/a4/account.md', acct('a4', 'B', 'wang', ['label: churned', 'objectives:', '  - { id: win-back, title: Win back, kind: growth }']))
    .set('accounts/a5/account.md', acct('a5', 'C', 'wang', []));
}

describe('inventory: the 12 questions on a hand-computed fixture', () => {
  it('all accounts', () => {
    const inv = buildInventory(fixture().check(AS_OF));
    const g = inv.groups[0];
    assert.equal(g.key, 'all');
    assert.deepEqual([g.accounts, g.closed, g.notClosed, g.withRevenue, g.repurchasing], [5, 4, 1, 3, 2]);
    assert.equal(g.repurchaseRate, 2 / 3);
    assert.equal(g.avgFirstDeal, 200);
    assert.equal(g.avgRepurchase, 50);
    assert.equal(g.amountRepurchaseRate, 0.25);
    assert.deepEqual([g.keyAccounts, g.byTier], [4, { A: 2, B: 2, C: 1 }]);
    assert.deepEqual([g.churnWarning, g.recovering, g.notRecovering, g.churned, g.recalling], [['a1', 'a3'], ['a3'], ['a1'], ['a4'], ['a4']]);
    assert.ok(Math.abs(g.oldCustomerRevenue! - 400 / 3) < 1e-9);
    assert.deepEqual(g.currencies, ['CNY']);
  });

  it('lifetime value per account, profit only over the periods that record it', () => {
    const [a1, a2, , a4] = buildInventory(fixture().check(AS_OF)).lifetime;
    assert.deepEqual([a1.revenue, a1.profit, a1.profitPeriods, a1.periods, a1.first, a1.last], [200, 20, 2, 3, '2025-Q1', '2026-Q1']);
    assert.deepEqual([a2.revenue, a2.profit], [200, undefined]);
    assert.deepEqual([a4.revenue, a4.periods], [undefined, 0]);
  });

  it('--by tier: one group per tier, each computed on its own accounts', () => {
    const inv = buildInventory(fixture().check(AS_OF), 'tier');
    assert.deepEqual(inv.groups.map((g) => `${g.key}:${g.accounts}`), ['all:5', 'A:2', 'B:2', 'C:1']);
    const a = inv.groups[1];
    assert.deepEqual([a.closed, a.repurchasing, a.repurchaseRate, a.avgFirstDeal, a.avgRepurchase], [2, 2, 1, 150, 50]);
    const c = inv.groups[3];
    assert.deepEqual([c.closed, c.repurchasing, c.repurchaseRate, c.avgFirstDeal, c.oldCustomerRevenue], [0, undefined, undefined, undefined, undefined]);
  });

  it('--by owner', () => {
    assert.deepEqual(buildInventory(fixture().check(AS_OF), 'owner').groups.map((g) => `${g.key}:${g.accounts}`), ['all:5', 'li-na:2', 'wang:3']);
  });

  it('text: the numbers behind each answer, "not recorded" where the data is missing; zh', () => {
    const ctx = (locale: 'en' | 'zh-cn') => ({ locale, style: undefined as never, version: '0', note: () => {} });
    const en = INVENTORY_FORMATS.text(buildInventory(fixture().check(AS_OF), 'tier'), ctx('en'));
    assert.match(en, /3\. Average repurchase rate \(repurchasing ÷ closed with revenue\): 66\.7 % \(2 ÷ 3\)/);
    assert.match(en, /4\. Average first-deal amount: 200 CNY/);
    assert.match(en, /6\. Amount repurchase rate \(average repurchase ÷ average first deal\): 25 % \(50 ÷ 200\)/);
    assert.match(en, /Old-customer revenue = customers × repurchase rate × average repurchase amount = 4 × 66\.7 % × 50 = 133\.33 CNY/);
    assert.match(en, /Tier C \(1\)\n {2}1\. Customers: 0 closed.*\n {2}2\. Repurchasing customers \(more than one purchase\): not recorded/);
    assert.match(en, /a1 公司 \(a1\) +A +li-na +not recorded +3 \(2025-Q1–2026-Q1\) +200 CNY +20 CNY \(2 of 3 periods\)/);
    const zh = INVENTORY_FORMATS.text(buildInventory(fixture().check(AS_OF, 'zh-cn')), ctx('zh-cn'));
    assert.match(zh, /客户资产盘点12问（截至 2026-11-20）/);
    assert.match(zh, /老客户收入 = 客户数 × 复购率 × 平均复购金额 = 4 × 66\.7 % × 50 = 133\.33 CNY/);
    assert.match(zh, /已流失（标签为已流失或未续约）：1 个 — a4/);
  });

  it('Markdown escapes plan text; JSON leaves unrecorded answers out', () => {
    const ws = fixture().set('accounts/a5/account.md', acct('a5', 'C', 'wang', []).replace('name: a5 公司', 'name: "*bold* | <b>x</b>"'));
    const md = INVENTORY_FORMATS.markdown(buildInventory(ws.check(AS_OF)), { locale: 'en', style: undefined as never, version: '0', note: () => {} });
    assert.doesNotMatch(md, /<b>|\*bold\*/);
    const json = JSON.parse(INVENTORY_FORMATS.json(buildInventory(ws.check(AS_OF), 'tier'), { locale: 'en', style: undefined as never, version: '0', note: () => {} }));
    const c = json.groups.find((g: { key: string }) => g.key === 'C');
    assert.equal('repurchaseRate' in c, false);
    assert.equal(c.closed, 0);
  });
});
