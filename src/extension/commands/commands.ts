/** Commands: log an interaction, create an account or a person, show the overdue list. */
import * as vscode from 'vscode';
import { urgency } from '../../core/analysis/cadence.js';
import type { Tier } from '../../core/parse/config.js';
import { appendLogEntry, formatLogEntry, newLogDocument, type NewEntry } from '../../core/language/log-entry.js';
import { checkNewId, interactionLogPath, newAccountFiles, newPersonFile, personFilePath, type NewFile } from '../../core/language/templates.js';
import type { Account } from '../../core/model/workspace.js';
import { noIcons } from '../views/labels.js';
import { applyEditSafely, type ReadVersion } from '../editor/safe-edit.js';
import type { WorkspaceIndex } from '../workspace-index.js';

export interface LogInteractionArgs {
  account?: string;
  people?: string[];
  /** Given by tests and scripts to skip the prompts. */
  channel?: string;
  summary?: string;
}

const idProblemMessage = (problem: string) =>
  ({
    empty: vscode.l10n.t('An id is required.'),
    'too-long': vscode.l10n.t('Ids are at most 64 characters.'),
    pattern: vscode.l10n.t('Use lowercase letters, digits and single hyphens, e.g. zhang-wei.'),
    reserved: vscode.l10n.t('This name is reserved by the operating system.'),
  })[problem] ?? problem;

export function registerCommands(index: WorkspaceIndex): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand('keyplan.logInteraction', (args?: LogInteractionArgs) => logInteraction(index, args ?? {})),
    vscode.commands.registerCommand('keyplan.newAccount', () => newAccount(index)),
    vscode.commands.registerCommand('keyplan.newPerson', (args?: { account?: string }) => newPerson(index, args?.account)),
    vscode.commands.registerCommand('keyplan.showOverdue', () => showOverdue(index)),
  ];
}

async function pickAccount(index: WorkspaceIndex, placeHolder: string): Promise<Account | undefined> {
  const result = await index.whenIdle();
  const accounts = [...(result?.workspace.accounts.values() ?? [])].filter((a) => a.data);
  const pick = await vscode.window.showQuickPick(
    accounts.map((a) => ({ label: noIcons(String(a.data!.name)), description: `${a.id} · ${a.tier ?? '?'}`, account: a })),
    { placeHolder, matchOnDescription: true },
  );
  return pick?.account;
}

/** Appends an entry to the account's log for the entry's year (creating the log if needed), as an undoable edit. */
export async function logInteraction(index: WorkspaceIndex, args: LogInteractionArgs): Promise<boolean> {
  const result = await index.whenIdle();
  if (!result) return false;
  const account = args.account ? result.workspace.accounts.get(args.account) : await pickAccount(index, vscode.l10n.t('Log an interaction with which account?'));
  if (!account) return false;

  let people = args.people;
  if (!people?.length || args.channel === undefined) {
    const picks = await vscode.window.showQuickPick(
      account.people.filter((p) => p.data.status !== 'left').map((p) => ({
        label: noIcons(String(p.data.name ?? p.id)), description: p.id, detail: p.data.title === undefined ? undefined : noIcons(p.data.title), picked: args.people?.includes(p.id), id: p.id,
      })),
      { canPickMany: true, placeHolder: vscode.l10n.t('Who took part?') },
    );
    if (!picks?.length) return false;
    people = picks.map((p) => p.id);
  }
  let channel = args.channel;
  if (!channel) {
    channel = (await vscode.window.showQuickPick(result.config.channels, { placeHolder: vscode.l10n.t('How did you meet?') })) ?? undefined;
    if (!channel) return false;
  }
  let summary = args.summary;
  if (summary === undefined) {
    summary = await vscode.window.showInputBox({ prompt: vscode.l10n.t('What was discussed? (one line; "Next:" for the next step)'), ignoreFocusOut: true });
    if (summary === undefined) return false;
  }
  const entry: NewEntry = { date: index.asOf(), channel, people, summary };
  try {
    formatLogEntry(entry);
  } catch (err) {
    void vscode.window.showErrorMessage(String((err as Error).message));
    return false;
  }

  const year = Number(entry.date.slice(0, 4));
  const log = account.logs.find((d) => d.data.year === year) ?? [...account.logs].sort((a, b) => (a.path < b.path ? 1 : -1))[0];
  const edit = new vscode.WorkspaceEdit();
  const read: ReadVersion[] = [];
  let target: vscode.Uri;
  let line: number;
  if (log) {
    target = index.uriOf(log.path);
    const doc = await vscode.workspace.openTextDocument(target);
    read.push({ document: doc, version: doc.version });
    const insertion = appendLogEntry(doc.getText(), entry);
    edit.insert(target, doc.positionAt(insertion.offset), insertion.text);
    line = doc.positionAt(insertion.offset).line + (insertion.text.startsWith('\n') || insertion.text.startsWith('\r') ? 1 : 0);
  } else {
    // The path is built from ids that passed the id check and the account plan's own path.
    let path: string;
    try {
      path = interactionLogPath(account.id, year, account.doc?.path);
    } catch (err) {
      void vscode.window.showErrorMessage(vscode.l10n.t('Keyplan cannot create a log for this account: {0}', (err as Error).message));
      return false;
    }
    target = index.uriOf(path);
    // A file already there is not this account's log as Keyplan reads it (broken frontmatter,
    // another account's, not a log at all): never write into it.
    if (await vscode.workspace.fs.stat(target).then(() => true, () => false)) {
      void vscode.window.showErrorMessage(vscode.l10n.t('{0} exists but is not a log of this account that Keyplan can read. Fix its frontmatter first; nothing was written.', path));
      return false;
    }
    const content = newLogDocument(account.id, year, entry);
    edit.createFile(target, { overwrite: false, ignoreIfExists: false, contents: new TextEncoder().encode(content) });
    line = content.split('\n').length - 2;
  }
  if (!(await applyEditSafely(edit, read))) return false;
  const editor = await vscode.window.showTextDocument(target, { preview: false });
  editor.revealRange(new vscode.Range(line, 0, line, 0));
  index.schedule();
  return true;
}

async function createFiles(index: WorkspaceIndex, files: NewFile[]): Promise<boolean> {
  const edit = new vscode.WorkspaceEdit();
  for (const f of files) {
    const uri = index.uriOf(f.path);
    edit.createFile(uri, { ignoreIfExists: false, overwrite: false, contents: new TextEncoder().encode(f.content) });
  }
  const ok = await vscode.workspace.applyEdit(edit);
  if (ok) await vscode.window.showTextDocument(index.uriOf(files[0].path));
  else void vscode.window.showErrorMessage(vscode.l10n.t('Keyplan could not create {0}: a file with that name may already exist.', files[0].path));
  return ok;
}

async function newAccount(index: WorkspaceIndex): Promise<boolean> {
  const result = await index.whenIdle();
  const id = await vscode.window.showInputBox({
    prompt: vscode.l10n.t('Account id (lowercase, hyphens), e.g. east-china-telecom'),
    validateInput: (v) => {
      const p = checkNewId(v);
      if (p) return idProblemMessage(p);
      return result?.workspace.accounts.get(v)?.doc ? vscode.l10n.t('The id “{0}” is already used.', v) : undefined;
    },
  });
  if (!id) return false;
  const name = await vscode.window.showInputBox({ prompt: vscode.l10n.t('Account name, e.g. 华东电信'), validateInput: (v) => (v.trim() ? undefined : vscode.l10n.t('A name is required.')) });
  if (!name) return false;
  const tier = (await vscode.window.showQuickPick(['A', 'B', 'C'], { placeHolder: vscode.l10n.t('Tier: A strategic, B key, C normal') })) as Tier | undefined;
  if (!tier) return false;
  const owner = await vscode.window.showInputBox({
    prompt: vscode.l10n.t('Owner (the KAM’s user id)'),
    value: vscode.workspace.getConfiguration('keyplan').get<string>('owner') ?? '',
    validateInput: (v) => (checkNewId(v) ? idProblemMessage(checkNewId(v)!) : undefined),
  });
  if (!owner) return false;
  return createFiles(index, newAccountFiles({ id, name, tier, owner, year: Number(index.asOf().slice(0, 4)) }));
}

async function newPerson(index: WorkspaceIndex, accountId?: string): Promise<boolean> {
  const result = await index.whenIdle();
  const account = accountId ? result?.workspace.accounts.get(accountId) : await pickAccount(index, vscode.l10n.t('Add a person to which account?'));
  if (!account) return false;
  const id = await vscode.window.showInputBox({
    prompt: vscode.l10n.t('Person id (pinyin, lowercase, hyphens), e.g. zhang-wei'),
    validateInput: (v) => {
      const p = checkNewId(v);
      if (p) return idProblemMessage(p);
      return result?.workspace.people.has(v) ? vscode.l10n.t('The id “{0}” is already used.', v) : undefined;
    },
  });
  if (!id) return false;
  const name = await vscode.window.showInputBox({ prompt: vscode.l10n.t('Name, e.g. 张伟'), validateInput: (v) => (v.trim() ? undefined : vscode.l10n.t('A name is required.')) });
  if (!name) return false;
  const title = await vscode.window.showInputBox({ prompt: vscode.l10n.t('Title, e.g. 首席技术官 CTO (optional)') });
  const roles = await vscode.window.showQuickPick(result?.config.roles ?? [], { canPickMany: true, placeHolder: vscode.l10n.t('Buying roles (optional)') });
  const file = newPersonFile({ id, account: account.id, name, title: title || undefined, roles: roles ?? [] });
  return createFiles(index, [{ ...file, path: personFilePath(account.id, id, account.doc?.path) }]);
}

async function showOverdue(index: WorkspaceIndex): Promise<void> {
  const result = await index.whenIdle();
  const items = (result?.cadences ?? [])
    .filter((c) => c.state === 'overdue' || c.state === 'planned-missed' || c.state === 'never' || c.state === 'due-soon')
    .sort((a, b) => urgency(b) - urgency(a))
    .map((c) => ({
      label: `${c.state === 'overdue' ? '$(error)' : c.state === 'due-soon' ? '$(clock)' : '$(warning)'} ${noIcons(String(c.person.data.name ?? c.person.id))}`,
      description: `${noIcons(String(c.account.data?.name ?? c.account.id))} · ${c.state}${c.overdueBy ? ` +${c.overdueBy}d` : ''}`,
      detail: noIcons(c.explanation),
      file: c.person.doc.path,
    }));
  if (!items.length) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Nobody is overdue.'));
    return;
  }
  const pick = await vscode.window.showQuickPick(items, { placeHolder: vscode.l10n.t('Contacts needing attention, most urgent first'), matchOnDescription: true, matchOnDetail: true });
  if (pick) await vscode.window.showTextDocument(index.uriOf(pick.file));
}
