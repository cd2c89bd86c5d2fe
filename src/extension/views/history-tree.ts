/**
 * The History view (关系演变): how the person or the account in the active editor changed, commit
 * by commit, from the core's relationship history (src/core/history) over the revisions the shared
 * git reader reads (src/git, run without blocking the extension host). A person's file shows that
 * person's changes; any other file of an account shows the account's changes and its key players'
 * stance trajectories; newest first, each with its date, author and commit subject; a change opens
 * the file before and after its commit side by side (read-only, `keyplan-git:` documents), the
 * tooltip holds the whole commit message. A change of personal notes is only "personal notes
 * changed" (the core never hands their text out). Changes computed from a commit's date alone
 * (temperature, cadence, health) are left out, as in `keyplan history` without `--derived`.
 *
 * Git runs only in trusted workspaces; in Restricted Mode, outside a git repository, before the
 * first commit or without git, the view says so instead of showing an empty list. VS Code's own
 * Timeline view needs a proposed API, which a published extension cannot use: hence this view.
 */
import * as vscode from 'vscode';
import type { HistoryChange, HistoryRevision, PersonTrajectory, RevisionInfo, TrajectoryPoint } from '../../core/history/history.js';
import { HistoryWords } from '../../core/history/words.js';
import { HISTORY_VIEW_MESSAGES, type HistoryViewMessageId } from '../../core/i18n/history.js';
import { localize, type Params } from '../../core/i18n/locale.js';
import { escapeMarkdown } from '../../core/render/markdown.js';
import { shorten } from '../../core/render/text.js';
import { readAccountHistorySteps, type AccountRead } from '../../git/account-history.js';
import { findRepoSteps } from '../../git/git.js';
import { call, GitError, runAsync } from '../../git/run.js';
import type { WorkspaceIndex } from '../workspace-index.js';

/** How many commits touching the account the view reads at most (`keyplan history` reads them all). */
export const HISTORY_VIEW_COMMITS = 200;

/** The scheme of a file as it stood at a commit: `keyplan-git:/<workspace path>?<query>`, read-only. */
export const GIT_SCHEME = 'keyplan-git';

const COMMIT = /^[0-9a-f]{40,64}$/;

/** Where a change can be seen: the file at its commit, and before it (`parent`: its path at the commit's first parent). */
export interface FileAtCommit {
  commit: string;
  path: string;
  /** The file's path before the commit; undefined when the commit only shows the file (the starting point). */
  parent?: string;
}

export type HistoryNode =
  | { type: 'group'; id: 'changes' | 'trajectories'; label: string; children: HistoryNode[] }
  | { type: 'change'; key: string; change: HistoryChange; revision: RevisionInfo; start: boolean; file?: FileAtCommit }
  | { type: 'trajectory'; key: string; trajectory: PersonTrajectory; children: HistoryNode[] }
  | { type: 'point'; key: string; name: string; point: TrajectoryPoint; revision: RevisionInfo; start: boolean; file?: FileAtCommit };

type State = 'pick' | 'loading' | 'untrusted' | 'no-repo' | 'no-commit' | 'no-git' | 'failed' | 'read';

interface Subject {
  account: string;
  /** A person's file is open: only their changes. */
  person?: string;
  /** The workspace-relative file the subject was taken from. */
  file: string;
}

/** A file at a commit as a `keyplan-git:` URI (the path first, so the editor names and colours it as Markdown). */
export function fileAtCommitUri(file: string, commit: string): vscode.Uri {
  return vscode.Uri.from({ scheme: GIT_SCHEME, path: `/${file}`, query: JSON.stringify({ commit, file }) });
}

/**
 * The `keyplan-git:` documents: a workspace file as it stood at a commit (or at a commit's first
 * parent, `<sha>^`), read with `git cat-file blob` (the stored bytes: no textconv or filter a
 * repository names), without blocking. Empty when the file did not exist there, outside a git
 * repository, and always in Restricted Mode.
 */
export class GitFileProvider implements vscode.TextDocumentContentProvider {
  /** `trusted`: whether git may run (the workspace's trust; tests pass their own). */
  constructor(private readonly folder: string, private readonly trusted: () => boolean = () => vscode.workspace.isTrusted) {}

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    if (!this.trusted()) return '';
    let query: { commit?: unknown; file?: unknown };
    try {
      query = JSON.parse(uri.query) as typeof query;
    } catch {
      return '';
    }
    const { commit, file } = query;
    // A commit id (or its first parent) and a plain relative path: nothing git could read as an option.
    if (typeof commit !== 'string' || !COMMIT.test(commit.replace(/\^$/, '')) || typeof file !== 'string' || !file || file.startsWith('/') || file.split('/').includes('..') || /[\0\n]/.test(file)) return '';
    try {
      const text = await runAsync((function* (folder: string) {
        const repo = yield* findRepoSteps(folder);
        if (!repo) return '';
        const prefix = repo.prefix;
        const r = yield* call(repo.top, ['cat-file', 'blob', `${commit}:${prefix}${file}`], { allowFailure: true });
        return r.ok ? r.stdout.toString('utf8') : '';
      })(this.folder));
      return text;
    } catch {
      return '';
    }
  }
}

export class HistoryTree implements vscode.TreeDataProvider<HistoryNode> {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [];
  private subject?: Subject;
  private state: State = 'pick';
  private read?: AccountRead;
  private failure = '';
  private roots: HistoryNode[] = [];
  private generation = 0;
  private pending: Promise<void> = Promise.resolve();
  /** The view showing this tree: its message and description say what is shown, or why nothing is. */
  private view?: vscode.TreeView<HistoryNode>;
  /** A refresh was asked for while the view was hidden: done when it shows. */
  private stale = true;
  private wordsValue?: HistoryWords;
  private readonly trusted: () => boolean;

  /** `trusted`: whether git may run (the workspace's trust; tests pass their own). */
  constructor(private readonly index: WorkspaceIndex, options: { trusted?: () => boolean } = {}) {
    this.trusted = options.trusted ?? (() => vscode.workspace.isTrusted);
  }

  /** Made on first use: the core is loaded once indexing starts, not at activation. */
  private get words(): HistoryWords {
    return (this.wordsValue ??= new HistoryWords(this.index.locale, (s) => s));
  }

  /** Connects the view and follows the active editor, the workspace's trust and the window's focus. */
  attach(view: vscode.TreeView<HistoryNode>): vscode.Disposable {
    this.view = view;
    this.disposables.push(
      view.onDidChangeVisibility((e) => {
        if (e.visible && this.stale) this.refresh();
      }),
      vscode.window.onDidChangeActiveTextEditor((e) => {
        if (e && this.follow(e.document.uri)) this.refresh();
      }),
      this.index.onDidUpdate(() => {
        // The first check done: the file open before it can now be placed.
        const uri = vscode.window.activeTextEditor?.document.uri;
        if (uri && this.follow(uri)) this.refresh();
      }),
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.refresh()),
      // A commit made in a terminal or another tool: read again when the window gets the focus back.
      vscode.window.onDidChangeWindowState((e) => {
        if (e.focused) this.refresh();
      }),
      vscode.workspace.onDidSaveTextDocument(() => this.refresh()),
    );
    const uri = vscode.window.activeTextEditor?.document.uri;
    if (uri) this.follow(uri);
    this.refresh();
    return vscode.Disposable.from(...this.disposables);
  }

  private say(id: HistoryViewMessageId, params: Params = {}): string {
    return localize(HISTORY_VIEW_MESSAGES[id], this.index.locale, params);
  }

  /**
   * Takes the subject from a file: a person's file → that person; any other document of an
   * account → the account. Anything else (another file, a `keyplan-git:` document, the diff the
   * view opened) keeps the subject. True when the subject changed.
   */
  follow(uri: vscode.Uri): boolean {
    if (uri.scheme !== 'file' && uri.scheme !== 'vscode-remote') return false;
    const result = this.index.result;
    if (!result) return false;
    const file = this.index.relative(uri);
    const doc = result.documents.find((d) => d.path === file);
    if (!doc) return false;
    const account = result.workspace.accountIdOf(doc);
    if (!account) return false;
    const person = doc.kind === 'person' && typeof doc.data.id === 'string' ? doc.data.id : undefined;
    const next: Subject = { account, ...(person ? { person } : {}), file: doc.path };
    const same = this.subject && this.subject.account === next.account && this.subject.person === next.person;
    this.subject = next;
    return !same;
  }

  /** What the view shows (for tests): the subject, and the message shown instead of (or above) items. */
  get shown(): { account?: string; person?: string; state: State; message?: string; description?: string } {
    return { account: this.subject?.account, person: this.subject?.person, state: this.state, message: this.message(), description: this.description() };
  }

  /** Reads the history again (when the view is visible; otherwise when it shows). Resolves when done. */
  refresh(): Promise<void> {
    if (this.view && !this.view.visible) {
      this.stale = true;
      return this.pending;
    }
    this.stale = false;
    const generation = ++this.generation;
    this.pending = this.pending.then(() => this.load(generation), () => this.load(generation));
    return this.pending;
  }

  /** Resolves once every refresh asked for so far is done. */
  async idle(): Promise<void> {
    let seen: Promise<void>;
    do {
      seen = this.pending;
      await seen;
    } while (seen !== this.pending);
  }

  private async load(generation: number): Promise<void> {
    if (generation !== this.generation) return; // a newer refresh follows
    if (!this.trusted()) return this.show('untrusted');
    const subject = this.subject;
    if (!subject) return this.show('pick');
    const result = await this.index.whenIdle();
    const account = result?.workspace.accounts.get(subject.account);
    if (!account) return this.show('pick');
    const files = [account.doc, ...account.people.map((p) => p.doc), ...account.portraits, ...account.plans, ...account.logs].flatMap((d) => (d ? [d.path] : []));
    if (this.read?.account !== subject.account) this.show('loading');
    try {
      const read = await runAsync(readAccountHistorySteps(this.index.folder.uri.fsPath, subject.account, files, { locale: this.index.locale, limit: HISTORY_VIEW_COMMITS, known: this.read }));
      if (generation !== this.generation) return;
      if (read.state !== 'read') return this.show(read.state);
      this.read = read;
      this.show('read');
    } catch (error) {
      if (generation !== this.generation) return;
      this.failure = error instanceof GitError ? error.inLocale(this.index.locale).split('\n')[0] : String((error as Error)?.message ?? error);
      this.show(error instanceof GitError && error.missing ? 'no-git' : 'failed');
    }
  }

  private show(state: State): void {
    this.state = state;
    if (state !== 'read' && state !== 'loading') this.read = undefined;
    this.roots = state === 'read' ? this.build() : [];
    if (this.view) {
      this.view.message = this.message();
      this.view.description = this.description();
    }
    this.changed.fire();
  }

  private description(): string | undefined {
    const s = this.subject;
    if (!s || this.state === 'pick') return undefined;
    const ws = this.index.result?.workspace;
    if (s.person) return String(ws?.people.get(s.person)?.data.name ?? s.person);
    return String(ws?.accounts.get(s.account)?.data?.name ?? s.account);
  }

  private message(): string | undefined {
    switch (this.state) {
      case 'pick': return this.say('view.pick');
      case 'loading': return this.say('view.loading');
      case 'untrusted': return this.say('view.untrusted');
      case 'no-repo': return this.say('view.no-repo');
      case 'no-commit': return this.say('view.no-commit');
      case 'no-git': return this.say('view.no-git');
      case 'failed': return this.say('view.failed', { message: this.failure });
      case 'read':
        if (!this.roots.length) return this.say('view.no-changes', { name: this.description() ?? '' });
        return this.read?.truncated ? this.say('view.truncated', { n: HISTORY_VIEW_COMMITS, account: this.subject?.account ?? '' }) : undefined;
    }
  }

  /** The items of the current read: the person's changes, or the account's changes and trajectories. */
  private build(): HistoryNode[] {
    const read = this.read;
    const subject = this.subject;
    if (!read || !subject) return [];
    const h = read.history;
    const locate = new Locator(read, this.index);
    const changes = h.changes
      .map((change, i) => ({ change, i }))
      .filter(({ change: c }) => !c.derived && (!subject.person || (c.subject === 'person' && c.id === subject.person)))
      // Newest first; within a commit, in the order the core found them.
      .sort((a, b) => b.change.revision - a.change.revision || a.i - b.i)
      .map(({ change, i }): HistoryNode => {
        const revision = h.revisions[change.revision];
        return { type: 'change', key: `${revision.id}:${i}`, change, revision, start: change.revision === 0 && read.truncated, file: locate.file(change.revision, change.subject, change.id) };
      });
    if (subject.person) return changes;
    // Key players; when none is marked, the people whose stance or influence moved.
    const key = h.trajectories.filter((t) => t.keyPlayer);
    const shown = key.length ? key : h.trajectories.filter((t) => t.points.length > 1);
    const trajectories = shown.map((t): HistoryNode => ({
      type: 'trajectory', key: `t:${t.id}`, trajectory: t,
      children: [...t.points].reverse().map((point) => {
        const revision = h.revisions[point.revision];
        return { type: 'point', key: `p:${t.id}:${revision.id}`, name: t.name, point, revision, start: point.revision === 0 && read.truncated, file: locate.file(point.revision, 'person', t.id) };
      }),
    }));
    if (!changes.length && !trajectories.length) return [];
    return [
      { type: 'group', id: 'changes', label: this.say('view.changes'), children: changes },
      ...(trajectories.length ? [{ type: 'group' as const, id: 'trajectories' as const, label: this.say('view.trajectories'), children: trajectories }] : []),
    ];
  }

  getChildren(node?: HistoryNode): HistoryNode[] {
    if (!node) return this.roots;
    return node.type === 'group' || node.type === 'trajectory' ? node.children : [];
  }

  getTreeItem(node: HistoryNode): vscode.TreeItem {
    const w = this.words;
    if (node.type === 'group') {
      const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.Expanded);
      item.id = `group:${node.id}`;
      item.description = String(node.children.length);
      return item;
    }
    if (node.type === 'trajectory') {
      const t = node.trajectory;
      const item = new vscode.TreeItem(t.name, vscode.TreeItemCollapsibleState.Collapsed);
      item.id = node.key;
      item.description = w.trajectory(t);
      item.iconPath = new vscode.ThemeIcon(t.status === 'left' ? 'person' : 'account');
      item.tooltip = new vscode.MarkdownString(`**${escapeMarkdown(t.name)}**${t.keyPlayer ? ` · ${escapeMarkdown(w.t.key)}` : ''}${t.status === 'left' ? ` · ${escapeMarkdown(w.t.left)}` : ''}\n\n${escapeMarkdown(w.trajectory(t))}`);
      return item;
    }
    const r = node.revision;
    const text = node.type === 'change' ? w.change(node.change) : `${w.value(node.point.stance)}${node.point.influence !== undefined ? ` ·${node.point.influence}` : ''}`;
    const item = new vscode.TreeItem(`${r.date} · ${text}`, vscode.TreeItemCollapsibleState.None);
    item.id = node.key;
    item.description = w.by(r);
    item.contextValue = node.file ? 'change' : undefined;
    const direction = node.type === 'change' ? node.change.direction : undefined;
    item.iconPath = node.type === 'change' && node.change.field === 'personal-notes' ? new vscode.ThemeIcon('lock')
      : direction === 'improved' ? new vscode.ThemeIcon('arrow-up', new vscode.ThemeColor('charts.green'))
        : direction === 'worsened' ? new vscode.ThemeIcon('arrow-down', new vscode.ThemeColor('charts.red'))
          : new vscode.ThemeIcon('git-commit');
    if (node.file) item.command = { command: 'keyplan.history.showChange', title: this.say('view.open-hint'), arguments: [node] };
    return item;
  }

  /** The tooltip, when it is shown: the change, the commit and its whole message (read from git then). */
  async resolveTreeItem(item: vscode.TreeItem, node: HistoryNode): Promise<vscode.TreeItem> {
    if (node.type !== 'change' && node.type !== 'point') return item;
    const r = node.revision;
    const w = this.words;
    const what = node.type === 'change' ? w.change(node.change) : `${node.name}: ${w.value(node.point.stance)}${node.point.influence !== undefined ? ` ·${node.point.influence}` : ''}`;
    const message = (await this.commitMessage(r.id)) ?? r.subject;
    const lines = [
      `**${escapeMarkdown(what)}**`,
      escapeMarkdown(this.say('view.commit', { sha: r.id.slice(0, 7), date: r.date, author: r.author })),
      // The commit's message as written, line by line (hard breaks), every character plain text.
      message.split(/\r?\n/).map((l) => escapeMarkdown(l)).join('  \n'),
      ...(node.start ? [escapeMarkdown(this.say('view.start'))] : []),
      ...(node.file ? [`*${escapeMarkdown(this.say('view.open-hint'))}*`] : []),
    ];
    item.tooltip = new vscode.MarkdownString(lines.join('\n\n'));
    return item;
  }

  private async commitMessage(sha: string): Promise<string | undefined> {
    if (!COMMIT.test(sha) || !this.trusted() || !this.read) return undefined;
    try {
      const r = await runAsync(call(this.read.repo.top, ['log', '-1', '--no-walk', '--format=%B', sha], { allowFailure: true }));
      return r.ok ? r.stdout.toString('utf8').trim() : undefined;
    } catch {
      return undefined;
    }
  }

  /** Opens the file before and after the node's commit side by side (only the file at the commit for the starting point). */
  async showChange(node: HistoryNode | undefined): Promise<void> {
    const file = node && (node.type === 'change' || node.type === 'point') ? node.file : undefined;
    if (!file) {
      void vscode.window.showInformationMessage(this.say('view.no-file'));
      return;
    }
    const short = file.commit.slice(0, 7);
    if (file.parent === undefined) return this.openAtCommit(node);
    await vscode.commands.executeCommand('vscode.diff', fileAtCommitUri(file.parent, `${file.commit}^`), fileAtCommitUri(file.path, file.commit),
      this.say('view.diff-title', { file: shorten(file.path.split('/').pop() ?? file.path, 60), from: `${short}^`, to: short }), { preview: true });
  }

  /** Opens the file as it stood at the node's commit (read-only). */
  async openAtCommit(node: HistoryNode | undefined): Promise<void> {
    const file = node && (node.type === 'change' || node.type === 'point') ? node.file : undefined;
    if (!file) {
      void vscode.window.showInformationMessage(this.say('view.no-file'));
      return;
    }
    const doc = await vscode.workspace.openTextDocument(fileAtCommitUri(file.path, file.commit));
    await vscode.window.showTextDocument(doc, { preview: true });
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
    this.changed.dispose();
  }
}

/**
 * Which file shows a change: the subject's own file (the person's, or the account's) as it was
 * named at that commit (renames followed back from today's name), when the commit changed it;
 * otherwise the first file of the account's folder the commit changed (a plan, a log), else the
 * first file it changed. The starting point of a bounded read shows the subject's file as it was.
 */
class Locator {
  private readonly byId = new Map<string, HistoryRevision>();
  private readonly paths = new Map<string, Map<string, string>>();

  constructor(private readonly read: AccountRead, private readonly index: WorkspaceIndex) {
    for (const r of read.revisions) this.byId.set(r.id, r);
  }

  /** Revision id → the path of the file now at `current`, at that revision (renames followed back). */
  private pathsOf(current: string): Map<string, string> {
    let at = this.paths.get(current);
    if (at) return at;
    at = new Map();
    let path = current;
    for (let i = this.read.revisions.length - 1; i >= 0; i--) {
      const r = this.read.revisions[i];
      at.set(r.id, path);
      const renamed = r.changes?.find((c) => c.path === path && c.from !== undefined);
      if (renamed) path = renamed.from!;
    }
    this.paths.set(current, at);
    return at;
  }

  file(revision: number, subject: 'account' | 'person', id: string): FileAtCommit | undefined {
    const info = this.read.history.revisions[revision];
    const r = info && this.byId.get(info.id);
    if (!r) return undefined;
    const ws = this.index.result?.workspace;
    const now = subject === 'person' ? ws?.people.get(id)?.doc.path : ws?.accounts.get(id)?.doc?.path;
    const own = now !== undefined ? this.pathsOf(now).get(r.id) : undefined;
    if (!r.changes) return own !== undefined ? { commit: r.id, path: own } : undefined;
    const change = (own !== undefined ? r.changes.find((c) => c.path === own) : undefined) ?? this.inAccountFolder(r) ?? r.changes[0];
    if (!change) return own !== undefined ? { commit: r.id, path: own } : undefined;
    return { commit: r.id, path: change.path, parent: change.from ?? change.path };
  }

  private inAccountFolder(r: HistoryRevision): { path: string; from?: string } | undefined {
    const accountFile = this.index.result?.workspace.accounts.get(this.read.account)?.doc?.path;
    const at = accountFile !== undefined ? this.pathsOf(accountFile).get(r.id) : undefined;
    const folder = at?.includes('/') ? at.slice(0, at.lastIndexOf('/') + 1) : undefined;
    return folder !== undefined ? r.changes?.find((c) => c.path.startsWith(folder)) : undefined;
  }
}

/** Creates the History view, its `keyplan-git:` documents and its commands. */
export function registerHistoryView(index: WorkspaceIndex): { tree: HistoryTree; disposables: vscode.Disposable[] } {
  const tree = new HistoryTree(index);
  const view = vscode.window.createTreeView('keyplan.history', { treeDataProvider: tree });
  const cmd = vscode.commands.registerCommand;
  return {
    tree,
    disposables: [
      view, tree, tree.attach(view),
      vscode.workspace.registerTextDocumentContentProvider(GIT_SCHEME, new GitFileProvider(index.folder.uri.fsPath)),
      cmd('keyplan.history.refresh', () => tree.refresh()),
      cmd('keyplan.history.showChange', (node?: HistoryNode) => tree.showChange(node)),
      cmd('keyplan.history.openAtCommit', (node?: HistoryNode) => tree.openAtCommit(node)),
    ],
  };
}
