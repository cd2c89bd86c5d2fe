/**
 * The VS Code extension: a thin adapter that feeds workspace files (and unsaved buffers) to the
 * core and shows its findings. No rule, schema logic or date arithmetic lives here.
 */
import * as vscode from 'vscode';
import { checkWorkspace, CONFIG_FILE, type CheckResult, type SourceFile } from '../core/check.js';
import type { Diagnostic as CoreDiagnostic } from '../core/diagnostic.js';
import { normalizeLocale } from '../core/i18n.js';

const SEVERITY: Record<CoreDiagnostic['severity'], vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

export interface KeyplanApi {
  /** The latest check result (for tests and other extensions). */
  readonly result: CheckResult | undefined;
  /** Resolves when the current (re)check has finished. */
  whenIdle(): Promise<void>;
}

export function activate(context: vscode.ExtensionContext): KeyplanApi {
  const collection = vscode.languages.createDiagnosticCollection('keyplan');
  context.subscriptions.push(collection);
  const folder = vscode.workspace.workspaceFolders?.[0];
  let result: CheckResult | undefined;
  let running: Promise<void> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;

  const relative = (uri: vscode.Uri) => (folder ? vscode.workspace.asRelativePath(uri, false).split('\\').join('/') : uri.fsPath);

  async function readWorkspace(): Promise<SourceFile[]> {
    if (!folder) return [];
    const uris = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, '**/*.md'), '**/{node_modules,.git}/**');
    const open = new Map(vscode.workspace.textDocuments.filter((d) => d.isDirty).map((d) => [d.uri.toString(), d.getText()]));
    const files: SourceFile[] = [];
    const configUri = vscode.Uri.joinPath(folder.uri, CONFIG_FILE);
    try {
      files.push({ path: CONFIG_FILE, content: open.get(configUri.toString()) ?? (await vscode.workspace.fs.readFile(configUri)) });
    } catch {
      /* no keyplan.yaml: defaults apply */
    }
    await Promise.all(uris.map(async (uri) => {
      try {
        files.push({ path: relative(uri), content: open.get(uri.toString()) ?? (await vscode.workspace.fs.readFile(uri)) });
      } catch {
        /* deleted while indexing */
      }
    }));
    return files;
  }

  async function recheck(): Promise<void> {
    if (!folder) return;
    const files = await readWorkspace();
    result = checkWorkspace(files, { locale: normalizeLocale(vscode.env.language) });
    const byFile = new Map<string, vscode.Diagnostic[]>();
    for (const d of result.diagnostics) {
      const range = new vscode.Range(d.range.start.line - 1, d.range.start.column - 1, d.range.end.line - 1, d.range.end.column - 1);
      const diagnostic = new vscode.Diagnostic(range, d.message, SEVERITY[d.severity]);
      diagnostic.source = 'keyplan';
      diagnostic.code = d.rule;
      byFile.set(d.file, [...(byFile.get(d.file) ?? []), diagnostic]);
    }
    collection.clear();
    for (const [file, list] of byFile) collection.set(vscode.Uri.joinPath(folder.uri, file), list);
  }

  const schedule = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      running = running.then(recheck, recheck);
    }, 200);
  };

  running = recheck();
  const watcher = vscode.workspace.createFileSystemWatcher('**/{*.md,keyplan.yaml}');
  context.subscriptions.push(
    watcher,
    watcher.onDidChange(schedule),
    watcher.onDidCreate(schedule),
    watcher.onDidDelete(schedule),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.document.languageId === 'markdown' || e.document.fileName.endsWith(CONFIG_FILE)) schedule();
    }),
  );

  return {
    get result() {
      return result;
    },
    async whenIdle() {
      if (timer) await new Promise((r) => setTimeout(r, 250));
      await running;
    },
  };
}

export function deactivate(): void {}
