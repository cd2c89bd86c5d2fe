/**
 * Every rule Keyplan reports, in one list (the order of docs/rules.md and of SARIF's rule table).
 * A rule is one file, `<category>/<id>.ts`, named by its id; adding a rule means writing that file
 * and listing it here. The pipeline runs the checks of the account-level rules through
 * `accountFindings`; the format and reference rules are found while parsing and building the model.
 */
import type { Severity } from '../diagnostic.js';
import type { KeyplanConfig, Tier } from '../parse/config.js';
import type { AccountContext } from './context.js';
import { chosenSeverity, type Rule } from './define.js';
import { yamlSyntax } from './format/yaml-syntax.js';
import { unknownKind } from './format/unknown-kind.js';
import { encoding } from './format/encoding.js';
import { schema } from './format/schema.js';
import { unknownField } from './format/unknown-field.js';
import { duplicateId } from './references/duplicate-id.js';
import { unknownReference } from './references/unknown-reference.js';
import { crossAccountReference } from './references/cross-account-reference.js';
import { reportsToCycle } from './references/reports-to-cycle.js';
import { logEntryMalformed } from './format/log-entry-malformed.js';
import { unknownChannel } from './format/unknown-channel.js';
import { logEntryInFuture } from './cadence/log-entry-in-future.js';
import { interactionOverdue } from './cadence/interaction-overdue.js';
import { interactionDueSoon } from './cadence/interaction-due-soon.js';
import { interactionNever } from './cadence/interaction-never.js';
import { plannedInteractionMissed } from './cadence/planned-interaction-missed.js';
import { accountDark } from './cadence/account-dark.js';
import { contactLeft } from './cadence/contact-left.js';
import { missingEconomicBuyer } from './methodology/missing-economic-buyer.js';
import { economicBuyerNotSupportive } from './methodology/economic-buyer-not-supportive.js';
import { noPathToEconomicBuyer } from './methodology/no-path-to-economic-buyer.js';
import { missingCoach } from './methodology/missing-coach.js';
import { singleThreaded } from './methodology/single-threaded.js';
import { keyPlayerUncovered } from './methodology/key-player-uncovered.js';
import { stageTargetMissing } from './methodology/stage-target-missing.js';
import { planPeriodEnded } from './methodology/plan-period-ended.js';
import { reviewOverdue } from './methodology/review-overdue.js';
import { objectiveOverdue } from './methodology/objective-overdue.js';
import { accountOnboarding } from './methodology/account-onboarding.js';
import { relationshipCooling } from './early-warning/relationship-cooling.js';
import { experienceDeclining } from './early-warning/experience-declining.js';
import { complaintsRising } from './early-warning/complaints-rising.js';
import { cooperationShrinking } from './early-warning/cooperation-shrinking.js';
import { renewalSlipping } from './early-warning/renewal-slipping.js';
import { retentionPlanMissing } from './early-warning/retention-plan-missing.js';
import { keyPlayerFavoursCompetitor } from './early-warning/key-player-favours-competitor.js';
import { ONBOARDING_DEFERRED, onboardingState } from '../analysis/onboarding.js';

export const RULES = [
  yamlSyntax,
  unknownKind,
  encoding,
  schema,
  unknownField,
  duplicateId,
  unknownReference,
  crossAccountReference,
  reportsToCycle,
  logEntryMalformed,
  unknownChannel,
  logEntryInFuture,
  interactionOverdue,
  interactionDueSoon,
  interactionNever,
  plannedInteractionMissed,
  accountDark,
  contactLeft,
  missingEconomicBuyer,
  economicBuyerNotSupportive,
  noPathToEconomicBuyer,
  missingCoach,
  singleThreaded,
  keyPlayerUncovered,
  stageTargetMissing,
  planPeriodEnded,
  reviewOverdue,
  objectiveOverdue,
  accountOnboarding,
  relationshipCooling,
  experienceDeclining,
  complaintsRising,
  cooperationShrinking,
  renewalSlipping,
  retentionPlanMissing,
  keyPlayerFavoursCompetitor,
] as const;

/** The id of every rule: `'schema' | 'missing-coach' | …`. */
export type RuleId = (typeof RULES)[number]['id'];

type AnyRule = Rule<string, string, AccountContext>;
const byId = new Map<string, AnyRule>(RULES.map((r) => [r.id, r as unknown as AnyRule]));

export function ruleInfo(id: string): AnyRule | undefined {
  return byId.get(id);
}

export function isRuleId(id: string): id is RuleId {
  return byId.has(id);
}

/** The findings of every account-level rule (cadence and methodology) for one account. */
export function accountFindings(context: AccountContext) {
  // A new account gets its onboarding checklist instead of the coverage and dark-account warnings.
  const onboarding = context.onboarding ?? onboardingState(context.account, context.ws.config, context.asOf);
  const ctx = { ...context, onboarding };
  return [...byId.values()].filter((rule) => !(onboarding && ONBOARDING_DEFERRED.has(rule.id))).flatMap((rule) => rule.check?.(ctx, rule) ?? []);
}

/**
 * The severity a finding ends up with: keyplan.yaml `rules:` (global or per tier) first, then the
 * rule's per-tier default, then the severity it was produced with (the rule's plain default unless
 * the check chose another, as `interaction-never` does for people who are not key players). Null
 * means the finding is not shown.
 */
export function effectiveSeverity(config: KeyplanConfig, rule: string, produced: Severity, tier: Tier | undefined): Severity | null {
  const chosen = chosenSeverity(config.rules, rule, byId.get(rule)?.severity, tier);
  if (!chosen) return produced;
  return chosen === 'off' ? null : chosen;
}
