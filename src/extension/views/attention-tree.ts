/** "Needs attention": the portfolio's weak spots (missing EB, high-influence blockers, dark accounts…), grouped by problem. */
import * as vscode from 'vscode';
import { dueFollowUps } from '../../core/analysis/follow-ups.js';
import type { CheckResult } from '../../core/check/pipeline.js';
import type { Diagnostic } from '../../core/diagnostic.js';
import { localizeText, word } from '../../core/i18n/catalogue.js';
import { escapeMarkdown } from '../../core/render/markdown.js';
import { RULES } from '../../core/rules/index.js';
import { position, quadrant } from '../../core/model/placement.js';
import type { WorkspaceIndex } from '../workspace-index.js';

/** Findings that say something about the portfolio rather than about a typo: the rules with an `attention` heading. */
// Computed on first use: the rules live in the part of the bundle loaded when indexing starts.
let attentionRules: (typeof RULES)[number][] | undefined;
const ATTENTION_RULES = () => (attentionRules ??= RULES.filter((r) => r.attention).sort((a, b) => a.attention!.rank - b.attention!.rank));
const isAttentionRule = (id: string) => ATTENTION_RULES().some((r) => r.id === id);

interface Item {
  label: string;
  description?: string;
  tooltip?: string;
  file: string;
  line: number;
}

type Node = { type: 'group'; id: string; label: string; items: Item[] } | { type: 'item'; group: string; item: Item };

export class AttentionTree implements vscode.TreeDataProvider<Node> {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private groups: { id: string; label: string; items: Item[] }[] = [];

  constructor(private readonly index: WorkspaceIndex) {}

  update(result: CheckResult): void {
    const t = vscode.l10n.t;
    const accountName = (id: unknown) => String(result.workspace.accounts.get(String(id))?.data?.name ?? id ?? '');
    const seen = new Set<string>();
    const byRule = new Map<string, Item[]>();
    for (const d of result.diagnostics as Diagnostic[]) {
      if (!isAttentionRule(d.rule) || d.severity === 'info') continue;
      // Findings placed twice (person file and plan entry) are listed once.
      const key = `${d.rule}|${d.message}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const person = typeof d.data?.person === 'string' ? result.workspace.people.get(d.data.person) : undefined;
      // An overdue objective is listed by its title (the account it belongs to beside it).
      const objective = d.rule === 'objective-overdue' ? objectiveTitle(result, d.data?.account, d.data?.objective) : undefined;
      let items = byRule.get(d.rule);
      if (!items) byRule.set(d.rule, (items = []));
      items.push({
        label: person ? String(person.data.name ?? person.id) : objective ?? accountName(d.data?.account),
        description: person ? accountName(person.account) : objective ? accountName(d.data?.account) : undefined,
        tooltip: d.message, file: d.file, line: d.range.start.line,
      });
    }
    // High-influence blockers come from the placements, not from a rule.
    const blockers: Item[] = [];
    for (const p of result.workspace.people.values()) {
      if (p.data.status === 'left' || quadrant(position(p.data.stance, p.data.influence)) !== 'blockers') continue;
      blockers.push({ label: String(p.data.name ?? p.id), description: `${accountName(p.account)} · ${word('stance', p.data.stance, this.index.locale)} · ${t('influence {0}', p.data.influence ?? '?')}`, tooltip: t('High influence and opposed: needs a plan to convert or neutralise.'), file: p.doc.path, line: 1 });
    }
    // Follow-ups (`Next (YYYY-MM-DD): …` in a log entry) due today or past due, most overdue first.
    const followUps: Item[] = dueFollowUps(result.workspace, result.asOf).map((f) => {
      const who = f.people.map((id) => String(result.workspace.people.get(id)?.data.name ?? id)).join(', ');
      const when = f.state === 'overdue' ? t('due {0}, {1} days overdue', f.due!, f.overdueBy ?? 0) : t('due today');
      return {
        label: f.text, description: `${who} · ${accountName(f.account.id)} · ${when}`,
        tooltip: t('Follow-up logged {0} with {1}: {2} ({3})', f.interaction.date, who, f.text, when),
        file: f.interaction.doc.path, line: f.interaction.doc.bodyRange(f.interaction.entry.start, f.interaction.entry.start).start.line,
      };
    });
    this.groups = [
      ...(followUps.length ? [{ id: 'follow-ups', label: t('Follow-ups due'), items: followUps }] : []),
      ...(blockers.length ? [{ id: 'blockers', label: t('High-influence blockers'), items: blockers }] : []),
      ...ATTENTION_RULES().filter((r) => byRule.has(r.id)).map((r) => ({ id: r.id, label: localizeText(r.attention!, this.index.locale), items: byRule.get(r.id)! })),
    ];
    this.changed.fire();
  }

  getChildren(node?: Node): Node[] {
    if (!node) return this.groups.map((g) => ({ type: 'group', ...g }));
    if (node.type === 'group') return node.items.map((item) => ({ type: 'item', group: node.id, item }));
    return [];
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.type === 'group') {
      const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.Expanded);
      item.id = `attention:${node.id}`;
      item.description = String(node.items.length);
      item.iconPath = new vscode.ThemeIcon('warning', new vscode.ThemeColor('charts.orange'));
      return item;
    }
    const it = node.item;
    const item = new vscode.TreeItem(it.label, vscode.TreeItemCollapsibleState.None);
    item.id = `attention:${node.group}:${it.file}:${it.line}:${it.label}`;
    item.description = it.description;
    if (it.tooltip) {
      const md = new vscode.MarkdownString(escapeMarkdown(it.tooltip));
      md.isTrusted = false;
      item.tooltip = md;
    }
    item.command = { command: 'vscode.open', title: 'Open', arguments: [this.index.uriOf(it.file), { selection: new vscode.Range(it.line - 1, 0, it.line - 1, 0) }] };
    return item;
  }

  /** For tests: group ids with their item labels. */
  snapshot(): { group: string; items: string[] }[] {
    return this.groups.map((g) => ({ group: g.id, items: g.items.map((i) => i.label) }));
  }
}

/** The title of an account's objective by its id (or `#n`), for the Needs Attention list. */
function objectiveTitle(result: CheckResult, account: unknown, id: unknown): string | undefined {
  const objectives = result.workspace.accounts.get(String(account))?.data?.objectives;
  if (!Array.isArray(objectives) || typeof id !== 'string') return undefined;
  const o = objectives.find((x) => x?.id === id);
  return o ? (o.title ? `${o.id} ${o.title}` : o.id) : undefined;
}
