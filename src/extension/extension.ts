/**
 * The VS Code extension: a thin adapter that feeds workspace files (and unsaved buffers) to the
 * core and shows its findings. No rule, schema logic or date arithmetic lives here.
 */
import { stat } from 'node:fs/promises';
import * as vscode from 'vscode';
import type { CheckResult } from '../core/check/pipeline.js';
import { findFrontmatter, sniffKind } from '../core/parse/frontmatter.js';
import { isDocumentKind } from '../core/kinds.js';
import { noIcons } from './views/labels.js';
import { AttentionTree } from './views/attention-tree.js';
import { registerCommands } from './commands/commands.js';
import { registerImportCalendar } from './commands/import-calendar.js';
import { registerLanguageProviders } from './editor/language-providers.js';
import { MapPanel } from './panels/map-panel.js';
import { MatrixPanel } from './panels/matrix-panel.js';
import { ValuePanel } from './panels/value-panel.js';
import { BRIEF_SCHEME, MeetingBriefProvider, prepareForMeeting } from './panels/meeting-brief.js';
import { PortfolioTree, type GroupBy } from './views/portfolio-tree.js';
import { createStatusBar } from './views/status-bar.js';
import { registerHistoryView, type HistoryTree } from './views/history-tree.js';
import { indexingLabel } from './views/indexing.js';
import { WorkspaceIndex } from './workspace-index.js';

export interface KeyplanApi {
  /** The latest check (for tests and other extensions). */
  readonly result: CheckResult | undefined;
  /** Resolves once pending changes have been checked. */
  whenIdle(): Promise<CheckResult | undefined>;
  readonly index: WorkspaceIndex | undefined;
  readonly portfolio: PortfolioTree | undefined;
  readonly attention: AttentionTree | undefined;
  /** The History view's tree (the active editor's person or account, from git). */
  readonly history: HistoryTree | undefined;
  /** The open matrix panel of an account, if any. */
  matrix(account: string): MatrixPanel | undefined;
  /** The open decision-chain map panel of an account, if any. */
  map(account: string): MapPanel | undefined;
  /** The open value panel (trend, attraction–barrier, whitespace) of an account, if any. */
  value(account: string): ValuePanel | undefined;
  /** The status bar item's text, e.g. "$(bell-dot) 3 overdue". */
  readonly statusText: string | undefined;
}

function isKeyplanDocument(doc: vscode.TextDocument): boolean {
  if (doc.languageId !== 'markdown') return false;
  const head = doc.getText(new vscode.Range(0, 0, 200, 0));
  const span = findFrontmatter(head);
  return Boolean(span && isDocumentKind(sniffKind(head.slice(span.yamlStart, span.yamlEnd))));
}

export async function activate(context: vscode.ExtensionContext): Promise<KeyplanApi> {
  const activatedAt = performance.now();
  let index: WorkspaceIndex | undefined;
  let portfolio: PortfolioTree | undefined;
  let attention: AttentionTree | undefined;
  let history: HistoryTree | undefined;
  let started: Promise<void> | undefined;
  let statusItem: vscode.StatusBarItem | undefined;
  const api: KeyplanApi = {
    get result() {
      return index?.result;
    },
    whenIdle: async () => {
      await started;
      return index?.whenIdle();
    },
    get index() {
      return index;
    },
    get portfolio() {
      return portfolio;
    },
    get attention() {
      return attention;
    },
    get history() {
      return history;
    },
    matrix: (account) => MatrixPanel.get(account),
    map: (account) => MapPanel.get(account),
    value: (account) => ValuePanel.get(account),
    get statusText() {
      return statusItem?.text;
    },
  };
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) return api;

  // Indexing runs in the background: activation returns at once.
  const start = () => {
    if (index) return;
    const log = vscode.window.createOutputChannel('Keyplan', { log: true });
    context.subscriptions.push(log);
    const idx = (index = new WorkspaceIndex(folder, vscode.Uri.joinPath(context.extensionUri, 'docs', 'rules.md'), 'keyplan.portfolio', log));
    const tree = (portfolio = new PortfolioTree(idx));
    const needs = (attention = new AttentionTree(idx));
    const treeView = vscode.window.createTreeView('keyplan.portfolio', { treeDataProvider: tree, showCollapseAll: true });
    idx.viewVisible = () => treeView.visible || tree.askedWhileIndexing;
    // Regrouping keeps the accounts the user opened open; the group-by menu shows the current choice.
    context.subscriptions.push(treeView.onDidExpandElement((e) => tree.setExpanded(e.element, true)), treeView.onDidCollapseElement((e) => tree.setExpanded(e.element, false)));
    void vscode.commands.executeCommand('setContext', 'keyplan.groupBy', tree.groupBy);
    const attentionView = vscode.window.createTreeView('keyplan.attention', { treeDataProvider: needs });
    const args = (node: unknown) => PortfolioTree.argsOf(node as never);
    const cmd = vscode.commands.registerCommand;
    const briefs = new MeetingBriefProvider(idx);
    const historyView = registerHistoryView(idx);
    history = historyView.tree;
    context.subscriptions.push(...historyView.disposables);
    const status = createStatusBar(idx);
    statusItem = status[0];
    context.subscriptions.push(...status);
    // The Needs-attention view has no welcome text: while indexing it says so rather than look empty.
    context.subscriptions.push(idx.onDidChangeIndexing((state) => {
      attentionView.message = state && !idx.result ? indexingLabel(state) : undefined;
    }));
    context.subscriptions.push(
      idx, treeView, attentionView,
      ...registerLanguageProviders(idx), ...registerCommands(idx), registerImportCalendar(idx),
      vscode.workspace.registerTextDocumentContentProvider(BRIEF_SCHEME, briefs),
      idx.onDidUpdate((result) => {
        tree.update(result);
        needs.update(result);
        attentionView.message = undefined; // its rows are there now, while indexing ends
        briefs.refresh();
        const total = tree.overdueTotal();
        treeView.badge = total ? { value: total, tooltip: vscode.l10n.t('{0} contacts overdue', total) } : undefined;
      }),
      ...(['tier', 'owner', 'health'] as GroupBy[]).map((g) => cmd(`keyplan.groupBy.${g}`, () => tree.setGroupBy(g))),
      cmd('keyplan.filter.onlyOverdue', (on?: unknown) => (typeof on === 'boolean' ? tree.setFilter('onlyOverdue', on) : tree.toggle('onlyOverdue'))),
      // "Only my accounts" needs the user's owner id: ask for it first (an argument skips the toggle).
      cmd('keyplan.filter.onlyMine', async (on?: unknown) => {
        const turnOn = typeof on === 'boolean' ? on : !tree.onlyMine;
        if (turnOn && !vscode.workspace.getConfiguration('keyplan').get<string>('owner') && !(await askOwner(tree.owners()))) return;
        tree.setFilter('onlyMine', turnOn);
      }),
      cmd('keyplan.setOwner', async (owner?: unknown) => askOwner(tree.owners(), typeof owner === 'string' ? owner : undefined)),
      cmd('keyplan.openMatrix', async (node?: unknown) => {
        const account = await accountFor(idx, typeof node === 'string' ? node : args(node).account, vscode.l10n.t('Open the matrix of which account?'));
        if (account) MatrixPanel.show(idx, context.extensionUri, account);
      }),
      cmd('keyplan.openMap', async (node?: unknown) => {
        const account = await accountFor(idx, typeof node === 'string' ? node : args(node).account, vscode.l10n.t('Open the map of which account?'));
        if (account) MapPanel.show(idx, context.extensionUri, account);
      }),
      cmd('keyplan.openValue', async (node?: unknown) => {
        const account = await accountFor(idx, typeof node === 'string' ? node : args(node).account, vscode.l10n.t('Open the value view of which account?'));
        if (account) ValuePanel.show(idx, context.extensionUri, account);
      }),
      cmd('keyplan.tree.logInteraction', (node?: unknown) => {
        const a = args(node);
        return vscode.commands.executeCommand('keyplan.logInteraction', { account: a.account, people: a.person ? [a.person] : undefined });
      }),
      cmd('keyplan.prepareForMeeting', (node?: unknown) => prepareForMeeting(idx, typeof node === 'string' ? node : node ? args(node).person : undefined)),
      cmd('keyplan.tree.revealInExplorer', (node?: unknown) => {
        const file = args(node).file;
        if (file) return vscode.commands.executeCommand('revealInExplorer', idx.uriOf(file));
      }),
    );
    void vscode.commands.executeCommand('setContext', 'keyplan.active', true);
    started = index.start(activatedAt);
  };

  // Activated by a Markdown file in a workspace without keyplan.yaml: stay idle until a Keyplan document shows up.
  // A folder on this machine's disk is asked directly: through vscode.workspace.fs the question
  // goes to the window and back, which took 0.6–1.7 s while a remote window was still starting.
  const configUri = vscode.Uri.joinPath(folder.uri, 'keyplan.yaml');
  const hasConfig = (folder.uri.scheme === 'file' ? stat(configUri.fsPath) : Promise.resolve(vscode.workspace.fs.stat(configUri))).then(() => true, () => false);
  started = hasConfig.then((yes) => {
    if (yes || vscode.workspace.textDocuments.some(isKeyplanDocument)) return start();
    const listener = vscode.workspace.onDidOpenTextDocument((doc) => {
      if (isKeyplanDocument(doc)) {
        listener.dispose();
        start();
      }
    });
    context.subscriptions.push(listener);
  });
  return api;
}

/** The account given, else the active editor's, else the one the user picks. */
async function accountFor(index: WorkspaceIndex, given: string | undefined, placeHolder: string): Promise<string | undefined> {
  const account = given ?? accountOfActiveEditor(index);
  if (account) return account;
  const result = await index.whenIdle();
  const pick = await vscode.window.showQuickPick([...(result?.workspace.accounts.values() ?? [])].filter((a) => a.data).map((a) => ({ label: noIcons(String(a.data!.name)), description: a.id })), { placeHolder });
  return pick?.description;
}

/** The account of the Keyplan document in the active editor. */
function accountOfActiveEditor(index: WorkspaceIndex): string | undefined {
  const doc = vscode.window.activeTextEditor?.document;
  if (!doc) return undefined;
  const path = index.relative(doc.uri);
  const found = index.result?.documents.find((d) => d.path === path);
  return found ? index.result?.workspace.accountIdOf(found) : undefined;
}

export function deactivate(): void {}

/**
 * Asks for the user's owner id (QuickPick of the owners found in the workspace, or typed) and saves
 * it to the `keyplan.owner` user setting. `given` skips the UI. Resolves to the id, or undefined when cancelled.
 */
async function askOwner(owners: string[], given?: string): Promise<string | undefined> {
  const t = vscode.l10n.t;
  let owner = given?.trim();
  if (!owner) {
    const current = vscode.workspace.getConfiguration('keyplan').get<string>('owner');
    const pick = vscode.window.createQuickPick();
    pick.title = t('Your owner id (the `owner` of your accounts)');
    pick.placeholder = t('Pick one of the owners in this workspace, or type your id');
    const items = owners.map((o) => ({ label: o, description: o === current ? t('current') : undefined }));
    pick.items = items;
    pick.onDidChangeValue((v) => { pick.items = v && !owners.includes(v) ? [{ label: v, description: t('new owner id') }, ...items] : items; });
    owner = await new Promise<string | undefined>((resolve) => {
      pick.onDidAccept(() => { resolve(pick.selectedItems[0]?.label ?? (pick.value || undefined)); pick.hide(); });
      pick.onDidHide(() => resolve(undefined));
      pick.show();
    });
    pick.dispose();
  }
  if (!owner) return undefined;
  await vscode.workspace.getConfiguration('keyplan').update('owner', owner, vscode.ConfigurationTarget.Global);
  return owner;
}
