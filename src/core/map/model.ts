/**
 * The decision-chain map (决策链地图) of one account, as data: its people as nodes (name, title,
 * buying roles, stance, influence, coverage, temperature, cadence state, left or active, target
 * stage, the marks a KAM looks for), its formal lines (`reports_to`) and informal lines
 * (`influences`, with their strength), the procurement steps of the org portrait that name people,
 * and the paths to the decision. Pure and `asOf`-aware; the SVG, Mermaid, text and the webview all
 * draw this model through the same layout (layout.ts). Personal notes (`needs`, `career`,
 * `preferences`, `communication_style`) are not part of it.
 *
 * For a front end: `mapModel(result, account)` → `layoutMap(model)` (layout.ts: card boxes and line
 * paths) → `renderMapSvg(model, layout, { standalone: false })` (svg.ts), then style it with the
 * theme. Each card is `<g class="kp-node …" data-person="id">` (hover: the person card; click: open
 * the person), each line a `<path data-kind data-from data-to>`; informal lines carry the class
 * `kp-influences` (to toggle them) and the lines of a path to the decision `kp-on-path` (and
 * `layout.edges[i].onPath`), so a webview can highlight the way to the EB without its own geometry.
 */
import type { CheckResult } from '../check/pipeline.js';
import { chainLinks, decisionPaths, KEY_PLAYER_INFLUENCE, onOurSide, SUPPORTIVE_STANCES, type ChainLink, type DecisionPath } from '../analysis/decision-chain.js';
import { cadenceOf } from '../analysis/cadence.js';
import { temperature } from '../analysis/temperature.js';
import { currentContacts } from '../model/plans.js';
import type { OrgPortraitData } from '../model/types.js';
import type { Account, Person } from '../model/workspace.js';
import { roleColor, type RoleColor } from '../matrix/model.js';

/**
 * What the map marks on a card: `left` (status left, greyed), `blocker` (an opponent),
 * `uncovered` (a key player, influence ≥ 4, with coverage unknown or none), `our-side` (champion,
 * supporter or Coach), `no-path` (an EB or key player no chain from our side reaches).
 */
export type MapMark = 'left' | 'blocker' | 'uncovered' | 'our-side' | 'no-path';

export interface MapNode {
  id: string;
  name: string;
  title?: string;
  roles: string[];
  /** The role that picks the colour: EB first, then Coach, TB, UB (as in the matrix). */
  color: RoleColor;
  stance: string;
  influence?: number;
  coverage: string;
  temperature?: number;
  temperatureBand?: string;
  cadenceState: string;
  status: 'active' | 'left';
  /** From the current relationship plan's contact entry, when it has one. */
  stage?: string;
  targetStage?: string;
  /** The manager, when `reports_to` names a person of this account. */
  reportsTo?: string;
  /** The indexes of the org portrait's procurement steps that name this person, and `approver` when they approve above the threshold. */
  procurement: { steps: number[]; approver: boolean };
  marks: MapMark[];
}

export type MapEdge = ChainLink;

export interface ProcurementStep {
  index: number;
  text: string;
  /** The people of the account the step names (by id, as a word or an @mention). */
  people: string[];
}

export interface MapModel {
  account: string;
  accountName: string;
  tier?: string;
  asOf: string;
  /** Sorted by id. */
  nodes: MapNode[];
  /** Reports-to (from the report to the manager) before influences, then by from and to. */
  edges: MapEdge[];
  paths: DecisionPath[];
  procurement: ProcurementStep[];
  /** The approver above the org portrait's approval threshold, when it names a person of the account. */
  approver?: string;
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const WORD_RUNS = /[\w-]+/g;
const WORD = /^[\w-]+$/;

/**
 * The ids a text names as whole words (ids are kebab-case, so `-` and word characters bound them;
 * an @mention counts). An id made of those characters only is such a word exactly when it is one
 * of the text's maximal runs of them, which spares a regular expression per id and step.
 */
export function peopleNamedIn(text: string, ids: readonly string[]): string[] {
  const words = new Set(text.match(WORD_RUNS));
  return ids.filter((id) => (WORD.test(id) ? words.has(id) : new RegExp(`(?<![\\w-])${escapeRegExp(id)}(?![\\w-])`).test(text)));
}

function procurementOf(account: Account): { steps: ProcurementStep[]; approver?: string } {
  const ids = account.people.map((p) => p.id);
  // The first org portrait by path, as every view reads it.
  const portrait = [...account.portraits].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))[0];
  const data = portrait?.data as unknown as OrgPortraitData | undefined;
  const process = Array.isArray(data?.procurement?.process) ? data!.procurement!.process! : [];
  const steps = process.map((text, index): ProcurementStep => {
    const s = String(text);
    return { index, text: s, people: peopleNamedIn(s, ids) };
  });
  const approver = data?.procurement?.approval_threshold?.approver;
  return { steps, approver: typeof approver === 'string' && ids.includes(approver) ? approver : undefined };
}

/** Builds the map of an account; undefined when there is no such account plan. */
export function mapModel(result: CheckResult, accountId: string): MapModel | undefined {
  const account = result.workspace.accounts.get(accountId);
  if (!account?.data) return undefined;
  return accountMap(result, account);
}

/** The map of an account that has people (an account with no plan file included, for the diff). */
export function accountMap(result: Pick<CheckResult, 'workspace' | 'cadences' | 'asOf'>, account: Account): MapModel {
  const edges = chainLinks(account);
  const paths = decisionPaths(account, edges);
  const contacts = currentContacts(account, result.asOf);
  const ids = new Set(account.people.map((p) => p.id));
  const { steps, approver } = procurementOf(account);
  const noPath = new Set(paths.filter((p) => p.from === undefined).map((p) => p.target));
  const node = (p: Person): MapNode => {
    const roles = Array.isArray(p.data.roles) ? p.data.roles.map(String) : [];
    const left = p.data.status === 'left';
    const stance = String(p.data.stance ?? 'unknown');
    const coverage = String(p.data.coverage ?? 'unknown');
    const influence = typeof p.data.influence === 'number' ? p.data.influence : undefined;
    const cadence = cadenceOf(result.cadences, p);
    const temp = left ? undefined : temperature(p, result.workspace.interactionsWith(p.id), result.asOf);
    const contact = contacts.get(p.id)?.contact;
    const marks: MapMark[] = [];
    if (left) marks.push('left');
    else {
      if (stance === 'opponent') marks.push('blocker');
      if (influence !== undefined && influence >= KEY_PLAYER_INFLUENCE && (coverage === 'unknown' || coverage === 'none')) marks.push('uncovered');
      if (onOurSide(p)) marks.push('our-side');
      if (noPath.has(p.id)) marks.push('no-path');
    }
    const manager = p.data.reports_to;
    return {
      id: p.id,
      name: String(p.data.name ?? p.id),
      title: typeof p.data.title === 'string' ? p.data.title : undefined,
      roles,
      color: roleColor(roles),
      stance,
      influence,
      coverage,
      temperature: temp?.score,
      temperatureBand: temp?.band,
      cadenceState: cadence?.state ?? (left ? 'left' : 'unknown'),
      status: left ? 'left' : 'active',
      stage: typeof contact?.stage === 'string' ? contact.stage : undefined,
      targetStage: typeof contact?.target_stage === 'string' ? contact.target_stage : undefined,
      reportsTo: typeof manager === 'string' && manager !== p.id && ids.has(manager) ? manager : undefined,
      procurement: { steps: steps.filter((s) => s.people.includes(p.id)).map((s) => s.index), approver: approver === p.id },
      marks,
    };
  };
  return {
    account: account.id,
    accountName: String(account.data?.name ?? account.id),
    tier: account.tier,
    asOf: result.asOf,
    nodes: account.people.map(node).sort(byId),
    edges,
    paths,
    procurement: steps,
    ...(approver ? { approver } : {}),
  };
}

/** Whether a node is on our side by stance (champion or supporter), for colouring. */
export const isSupportive = (n: Pick<MapNode, 'stance'>) => SUPPORTIVE_STANCES.includes(n.stance);
