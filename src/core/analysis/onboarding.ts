/**
 * A brand-new account is not an emergency. An account is onboarding (新客户建档期) while it has no
 * active people yet, or while no interaction is logged and fewer than keyplan.yaml
 * `onboarding_days` have passed since its `created` date (or, without one, its plan period's start).
 * While onboarding, the rules that judge coverage and silence (ONBOARDING_DEFERRED) wait, and the
 * `account-onboarding` finding lists what to fill in next. See docs/rules.md, account-onboarding.
 */
import { daysBetween, isValidDate } from '../dates.js';
import type { KeyplanConfig } from '../parse/config.js';
import type { Account } from '../model/workspace.js';

/** The rules that do not apply to an account while it is onboarding. */
export const ONBOARDING_DEFERRED: ReadonlySet<string> = new Set([
  'account-dark', 'interaction-never', 'single-threaded', 'missing-economic-buyer', 'economic-buyer-not-supportive', 'missing-coach', 'no-path-to-economic-buyer', 'key-player-uncovered',
]);

/** One step of the onboarding checklist, in the order a KAM does them. */
export type OnboardingStep = 'people' | 'eb' | 'coach' | 'interaction';
export const ONBOARDING_STEPS: readonly OnboardingStep[] = ['people', 'eb', 'coach', 'interaction'];

export interface Onboarding {
  /** The steps still to do (never empty: an account with nothing left to do is not onboarding). */
  todo: OnboardingStep[];
  /** The steps already done. */
  done: OnboardingStep[];
  /** The date the grace period counts from, when the account has one. */
  since?: string;
  /** Days of grace left, when the account has a date to count from. */
  daysLeft?: number;
}

/** The onboarding state of an account at `asOf`, or undefined when the normal rules apply. */
export function onboardingState(account: Account, config: Pick<KeyplanConfig, 'onboardingDays'>, asOf: string): Onboarding | undefined {
  if (!account.data) return undefined;
  const active = account.people.filter((p) => p.data.status !== 'left');
  const logged = account.interactions.length > 0;
  const start = [account.data.created, account.data.period?.start].find(isValidDate);
  const daysLeft = start !== undefined ? config.onboardingDays - daysBetween(start, asOf) : undefined;
  const inGrace = daysLeft !== undefined && daysLeft > 0;
  // No people: onboarding, whatever the date (there is nobody to be dark with or to cover).
  // People but nothing logged: onboarding only within a dated grace period.
  if (active.length > 0 && (logged || !inGrace)) return undefined;
  const has = (role: string) => active.some((p) => Array.isArray(p.data.roles) && p.data.roles.includes(role));
  const isDone: Record<OnboardingStep, boolean> = { people: active.length > 0, eb: has('EB'), coach: has('Coach'), interaction: logged };
  return {
    todo: ONBOARDING_STEPS.filter((s) => !isDone[s]),
    done: ONBOARDING_STEPS.filter((s) => isDone[s]),
    ...(start !== undefined ? { since: start } : {}),
    ...(daysLeft !== undefined ? { daysLeft: Math.max(0, daysLeft) } : {}),
  };
}
