/**
 * `key-player-favours-competitor` (关键人物倾向竞争对手): a person with influence ≥ `favour_influence`
 * favours a competitor and no current relationship plan sets a target stance or stage for them.
 */
import { currentContacts } from '../../model/plans.js';
import type { RelationshipPlanData } from '../../model/types.js';
import { accountName, at, isActive, personName, type AccountContext } from '../context.js';
import { defineRule } from '../define.js';

export const keyPlayerFavoursCompetitor = defineRule({
  id: 'key-player-favours-competitor',
  category: 'early-warning',
  severity: { A: 'warning', B: 'warning', C: 'info' },
  summary: { en: 'A key player favours a competitor and no current relationship plan sets a target for them.', zh: '关键人物倾向竞争对手，且当前关系规划中没有为其设定目标。' },
  attention: { en: 'Key players favouring a competitor', zh: '倾向竞争对手的关键人物', rank: 17 },
  messages: {
    default: {
      en: (p) => `${p.person} (influence ${p.influence}) at ${p.account} favours ${p.competitor}, and ${p.plan === 'no-target' ? 'the current relationship plan sets no target stance or stage for them' : p.plan === 'lapsed' ? `the relationship plan that lists them ended on ${p.ended}` : 'no current relationship plan lists them'}: plan how to win them over or neutralise them (reported from influence ${p.threshold}).`,
      zh: (p) => `${p.account} 的 ${p.person}（影响力 ${p.influence}）倾向 ${p.competitor}，${p.plan === 'no-target' ? '但当前关系规划没有为其设定目标立场或阶段' : p.plan === 'lapsed' ? `但列出此人的关系规划已于 ${p.ended} 结束` : '但当前关系规划中没有此人'}：请制定争取或中和的计划（影响力 ${p.threshold} 及以上即报告）。`,
    },
  },
  check: ({ ws, account, asOf, locale }: AccountContext, rule) => {
    if (!account.doc || !account.tier) return [];
    const threshold = ws.config.earlyWarning.favourInfluence;
    const candidates = account.people.filter((p) => isActive(p) && typeof p.data.favours_competitor === 'string' && p.data.favours_competitor && typeof p.data.influence === 'number' && p.data.influence >= threshold);
    if (!candidates.length) return [];
    // Only a plan in force counts: a lapsed plan's target is no plan for today (plan-period-ended says it lapsed).
    const contacts = currentContacts(account, asOf);
    const inForce = (plan: { data: unknown }) => {
      const period = (plan.data as RelationshipPlanData).period;
      return !period || typeof period.end !== 'string' || period.end >= asOf;
    };
    return candidates.flatMap((person) => {
      const found = contacts.get(person.id);
      const lapsed = found && !inForce(found.plan);
      const entry = found && !lapsed ? found.contact : undefined;
      if (entry && (entry.target_stance || entry.target_stage)) return [];
      const plan = lapsed ? 'lapsed' : entry ? 'no-target' : 'none';
      const ended = lapsed ? (found.plan.data as unknown as RelationshipPlanData).period?.end : undefined;
      return [rule.diagnostic(at(person.doc, ['favours_competitor']), locale, 'default',
        { person: personName(person), influence: person.data.influence, account: accountName(account), competitor: person.data.favours_competitor, plan, ended, threshold },
        { account: account.id, tier: account.tier, person: person.id, competitor: person.data.favours_competitor })];
    });
  },
});
