/**
 * The meeting brief (`keyplan brief <person>`, the editor's Prepare for Meeting): what to read
 * before meeting one person — who they are in the decision chain (roles, reports to, who reports
 * to them, informal influence), stance and the relationship plan's target, the cadence state, the
 * last five interactions, the open follow-ups, the account's objectives and pain points that
 * name them, and — only in the local brief, marked private — their personal notes. `share` leaves
 * the personal notes out, as `keyplan export` does (the same `x-sensitive` fields). No Markdown body
 * (free notes) is ever included.
 */
import { cadenceOf } from '../analysis/cadence.js';
import { accountFollowUps, type FollowUp } from '../analysis/follow-ups.js';
import { sensitiveValues } from '../analysis/redact.js';
import type { CheckResult } from '../check/pipeline.js';
import { t, word, type Locale, type MessageId } from '../i18n/catalogue.js';
import { cliWord } from '../i18n/cli.js';
import { influenceLinks } from '../model/influences.js';
import { personView, type PersonView } from '../model/person.js';
import { currentContacts } from '../model/plans.js';
import type { AccountData, OrgPortraitData, PlanContact } from '../model/types.js';
import type { Person } from '../model/workspace.js';
import { escapeMarkdown as esc } from '../render/markdown.js';
import { competitorsOf, type AccountBrief } from './brief.js';
import { compareNames } from '../i18n/collate.js';

export const MEETING_BRIEF_VERSION = 1;
/** How many interactions the brief lists, newest first. */
export const LAST_INTERACTIONS = 5;

export interface PersonRef {
  id: string;
  name: string;
  title?: string;
}

export interface MeetingBrief {
  version: number;
  asOf: string;
  locale: Locale;
  /** `shared`: personal notes left out (`--share`); `local`: included, marked private. */
  audience: 'local' | 'shared';
  person: PersonView & { channels: string[] };
  account: { id: string; name: string; tier?: string; owner?: string };
  reportsTo?: PersonRef;
  directReports: PersonRef[];
  /** People this person influences informally, and people who influence them. */
  influences: PersonRef[];
  influencedBy: PersonRef[];
  plan?: { layer?: string; stage?: string; targetStage?: string; targetStance?: string; next?: string; owner?: string; content?: string };
  cadence?: { state: string; explanation: string };
  interactions: { date: string; channel: string; with: string[]; summary: string }[];
  followUps: { text: string; due?: string; state: string; overdueBy?: number; since: string; with: string[] }[];
  /** Objectives and pain points of the account that name this person (by id or name). */
  objectives: { id: string; title: string; status: string; due?: string }[];
  painPoints: string[];
  /** Whether the objectives and pain points are those naming the person, or all open ones of the account (none names them). */
  relatedBy: 'mention' | 'account';
  /** The competitor this person favours, and the account's competitors (#20); each only when recorded. */
  favoursCompetitor?: string;
  competitors?: AccountBrief['competitors'];
  /** Personal notes (needs, career, preferences, communication style); only when `audience` is `local`. */
  personal?: Record<string, unknown>;
}

const PERSONAL_FIELDS: Record<string, MessageId> = {
  needs: 'meeting.field.needs', career: 'meeting.field.career', preferences: 'meeting.field.preferences', communication_style: 'meeting.field.communication_style',
};

const ref = (p: Person): PersonRef => ({ id: p.id, name: String(p.data.name ?? p.id), title: typeof p.data.title === 'string' ? p.data.title : undefined });
const str = (v: unknown) => (typeof v === 'string' ? v : undefined);

/** The brief for one person (by id); undefined when there is no such person. */
export function buildMeetingBrief(result: CheckResult, personId: string, options: { share?: boolean } = {}): MeetingBrief | undefined {
  const ws = result.workspace;
  const person = ws.people.get(personId);
  if (!person) return undefined;
  const account = ws.accounts.get(person.account)!;
  const data = (account.data ?? {}) as Partial<AccountData>;
  const nameOf = (id: string) => String(ws.people.get(id)?.data.name ?? id);
  const byName = (a: PersonRef, b: PersonRef) => compareNames(a.name, b.name) || compareNames(a.id, b.id);
  const others = [...ws.people.values()].filter((p) => p.account === person.account && p.id !== person.id);
  const reportsTo = typeof person.data.reports_to === 'string' ? ws.people.get(person.data.reports_to) : undefined;
  const contact: PlanContact | undefined = currentContacts(account, result.asOf).get(person.id)?.contact;
  const cadence = cadenceOf(result.cadences, person);

  // Objectives and pain points carry no person field: those that name the person (id or name) relate to them.
  const names = [person.id, ...(typeof person.data.name === 'string' && person.data.name.trim() ? [person.data.name.trim()] : [])];
  const names_ = (text: unknown) => typeof text === 'string' && names.some((n) => text.includes(n));
  const objectives = (Array.isArray(data.objectives) ? data.objectives : []).filter((o) => o && typeof o.id === 'string');
  const open = objectives.filter((o) => o.status !== 'done' && o.status !== 'dropped');
  const painPoints = account.portraits.flatMap((d) => ((d.data as unknown as OrgPortraitData).pain_points ?? [])).filter((p): p is string => typeof p === 'string');
  const namedObjectives = objectives.filter((o) => names_(o.title) || names_(o.measure) || names_(o.id));
  const namedPains = painPoints.filter(names_);
  const relatedBy = namedObjectives.length || namedPains.length ? 'mention' : 'account';

  const followUps = accountFollowUps(account, result.asOf).filter((f) => f.state !== 'closed' && f.people.includes(person.id));
  const view = personView(person);
  const brief: MeetingBrief = {
    version: MEETING_BRIEF_VERSION,
    asOf: result.asOf,
    locale: result.locale,
    audience: options.share ? 'shared' : 'local',
    person: { ...view, channels: Array.isArray(person.data.channels) ? person.data.channels.map(String) : [] },
    account: { id: account.id, name: String(data.name ?? account.id), tier: account.tier, owner: str(data.owner) },
    reportsTo: reportsTo ? ref(reportsTo) : undefined,
    directReports: others.filter((p) => p.data.reports_to === person.id).map(ref).sort(byName),
    influences: influenceLinks(person.data).map((l) => ws.people.get(l.person)).filter((p): p is Person => !!p).map(ref),
    influencedBy: others.filter((p) => influenceLinks(p.data).some((l) => l.person === person.id)).map(ref).sort(byName),
    plan: contact ? {
      layer: str(contact.layer), stage: str(contact.stage), targetStage: str(contact.target_stage), targetStance: str(contact.target_stance),
      next: str(contact.next), owner: str(contact.owner), content: str(contact.content),
    } : undefined,
    cadence: cadence ? { state: cadence.state, explanation: cadence.explanation } : undefined,
    interactions: ws.interactionsWith(person.id).filter((i) => i.date <= result.asOf).slice(0, LAST_INTERACTIONS).map((i) => ({
      date: i.date, channel: i.channel, with: i.entry.people.filter((id) => id !== person.id).map(nameOf), summary: i.summary,
    })),
    followUps: followUps.map((f: FollowUp) => ({ text: f.text, due: f.due, state: f.state, overdueBy: f.overdueBy, since: f.interaction.date, with: f.people.filter((id) => id !== person.id).map(nameOf) })),
    objectives: (relatedBy === 'mention' ? namedObjectives : open).map((o) => ({ id: o.id, title: String(o.title ?? o.id), status: str(o.status) ?? 'not-started', due: str(o.due) })),
    painPoints: relatedBy === 'mention' ? namedPains : painPoints,
    relatedBy,
  };
  if (typeof person.data.favours_competitor === 'string') brief.favoursCompetitor = person.data.favours_competitor;
  Object.assign(brief, competitorsOf(account));
  if (!options.share) {
    const personal = sensitiveValues('person', person.data);
    if (Object.keys(personal).length) brief.personal = personal;
  }
  return brief;
}

/** The brief as Markdown, every piece of plan text escaped; headings in the brief's locale. */
export function meetingBriefMarkdown(b: MeetingBrief): string {
  const L = b.locale;
  const m = (id: MessageId, params = {}) => t(L, id, params);
  const who = (r: PersonRef) => `${esc(r.name)} (${esc(r.id)})${r.title ? `, ${esc(r.title)}` : ''}`;
  const none = m('meeting.none');
  const out: string[] = [];
  const p = b.person;
  out.push(`# ${m('meeting.title', { name: esc(p.name) })}${p.title ? ` · ${esc(p.title)}` : ''}`, '');
  out.push(m('meeting.facts', { account: esc(b.account.name), id: esc(b.account.id), tier: esc(b.account.tier ?? '?'), owner: esc(b.account.owner ?? '—'), asOf: b.asOf }), '');
  if (b.audience === 'shared') out.push(`_${m('meeting.shared')}_`, '');
  else if (b.personal) out.push(`_${m('meeting.local')}_`, '');

  out.push(`## ${m('meeting.chain')}`, '');
  out.push(`- ${m('meeting.roles')}: ${p.roles.length ? p.roles.map(esc).join(', ') : none}${p.status === 'left' ? ` · **${m('meeting.left')}**` : ''}`);
  out.push(`- ${m('meeting.stance')}: ${esc(word('stance', p.stance, L))} · ${m('meeting.influence')}: ${p.influence === undefined ? '?' : `${p.influence}/5`} · ${m('meeting.coverage')}: ${esc(cliWord('coverage', p.coverage, L))}`);
  out.push(`- ${m('meeting.reports-to')}: ${b.reportsTo ? who(b.reportsTo) : none}`);
  out.push(`- ${m('meeting.direct-reports')}: ${b.directReports.length ? b.directReports.map(who).join('; ') : none}`);
  out.push(`- ${m('meeting.influences')}: ${b.influences.length ? b.influences.map(who).join('; ') : none}`);
  out.push(`- ${m('meeting.influenced-by')}: ${b.influencedBy.length ? b.influencedBy.map(who).join('; ') : none}`);
  if (p.channels.length) out.push(`- ${m('meeting.channels')}: ${p.channels.map((c) => esc(word('channel', c, L))).join(', ')}`);
  if (b.favoursCompetitor) out.push(`- ${m('meeting.favours')}: **${esc(b.favoursCompetitor)}**`);
  out.push('');

  if (b.competitors?.length) {
    out.push(`## ${m('meeting.competitors')}`, '');
    for (const c of b.competitors) {
      const facts = [c.strength ? word('strength', c.strength, L) : undefined, c.strongIn?.length ? m('meeting.strong-in', { list: c.strongIn.map(esc).join(', ') }) : undefined, c.favouredBy.length ? m('meeting.favoured-by', { list: c.favouredBy.map(esc).join(', ') }) : undefined].filter(Boolean);
      out.push(`- ${esc(c.name)}${facts.length ? ` — ${facts.join(' · ')}` : ''}`);
    }
    out.push('');
  }

  out.push(`## ${m('meeting.plan')}`, '');
  if (b.plan) {
    const pl = b.plan;
    const facts = [
      pl.stage || pl.targetStage ? `${m('meeting.stage')}: ${esc(pl.stage ? cliWord('stage', pl.stage, L) : '?')} → ${esc(pl.targetStage ? cliWord('stage', pl.targetStage, L) : '?')}` : undefined,
      pl.targetStance ? `${m('meeting.target-stance')}: ${esc(word('stance', pl.targetStance, L))}` : undefined,
      pl.layer ? `${m('meeting.layer')}: ${esc(cliWord('layer', pl.layer, L))}` : undefined,
      pl.next ? `${m('meeting.next')}: ${esc(pl.next)}` : undefined,
      pl.owner ? `${m('meeting.owner')}: ${esc(pl.owner)}` : undefined,
    ].filter(Boolean);
    out.push(`- ${facts.length ? facts.join(' · ') : none}`);
    if (pl.content) out.push(`- ${esc(pl.content)}`);
  } else out.push(`- ${m('meeting.no-plan')}`);
  out.push('');

  out.push(`## ${m('meeting.cadence')}`, '', b.cadence ? `**${esc(cliWord('cadence', b.cadence.state, L))}**: ${esc(b.cadence.explanation)}` : none, '');

  out.push(`## ${m('meeting.interactions', { n: LAST_INTERACTIONS })}`, '');
  if (!b.interactions.length) out.push(`- ${m('meeting.no-interactions')}`);
  for (const i of b.interactions) out.push(`- ${i.date} ${esc(word('channel', i.channel, L))}${i.with.length ? ` (${m('meeting.with')} ${i.with.map(esc).join(', ')})` : ''}: ${esc(i.summary)}`);
  out.push('');

  out.push(`## ${m('meeting.follow-ups')}`, '');
  if (!b.followUps.length) out.push(`- ${none}`);
  for (const f of b.followUps) {
    const state = f.state === 'overdue' ? m('meeting.follow-up.overdue', { due: f.due, n: f.overdueBy }) : f.state === 'due' ? m('meeting.follow-up.due', { due: f.due }) : f.due ? m('meeting.follow-up.open', { due: f.due }) : m('meeting.follow-up.undated');
    out.push(`- ${esc(f.text)} — ${state}; ${m('meeting.follow-up.since', { date: f.since })}${f.with.length ? ` (${m('meeting.with')} ${f.with.map(esc).join(', ')})` : ''}`);
  }
  out.push('');

  out.push(`## ${m('meeting.objectives')}`, '');
  out.push(`_${m(b.relatedBy === 'mention' ? 'meeting.related.mention' : 'meeting.related.account')}_`, '');
  if (!b.objectives.length && !b.painPoints.length) out.push(`- ${none}`);
  for (const o of b.objectives) out.push(`- ${m('meeting.objective')}: ${esc(o.title)} (${esc(o.id)}) · ${esc(cliWord('objective', o.status, L))}${o.due ? ` · ${m('meeting.due')} ${esc(o.due)}` : ''}`);
  for (const pain of b.painPoints) out.push(`- ${m('meeting.pain-point')}: ${esc(pain)}`);
  out.push('');

  if (b.personal) {
    out.push(`## ${m('meeting.private')}`, '', `_${m('meeting.private-note')}_`, '');
    for (const [field, value] of Object.entries(b.personal)) {
      const text = Array.isArray(value) ? value.map((v) => esc(String(v))).join('; ') : esc(String(value));
      out.push(`- ${PERSONAL_FIELDS[field] ? m(PERSONAL_FIELDS[field]) : esc(field)}: ${text}`);
    }
    out.push('');
  }
  return out.join('\n');
}
