/**
 * Keeps the core's IncrementalChecker fed with the workspace: all Markdown files once at start
 * (in the background, with a progress notification for large workspaces), then every change from
 * disk or from an editor buffer, debounced. Publishes diagnostics and tells listeners.
 */
import * as vscode from 'vscode';
import { CONFIG_FILE, IncrementalChecker, type CheckResult } from '../core/check/pipeline.js';
import { today } from '../core/dates.js';
import { normalizeLocale, type Locale } from '../core/i18n/catalogue.js';
import { toDiagnostic } from './editor/convert.js';

/** Above this many files the first indexing shows a progress notification. */
const PROGRESS_THRESHOLD = 300;
const DEBOUNCE_MS = 150;

export class WorkspaceIndex implements vscode.Disposable {
  private readonly checker: IncrementalChecker;
  private readonly collection = vscode.languages.createDiagnosticCollection('keyplan');
  private readonly emitter = new vscode.EventEmitter<CheckResult>();
  private readonly disposables: vscode.Disposable[] = [this.collection, this.emitter];
  private current?: CheckResult;
  private pending?: NodeJS.Timeout;
  private work: Promise<void> = Promise.resolve();
  /** File → signature of the findings last shown for it. */
  private readonly published = new Map<string, string>();
  readonly locale: Locale;
  /** Fires after every check with the new result. */
  readonly onDidUpdate = this.emitter.event;

  constructor(readonly folder: vscode.WorkspaceFolder, private readonly rulesDoc: vscode.Uri) {
    this.locale = normalizeLocale(vscode.env.language);
    this.checker = new IncrementalChecker(this.locale);
    const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, `{**/*.md,${CONFIG_FILE}}`));
    this.disposables.push(
      watcher,
      watcher.onDidCreate((uri) => this.readFromDisk(uri)),
      watcher.onDidChange((uri) => this.readFromDisk(uri)),
      watcher.onDidDelete((uri) => this.forget(uri)),
      vscode.workspace.onDidChangeTextDocument((e) => this.fromBuffer(e.document)),
      vscode.workspace.onDidOpenTextDocument((d) => this.fromBuffer(d)),
      // A buffer closed without saving goes back to what is on disk.
      vscode.workspace.onDidCloseTextDocument((d) => this.relevant(d.uri) && this.readFromDisk(d.uri)),
      vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('keyplan') && this.schedule()),
    );
  }

  get result(): CheckResult | undefined {
    return this.current;
  }

  relative(uri: vscode.Uri): string {
    return vscode.workspace.asRelativePath(uri, false).split('\\').join('/');
  }

  uriOf(path: string): vscode.Uri {
    return vscode.Uri.joinPath(this.folder.uri, path);
  }

  /** The day to compute for: the `keyplan.asOf` setting, else today. */
  asOf(): string {
    const setting = vscode.workspace.getConfiguration('keyplan').get<string>('asOf');
    return setting && /^\d{4}-\d{2}-\d{2}$/.test(setting) ? setting : today();
  }

  /** Indexes every Markdown file of the folder once. */
  async start(): Promise<void> {
    const uris = await vscode.workspace.findFiles(new vscode.RelativePattern(this.folder, '**/*.md'), '**/{node_modules,.git}/**');
    const load = async (progress?: vscode.Progress<{ increment: number }>) => {
      const config = vscode.Uri.joinPath(this.folder.uri, CONFIG_FILE);
      await this.readInto(config);
      let done = 0;
      const step = 64;
      for (let i = 0; i < uris.length; i += step) {
        await Promise.all(uris.slice(i, i + step).map((u) => this.readInto(u)));
        done += Math.min(step, uris.length - i);
        progress?.report({ increment: (100 * Math.min(step, uris.length - i)) / uris.length });
      }
      for (const d of vscode.workspace.textDocuments) if (d.isDirty && this.relevant(d.uri)) this.checker.set({ path: this.relative(d.uri), content: d.getText() });
      return done;
    };
    if (uris.length > PROGRESS_THRESHOLD) {
      await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Keyplan: indexing {0} files', uris.length) }, load);
    } else await load();
    this.work = this.work.then(() => this.run());
    await this.work;
  }

  /** Resolves once no change is waiting and the latest check has been published. */
  async whenIdle(): Promise<CheckResult | undefined> {
    while (this.pending) {
      await new Promise((r) => setTimeout(r, DEBOUNCE_MS));
    }
    await this.work;
    return this.current;
  }

  private relevant(uri: vscode.Uri): boolean {
    if (uri.scheme !== 'file' && uri.scheme !== 'vscode-remote') return false;
    if (!uri.path.startsWith(this.folder.uri.path)) return false;
    return uri.path.endsWith('.md') || uri.path.endsWith(`/${CONFIG_FILE}`);
  }

  private async readInto(uri: vscode.Uri): Promise<void> {
    try {
      this.checker.set({ path: this.relative(uri), content: await vscode.workspace.fs.readFile(uri) });
    } catch {
      // Vanished or unreadable: nothing to check.
    }
  }

  private async readFromDisk(uri: vscode.Uri): Promise<void> {
    if (!this.relevant(uri)) return;
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (open?.isDirty) return; // the buffer is what the user sees
    await this.readInto(uri);
    this.schedule();
  }

  private forget(uri: vscode.Uri): void {
    if (!this.relevant(uri)) return;
    this.checker.delete(this.relative(uri));
    this.schedule();
  }

  private fromBuffer(doc: vscode.TextDocument): void {
    if (!this.relevant(doc.uri)) return;
    this.checker.set({ path: this.relative(doc.uri), content: doc.getText() });
    this.schedule();
  }

  schedule(): void {
    if (this.pending) clearTimeout(this.pending);
    this.pending = setTimeout(() => {
      this.pending = undefined;
      this.work = this.work.then(() => this.run(), () => this.run());
    }, DEBOUNCE_MS);
  }

  private run(): void {
    const result = this.checker.check(this.asOf());
    this.current = result;
    const config = vscode.workspace.getConfiguration('keyplan');
    const showInfo = config.get<boolean>('showInfo', true);
    const hidden = new Set(config.get<string[]>('disabledRules', []));
    const byFile = new Map<string, typeof result.diagnostics>();
    for (const d of result.diagnostics) {
      if (hidden.has(d.rule) || (!showInfo && d.severity === 'info')) continue;
      const list = byFile.get(d.file) ?? [];
      list.push(d);
      byFile.set(d.file, list);
    }
    // Only files whose findings changed are sent to the editor: after one edit that is a handful,
    // not every file of a large workspace.
    for (const file of this.published.keys()) {
      if (!byFile.has(file)) {
        this.collection.delete(this.uriOf(file));
        this.published.delete(file);
      }
    }
    for (const [file, list] of byFile) {
      const signature = list.map((d) => `${d.rule}|${d.severity}|${d.range.start.line}:${d.range.start.column}-${d.range.end.line}:${d.range.end.column}|${d.message}`).join('\n');
      if (this.published.get(file) === signature) continue;
      this.collection.set(this.uriOf(file), list.map((d) => toDiagnostic(d, this.rulesDoc)));
      this.published.set(file, signature);
    }
    this.emitter.fire(result);
  }

  dispose(): void {
    if (this.pending) clearTimeout(this.pending);
    for (const d of this.disposables) d.dispose();
  }
}
