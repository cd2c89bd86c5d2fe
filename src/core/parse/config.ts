/** keyplan.yaml: workspace settings, with the built-in defaults filled in. */
import type { Severity } from '../diagnostic.js';
import { isLocale, type Locale } from '../i18n/catalogue.js';

export type Tier = 'A' | 'B' | 'C';
export const TIERS: readonly Tier[] = ['A', 'B', 'C'];

export interface Cadence {
  ideal: number;
  max: number;
}

export type RuleSetting = Severity | 'off';

export interface KeyplanConfig {
  locale?: Locale;
  channels: string[];
  /**
   * Other names for channels (`拜访` → `visit`): the built-in Chinese names of the built-in channels
   * that are configured, then keyplan.yaml `channel_aliases`. An entry written with an alias counts
   * as its channel everywhere after parsing (cadence, temperature, reports).
   */
  channelAliases: Map<string, string>;
  roles: string[];
  /** Per tier: per role, plus `default` for everyone else. */
  cadence: Record<Tier, Record<string, Cadence>>;
  /** `A.EB`, `B.default`…: the cadence entries that keyplan.yaml set (the rest are built in). */
  cadenceFromFile: Set<string>;
  darkAfter: number;
  /** Days a new account is onboarding, counted from its `created` date or plan period start. */
  onboardingDays: number;
  /** Thresholds of the early-warning rules (keyplan.yaml `early_warning`). */
  earlyWarning: EarlyWarningConfig;
  /** Weights of the account-health parts (normalised over the parts that have data). */
  healthWeights: { relationship: number; experience: number; business: number };
  rules: Record<string, RuleSetting | Partial<Record<Tier, RuleSetting>>>;
  exclude: string[];
  /** `keyplan import`: the channel of online and in-person meetings, and addresses never listed as unmatched. */
  import: { online: string; inPerson: string; ignore: string[] };
  /** Set when keyplan.yaml exists but could not be read at all: the built-in settings are used. */
  unreadable?: 'not-utf8' | 'yaml' | 'not-mapping';
}

export interface EarlyWarningConfig {
  coolingWindowDays: number;
  coolingDrop: number;
  coolingMin: number;
  surveyDrop: { nps: number; csat: number; ces: number };
  complaintsWindowDays: number;
  complaintsRise: number;
  complaintsMin: number;
  complaintChannels: string[];
  revenueDrop: number;
  renewalGraceDays: number;
  favourInfluence: number;
}

export function defaultEarlyWarning(): EarlyWarningConfig {
  return {
    coolingWindowDays: 90,
    coolingDrop: 0.5,
    coolingMin: 2,
    surveyDrop: { nps: 20, csat: 10, ces: 1 },
    complaintsWindowDays: 30,
    complaintsRise: 0.3,
    complaintsMin: 2,
    complaintChannels: ['complaint'],
    revenueDrop: 0.5,
    renewalGraceDays: 30,
    favourInfluence: 4,
  };
}

export const BUILTIN_CHANNELS = ['visit', 'meeting', 'call', 'wechat', 'email', 'event', 'executive-exchange', 'gift', 'dinner', 'other'];
/** The Chinese names of the built-in channels, accepted in interaction-log entries as those channels. */
export const BUILTIN_CHANNEL_ALIASES: Readonly<Record<string, string>> = {
  拜访: 'visit', 会议: 'meeting', 电话: 'call', 微信: 'wechat', 邮件: 'email', 活动: 'event', 高层互访: 'executive-exchange', 礼品: 'gift', 宴请: 'dinner',
};
export const BUILTIN_ROLES = ['EB', 'TB', 'UB', 'Coach'];

export function defaultConfig(): KeyplanConfig {
  return {
    channels: [...BUILTIN_CHANNELS],
    channelAliases: builtInAliases(BUILTIN_CHANNELS),
    roles: [...BUILTIN_ROLES],
    cadence: {
      A: { EB: { ideal: 30, max: 45 }, default: { ideal: 45, max: 60 } },
      B: { default: { ideal: 60, max: 90 } },
      C: { default: { ideal: 90, max: 180 } },
    },
    cadenceFromFile: new Set(),
    darkAfter: 60,
    onboardingDays: 30,
    earlyWarning: defaultEarlyWarning(),
    healthWeights: { relationship: 0.5, experience: 0.25, business: 0.25 },
    rules: {},
    exclude: [],
    import: { online: 'meeting', inPerson: 'visit', ignore: [] },
  };
}

/**
 * Merges validated keyplan.yaml data over the defaults. `channels` replaces the list (a team may
 * drop gifts); `roles` adds to the four buying roles; cadence entries override per tier and role.
 */
export function resolveConfig(data: Record<string, unknown> | undefined): KeyplanConfig {
  const config = defaultConfig();
  if (!data) return config;
  if (isLocale(data.locale)) config.locale = data.locale;
  if (Array.isArray(data.channels) && data.channels.length) config.channels = data.channels.map(String);
  config.channelAliases = builtInAliases(config.channels);
  // Only aliases of a configured channel, and never one that is a channel itself (the loader reports the others).
  const aliases = data.channel_aliases;
  if (aliases && typeof aliases === 'object' && !Array.isArray(aliases)) {
    for (const [alias, channel] of Object.entries(aliases as Record<string, unknown>)) {
      if (typeof channel === 'string' && config.channels.includes(channel) && !config.channels.includes(alias) && /^[^\s@:：]+$/.test(alias)) config.channelAliases.set(alias, channel);
    }
  }
  if (Array.isArray(data.roles)) for (const r of data.roles) if (!config.roles.includes(String(r))) config.roles.push(String(r));
  if (data.cadence && typeof data.cadence === 'object') {
    for (const tier of TIERS) {
      const perTier = (data.cadence as Record<string, unknown>)[tier];
      if (!perTier || typeof perTier !== 'object') continue;
      for (const [role, value] of Object.entries(perTier as Record<string, unknown>)) {
        const c = value as Partial<Cadence>;
        if (typeof c?.ideal === 'number' && typeof c?.max === 'number') {
          config.cadence[tier][role] = { ideal: c.ideal, max: c.max };
          config.cadenceFromFile.add(`${tier}.${role}`);
        }
      }
    }
  }
  if (typeof data.dark_after === 'number') config.darkAfter = data.dark_after;
  if (typeof data.onboarding_days === 'number') config.onboardingDays = data.onboarding_days;
  const ew = data.early_warning as Record<string, unknown> | undefined;
  if (ew && typeof ew === 'object' && !Array.isArray(ew)) config.earlyWarning = resolveEarlyWarning(ew);
  const weights = (data.health as { weights?: Record<string, unknown> } | undefined)?.weights;
  if (weights) {
    for (const part of ['relationship', 'experience', 'business'] as const) {
      if (typeof weights[part] === 'number') config.healthWeights[part] = weights[part] as number;
    }
  }
  if (data.rules && typeof data.rules === 'object') config.rules = data.rules as KeyplanConfig['rules'];
  if (Array.isArray(data.exclude)) config.exclude = data.exclude.map(String);
  const imp = data.import as Record<string, unknown> | undefined;
  if (imp && typeof imp === 'object') {
    if (typeof imp.online === 'string') config.import.online = imp.online;
    if (typeof imp.in_person === 'string') config.import.inPerson = imp.in_person;
    if (Array.isArray(imp.ignore)) config.import.ignore = imp.ignore.filter((a): a is string => typeof a === 'string');
  }
  return config;
}

/** Each valid value of keyplan.yaml `early_warning` over its default (an invalid one falls back alone; the schema reports it). */
function resolveEarlyWarning(ew: Record<string, unknown>): EarlyWarningConfig {
  const out = defaultEarlyWarning();
  const num = (v: unknown, min: number, max = Infinity, integer = false) => typeof v === 'number' && Number.isFinite(v) && v >= min && v <= max && (!integer || Number.isInteger(v));
  if (num(ew.cooling_window_days, 1, Infinity, true)) out.coolingWindowDays = ew.cooling_window_days as number;
  if (num(ew.cooling_drop, 0, 1)) out.coolingDrop = ew.cooling_drop as number;
  if (num(ew.cooling_min, 1, Infinity, true)) out.coolingMin = ew.cooling_min as number;
  const drop = ew.survey_drop as Record<string, unknown> | undefined;
  if (drop && typeof drop === 'object') {
    for (const k of ['nps', 'csat', 'ces'] as const) if (num(drop[k], Number.MIN_VALUE)) out.surveyDrop[k] = drop[k] as number;
  }
  if (num(ew.complaints_window_days, 1, Infinity, true)) out.complaintsWindowDays = ew.complaints_window_days as number;
  if (num(ew.complaints_rise, 0)) out.complaintsRise = ew.complaints_rise as number;
  if (num(ew.complaints_min, 1, Infinity, true)) out.complaintsMin = ew.complaints_min as number;
  if (Array.isArray(ew.complaint_channels)) out.complaintChannels = ew.complaint_channels.filter((c): c is string => typeof c === 'string' && c.length > 0);
  if (num(ew.revenue_drop, 0, 1)) out.revenueDrop = ew.revenue_drop as number;
  if (num(ew.renewal_grace_days, 0, Infinity, true)) out.renewalGraceDays = ew.renewal_grace_days as number;
  if (num(ew.favour_influence, 1, 5, true)) out.favourInfluence = ew.favour_influence as number;
  return out;
}

/** The built-in Chinese names of those of `channels` that are built-in channels. */
function builtInAliases(channels: readonly string[]): Map<string, string> {
  return new Map(Object.entries(BUILTIN_CHANNEL_ALIASES).filter(([alias, channel]) => channels.includes(channel) && !channels.includes(alias)));
}

/** The configured channel a channel name written in a log stands for (itself, or the channel of an alias); undefined if none. */
export function canonicalChannel(config: Pick<KeyplanConfig, 'channels' | 'channelAliases'>, written: string): string | undefined {
  if (config.channels.includes(written)) return written;
  return config.channelAliases.get(written);
}

/** Every name a log entry may use for a channel: the channels, then their aliases (for "did you mean"). */
export function channelNames(config: Pick<KeyplanConfig, 'channels' | 'channelAliases'>): string[] {
  return [...config.channels, ...config.channelAliases.keys()];
}
