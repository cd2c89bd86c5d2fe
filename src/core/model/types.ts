/**
 * TypeScript shapes of the frontmatter of each document kind. They mirror schemas/*.schema.json;
 * test/unit/types.test.ts fails when a schema gains or loses a field these types do not list.
 * Data only reaches these types after schema validation, but rules still treat every field as optional.
 */
import type { Cadence, Tier } from '../parse/config.js';

export type Stance = 'champion' | 'supporter' | 'neutral' | 'skeptic' | 'opponent' | 'unknown';
export type Coverage = 'unknown' | 'none' | 'brief' | 'multiple' | 'in-depth';
export type Stage = 'awareness' | 'recognition' | 'purchase' | 'advocacy';
export type Layer = 'key' | 'general' | 'organizational' | 'ecosystem';
export type ObjectiveStatus = 'not-started' | 'on-track' | 'at-risk' | 'done' | 'dropped';
export type ReviewStatus = 'draft' | 'submitted' | 'approved' | 'rejected';
export type ChurnRisk = 'low' | 'medium' | 'high';
export type SurveyKind = 'nps' | 'csat' | 'ces';
export type RenewalStatus = 'not-started' | 'in-progress' | 'renewed' | 'lost';
export type WhitespaceStatus = 'ours' | 'competitor' | 'open' | 'not-a-fit';
export type CustomerLabel = 'new-signed' | 'in-use' | 'to-develop' | 'churn-warning' | 'churned';
export type ObjectiveKind = 'growth' | 'retention' | 'relationship' | 'other';
export type AttractionKind = 'product' | 'price' | 'service' | 'relationship';
export type SwitchingCostKind = 'product_technology' | 'service' | 'process' | 'dedicated_assets' | 'emotional_brand';
export const ATTRACTION_KINDS: readonly AttractionKind[] = ['product', 'price', 'service', 'relationship'];
export const SWITCHING_COST_KINDS: readonly SwitchingCostKind[] = ['product_technology', 'service', 'process', 'dedicated_assets', 'emotional_brand'];

/** One factor of the attraction–barrier model, scored 1–5. */
export interface Factor {
  score: number;
  note?: string;
}

export interface RevenueEntry {
  /** `2026`, `2026-H1`, `2026-Q3` or `2026-09`. */
  period: string | number;
  amount: number;
  profit?: number;
  orders?: number;
}

export interface Survey {
  kind: SurveyKind;
  date: string;
  score: number;
  respondents?: number;
}

export interface WhitespaceCell {
  unit: string;
  offering: string;
  status: WhitespaceStatus;
  competitor?: string;
  value?: number;
}

export interface Competitor {
  name: string;
  strength?: 'weak' | 'medium' | 'strong';
  strong_in?: TextOrList;
}

export interface Period {
  start: string;
  end: string;
}

export interface Objective {
  id: string;
  title: string;
  measure?: string;
  target?: string | number;
  due?: string;
  owner?: string;
  kind?: ObjectiveKind;
  status?: ObjectiveStatus;
}

export interface AccountData {
  kind: 'account';
  id: string;
  name: string;
  tier: Tier;
  owner: string;
  team?: string[];
  industry?: string;
  lifecycle?: 'exploration' | 'formation' | 'stability' | 'decline';
  relationship_level?: 'transactional' | 'partnership' | 'ecosystem';
  value?: { financial?: number; strategic?: number; structural?: number; current?: number; potential?: number };
  /** The date the account was added (the onboarding grace counts from it). */
  created?: string;
  period?: Period;
  review?: { status?: ReviewStatus; reviewers?: string[]; next?: string };
  health?: { nps?: number; csat?: number; revenue?: number; currency?: string; churn_risk?: ChurnRisk };
  objectives?: Objective[];
  label?: CustomerLabel;
  contract?: { start?: string; end?: string; renewal?: RenewalStatus };
  revenue?: RevenueEntry[];
  surveys?: Survey[];
  whitespace?: WhitespaceCell[];
  competitors?: Competitor[];
  attraction?: Partial<Record<AttractionKind, Factor>>;
  switching_costs?: Partial<Record<SwitchingCostKind, Factor>>;
}

export interface OrgPortraitData {
  kind: 'org-portrait';
  account: string;
  procurement?: {
    process?: string[];
    budget_cycle?: string;
    approval_threshold?: { amount?: number; currency?: string; approver?: string };
  };
  pain_points?: string[];
  goals?: string[];
}

export type TextOrList = string | string[];

export interface PersonData {
  kind: 'person';
  id: string;
  account: string;
  name: string;
  title?: string;
  reports_to?: string;
  /** A person id, or `{person, strength}` (see influenceLinks in person.ts). */
  influences?: (string | { person: string; strength?: 'weak' | 'medium' | 'strong' })[];
  roles?: string[];
  influence?: number;
  stance?: Stance;
  coverage?: Coverage;
  cadence?: Cadence;
  status?: 'active' | 'left';
  needs?: TextOrList;
  career?: TextOrList;
  preferences?: TextOrList;
  communication_style?: TextOrList;
  /** The competitor this person favours (a name from the account's `competitors`). */
  favours_competitor?: string;
  channels?: string[];
  /** One address or several: how `keyplan import` recognises the person in a calendar. */
  email?: TextOrList;
}

export interface PlanContact {
  person: string;
  layer?: Layer;
  stage?: Stage;
  target_stage?: Stage;
  target_stance?: Stance;
  target_influence?: number;
  cadence?: Cadence;
  channels?: string[];
  content?: string;
  owner?: string;
  next?: string;
}

export interface RelationshipPlanData {
  kind: 'relationship-plan';
  id?: string;
  account: string;
  period: Period;
  budget?: { amount?: number; currency?: string; expected_return?: string };
  contacts: PlanContact[];
}

export interface InteractionLogData {
  kind: 'interaction-log';
  account: string;
  year?: number;
}

/** Every top-level field per kind, checked against the schemas by a unit test. */
export const KIND_FIELDS = {
  account: ['kind', 'id', 'name', 'tier', 'owner', 'team', 'industry', 'lifecycle', 'relationship_level', 'value', 'created', 'period', 'review', 'health', 'label', 'contract', 'revenue', 'surveys', 'whitespace', 'competitors', 'attraction', 'switching_costs', 'objectives'],
  'org-portrait': ['kind', 'account', 'procurement', 'pain_points', 'goals'],
  person: ['kind', 'id', 'account', 'name', 'title', 'reports_to', 'influences', 'roles', 'influence', 'stance', 'coverage', 'cadence', 'status', 'needs', 'career', 'preferences', 'communication_style', 'favours_competitor', 'channels', 'email'],
  'relationship-plan': ['kind', 'id', 'account', 'period', 'budget', 'contacts'],
  'interaction-log': ['kind', 'account', 'year'],
} as const satisfies {
  account: readonly (keyof AccountData)[];
  'org-portrait': readonly (keyof OrgPortraitData)[];
  person: readonly (keyof PersonData)[];
  'relationship-plan': readonly (keyof RelationshipPlanData)[];
  'interaction-log': readonly (keyof InteractionLogData)[];
};

/** Compile-time check that each list names every key of its type. */
type Missing<T, L extends readonly unknown[]> = Exclude<keyof T, L[number]>;
type AssertNever<T extends never> = T;
export type FieldListsAreExhaustive = [
  AssertNever<Missing<AccountData, typeof KIND_FIELDS.account>>,
  AssertNever<Missing<OrgPortraitData, (typeof KIND_FIELDS)['org-portrait']>>,
  AssertNever<Missing<PersonData, typeof KIND_FIELDS.person>>,
  AssertNever<Missing<RelationshipPlanData, (typeof KIND_FIELDS)['relationship-plan']>>,
  AssertNever<Missing<InteractionLogData, (typeof KIND_FIELDS)['interaction-log']>>,
];
