/**
 * The portfolio tree: accounts grouped by tier, owner or health band; under each account its
 * documents and its people (most urgent first). Items have stable ids so a refresh keeps what the
 * user expanded.
 */
import * as vscode from 'vscode';
import { urgency, type PersonCadence } from '../../core/analysis/cadence.js';
import { TREND_ARROW } from '../../core/analysis/value.js';
import type { CheckResult } from '../../core/check/pipeline.js';
import type { KeyplanDocument } from '../../core/parse/document.js';
import { escapeMarkdown } from '../../core/render/markdown.js';
import { buildReport, type AccountHeading, type AccountReport } from '../../core/report/report.js';
import type { IndexingState, WorkspaceIndex } from '../workspace-index.js';
import { indexingLabel } from './indexing.js';
import { compareNames } from '../../core/i18n/collate.js';
import { t, word, type Locale } from '../../core/i18n/catalogue.js';

export type GroupBy = 'tier' | 'owner' | 'health';

type Node =
  | { type: 'group'; id: string; label: string; accounts: AccountReport[] }
  | { type: 'account'; account: AccountReport }
  | { type: 'documents'; account: AccountReport }
  | { type: 'document'; account: string; doc: KeyplanDocument }
  | { type: 'person'; account: string; cadence: PersonCadence }
  | { type: 'unreadable-group'; files: UnreadableFile[] }
  | { type: 'unreadable'; file: UnreadableFile }
  /** Why a filter shows no account while the workspace has some (never a false "no documents"). */
  | { type: 'filtered-empty'; owner?: string }
  /** The workspace is being indexed: no result yet (never the "no documents" welcome meanwhile). */
  | { type: 'indexing'; state: IndexingState }
  /** While the first check runs: the accounts their plans declare, grouped as they will be, without counts. */
  | { type: 'preview-group'; id: string; label: string; accounts: AccountHeading[] }
  | { type: 'preview-account'; account: AccountHeading };

/** A document left out of every view: it could not be read, or it is over the size limit. */
interface UnreadableFile {
  path: string;
  reason: string;
}

const BAND_COLOR = { green: 'charts.green', amber: 'charts.yellow', red: 'charts.red' } as const;
const STATE_ICON: Record<string, [string, string?]> = {
  overdue: ['error', 'charts.red'], 'planned-missed': ['warning', 'charts.orange'], never: ['circle-slash', 'charts.orange'],
  'due-soon': ['clock', 'charts.yellow'], ok: ['pass', 'charts.green'], left: ['sign-out'], unknown: ['question'],
};

export class PortfolioTree implements vscode.TreeDataProvider<Node> {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  groupBy: GroupBy = 'tier';
  onlyOverdue = false;
  onlyMine = false;
  private result?: CheckResult;
  /** The report of the latest result, built when a row or the owner list needs it (not on every edit). */
  private report?: AccountReport[];
  /** The window asked for the rows while indexing: the view is on screen (its `visible` may not have reached here yet). */
  askedWhileIndexing = false;
  /** The preview's groups whose accounts the window has not asked for yet (see `previewServed`). */
  private previewAsked?: Set<string>;
  /** Accounts the user expanded: regrouping (which gives them a new parent) keeps them open. */
  private readonly expanded = new Set<string>();

  constructor(private readonly index: WorkspaceIndex) {
    // Before the first result the tree shows how far the indexing is.
    index.onDidChangeIndexing(() => {
      if (!index.result) this.changed.fire();
    });
  }

  update(result: CheckResult): void {
    this.result = result;
    this.report = undefined;
    this.changed.fire();
  }

  private get accounts(): AccountReport[] {
    this.report ??= this.result ? buildReport(this.result).accounts : [];
    return this.report;
  }

  /** Total overdue contacts, for the view badge: the overdue people of the accounts the tree lists (those with an account plan). */
  overdueTotal(): number {
    if (!this.result) return 0;
    const accounts = this.result.workspace.accounts;
    return this.result.cadences.filter((c) => c.state === 'overdue' && accounts.get(c.account.id)?.doc).length;
  }

  setGroupBy(groupBy: GroupBy): void {
    this.groupBy = groupBy;
    // The group-by menu shows the current choice (package.json `toggled`).
    void vscode.commands.executeCommand('setContext', 'keyplan.groupBy', groupBy);
    this.changed.fire();
  }

  /** The tree view reports expanding and collapsing an account here (extension.ts). */
  setExpanded(node: Node, expanded: boolean): void {
    if (node.type !== 'account') return;
    if (expanded) this.expanded.add(node.account.id);
    else this.expanded.delete(node.account.id);
  }

  toggle(filter: 'onlyOverdue' | 'onlyMine'): void {
    this[filter] = !this[filter];
    this.changed.fire();
  }

  /** The owners named by the workspace's accounts, sorted (offered when asking for the user's owner id). */
  owners(): string[] {
    return [...new Set(this.accounts.map((a) => a.owner).filter((o): o is string => !!o))].sort(compareNames);
  }

  /** Sets a filter on or off (the commands' argument: skip the toggle). */
  setFilter(filter: 'onlyOverdue' | 'onlyMine', on: boolean): void {
    this[filter] = on;
    this.changed.fire();
  }

  private visibleAccounts(): AccountReport[] {
    const me = vscode.workspace.getConfiguration('keyplan').get<string>('owner');
    return this.accounts.filter((a) => (!this.onlyOverdue || a.counts.overdue > 0 || a.counts.plannedMissed > 0) && (!this.onlyMine || (me && a.owner === me)));
  }

  /**
   * The accounts of the preview (the index's), grouped and filtered as the tree will be once
   * checked. What the check decides (health, overdue contacts) is not known yet: grouped by
   * health, they wait in one group; with "only overdue" on, none is shown.
   */
  private previewGroups(): Node[] {
    const preview = this.index.preview;
    if (!preview?.length || this.onlyOverdue) return [];
    const me = vscode.workspace.getConfiguration('keyplan').get<string>('owner');
    const groups = new Map<string, AccountHeading[]>();
    for (const a of preview) {
      if (this.onlyMine && !(me && a.owner === me)) continue;
      const key = this.groupBy === 'tier' ? a.tier ?? '?' : this.groupBy === 'owner' ? a.owner ?? '?' : 'checking';
      const group = groups.get(key);
      if (group) group.push(a);
      else groups.set(key, [a]);
    }
    const label = (k: string) => (this.groupBy === 'health' ? vscode.l10n.t('Health: being checked') : groupLabel(this.groupBy, k));
    return [...groups.keys()].sort(compareNames).map((k) => ({ type: 'preview-group', id: `${this.groupBy}:${k}`, label: label(k), accounts: groups.get(k)! }));
  }

  /** Documents left out of the views, so the tree never looks complete when it is not. */
  unreadable(): UnreadableFile[] {
    if (!this.result) return [];
    const t = vscode.l10n.t;
    return [
      ...this.result.unreadable.map((u) => ({ path: u.path, reason: u.reason ?? t('could not be read') })),
      ...this.result.skipped.filter((s) => s.reason === 'too-large').map((s) => ({ path: s.path, reason: t('larger than the 10 MB a document may have; not read ({0})', s.detail ?? '') })),
      ...this.result.skipped.filter((s) => s.reason === 'unreadable').map((s) => ({ path: s.path, reason: t('the file could not be opened ({0})', s.detail ?? '') })),
    ].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  }

  getChildren(node?: Node): Node[] {
    if (!this.result || !this.index.result) {
      const state = this.index.indexing;
      if (node?.type === 'preview-group') {
        // Every group is expanded: once the window has the accounts of all, it can draw them.
        this.previewAsked?.delete(node.id);
        if (this.previewAsked?.size === 0) this.index.previewServed();
        return node.accounts.map((account) => ({ type: 'preview-account', account }));
      }
      if (node || !state) return [];
      this.askedWhileIndexing = true;
      const groups = this.previewGroups();
      this.previewAsked = new Set(groups.map((g) => (g as { id: string }).id));
      if (!groups.length) this.index.previewServed(); // a filter hides them all: nothing more to draw
      return [{ type: 'indexing', state }, ...groups];
    }
    if (node?.type === 'unreadable-group') return node.files.map((file) => ({ type: 'unreadable', file }));
    if (!node) {
      const unreadable = this.unreadable();
      const groups = new Map<string, AccountReport[]>();
      for (const a of this.visibleAccounts()) {
        const key = this.groupBy === 'tier' ? a.tier ?? '?' : this.groupBy === 'owner' ? a.owner ?? '?' : a.health.band ?? 'unknown';
        const group = groups.get(key);
        if (group) group.push(a);
        else groups.set(key, [a]);
      }
      const order = this.groupBy === 'health' ? ['red', 'amber', 'green', 'unknown'] : [...groups.keys()].sort(compareNames);
      const accountGroups = order.filter((k) => groups.has(k)).map((k): Node => ({ type: 'group', id: `${this.groupBy}:${k}`, label: groupLabel(this.groupBy, k), accounts: groups.get(k)! }));
      // Accounts exist but a filter hides them all: say so, never the "no documents" welcome.
      if (!accountGroups.length && this.accounts.length) accountGroups.push({ type: 'filtered-empty', owner: this.onlyMine ? vscode.workspace.getConfiguration('keyplan').get<string>('owner') || undefined : undefined });
      return unreadable.length ? [{ type: 'unreadable-group', files: unreadable }, ...accountGroups] : accountGroups;
    }
    if (node.type === 'group') {
      this.index.viewServed();
      return node.accounts.map((account) => ({ type: 'account', account }));
    }
    if (node.type === 'account') {
      const people = this.result.cadences
        .filter((c) => c.account.id === node.account.id && (!this.onlyOverdue || c.state === 'overdue' || c.state === 'planned-missed'))
        .sort((a, b) => urgency(b) - urgency(a));
      return [{ type: 'documents', account: node.account }, ...people.map((cadence) => ({ type: 'person' as const, account: node.account.id, cadence }))];
    }
    if (node.type === 'documents') {
      const acc = this.result.workspace.accounts.get(node.account.id);
      if (!acc) return [];
      return [...(acc.doc ? [acc.doc] : []), ...acc.portraits, ...acc.plans, ...acc.logs].map((doc) => ({ type: 'document', account: node.account.id, doc }));
    }
    return [];
  }

  getTreeItem(node: Node): vscode.TreeItem {
    const t = vscode.l10n.t;
    switch (node.type) {
      case 'indexing': {
        const item = new vscode.TreeItem(indexingLabel(node.state), vscode.TreeItemCollapsibleState.None);
        item.id = 'indexing';
        item.iconPath = new vscode.ThemeIcon('loading~spin');
        item.tooltip = t('Keyplan is reading the workspace: the accounts appear once their plans are read, their health and overdue contacts once every file is checked.');
        return item;
      }
      case 'preview-group': {
        const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.Expanded);
        item.id = node.id;
        item.description = node.accounts.length === 1 ? t('1 account · checking…') : t('{0} accounts · checking…', node.accounts.length);
        return item;
      }
      case 'preview-account': {
        const a = node.account;
        const item = new vscode.TreeItem(a.name, vscode.TreeItemCollapsibleState.None);
        // An id of its own: the checked row (`account:…`) keeps the state VS Code remembers for it.
        item.id = `preview:${a.id}`;
        item.iconPath = new vscode.ThemeIcon('organization');
        item.description = `${a.tier ?? '?'} · ${t('checking…')}`;
        item.tooltip = previewTooltip(a, this.index.locale);
        if (a.file) item.command = openCommand(this.index.uriOf(a.file));
        item.contextValue = 'previewAccount';
        return item;
      }
      case 'filtered-empty': {
        const mine = this.onlyMine;
        const label = mine
          ? (node.owner ? t('No accounts owned by {0} — change your owner id…', node.owner) : t('Your owner id is not set — set it…'))
          : t('No account matches the filter — show all');
        const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.None);
        item.id = 'filtered-empty';
        item.iconPath = new vscode.ThemeIcon('info');
        item.tooltip = t('{0} accounts in the workspace are hidden by the filter.', this.accounts.length);
        item.command = mine
          ? { command: 'keyplan.setOwner', title: t('Set Your Owner Id…') }
          : { command: 'keyplan.filter.onlyOverdue', title: t('Show all'), arguments: [false] };
        return item;
      }
      case 'group': {
        const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.Expanded);
        item.id = node.id;
        const overdue = node.accounts.reduce((n, a) => n + a.counts.overdue, 0);
        item.description = node.accounts.length === 1 ? t('1 account · {0} overdue', overdue) : t('{0} accounts · {1} overdue', node.accounts.length, overdue);
        item.contextValue = 'group';
        return item;
      }
      case 'account': {
        const a = node.account;
        const item = new vscode.TreeItem(a.name, this.expanded.has(a.id) ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed);
        item.id = `account:${a.id}`;
        item.iconPath = new vscode.ThemeIcon('organization', a.health.band ? new vscode.ThemeColor(BAND_COLOR[a.health.band]) : undefined);
        const arrow = a.trend?.direction ? ` ${TREND_ARROW[a.trend.direction]}` : '';
        const parts = [`${a.tier ?? '?'}`, (a.health.score === undefined ? t('health unknown') : t('health {0}', a.health.score)) + arrow];
        if (a.counts.overdue) parts.push(t('{0} overdue', a.counts.overdue));
        if (a.dark) parts.push(t('dark'));
        if (a.onboarding) parts.push(t('new: {0} to do', a.onboarding.todo.length));
        item.description = parts.join(' · ');
        item.tooltip = accountTooltip(a, this.index.locale);
        item.contextValue = 'account';
        if (a.file) item.command = openCommand(this.index.uriOf(a.file));
        return item;
      }
      case 'documents': {
        const item = new vscode.TreeItem(t('Documents'), vscode.TreeItemCollapsibleState.Collapsed);
        item.id = `docs:${node.account.id}`;
        item.iconPath = new vscode.ThemeIcon('files');
        return item;
      }
      case 'document': {
        const uri = this.index.uriOf(node.doc.path);
        const item = new vscode.TreeItem(documentLabel(node.doc), vscode.TreeItemCollapsibleState.None);
        item.id = `doc:${node.doc.path}`;
        item.resourceUri = uri;
        item.description = node.doc.path.split('/').pop();
        item.iconPath = new vscode.ThemeIcon(node.doc.kind === 'interaction-log' ? 'history' : node.doc.kind === 'relationship-plan' ? 'target' : node.doc.kind === 'org-portrait' ? 'type-hierarchy' : 'book');
        item.command = openCommand(uri);
        item.contextValue = 'document';
        return item;
      }
      case 'unreadable-group': {
        const n = node.files.length;
        const item = new vscode.TreeItem(n === 1 ? t('1 document could not be read') : t('{0} documents could not be read', n), vscode.TreeItemCollapsibleState.Expanded);
        item.id = 'unreadable';
        item.iconPath = new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'));
        item.tooltip = t('These files are left out of the portfolio, the matrix and the counts until they can be read. Open one to see why.');
        item.contextValue = 'unreadable';
        return item;
      }
      case 'unreadable': {
        const uri = this.index.uriOf(node.file.path);
        const item = new vscode.TreeItem(node.file.path, vscode.TreeItemCollapsibleState.None);
        item.id = `unreadable:${node.file.path}`;
        item.resourceUri = uri;
        item.iconPath = new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground'));
        item.tooltip = node.file.reason; // plain text: a tooltip string is never rendered as Markdown
        item.command = openCommand(uri);
        item.contextValue = 'unreadableDocument';
        return item;
      }
      case 'person': {
        const c = node.cadence;
        const p = c.person;
        const item = new vscode.TreeItem(String(p.data.name ?? p.id), vscode.TreeItemCollapsibleState.None);
        item.id = `person:${p.id}`;
        const [icon, color] = STATE_ICON[c.state] ?? ['person'];
        item.iconPath = new vscode.ThemeIcon(icon, color ? new vscode.ThemeColor(color) : undefined);
        const roles = (p.data.roles ?? []).join('/');
        item.description = [roles, p.data.stance && word('stance', p.data.stance, this.index.locale), stateLabel(c)].filter(Boolean).join(' · ');
        const tip = new vscode.MarkdownString(`**${escapeMarkdown(String(p.data.name ?? p.id))}**${p.data.title ? ` — ${escapeMarkdown(p.data.title)}` : ''}\n\n${escapeMarkdown(c.explanation)}`);
        tip.isTrusted = false;
        item.tooltip = tip;
        item.resourceUri = this.index.uriOf(p.doc.path);
        item.command = openCommand(this.index.uriOf(p.doc.path));
        item.contextValue = 'person';
        return item;
      }
    }
  }

  /** Context-menu arguments carry the account id and, for people, the person id. */
  static argsOf(node: Node | undefined): { account?: string; person?: string; file?: string } {
    if (!node) return {};
    if (node.type === 'account' || node.type === 'documents') return { account: node.account.id, file: node.account.file };
    if (node.type === 'person') return { account: node.account, person: node.cadence.person.id, file: node.cadence.person.doc.path };
    if (node.type === 'document') return { account: node.account, file: node.doc.path };
    return {};
  }

  /** The rows the tree shows, for tests: account ids per group, in order. */
  snapshot(): { group: string; accounts: { id: string; description: string; people: string[] }[] }[] {
    return this.getChildren().filter((g) => g.type === 'group' || g.type === 'preview-group').map((g) => ({
      group: (g as { label: string }).label,
      accounts: this.getChildren(g).map((a) => {
        const item = this.getTreeItem(a);
        const people = this.getChildren(a).filter((n) => n.type === 'person').map((n) => (n as { cadence: PersonCadence }).cadence.person.id);
        return { id: (a as { account: AccountReport }).account.id, description: String(item.description ?? ''), people };
      }),
    }));
  }
}

function groupLabel(groupBy: GroupBy, key: string): string {
  const t = vscode.l10n.t;
  if (groupBy === 'tier') return ({ A: t('A · strategic'), B: t('B · key'), C: t('C · normal') } as Record<string, string>)[key] ?? key;
  if (groupBy === 'health') return ({ red: t('Health red'), amber: t('Health amber'), green: t('Health green') } as Record<string, string>)[key] ?? t('Health unknown');
  return key;
}

function documentLabel(doc: KeyplanDocument): string {
  const t = vscode.l10n.t;
  return ({ account: t('Account plan'), 'org-portrait': t('Organization portrait'), 'relationship-plan': t('Relationship plan'), 'interaction-log': t('Interaction log'), person: t('Person') })[doc.kind];
}

function stateLabel(c: PersonCadence): string {
  const t = vscode.l10n.t;
  switch (c.state) {
    case 'overdue': return t('overdue {0} d', c.overdueBy ?? 0);
    case 'due-soon': return c.daysLeft === 0 ? t('becomes overdue tomorrow') : c.daysLeft === 1 ? t('becomes overdue in 1 day') : t('becomes overdue in {0} days', c.daysLeft ?? 0);
    case 'planned-missed': return t('planned {0} missed', c.missedPlan?.next ?? '');
    case 'never': return t('never met');
    case 'left': return t('left');
    case 'ok': return t('ok');
    default: return '';
  }
}

/** The facts the account plan gives, and what the check will add. */
function previewTooltip(a: AccountHeading, locale: Locale): vscode.MarkdownString {
  const facts = [a.tier && t(locale, 'hover.tier', { tier: a.tier }), a.owner && t(locale, 'hover.owner', { owner: a.owner })].filter(Boolean).join(' · ');
  const later = vscode.l10n.t('Health, overdue contacts and people appear when the workspace is checked.');
  const md = new vscode.MarkdownString(`**${escapeMarkdown(a.name)}** \`${a.id}\`${facts ? `\n\n${escapeMarkdown(facts)}` : ''}\n\n${escapeMarkdown(later)}`);
  md.isTrusted = false;
  return md;
}

function accountTooltip(a: AccountReport, locale: Locale): vscode.MarkdownString {
  // One readable line per fact, in the core's words: owner, then health with its parts and weights.
  const parts = a.health.parts.map((p) => t(locale, 'health.part', { part: p.part, score: p.score, weight: p.weight })).join(' · ');
  const health = t(locale, 'health.line', { score: a.health.score, band: a.health.band, parts });
  const facts = [a.tier && t(locale, 'hover.tier', { tier: a.tier }), a.owner && t(locale, 'hover.owner', { owner: a.owner })].filter(Boolean).join(' · ');
  // The series behind the trend arrow, each signal as `nps 50 → 30 (2026-03-15 → 2026-09-15) ▼`.
  const trend = a.trend?.direction ? `\n\n${TREND_ARROW[a.trend.direction]} ${escapeMarkdown(a.trend.signals.map((s) => `${s.metric} ${s.previous} → ${s.latest} (${s.previousAt} → ${s.latestAt}) ${TREND_ARROW[s.direction]}`).join(' · '))}` : '';
  const md = new vscode.MarkdownString(`**${escapeMarkdown(a.name)}** \`${a.id}\`\n\n${escapeMarkdown(facts)}\n\n${escapeMarkdown(health)}${trend}${a.onboarding ? `\n\n${escapeMarkdown(a.onboarding.message)}` : ''}`);
  md.isTrusted = false;
  return md;
}

function openCommand(uri: vscode.Uri): vscode.Command {
  return { command: 'vscode.open', title: 'Open', arguments: [uri] };
}
