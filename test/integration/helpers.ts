/** Shared by the integration tests, which run inside a real VS Code extension host. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import * as vscode from 'vscode';
import type { KeyplanApi } from '../../src/extension/extension.js';

export const EXTENSION_ID = 'keyplan.keyplan';

/** What the harness (scripts/integration/run-tests.mjs) tells the tests, via out/integration/run.json. */
export interface RunContext {
  runner: 'code-server' | 'electron';
  /** `--grep` of the harness. */
  grep?: string;
  /** The exact VS Code version the harness started, when it knows it. */
  vscodeVersion?: string;
  /** The temporary copy of samples/ that VS Code has open. */
  workspace: string;
  /** The extension under development (the repository root). */
  extensionPath: string;
}

/**
 * The harness's run.json. Missing or incomplete, it is an error, not a reason to check less: the
 * tests that compare the editor with what the harness started fail (they used to skip), and so
 * does the whole run (index.ts reads it before the first test).
 */
export function runContext(): RunContext {
  const file = path.join(__dirname, 'run.json');
  let context: Partial<RunContext>;
  try {
    context = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<RunContext>;
  } catch (error) {
    throw new Error(`cannot read ${file}, which the harness (scripts/integration/run-tests.mjs) writes before it starts the editor: ${(error as Error).message}`);
  }
  assert.ok(context.runner === 'code-server' || context.runner === 'electron', `${file}: runner is ${JSON.stringify(context.runner)}`);
  assert.ok(typeof context.workspace === 'string' && context.workspace, `${file}: no workspace`);
  assert.ok(typeof context.extensionPath === 'string' && context.extensionPath, `${file}: no extensionPath`);
  // code-server is always the version the harness installed; only a VS Code given by VSCODE_EXECUTABLE_PATH has none.
  if (context.runner === 'code-server') assert.ok(context.vscodeVersion, `${file}: no vscodeVersion for code-server`);
  return context as RunContext;
}

export function workspaceFolder(): vscode.WorkspaceFolder {
  const folders = vscode.workspace.workspaceFolders ?? [];
  assert.equal(folders.length, 1, 'exactly one workspace folder is open');
  return folders[0]!;
}

/** A file of the opened samples copy, by its path relative to samples/. */
export function sampleUri(relative: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceFolder().uri, ...relative.split('/'));
}

/** The Keyplan extension's API, after its first check has finished. */
export async function keyplan(): Promise<KeyplanApi> {
  const extension = vscode.extensions.getExtension<KeyplanApi>(EXTENSION_ID);
  assert.ok(extension, `extension ${EXTENSION_ID} is installed`);
  const api = await extension.activate();
  await api.whenIdle();
  return api;
}

export const codeOf = (d: vscode.Diagnostic) => (typeof d.code === 'object' ? String(d.code.value) : String(d.code ?? ''));

export function keyplanDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'keyplan');
}

export function describeDiagnostics(list: readonly vscode.Diagnostic[]): string {
  if (!list.length) return '(none)';
  // 1-based, as editors and the CLI show positions.
  return list.map((d) => `  ${d.range.start.line + 1}:${d.range.start.character + 1} ${codeOf(d)} ${vscode.DiagnosticSeverity[d.severity]}: ${d.message}`).join('\n');
}

/**
 * Resolves as soon as the Keyplan diagnostics of `uri` satisfy `ready`: checks the current state,
 * then re-checks on every onDidChangeDiagnostics event that touches `uri`. Rejects after
 * `timeoutMs` with the last state seen (shorter than mocha's timeout, to get that message).
 */
export function waitForDiagnostics(
  uri: vscode.Uri,
  ready: (diagnostics: vscode.Diagnostic[]) => boolean,
  description: string,
  timeoutMs = 15_000,
): Promise<vscode.Diagnostic[]> {
  const callSite = new Error(); // so a time-out points at the test that waited, not at the timer
  return new Promise((resolve, reject) => {
    const check = () => {
      const current = keyplanDiagnostics(uri);
      if (!ready(current)) return false;
      done();
      resolve(current);
      return true;
    };
    const subscription = vscode.languages.onDidChangeDiagnostics((event) => {
      if (event.uris.some((u) => u.toString() === uri.toString())) check();
    });
    const timer = setTimeout(() => {
      done();
      const error = new Error(`timed out after ${timeoutMs} ms waiting until ${description} in ${vscode.workspace.asRelativePath(uri)}; ` +
        `its Keyplan diagnostics (line:column, 1-based) are:\n${describeDiagnostics(keyplanDiagnostics(uri))}`);
      error.stack = `Error: ${error.message}\n${callSite.stack?.split('\n').slice(1).join('\n') ?? ''}`;
      reject(error);
    }, timeoutMs);
    const done = () => {
      clearTimeout(timer);
      subscription.dispose();
    };
    check();
  });
}

/**
 * Resolves with the first non-undefined value of `get()`: tried now, then after every check the
 * extension finishes (its index's onDidUpdate event) and whenever findings change, not on a timer. Rejects after `timeoutMs`
 * with `what` in the message.
 */
export function untilChecked<T>(api: KeyplanApi, get: () => T | undefined, what: string, timeoutMs = 15_000): Promise<T> {
  const index = api.index;
  assert.ok(index, 'the extension has indexed the workspace');
  const callSite = new Error();
  return new Promise((resolve, reject) => {
    const done = () => {
      clearTimeout(timer);
      subscription.dispose();
      published.dispose();
    };
    const check = () => {
      const value = get();
      if (value === undefined) return;
      done();
      resolve(value);
    };
    // Subscribe first: a check that finishes between the first look and the subscription is not missed.
    const subscription = index.onDidUpdate(check);
    // Findings of many files are sent after the views update (see VIEWS_FIRST_FILES): look again when they arrive.
    const published = vscode.languages.onDidChangeDiagnostics(check);
    const timer = setTimeout(() => {
      done();
      const error = new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
      error.stack = `Error: ${error.message}\n${callSite.stack?.split('\n').slice(1).join('\n') ?? ''}`;
      reject(error);
    }, timeoutMs);
    check();
  });
}

/** Reverts every unsaved editor, then closes them all (closing a dirty editor would ask whether to save, and nobody answers). */
export async function revertAndCloseAll(): Promise<void> {
  for (const document of vscode.workspace.textDocuments.filter((d) => d.isDirty)) {
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/**
 * Runs git in `cwd` for a test's repository: the system config, hooks and signing left out, the
 * author `name <email>`, and with `date` (YYYY-MM-DD) the author and committer dates pinned to it.
 */
export function gitIn(cwd: string, args: string[], { date, author = 'Test <test@example.com>' }: { date?: string; author?: string } = {}): string {
  const [, name, email] = /^(.*) <(.*)>$/.exec(author)!;
  const env = { ...process.env, GIT_CONFIG_NOSYSTEM: '1', ...(date ? { GIT_AUTHOR_DATE: `${date}T12:00:00Z`, GIT_COMMITTER_DATE: `${date}T12:00:00Z` } : {}) };
  const r = spawnSync('git', ['-c', `user.name=${name}`, '-c', `user.email=${email}`, '-c', 'commit.gpgsign=false', '-c', 'core.hooksPath=/dev/null', ...args], { cwd, env, encoding: 'utf8' });
  assert.equal(r.status, 0, `git ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}
