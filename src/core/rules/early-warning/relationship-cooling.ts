/**
 * `relationship-cooling` (关系疏远): interactions with the account's key players in the last
 * `cooling_window_days` fell by `cooling_drop` or more on the window before, or a key player's
 * temperature fell two bands (warm → cold, hot → cooling) over one window.
 */
import { countWindows, percent } from '../../analysis/value.js';
import { temperature, type TemperatureBand } from '../../analysis/temperature.js';
import { addDays } from '../../dates.js';
import type { Interaction } from '../../model/workspace.js';
import { accountName, at, isActive, personName, type AccountContext } from '../context.js';
import { defineRule } from '../define.js';
import { word } from '../../i18n/catalogue.js';

const BANDS: TemperatureBand[] = ['cold', 'cooling', 'warm', 'hot'];

export const relationshipCooling = defineRule({
  id: 'relationship-cooling',
  category: 'early-warning',
  severity: { A: 'warning', B: 'warning', C: 'info' },
  summary: { en: 'Interactions with key players fell sharply on the window before, or a key player cooled by two temperature bands.', zh: '与关键人物的互动较上一窗口大幅减少，或关键人物关系温度下降两档（关系疏远）。' },
  attention: { en: 'Relationships cooling', zh: '关系疏远', rank: 11 },
  messages: {
    count: {
      en: (p) => `Relationships at ${p.account} are cooling: ${p.recent} interaction${p.recent === 1 ? '' : 's'} with key players in the last ${p.days} days (since ${p.recentFrom}) against ${p.before} in the ${p.days} days before, down ${p.drop} % (the warning starts at ${p.threshold} %).`,
      zh: (p) => `${p.account} 关系疏远：最近 ${p.days} 天（自 ${p.recentFrom} 起）与关键人物互动 ${p.recent} 次，之前 ${p.days} 天为 ${p.before} 次，下降 ${p.drop} %（下降 ${p.threshold} % 即预警）。`,
    },
    band: {
      en: (p) => `${p.person} at ${p.account} has cooled from ${word('band', p.from, 'en')} to ${word('band', p.to, 'en')} (temperature ${p.fromScore} on ${p.fromDate}, ${p.toScore} now): two bands down in ${p.days} days.`,
      zh: (p) => `${p.account} 的 ${p.person} 关系温度从“${word('band', p.from, 'zh-cn')}”降到“${word('band', p.to, 'zh-cn')}”（${p.fromDate} 为 ${p.fromScore}，现在 ${p.toScore}）：${p.days} 天内下降两档。`,
    },
  },
  check: ({ ws, account, cadences, asOf, locale }: AccountContext, rule) => {
    if (!account.doc || !account.data || !account.tier) return [];
    const cfg = ws.config.earlyWarning;
    const key = cadences.filter((c) => c.keyPlayer && isActive(c.person)).map((c) => c.person);
    if (!key.length) return [];
    const keyIds = new Set(key.map((p) => p.id));
    const where = at(account.doc, ['name']);
    const data = { account: account.id, tier: account.tier };
    const out = [];
    const w = countWindows(account.interactions, asOf, cfg.coolingWindowDays, (i) => i.people.some((id) => keyIds.has(id)));
    const drop = w.before > 0 ? (w.before - w.recent) / w.before : 0;
    if (w.before >= cfg.coolingMin && drop >= cfg.coolingDrop) {
      out.push(rule.diagnostic(where, locale, 'count', { account: accountName(account), recent: w.recent, before: w.before, days: w.days, recentFrom: w.recentFrom, drop: percent(drop), threshold: percent(cfg.coolingDrop) }, { ...data, recent: w.recent, before: w.before, windowDays: w.days }));
    }
    const then = addDays(asOf, -cfg.coolingWindowDays);
    // Each key player's interactions, in the account's order: one pass, not one per person.
    const byPerson = new Map<string, Interaction[]>(key.map((p) => [p.id, []]));
    for (const i of account.interactions) {
      for (const id of i.people) {
        const mine = byPerson.get(id);
        if (mine && mine[mine.length - 1] !== i) mine.push(i);
      }
    }
    for (const person of key) {
      const mine = byPerson.get(person.id)!;
      const before = temperature(person, mine, then);
      const now = temperature(person, mine, asOf);
      if (BANDS.indexOf(before.band) - BANDS.indexOf(now.band) < 2) continue;
      out.push(rule.diagnostic(at(person.doc, ['name']), locale, 'band',
        { person: personName(person), account: accountName(account), from: before.band, to: now.band, fromScore: before.score, toScore: now.score, fromDate: then, days: cfg.coolingWindowDays },
        { ...data, person: person.id, from: before.band, to: now.band }));
    }
    return out;
  },
});
