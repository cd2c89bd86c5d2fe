/**
 * The words of the customer-asset inventory (客户资产盘点12问, `keyplan report --inventory`): the
 * twelve questions, their answers and the lifetime-value table. Formatters pass neutral values
 * (numbers already formatted, ids already escaped) and never choose a language themselves.
 */
import { localize, type Locale, type Message, type Params } from './locale.js';

const n = (p: Params, k: string) => Number(p[k] ?? 0);

export const INVENTORY_MESSAGES = {
  title: { en: (p) => `Customer-asset inventory as of ${p.asOf}: the 12 questions`, zh: (p) => `客户资产盘点12问（截至 ${p.asOf}）` },
  'group.all': { en: (p) => `All accounts (${p.n})`, zh: (p) => `全部客户（${p.n} 个）` },
  'group.tier': { en: (p) => `Tier ${p.key} (${p.n})`, zh: (p) => `${p.key} 类客户（${p.n} 个）` },
  'group.owner': { en: (p) => `Owner ${p.key} (${p.n})`, zh: (p) => `负责人 ${p.key}（${p.n} 个）` },
  'not-recorded': { en: () => 'not recorded', zh: () => '未记录' },
  none: { en: () => 'none', zh: () => '无' },
  q1: { en: (p) => `Customers: ${p.closed} closed (revenue recorded or a customer label), ${p.notClosed} in the database without a deal`, zh: (p) => `客户数：已成交 ${p.closed} 个（有营收记录或客户标签），在库未成交 ${p.notClosed} 个` },
  q2: { en: (p) => `Repurchasing customers (more than one purchase): ${p.value}`, zh: (p) => `复购客户数（购买多于一次）：${p.value}` },
  'q2.of': { en: (p) => `${p.n} of ${p.of} with revenue recorded`, zh: (p) => `${p.of} 个有营收记录的客户中 ${p.n} 个` },
  q3: { en: (p) => `Average repurchase rate (repurchasing ÷ closed with revenue): ${p.value}`, zh: (p) => `平均复购率（复购客户 ÷ 有营收的成交客户）：${p.value}` },
  q4: { en: (p) => `Average first-deal amount: ${p.value}`, zh: (p) => `平均首单金额：${p.value}` },
  q5: { en: (p) => `Average repurchase amount (later periods of repurchasing customers): ${p.value}`, zh: (p) => `平均复购金额（复购客户首期之后各期）：${p.value}` },
  q6: { en: (p) => `Amount repurchase rate (average repurchase ÷ average first deal): ${p.value}`, zh: (p) => `金额复购率（平均复购金额 ÷ 平均首单金额）：${p.value}` },
  q7: { en: (p) => `Key accounts (tier A strategic or B key): ${p.n} (A ${p.a}, B ${p.b}; C ${p.c})`, zh: (p) => `重点客户（A 战略客户或 B 重点客户）：${p.n} 个（A ${p.a}，B ${p.b}；C ${p.c}）` },
  q8: { en: (p) => `Key-account operating strategy (contact cadence per tier): ${p.value}`, zh: (p) => `重点客户经营策略（各级拜访频率）：${p.value}` },
  'q8.tier': { en: (p) => `${p.tier} every ${p.ideal} days (at most ${p.max})${p.eb ? `, EB every ${p.eb}` : ''}`, zh: (p) => `${p.tier} 类每 ${p.ideal} 天（最长 ${p.max} 天）${p.eb ? `，EB 每 ${p.eb} 天` : ''}` },
  'list.sep': { en: () => '; ', zh: () => '；' },
  q9: { en: (p) => `Churn warning (label churn-warning, lifecycle decline, churn risk high or an early-warning signal): ${p.n}${p.list ? ` — ${p.list}` : ''}`, zh: (p) => `流失预警（标签为流失预警、衰退期、高流失风险或出现预警信号）：${p.n} 个${p.list ? ` — ${p.list}` : ''}` },
  q10: { en: (p) => (n(p, 'of') ? `Recovery strategy (an open retention objective): ${p.n} of ${p.of}${p.without ? `; without one: ${p.without}` : ''}` : 'Recovery strategy (an open retention objective): no account in churn warning'), zh: (p) => (n(p, 'of') ? `挽回策略（有未关闭的挽留目标）：${p.of} 个中 ${p.n} 个${p.without ? `；没有的：${p.without}` : ''}` : '挽回策略（有未关闭的挽留目标）：没有处于流失预警的客户') },
  q11: { en: (p) => `Churned (label churned or renewal lost): ${p.n}${p.list ? ` — ${p.list}` : ''}`, zh: (p) => `已流失（标签为已流失或未续约）：${p.n} 个${p.list ? ` — ${p.list}` : ''}` },
  q12: { en: (p) => (n(p, 'of') ? `Recall strategy (churned with an open objective): ${p.n} of ${p.of}` : 'Recall strategy (churned with an open objective): no churned account'), zh: (p) => (n(p, 'of') ? `召回策略（已流失且有未关闭目标）：${p.of} 个中 ${p.n} 个` : '召回策略（已流失且有未关闭目标）：没有已流失的客户') },
  formula: { en: (p) => `Old-customer revenue = customers × repurchase rate × average repurchase amount = ${p.value}`, zh: (p) => `老客户收入 = 客户数 × 复购率 × 平均复购金额 = ${p.value}` },
  currencies: { en: (p) => `Amounts mix currencies (${p.list}): the averages add them as plain numbers.`, zh: (p) => `金额混用多种币种（${p.list}）：平均值按纯数字相加。` },
  lifetime: { en: () => 'Lifetime value per account (recorded so far)', zh: () => '各客户终身价值（截至目前的记录）' },
  'col.account': { en: () => 'Account', zh: () => '客户' },
  'col.tier': { en: () => 'Tier', zh: () => '分级' },
  'col.owner': { en: () => 'Owner', zh: () => '负责人' },
  'col.label': { en: () => 'Label', zh: () => '标签' },
  'col.periods': { en: () => 'Periods', zh: () => '期间' },
  'col.revenue': { en: () => 'Revenue', zh: () => '累计营收' },
  'col.profit': { en: () => 'Profit (CLP)', zh: () => '累计利润（CLP）' },
  'profit.partial': { en: (p) => `${p.value} (${p.n} of ${p.of} periods)`, zh: (p) => `${p.value}（${p.of} 期中 ${p.n} 期）` },
} satisfies Record<string, Message>;

export type InventoryMessageId = keyof typeof INVENTORY_MESSAGES;

export function inventoryText(locale: Locale, id: InventoryMessageId, params: Params = {}): string {
  return localize(INVENTORY_MESSAGES[id], locale, params);
}
