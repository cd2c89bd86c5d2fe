/** `stage-target-missing`: A relationship-plan contact without a target stage, or with a target below the current stage. */
import { currentPlans } from '../../model/plans.js';
import type { RelationshipPlanData, Stage } from '../../model/types.js';
import { at, isActive, type AccountContext } from '../context.js';

const STAGES: Stage[] = ['awareness', 'recognition', 'purchase', 'advocacy'];
import { defineRule } from '../define.js';

export const stageTargetMissing = defineRule({
  id: 'stage-target-missing',
  category: 'methodology',
  severity: { A: 'warning', B: 'warning', C: 'info' },
  summary: { en: 'A relationship-plan contact without a target stage, or with a target below the current stage.', zh: '关系规划联系人缺少目标阶段，或目标低于当前阶段。' },
  messages: {
    default: {
      en: (p) => `No target stage for ${p.name}: say where this relationship must get to (awareness → recognition → purchase → advocacy).`,
      zh: (p) => `没有为 ${p.name} 设定目标阶段：请说明关系要达到哪一步（认知 → 认同 → 认购 → 推荐）。`,
    },
    below: {
      en: (p) => `The target stage ${p.target} for ${p.name} is below the current stage ${p.stage}; a target should move the relationship forward.`,
      zh: (p) => `${p.name} 的目标阶段 ${p.target} 低于当前阶段 ${p.stage}；目标应推动关系向前。`,
    },
  },
  check: ({ ws, account, asOf, locale }: AccountContext, rule) => {
    const base = { account: account.id, tier: account.tier };
    const current = currentPlans(account, asOf);
    return account.plans.filter((plan) => current.includes(plan)).flatMap((plan) => {
      const data = plan.data as unknown as RelationshipPlanData;
      return (Array.isArray(data.contacts) ? data.contacts : []).flatMap((c, i) => {
        if (!c || typeof c.person !== 'string') return [];
        const person = ws.people.get(c.person);
        if (person && !isActive(person)) return [];
        const name = String(person?.data.name ?? c.person);
        if (!c.target_stage) return [rule.diagnostic(at(plan, ['contacts', i, 'person']), locale, 'default', { name }, { ...base, person: c.person })];
        if (c.stage && STAGES.indexOf(c.target_stage) < STAGES.indexOf(c.stage)) {
          return [rule.diagnostic(at(plan, ['contacts', i, 'target_stage']), locale, 'below', { name, stage: c.stage, target: c.target_stage }, { ...base, person: c.person })];
        }
        return [];
      });
    });
  },
});
