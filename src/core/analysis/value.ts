/**
 * Value and early warning (价值与预警): the series of an account plan read as trends. Periods of the
 * revenue series, the latest survey against the one before, complaints and interactions with key
 * players per window, the attraction–barrier position and the health trend. Pure functions of the
 * data and an explicit as-of date, shared by the early-warning rules, the report and the inventory.
 */
import { addDays, dayNumber, isValidDate } from '../dates.js';
import type { EarlyWarningConfig } from '../parse/config.js';
import { ATTRACTION_KINDS, SWITCHING_COST_KINDS, type AccountData, type Factor, type RevenueEntry, type Survey, type SurveyKind } from '../model/types.js';
import type { Account, Interaction } from '../model/workspace.js';

// ---------------------------------------------------------------- periods

export type PeriodUnit = 'year' | 'half' | 'quarter' | 'month';

export interface PeriodKey {
  year: number;
  unit: PeriodUnit;
  /** 1-based index within the year (1 for a year). */
  index: number;
}

const UNIT_MONTHS: Record<PeriodUnit, number> = { year: 12, half: 6, quarter: 3, month: 1 };
const PERIOD = /^(\d{4})(?:-(?:H([12])|Q([1-4])|(0[1-9]|1[0-2])))?$/;

/** `2026`, `2026-H1`, `2026-Q3`, `2026-09` (or the number 2026) → its key; undefined otherwise. */
export function parsePeriod(value: unknown): PeriodKey | undefined {
  const m = PERIOD.exec(typeof value === 'number' && Number.isInteger(value) ? String(value) : typeof value === 'string' ? value : '');
  if (!m) return undefined;
  const year = Number(m[1]);
  if (m[2]) return { year, unit: 'half', index: Number(m[2]) };
  if (m[3]) return { year, unit: 'quarter', index: Number(m[3]) };
  if (m[4]) return { year, unit: 'month', index: Number(m[4]) };
  return { year, unit: 'year', index: 1 };
}

export function periodLabel(k: PeriodKey): string {
  switch (k.unit) {
    case 'year': return String(k.year);
    case 'half': return `${k.year}-H${k.index}`;
    case 'quarter': return `${k.year}-Q${k.index}`;
    default: return `${k.year}-${String(k.index).padStart(2, '0')}`;
  }
}

/** The period just before, of the same length. */
export function previousPeriod(k: PeriodKey): PeriodKey {
  const per = 12 / UNIT_MONTHS[k.unit];
  return k.index > 1 ? { ...k, index: k.index - 1 } : { year: k.year - 1, unit: k.unit, index: per };
}

/** The same period a year before. */
export const samePeriodLastYear = (k: PeriodKey): PeriodKey => ({ ...k, year: k.year - 1 });

/** First day of the period (YYYY-MM-DD), for sorting and for "has it started". */
export function periodStart(k: PeriodKey): string {
  const month = (k.index - 1) * UNIT_MONTHS[k.unit] + 1;
  return `${k.year}-${String(month).padStart(2, '0')}-01`;
}

/** Last day of the period. */
export function periodEnd(k: PeriodKey): string {
  const month = (k.index - 1) * UNIT_MONTHS[k.unit] + UNIT_MONTHS[k.unit];
  const next = month === 12 ? `${k.year + 1}-01-01` : `${k.year}-${String(month + 1).padStart(2, '0')}-01`;
  return addDays(next, -1);
}

const sameKey = (a: PeriodKey, b: PeriodKey) => a.year === b.year && a.unit === b.unit && a.index === b.index;

// ---------------------------------------------------------------- revenue

export interface RevenuePoint extends RevenueEntry {
  key: PeriodKey;
  label: string;
  /** Index in the document's `revenue` list (for positions). */
  index: number;
}

/** The valid entries of the revenue series that have started by asOf, oldest first. */
export function revenueSeries(data: AccountData | undefined, asOf?: string): RevenuePoint[] {
  const list = Array.isArray(data?.revenue) ? data!.revenue : [];
  const out: RevenuePoint[] = [];
  list.forEach((e, index) => {
    const key = parsePeriod(e?.period);
    if (!key || typeof e.amount !== 'number' || !Number.isFinite(e.amount) || e.amount < 0) return;
    if (asOf && periodStart(key) > asOf) return;
    out.push({ ...e, key, label: periodLabel(key), index });
  });
  return out.sort((a, b) => (periodStart(a.key) < periodStart(b.key) ? -1 : periodStart(a.key) > periodStart(b.key) ? 1 : UNIT_MONTHS[b.key.unit] - UNIT_MONTHS[a.key.unit]));
}

export interface RevenueComparison {
  latest: RevenuePoint;
  /** The entry of the previous period, and of the same period a year before, when recorded. */
  previous?: RevenuePoint;
  lastYear?: RevenuePoint;
}

/** The latest recorded period (of the finest granularity starting last) against the ones it is compared with. */
export function revenueComparison(data: AccountData | undefined, asOf?: string): RevenueComparison | undefined {
  const series = revenueSeries(data, asOf);
  if (!series.length) return undefined;
  // The period that started last; among several starting then, the shortest (a month over its quarter).
  const latest = series.reduce((m, p) => (periodStart(p.key) > periodStart(m.key) || (periodStart(p.key) === periodStart(m.key) && UNIT_MONTHS[p.key.unit] < UNIT_MONTHS[m.key.unit]) ? p : m));
  const find = (k: PeriodKey) => series.find((p) => sameKey(p.key, k));
  return { latest, previous: find(previousPeriod(latest.key)), lastYear: find(samePeriodLastYear(latest.key)) };
}

/** Share by which `now` is below `before` (0.5 = down by half); undefined when before is 0. */
export function dropShare(before: number, now: number): number | undefined {
  return before > 0 ? (before - now) / before : undefined;
}

// ---------------------------------------------------------------- surveys

export interface SurveyPoint extends Survey {
  index: number;
}

/** Valid surveys of one kind dated on or before asOf, oldest first. */
export function surveySeries(data: AccountData | undefined, kind: SurveyKind, asOf?: string): SurveyPoint[] {
  const list = Array.isArray(data?.surveys) ? data!.surveys : [];
  return list
    .map((s, index) => ({ ...s, index }))
    .filter((s) => s && s.kind === kind && isValidDate(s.date) && typeof s.score === 'number' && Number.isFinite(s.score) && (!asOf || s.date <= asOf))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.index - b.index));
}

export const SURVEY_KINDS: readonly SurveyKind[] = ['nps', 'csat', 'ces'];
/** CES measures effort: lower is better. */
export const higherIsBetter = (kind: SurveyKind) => kind !== 'ces';

/** The latest survey of a kind and the one before, when there are two. */
export function surveyChange(data: AccountData | undefined, kind: SurveyKind, asOf?: string): { previous: SurveyPoint; latest: SurveyPoint } | undefined {
  const s = surveySeries(data, kind, asOf);
  return s.length >= 2 ? { previous: s[s.length - 2], latest: s[s.length - 1] } : undefined;
}

/** The newest score of a kind, for `health.nps` / `health.csat` when those are not written. */
export function latestSurvey(data: AccountData | undefined, kind: SurveyKind, asOf?: string): SurveyPoint | undefined {
  const s = surveySeries(data, kind, asOf);
  return s[s.length - 1];
}

// ---------------------------------------------------------------- interactions per window

export interface WindowCounts {
  /** Days of each window. */
  days: number;
  /** The last window: (asOf − days, asOf]. */
  recent: number;
  /** The window before it. */
  before: number;
  recentFrom: string;
  beforeFrom: string;
}

/** Counts the interactions matching `keep` in the last `days` days and the `days` before. */
export function countWindows(interactions: Interaction[], asOf: string, days: number, keep: (i: Interaction) => boolean): WindowCounts {
  let recent = 0;
  let before = 0;
  const today = dayNumber(asOf);
  for (const i of interactions) {
    if (!keep(i)) continue;
    const d = today - dayNumber(i.date);
    if (d >= 0 && d < days) recent++;
    else if (d >= days && d < 2 * days) before++;
  }
  return { days, recent, before, recentFrom: addDays(asOf, -(days - 1)), beforeFrom: addDays(asOf, -(2 * days - 1)) };
}

const COMPLAINT_TAG = /#(complaint|投诉)(?![\p{L}\p{N}_-])/iu;

/** An entry on a complaint channel, or tagged `#complaint` / `#投诉`. */
export function isComplaint(i: Interaction, config: EarlyWarningConfig): boolean {
  return config.complaintChannels.includes(i.channel) || COMPLAINT_TAG.test(i.summary);
}

export function complaintCounts(account: Account, config: EarlyWarningConfig, asOf: string): WindowCounts {
  return countWindows(account.interactions, asOf, config.complaintsWindowDays, (i) => isComplaint(i, config));
}

// ---------------------------------------------------------------- attraction–barrier

export type LoyaltyPosition = 'loyal' | 'captive' | 'free-to-leave' | 'at-risk';

export interface AttractionBarrier {
  /** Mean of the written attraction scores, one decimal; undefined when none is written. */
  attraction?: number;
  barrier?: number;
  position?: LoyaltyPosition;
  attractionScores: { kind: string; score: number; note?: string }[];
  barrierScores: { kind: string; score: number; note?: string }[];
}

/** A mean of 3 or more is high. */
export const HIGH_FACTOR = 3;

function scores(obj: unknown, kinds: readonly string[]): { kind: string; score: number; note?: string }[] {
  if (!obj || typeof obj !== 'object') return [];
  const out: { kind: string; score: number; note?: string }[] = [];
  for (const kind of kinds) {
    const f = (obj as Record<string, Factor | undefined>)[kind];
    if (f && typeof f.score === 'number' && f.score >= 1 && f.score <= 5) out.push({ kind, score: f.score, ...(typeof f.note === 'string' ? { note: f.note } : {}) });
  }
  return out;
}

const mean1 = (xs: number[]) => (xs.length ? Math.round((xs.reduce((a, b) => a + b, 0) / xs.length) * 10) / 10 : undefined);

/** High attraction + high barrier = loyal; low + high = captive; high + low = free to leave; low + low = at risk. */
export function attractionBarrier(data: AccountData | undefined): AttractionBarrier {
  const attractionScores = scores(data?.attraction, ATTRACTION_KINDS);
  const barrierScores = scores(data?.switching_costs, SWITCHING_COST_KINDS);
  const attraction = mean1(attractionScores.map((s) => s.score));
  const barrier = mean1(barrierScores.map((s) => s.score));
  let position: LoyaltyPosition | undefined;
  if (attraction !== undefined && barrier !== undefined) {
    const a = attraction >= HIGH_FACTOR;
    const b = barrier >= HIGH_FACTOR;
    position = a && b ? 'loyal' : b ? 'captive' : a ? 'free-to-leave' : 'at-risk';
  }
  return { attraction, barrier, position, attractionScores, barrierScores };
}

// ---------------------------------------------------------------- health trend

export type TrendDirection = 'up' | 'down' | 'flat';

export interface TrendSignal {
  metric: SurveyKind | 'revenue';
  previous: number;
  latest: number;
  /** Dates (surveys) or period labels (revenue). */
  previousAt: string;
  latestAt: string;
  /** Better or worse for us (CES falling is `up`). */
  direction: TrendDirection;
}

export interface HealthTrend {
  direction?: TrendDirection;
  signals: TrendSignal[];
}

/** ▲ ▼ or → for a direction. */
export const TREND_ARROW: Record<TrendDirection, string> = { up: '▲', down: '▼', flat: '→' };

/**
 * The health trend from the series: each survey kind's latest score against the one before, and
 * the latest revenue period against the one before. Better on balance is up, worse is down; no
 * series with two points, no trend.
 */
export function healthTrend(data: AccountData | undefined, asOf: string): HealthTrend {
  const signals: TrendSignal[] = [];
  const dir = (delta: number): TrendDirection => (delta > 0 ? 'up' : delta < 0 ? 'down' : 'flat');
  for (const kind of SURVEY_KINDS) {
    const c = surveyChange(data, kind, asOf);
    if (!c) continue;
    const delta = (c.latest.score - c.previous.score) * (higherIsBetter(kind) ? 1 : -1);
    signals.push({ metric: kind, previous: c.previous.score, latest: c.latest.score, previousAt: c.previous.date, latestAt: c.latest.date, direction: dir(delta) });
  }
  const r = revenueComparison(data, asOf);
  if (r?.previous) signals.push({ metric: 'revenue', previous: r.previous.amount, latest: r.latest.amount, previousAt: r.previous.label, latestAt: r.latest.label, direction: dir(r.latest.amount - r.previous.amount) });
  if (!signals.length) return { signals };
  const balance = signals.reduce((s, x) => s + (x.direction === 'up' ? 1 : x.direction === 'down' ? -1 : 0), 0);
  return { direction: dir(balance), signals };
}

/** Percent with no decimals when whole, else one: 0.5 → "50", 0.333 → "33.3". */
export function percent(share: number): string {
  const p = Math.round(share * 1000) / 10;
  return Number.isInteger(p) ? String(p) : p.toFixed(1);
}
