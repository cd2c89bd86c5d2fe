/**
 * What a rule is: a stable id, a category, a default severity (plain, or per tier when the rule
 * matters more for strategic accounts), a summary and messages in every locale, and optionally the
 * check the pipeline runs for each account. Every diagnostic Keyplan reports is made here, by
 * `rule.diagnostic()`, so a rule's id, default severity and words cannot drift apart.
 *
 * This file and the rule files without a check import only the foundation (diagnostics, i18n), so
 * the stages that find format and reference problems (parse, schema, model) can use them.
 */
import type { Diagnostic, Range, Severity } from '../diagnostic.js';
import { localize, type Locale, type Message, type Params, type Text } from '../i18n/catalogue.js';

export type RuleCategory = 'format' | 'references' | 'cadence' | 'methodology' | 'early-warning';
export type RuleTier = 'A' | 'B' | 'C';
export type RuleSeverity = Severity | Record<RuleTier, Severity | 'off'>;

export interface RuleSpec<Id extends string, Variant extends string, Context> {
  id: Id;
  category: RuleCategory;
  /** Plain, or per tier; keyplan.yaml `rules:` can override either. */
  severity: RuleSeverity;
  summary: Text;
  /** The message variants; `default` when there is one. */
  messages: Record<Variant, Message>;
  /** A group of the editor's Needs Attention view: its heading, and its place (1 first). */
  attention?: Text & { rank: number };
  /** A finding about a person's cadence: the editor offers "Log an interaction today…". */
  offersLogInteraction?: boolean;
  /** The check the pipeline runs once per account (rules found while parsing have none). */
  check?: (context: Context, rule: Rule<Id, Variant, Context>) => Diagnostic[];
}

export interface Rule<Id extends string = string, Variant extends string = string, Context = never> extends RuleSpec<Id, Variant, Context> {
  /** The severity a finding has before keyplan.yaml and the account's tier are applied. */
  readonly producedSeverity: Severity;
  message(locale: Locale, variant: Variant, params?: Params): string;
  /** The one constructor of a diagnostic. */
  diagnostic(at: { file: string; range: Range }, locale: Locale, variant: Variant, params?: Params, data?: Record<string, unknown>, severity?: Severity): Diagnostic;
}

/**
 * The message as one flat string. Built from many pieces, it is a tree of joined strings to V8
 * (32 bytes a piece: 100,000 pieces for the findings of 10,000 documents, kept until printed)
 * until a character of it is read, which joins it once; the pieces can then go.
 */
function flat(message: string): string {
  message.charCodeAt(0);
  return message;
}

export function defineRule<const Id extends string, Variant extends string, Context = never>(spec: RuleSpec<Id, Variant, Context>): Rule<Id, Variant, Context> {
  // A per-tier rule is produced as a warning; the account's tier then decides (rules/index.ts).
  const producedSeverity: Severity = typeof spec.severity === 'string' ? spec.severity : 'warning';
  return {
    ...spec,
    producedSeverity,
    message: (locale, variant, params = {}) => localize(spec.messages[variant], locale, params),
    diagnostic: (at, locale, variant, params = {}, data, severity) => {
      const message = flat(localize(spec.messages[variant], locale, params));
      const s = severity ?? producedSeverity;
      // Two literals rather than a spread: one shape each, built at once.
      return data ? { file: at.file, range: at.range, severity: s, rule: spec.id, message, data } : { file: at.file, range: at.range, severity: s, rule: spec.id, message };
    },
  };
}

/** keyplan.yaml `rules:` as the rules see it: a severity for every tier, or one per tier. */
export type RuleSettings = Record<string, Severity | 'off' | Partial<Record<RuleTier, Severity | 'off'>>>;
const RULE_TIERS: readonly RuleTier[] = ['A', 'B', 'C'];

/**
 * The severity keyplan.yaml `rules:` (global or per tier) or else the rule's per-tier default
 * chooses for a tier; undefined when neither chooses (the finding keeps the severity it was made with).
 */
export function chosenSeverity(settings: RuleSettings, id: string, defaults: RuleSeverity | undefined, tier: RuleTier | undefined): Severity | 'off' | undefined {
  const setting = Object.hasOwn(settings, id) ? settings[id] : undefined;
  let chosen = typeof setting === 'string' ? setting : setting && tier ? setting[tier] : undefined;
  if (!chosen && typeof defaults === 'object' && tier) chosen = defaults[tier];
  return chosen;
}

/** The tiers whose accounts a rule checks in this workspace (its severity there is not `off`). */
export function tiersChecked(settings: RuleSettings, rule: { id: string; severity: RuleSeverity }): RuleTier[] {
  return RULE_TIERS.filter((tier) => chosenSeverity(settings, rule.id, rule.severity, tier) !== 'off');
}
