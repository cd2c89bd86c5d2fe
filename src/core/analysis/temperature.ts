/**
 * Relationship temperature (关系温度计), 0–100 per person, from recency, frequency and depth of
 * interactions in the last 90 days plus the person's stance. Deterministic for a given as-of date;
 * the formula is documented in docs/rules.md.
 */
import { dayNumber, daysBetween } from '../dates.js';
import type { Stance } from '../model/types.js';
import type { Interaction, Person } from '../model/workspace.js';

export type TemperatureBand = 'cold' | 'cooling' | 'warm' | 'hot';

export const WINDOW_DAYS = 90;
/** How much one interaction of a channel says about the depth of the relationship (0–1). */
export const CHANNEL_DEPTH: Record<string, number> = {
  'executive-exchange': 1, visit: 1, dinner: 0.9, meeting: 0.8, event: 0.7, gift: 0.5, call: 0.5, wechat: 0.3, email: 0.3, other: 0.3,
};
const UNLISTED_CHANNEL_DEPTH = 0.5;
export const STANCE_POINTS: Record<Stance, number> = { champion: 20, supporter: 15, neutral: 8, unknown: 8, skeptic: 3, opponent: 0 };
/** Interactions in the window that earn full frequency points. */
const FULL_FREQUENCY = 6;

export interface Temperature {
  score: number;
  band: TemperatureBand;
  parts: { recency: number; frequency: number; depth: number; stance: number };
  interactionsInWindow: number;
}

export function band(score: number): TemperatureBand {
  return score < 30 ? 'cold' : score < 50 ? 'cooling' : score < 75 ? 'warm' : 'hot';
}

// Own keys only: a log entry's channel is free text (`- 2026-11-02 constructor @x: …` is only a warning).
const channelDepth = (channel: string) => (Object.hasOwn(CHANNEL_DEPTH, channel) ? CHANNEL_DEPTH[channel] : UNLISTED_CHANNEL_DEPTH);

const round1 = (x: number) => Math.round(x * 10) / 10;

/** `interactions` are the person's interactions (any order); entries after asOf are ignored. */
export function temperature(person: Person, interactions: Interaction[], asOf: string): Temperature {
  // One pass; as-of's day number once (daysBetween(i.date, asOf) is today - that day).
  const today = dayNumber(asOf);
  const inWindow: Interaction[] = [];
  let newest: string | undefined;
  for (const i of interactions) {
    const d = today - dayNumber(i.date);
    if (d >= 0 && d < WINDOW_DAYS) inWindow.push(i);
    if (i.date <= asOf && (!newest || i.date > newest)) newest = i.date;
  }
  const recency = newest === undefined ? 0 : 40 * Math.max(0, 1 - daysBetween(newest, asOf) / WINDOW_DAYS);
  const frequency = 25 * Math.min(1, inWindow.length / FULL_FREQUENCY);
  const depth = inWindow.length ? 15 * (inWindow.reduce((s, i) => s + channelDepth(i.channel), 0) / inWindow.length) : 0;
  const stanceKey = person.data.stance ?? 'unknown';
  const stance = Object.hasOwn(STANCE_POINTS, stanceKey) ? STANCE_POINTS[stanceKey as Stance] : STANCE_POINTS.unknown;
  const score = Math.round(recency + frequency + depth + stance);
  return { score, band: band(score), parts: { recency: round1(recency), frequency: round1(frequency), depth: round1(depth), stance }, interactionsInWindow: inWindow.length };
}
