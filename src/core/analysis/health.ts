/**
 * Account health (客户健康度) 0–100 with a red/amber/green band, from weighted parts that are always
 * shown: relationship, experience and business. A part without data is "unknown" and left out of
 * the weighting rather than guessed.
 */
import type { KeyplanConfig } from '../parse/config.js';
import { isValidDate } from '../dates.js';
import type { Diagnostic } from '../diagnostic.js';
import type { Temperature } from './temperature.js';
import type { AccountData } from '../model/types.js';
import { latestSurvey } from './value.js';

export type HealthBand = 'red' | 'amber' | 'green';
export type HealthPartName = 'relationship' | 'experience' | 'business';

export interface HealthDetail {
  label: string;
  value: number | string;
  /** Points this item adds or takes away, where it is a penalty or bonus. */
  effect?: number;
}

export interface HealthPart {
  part: HealthPartName;
  /** Undefined when there is no data for this part. */
  score?: number;
  weight: number;
  details: HealthDetail[];
}

export interface Health {
  score?: number;
  band?: HealthBand;
  parts: HealthPart[];
}

/** Coverage findings lower the relationship part by these points (documented in docs/rules.md). */
export const COVERAGE_PENALTIES: Record<string, number> = {
  'missing-economic-buyer': 20,
  'single-threaded': 15,
  'economic-buyer-not-supportive': 10,
  'missing-coach': 10,
  'key-player-uncovered': 5,
};
const OBJECTIVE_POINTS: Record<string, number> = { done: 100, 'on-track': 100, 'not-started': 50, 'at-risk': 25 };
const CHURN_POINTS: Record<string, number> = { low: 100, medium: 60, high: 20 };

export function healthBand(score: number): HealthBand {
  return score >= 70 ? 'green' : score >= 40 ? 'amber' : 'red';
}

const clamp = (x: number) => Math.max(0, Math.min(100, Math.round(x)));
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

/**
 * @param keyTemperatures temperatures of the account's active key players (or of everyone active when nobody is a key player)
 * @param findings the account's final findings (after severities and suppressions), for coverage penalties
 */
export function accountHealth(data: AccountData | undefined, keyTemperatures: { name: string; temperature: Temperature }[], findings: Diagnostic[], config: KeyplanConfig, asOf: string): Health {
  const w = config.healthWeights;
  const relationship: HealthPart = { part: 'relationship', weight: w.relationship, details: [] };
  if (keyTemperatures.length) {
    const avg = mean(keyTemperatures.map((k) => k.temperature.score));
    relationship.details.push(...keyTemperatures.map((k) => ({ label: k.name, value: k.temperature.score })));
    let score = avg;
    const counted = new Set<string>();
    for (const f of findings) {
      const penalty = COVERAGE_PENALTIES[f.rule];
      // One penalty per rule: five uncovered key players are one coverage problem, not five.
      if (penalty === undefined || counted.has(f.rule)) continue;
      counted.add(f.rule);
      score -= penalty;
      relationship.details.push({ label: f.rule, value: -penalty, effect: -penalty });
    }
    relationship.score = clamp(score);
  }

  const experience: HealthPart = { part: 'experience', weight: w.experience, details: [] };
  const exp: number[] = [];
  // The single current values; without them, the newest survey of the series stands in.
  const nps = typeof data?.health?.nps === 'number' ? data.health.nps : latestSurvey(data, 'nps', asOf)?.score;
  const csat = typeof data?.health?.csat === 'number' ? data.health.csat : latestSurvey(data, 'csat', asOf)?.score;
  if (typeof nps === 'number' && nps >= -100 && nps <= 100) {
    exp.push((nps + 100) / 2);
    experience.details.push({ label: 'nps', value: nps });
  }
  if (typeof csat === 'number' && csat >= 0 && csat <= 100) {
    exp.push(csat);
    experience.details.push({ label: 'csat', value: csat });
  }
  if (exp.length) experience.score = clamp(mean(exp));

  const business: HealthPart = { part: 'business', weight: w.business, details: [] };
  const biz: number[] = [];
  const objectives = (Array.isArray(data?.objectives) ? data!.objectives : []).filter((o) => o && o.status !== 'dropped');
  if (objectives.length) {
    const points = objectives.map((o) => {
      const overdue = isValidDate(o.due) && o.due < asOf && o.status !== 'done';
      return overdue ? 0 : OBJECTIVE_POINTS[o.status ?? 'not-started'] ?? 50;
    });
    biz.push(mean(points));
    const onTrack = objectives.filter((o) => o.status === 'on-track' || o.status === 'done').length;
    business.details.push({ label: 'objectives on track or done', value: `${onTrack}/${objectives.length}` });
  }
  const churn = data?.health?.churn_risk;
  if (churn && churn in CHURN_POINTS) {
    biz.push(CHURN_POINTS[churn]);
    business.details.push({ label: 'churn_risk', value: churn });
  }
  if (biz.length) business.score = clamp(mean(biz));

  const parts = [relationship, experience, business];
  const known = parts.filter((p) => p.score !== undefined && p.weight > 0);
  const totalWeight = known.reduce((s, p) => s + p.weight, 0);
  if (!known.length || totalWeight <= 0) return { parts };
  const score = clamp(known.reduce((s, p) => s + p.score! * p.weight, 0) / totalWeight);
  return { score, band: healthBand(score), parts };
}
