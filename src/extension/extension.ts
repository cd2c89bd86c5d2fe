/**
 * The VS Code extension: a thin adapter that feeds workspace files (and unsaved buffers) to the
 * core and shows its findings. No rule, schema logic or date arithmetic lives here.
 */
import * as vscode from 'vscode';
import type { CheckResult } from '../core/check.js';
import { findFrontmatter, sniffKind } from '../core/frontmatter.js';
import { isDocumentKind } from '../core/kinds.js';
import { registerCommands } from './commands.js';
import { registerLanguageProviders } from './language-providers.js';
import { createStatusBar } from './status-bar.js';
import { WorkspaceIndex } from './workspace-index.js';

export interface KeyplanApi {
  /** The latest check (for tests and other extensions). */
  readonly result: CheckResult | undefined;
  /** Resolves once pending changes have been checked. */
  whenIdle(): Promise<CheckResult | undefined>;
  readonly index: WorkspaceIndex | undefined;
}

function isKeyplanDocument(doc: vscode.TextDocument): boolean {
  if (doc.languageId !== 'markdown') return false;
  const head = doc.getText(new vscode.Range(0, 0, 200, 0));
  const span = findFrontmatter(head);
  return Boolean(span && isDocumentKind(sniffKind(head.slice(span.yamlStart, span.yamlEnd))));
}

export async function activate(context: vscode.ExtensionContext): Promise<KeyplanApi> {
  let index: WorkspaceIndex | undefined;
  let started: Promise<void> | undefined;
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
  };
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) return api;

  // Indexing runs in the background: activation returns at once.
  const start = () => {
    if (index) return;
    index = new WorkspaceIndex(folder, vscode.Uri.joinPath(context.extensionUri, 'docs', 'rules.md'));
    context.subscriptions.push(index, ...registerLanguageProviders(index), ...createStatusBar(index.onDidUpdate), ...registerCommands(index));
    void vscode.commands.executeCommand('setContext', 'keyplan.active', true);
    started = index.start();
  };

  // Activated by a Markdown file in a workspace without keyplan.yaml: stay idle until a Keyplan document shows up.
  const hasConfig = Promise.resolve(vscode.workspace.fs.stat(vscode.Uri.joinPath(folder.uri, 'keyplan.yaml'))).then(() => true, () => false);
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

export function deactivate(): void {}
