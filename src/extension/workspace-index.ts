/**
 * Keeps the core's IncrementalChecker fed with the workspace: all Markdown files once at start
 * (in the background, with a progress bar on the portfolio view and the indexing state for the
 * views and the status bar), then every change from disk or from an editor buffer, debounced.
 * Publishes diagnostics and tells listeners.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import * as vscode from 'vscode';
import { IncrementalChecker, loadConfig, type CheckResult } from '../core/check/pipeline.js';
import type { AccountHeading } from '../core/report/report.js';
import { CONFIG_FILE } from '../core/check/source.js';
import { listMarkdownFiles, readSources } from '../disk/walk.js';
import { today } from '../core/dates.js';
import { normalizeLocale, type Locale } from '../core/i18n/catalogue.js';
import { sayText } from '../core/i18n/cli.js';
import { toDiagnostic } from './editor/convert.js';

const DEBOUNCE_MS = 150;
/** Files read at once while indexing; the indexing state is reported after a batch, at most every PROGRESS_MS. */
const READ_BATCH = 256;
const PROGRESS_MS = 250;
/**
 * Findings for more files than this (the first indexing, a branch switch) go to the editor after
 * the portfolio has drawn its accounts (or VIEWS_FIRST_MS without it): thousands of files'
 * findings keep the window busy for seconds, and the portfolio's rows would wait behind them.
 */
const VIEWS_FIRST_FILES = 200;
const VIEWS_FIRST_MS = 1000;
const DRAW_MS = 100;
/**
 * How long the first check waits at most for a visible portfolio to take the accounts of the
 * preview, and then for the window to draw them (measured in code-server at 10k: about 0.2 s).
 */
const PREVIEW_MS = 500;
const PREVIEW_DRAW_MS = 200;

/** Where the first indexing is: finding the files, reading them (done of total), or the first check. */
export type IndexingState =
  | { phase: 'finding' }
  | { phase: 'reading'; done: number; total: number }
  | { phase: 'checking'; total: number };

export class WorkspaceIndex implements vscode.Disposable {
  /** Made on first use: the core is loaded once indexing starts, not at activation. */
  private checkerValue?: IncrementalChecker;
  private readonly collection = vscode.languages.createDiagnosticCollection('keyplan');
  private readonly emitter = new vscode.EventEmitter<CheckResult>();
  private readonly indexingEmitter = new vscode.EventEmitter<IndexingState | undefined>();
  private readonly disposables: vscode.Disposable[] = [this.collection, this.emitter, this.indexingEmitter];
  private indexingState?: IndexingState;
  private progressView?: string;
  private current?: CheckResult;
  /** The Markdown files of the last listing of a local folder (undefined elsewhere: every file counts). */
  private listed?: Set<string>;
  /** Listings asked for, the count the last finished one answers (it started after them), its result; the queue they run on. */
  private listingAsked = 0;
  private listingAnswered = 0;
  private lastListing?: { listed: string[]; added: Set<string> };
  private listingChain: Promise<void> = Promise.resolve();
  /** Paths whose files changed on disk (events) while a listing walked the folder. */
  private touchedWhileListing?: Set<string>;
  /**
   * Each path's latest file event (created, changed, deleted), numbered. A read that started
   * before its path's latest event is not taken: a file deleted while it was being read would
   * otherwise come back into the index after its deletion was handled, and stay there.
   */
  private readonly fileEvents = new Map<string, number>();
  private eventCount = 0;
  private pending?: NodeJS.Timeout;
  private work: Promise<void> = Promise.resolve();
  /** File → signature of the findings last shown for it. */
  private readonly published = new Map<string, string>();
  private localeValue?: Locale;
  private viewWaiter?: () => void;
  /** The latest check's times in ms: the check, until the portfolio asked for its accounts (when it waited for that), until every finding was sent. */
  private lastRun?: { check: number; drawn?: number; sent: number };
  /** The accounts of the account plans, while the first check runs (see `preview`). */
  private previewValue?: AccountHeading[];
  private previewWaiter?: () => void;
  /** Whether the portfolio view is on screen, or has asked for its rows (set by the extension once the view exists). */
  viewVisible: () => boolean = () => false;
  /** Paths the last listing of a local folder could not read, with why (see `listOnDisk`). */
  private skippedOnDisk = new Map<string, string>();
  /** Why keyplan.yaml could not be read the last time it was tried (undefined: it could, or is absent). */
  private configFailure?: string;
  /** Fires after every check with the new result. */
  readonly onDidUpdate = this.emitter.event;
  /** Fires when indexing starts, after each batch of files read, when the first check starts, and (undefined) when it is done. */
  readonly onDidChangeIndexing = this.indexingEmitter.event;

  /** `viewId`: the view that shows a progress bar while indexing (the portfolio). */
  /** `log`: the Keyplan output channel, where indexing and each check say how long they took. */
  constructor(readonly folder: vscode.WorkspaceFolder, private readonly rulesDoc: vscode.Uri, private readonly viewId?: string, private readonly log?: vscode.LogOutputChannel) {
    const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, `{**/*.md,${CONFIG_FILE}}`));
    // A folder deleted or moved away is one event, for the folder: VS Code folds its files' events
    // into it (as designed, microsoft/vscode#109754), so the watcher above may never hear of them.
    // A folder moved in is one event too. So folders are watched as well.
    const folders = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, '**'), false, true, false);
    this.disposables.push(
      watcher,
      folders,
      watcher.onDidCreate((uri) => this.readFromDisk(uri)),
      watcher.onDidChange((uri) => this.readFromDisk(uri)),
      watcher.onDidDelete((uri) => this.forget(uri)),
      folders.onDidDelete((uri) => this.forgetFolder(uri)),
      folders.onDidCreate((uri) => void this.folderCreated(uri)),
      vscode.workspace.onDidChangeTextDocument((e) => this.fromBuffer(e.document)),
      vscode.workspace.onDidOpenTextDocument((d) => this.fromBuffer(d)),
      // A buffer closed without saving goes back to what is on disk.
      vscode.workspace.onDidCloseTextDocument((d) => this.relevant(d.uri) && this.readFromDisk(d.uri)),
      vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('keyplan') && this.schedule()),
    );
  }

  /** The editor's display language, as the core names locales. */
  get locale(): Locale {
    return (this.localeValue ??= normalizeLocale(vscode.env.language));
  }

  private get checker(): IncrementalChecker {
    return (this.checkerValue ??= new IncrementalChecker(this.locale));
  }

  get result(): CheckResult | undefined {
    return this.current;
  }

  /**
   * Before the first result: the accounts their plans declare (read from the plans alone, in the
   * portfolio's order), for the portfolio to show while the check runs; undefined otherwise.
   */
  get preview(): AccountHeading[] | undefined {
    return this.current ? undefined : this.previewValue;
  }

  /** Where the indexing is, or undefined when no indexing runs. */
  get indexing(): IndexingState | undefined {
    return this.indexingState;
  }

  /** The view VS Code is showing the indexing progress on right now (inside `withProgress`), for tests. */
  get progressShownOn(): string | undefined {
    return this.progressView;
  }

  private setIndexing(state: IndexingState | undefined): void {
    this.indexingState = state;
    this.indexingEmitter.fire(state);
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

  /**
   * Indexes every Markdown file of the folder once: finds them, reads them in batches, checks
   * them all. The portfolio view shows a progress bar meanwhile, and `indexing` says how far it is.
   */
  async start(activatedAt?: number): Promise<void> {
    this.setIndexing({ phase: 'finding' });
    const started = performance.now();
    const where = this.folder.uri.scheme === 'file' ? this.folder.uri.fsPath : this.folder.uri.toString();
    if (activatedAt === undefined) this.log?.info(vscode.l10n.t('Indexing {0}…', where));
    else this.log?.info(vscode.l10n.t('Indexing {0}… ({1} ms after activation began)', where, Math.round(started - activatedAt)));
    const index = async (progress: vscode.Progress<{ message?: string; increment?: number }>) => {
      this.progressView = this.viewId;
      // A local folder is listed and read by workspace-relative path, as the command line does (no
      // URI made and taken apart again for each of 10,000 files); any other by URI.
      const local = this.folder.uri.scheme === 'file' ? (await this.listOnDisk()).listed : undefined;
      const uris = local ? undefined : await vscode.workspace.findFiles(new vscode.RelativePattern(this.folder, '**/*.md'), '**/{node_modules,.git}/**');
      const listed = performance.now();
      const total = local?.length ?? uris!.length;
      this.setIndexing({ phase: 'reading', done: 0, total });
      await this.readInto(vscode.Uri.joinPath(this.folder.uri, CONFIG_FILE));
      // Progress at most every PROGRESS_MS: each report is a message to the window and redraws the views.
      let shown = 0;
      let shownAt = performance.now();
      for (let i = 0; i < total; i += READ_BATCH) {
        if (local) await this.readLocal(local.slice(i, i + READ_BATCH));
        else await Promise.all(uris!.slice(i, i + READ_BATCH).map((u) => this.readInto(u)));
        // Local reads are synchronous: between batches, let the window's requests in (the views
        // asking for their rows, a round trip per level of a tree), or it hears nothing until the
        // check is done. Measured in code-server at 10k: with a pause only every PROGRESS_MS the
        // tree drew no row at all before the check.
        await new Promise((resolve) => setImmediate(resolve));
        const done = Math.min(total, i + READ_BATCH);
        if (done < total && performance.now() - shownAt < PROGRESS_MS) continue;
        progress.report({ increment: (100 * (done - shown)) / total });
        this.setIndexing({ phase: 'reading', done, total });
        shown = done;
        shownAt = performance.now();
      }
      for (const d of vscode.workspace.textDocuments) if (d.isDirty && this.relevant(d.uri)) this.checker.set({ path: this.relative(d.uri), content: d.getText() });
      const read = performance.now();
      // The accounts from their plans first (a tenth of the files or so): the portfolio lists them
      // under "Checking…" while the check, which needs every file, runs.
      this.previewValue = this.checker.previewAccounts();
      const previewed = performance.now();
      // (A small workspace is checked in a blink: nothing to wait for.)
      const waitForView = total > VIEWS_FIRST_FILES && this.previewValue.length > 0 && this.viewVisible();
      let taken: number | undefined;
      const served = waitForView ? new Promise<void>((resolve) => {
        this.previewWaiter = () => {
          taken ??= performance.now();
          resolve();
        };
        setTimeout(resolve, PREVIEW_MS);
      }) : undefined;
      this.setIndexing({ phase: 'checking', total });
      // The check runs in one piece and blocks the extension host: the window must have taken the
      // accounts (a round trip per level of the tree) and drawn them before it starts. Measured in
      // code-server at 10k on 2 cores: doing each file's part of the check in slices meanwhile
      // left the window too little to draw them before the check.
      await served;
      this.previewWaiter = undefined;
      if (taken !== undefined) this.log?.info(vscode.l10n.t('Read the plans of {0} accounts in {1} ms; the portfolio view took them {2} ms later, before the check.', this.previewValue.length, Math.round(previewed - read), Math.round(taken - previewed)));
      await new Promise((resolve) => setTimeout(resolve, taken === undefined ? 50 : PREVIEW_DRAW_MS));
      const checking = performance.now();
      this.work = this.work.then(() => this.run());
      await this.work;
      const ms = (a: number, b: number) => Math.round(b - a);
      const done = performance.now();
      const run = this.lastRun;
      const parts = [total, ms(started, done), ms(started, listed), ms(listed, read)];
      if (run?.drawn !== undefined) this.log?.info(vscode.l10n.t('Indexed {0} files in {1} ms: listed in {2} ms, read in {3} ms, checked in {4} ms; after the check, the portfolio view took its accounts in {5} ms and every finding was sent in {6} ms.', ...parts, Math.round(run.check), Math.round(run.drawn), Math.round(run.sent)));
      else this.log?.info(vscode.l10n.t('Indexed {0} files in {1} ms: listed in {2} ms, read in {3} ms, checked and shown in {4} ms.', ...parts, ms(checking, done)));
    };
    try {
      if (this.viewId) await vscode.window.withProgress({ location: { viewId: this.viewId }, title: vscode.l10n.t('Keyplan: indexing') }, index);
      else await index({ report: () => {} });
    } finally {
      this.progressView = undefined;
      this.setIndexing(undefined);
    }
    // Changes that came while indexing went into the checker but scheduled no check (see
    // `schedule`); those after the first check had read it are still to be checked.
    if (this.checkerValue?.hasChanges()) this.schedule();
  }

  /**
   * Forgets everything and indexes the folder again from disk (open buffers included): until it
   * is done there is no result, and the views say they are reading, as at start-up.
   */
  async reindex(): Promise<void> {
    if (this.pending) clearTimeout(this.pending);
    this.pending = undefined;
    await this.work;
    this.checkerValue = undefined;
    this.current = undefined;
    this.previewValue = undefined;
    // The new checker knows nothing: what could not be read is told to it again, and the first
    // listing is read whole, not compared with the last one.
    this.listed = undefined;
    this.skippedOnDisk = new Map();
    this.configFailure = undefined;
    await this.start();
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
    if (uri.scheme === 'file') return this.readLocal([this.relative(uri)]);
    const rel = this.relative(uri);
    const event = this.fileEvents.get(rel);
    try {
      const content = await vscode.workspace.fs.readFile(uri);
      if (this.fileEvents.get(rel) === event) this.checker.set({ path: rel, content });
    } catch (err) {
      if (this.fileEvents.get(rel) !== event) return;
      if (!(err instanceof vscode.FileSystemError) || err.code !== 'FileNotFound') this.couldNotRead(rel, err instanceof vscode.FileSystemError ? err.code : String(err));
    }
  }

  /**
   * Local files straight from disk, as the command line reads them (regular files only, no link
   * followed): vscode.workspace.fs costs a round trip per file (measured in code-server at 10k
   * files: 8.7 s to read them all that way). A file gone meanwhile has nothing to check; one that
   * is there but cannot be read (EACCES…) is kept as such, so the views name it.
   */
  private async readLocal(paths: string[]): Promise<void> {
    const events = new Map(paths.map((p) => [p, this.fileEvents.get(p)]));
    const read = await readSources(this.folder.uri.fsPath, paths);
    // A path with an event since the read began: that event has been (or will be) handled on its own.
    const current = (p: string) => this.fileEvents.get(p) === events.get(p);
    for (const file of read.files) {
      if (!current(file.path)) continue;
      if (file.path === CONFIG_FILE) this.configFailure = undefined;
      this.checker.set(file);
    }
    for (const f of read.failed) if (current(f.path)) this.couldNotRead(f.path, typeof f.error === 'string' ? f.error : f.error.id);
  }

  private couldNotRead(path: string, why: string): void {
    if (path === CONFIG_FILE) {
      // Checked without it (as the listing, which no longer sees its `exclude`), and said once
      // until it can be read again: the team's settings must not silently stop applying.
      this.checker.delete(CONFIG_FILE);
      if (this.configFailure === why) return;
      this.configFailure = why;
      const message = vscode.l10n.t('{0} could not be read ({1}): the team settings in it do not apply until it can be.', CONFIG_FILE, why);
      this.log?.warn(message);
      void vscode.window.showWarningMessage(message);
      return;
    }
    this.checker.set({ path, content: '', failure: why });
  }

  /**
   * The Markdown files of a local folder exactly as the command line lists them (src/disk/walk.ts):
   * keyplan.yaml's `exclude` and the workspace's .gitignore files apply, links are not followed, so
   * the editor checks the files CI checks. Remembered, to leave out changes to other files.
   *
   * Listings run one at a time, and each caller gets one that started after it asked: listings that
   * overlapped once let an older one finish last and hide a file just created (260 files written at
   * once lost some of theirs on a busy machine). Callers that ask while one runs share the next.
   * Each listing brings the checker in line with the one before it: files it no longer lists leave,
   * files new to it are read (`added`, so a caller need not read them again).
   */
  private listOnDisk(): Promise<{ listed: string[]; added: Set<string> }> {
    const ask = ++this.listingAsked;
    const step = this.listingChain.then(async () => {
      if (this.listingAnswered < ask) {
        const answers = this.listingAsked;
        this.lastListing = await this.listNow();
        this.listingAnswered = answers;
      }
      return this.lastListing!;
    });
    this.listingChain = step.then(() => undefined, () => undefined);
    return step;
  }

  private async listNow(): Promise<{ listed: string[]; added: Set<string> }> {
    const root = this.folder.uri.fsPath;
    const [configFile] = (await readSources(root, [CONFIG_FILE])).files;
    const config = configFile ? loadConfig(configFile).config : undefined;
    // What the listing cannot read (a `*.md` that is no regular file, a folder that cannot be
    // listed, a name that is not UTF-8) is named in the views like a file that cannot be opened,
    // and leaves them when a listing no longer finds it.
    const skipped = new Map<string, string>();
    this.touchedWhileListing = new Set();
    const listed = await listMarkdownFiles(root, { exclude: config?.exclude ?? [], onSkip: (s) => skipped.set(s.path, sayText(this.locale, s.error ?? s.note ?? '')) });
    const touched = this.touchedWhileListing;
    this.touchedWhileListing = undefined;
    const before = this.listed;
    const now = new Set(listed);
    this.listed = now;
    let changed = false;
    const added = new Set<string>();
    if (before) {
      for (const p of before) {
        if (now.has(p)) continue;
        // Written again after the walk passed its folder (a checkout, a save that replaces the
        // file): its own event has read it, and it is there. The next listing settles it.
        if (touched.has(p) && existsSync(path.join(root, p))) {
          now.add(p);
          continue;
        }
        this.checker.delete(p);
        changed = true;
      }
      for (const p of now) if (!before.has(p)) added.add(p);
      if (added.size) {
        await this.readLocal([...added]);
        for (const d of vscode.workspace.textDocuments) if (d.isDirty && added.has(this.relative(d.uri))) this.checker.set({ path: this.relative(d.uri), content: d.getText() });
        changed = true;
      }
    }
    for (const p of this.skippedOnDisk.keys()) {
      if (!skipped.has(p)) {
        this.checker.delete(p);
        changed = true;
      }
    }
    for (const [p, why] of skipped) {
      if (this.skippedOnDisk.get(p) === why) continue;
      this.couldNotRead(p, why);
      changed = true;
    }
    this.skippedOnDisk = skipped;
    if (changed) this.schedule();
    return { listed, added };
  }

  /**
   * Whether a Markdown file is one the workspace holds (not excluded, not ignored), and whether a
   * listing has just read it: a file new to the listing lists the folder again.
   */
  private async listingOf(uri: vscode.Uri): Promise<'listed' | 'read' | 'left out'> {
    if (this.folder.uri.scheme !== 'file' || uri.path.endsWith(`/${CONFIG_FILE}`)) return 'listed';
    const rel = this.relative(uri);
    if (this.listed?.has(rel)) return 'listed';
    const { added } = await this.listOnDisk();
    return added.has(rel) ? 'read' : this.listed!.has(rel) ? 'listed' : 'left out';
  }

  private async readFromDisk(uri: vscode.Uri): Promise<void> {
    if (!this.relevant(uri)) return;
    this.fileEvents.set(this.relative(uri), ++this.eventCount);
    this.touchedWhileListing?.add(this.relative(uri));
    const listing = await this.listingOf(uri);
    if (listing === 'left out') return;
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (open?.isDirty) return; // the buffer is what the user sees
    if (listing === 'listed') await this.readInto(uri);
    // keyplan.yaml changed: its `exclude` may now take files in or out.
    if (uri.path.endsWith(`/${CONFIG_FILE}`) && this.listed) await this.listOnDisk();
    this.schedule();
  }

  private forget(uri: vscode.Uri): void {
    if (!this.relevant(uri)) return;
    this.fileEvents.set(this.relative(uri), ++this.eventCount);
    this.touchedWhileListing?.add(this.relative(uri));
    this.checker.delete(this.relative(uri));
    this.schedule();
  }

  /** A path deleted that is no file of ours: every file of ours below it is gone with it. */
  private forgetFolder(uri: vscode.Uri): void {
    // Nothing read yet (the core not even loaded): the indexing's listing will not see it.
    if (!this.checkerValue || this.relevant(uri) || !uri.path.startsWith(`${this.folder.uri.path}/`)) return;
    const below = `${this.relative(uri)}/`;
    for (const p of this.checker.paths()) if (p.startsWith(below)) this.forget(this.uriOf(p));
  }

  /** A folder created (or moved in) with its files: the next listing finds and reads them. */
  private async folderCreated(uri: vscode.Uri): Promise<void> {
    if (this.relevant(uri) || this.folder.uri.scheme !== 'file' || !this.listed || !uri.path.startsWith(`${this.folder.uri.path}/`)) return;
    const stat = await Promise.resolve(vscode.workspace.fs.stat(uri)).catch(() => undefined);
    if (stat && stat.type & vscode.FileType.Directory) await this.listOnDisk();
  }

  private fromBuffer(doc: vscode.TextDocument): void {
    if (!this.relevant(doc.uri)) return;
    if (this.listed && !this.listed.has(this.relative(doc.uri)) && !doc.uri.path.endsWith(`/${CONFIG_FILE}`)) {
      // Not in the last listing: a new file, or one keyplan.yaml or a .gitignore leaves out.
      void this.listingOf(doc.uri).then((listing) => listing !== 'left out' && this.fromBuffer(doc));
      return;
    }
    this.checker.set({ path: this.relative(doc.uri), content: doc.getText() });
    this.schedule();
  }

  schedule(): void {
    if (this.pending) clearTimeout(this.pending);
    // While indexing, changes go into the checker and the indexing's own check includes them: a
    // check of half the files read would show false findings (references to files not read yet).
    if (this.indexingState) {
      this.pending = undefined;
      return;
    }
    this.pending = setTimeout(() => {
      this.pending = undefined;
      this.work = this.work.then(() => this.run(), () => this.run());
    }, DEBOUNCE_MS);
  }

  private async run(): Promise<void> {
    const started = performance.now();
    const result = this.checker.check(this.asOf());
    const checked = performance.now();
    this.current = result;
    this.previewValue = undefined;
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
    const changed: [string, typeof result.diagnostics, string][] = [];
    for (const [file, list] of byFile) {
      const signature = list.map((d) => `${d.rule}|${d.severity}|${d.range.start.line}:${d.range.start.column}-${d.range.end.line}:${d.range.end.column}|${d.message}`).join('\n');
      if (this.published.get(file) !== signature) changed.push([file, list, signature]);
    }
    const sendSome = (from: number, to: number) => {
      for (const [file, list, signature] of changed.slice(from, to)) {
        this.collection.set(this.uriOf(file), list.map((d) => toDiagnostic(d, this.rulesDoc)));
        this.published.set(file, signature);
      }
    };
    let drawn: number | undefined;
    if (changed.length > VIEWS_FIRST_FILES) {
      const served = new Promise<void>((resolve) => {
        this.viewWaiter = () => {
          drawn = performance.now() - checked;
          resolve();
        };
        setTimeout(resolve, VIEWS_FIRST_MS);
      });
      this.emitter.fire(result);
      await served;
      this.viewWaiter = undefined;
      // A round trip to the window (it has taken the portfolio's rows when it answers), and a
      // moment to draw them; then every finding at once (in batches, the window redid its
      // Problems totals for every batch: slower in all).
      await vscode.commands.executeCommand('setContext', 'keyplan.indexed', true);
      await new Promise((resolve) => setTimeout(resolve, DRAW_MS));
      sendSome(0, changed.length);
    } else {
      // The diagnostics go to the editor first (squiggles, Problems panel); the views, which
      // rebuild their rows from the whole result, update after that message has left.
      sendSome(0, changed.length);
      await new Promise((resolve) => setTimeout(resolve, 0));
      this.emitter.fire(result);
    }
    this.lastRun = { check: checked - started, drawn, sent: performance.now() - checked };
    this.log?.debug(`check: ${Math.round(checked - started)} ms for ${result.filesRead} files (${result.diagnostics.length} findings); findings of ${changed.length} files sent, ${Math.round(performance.now() - checked)} ms after the check`);
  }

  /** The portfolio took the accounts of every group of the preview: the first check can start once they are drawn. */
  previewServed(): void {
    this.previewWaiter?.();
  }

  /** The portfolio drew accounts of the latest result: findings held back for it can go now (see VIEWS_FIRST_FILES). */
  viewServed(): void {
    this.viewWaiter?.();
  }

  dispose(): void {
    if (this.pending) clearTimeout(this.pending);
    for (const d of this.disposables) d.dispose();
  }
}
