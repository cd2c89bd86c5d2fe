/** Commands: log an interaction, create an account or a person, show the overdue list. */
import * as vscode from 'vscode';
import { urgency } from '../../core/analysis/cadence.js';
import type { Tier } from '../../core/parse/config.js';
import type { CheckResult } from '../../core/check/pipeline.js';
import { addDays, isValidDate } from '../../core/dates.js';
import { appendPlannedEntry, planLogEntry } from '../../core/language/log-entry.js';
import { checkNewId, newAccountFiles, newPersonFile, personFilePath, type NewFile } from '../../core/language/templates.js';
import type { Account } from '../../core/model/workspace.js';
import { noIcons } from '../views/labels.js';
import { word } from '../../core/i18n/catalogue.js';
import { applyEditSafely, type ReadVersion } from '../editor/safe-edit.js';
import type { WorkspaceIndex } from '../workspace-index.js';
import { compareNames } from '../../core/i18n/collate.js';

export interface LogInteractionArgs {
  account?: string;
  people?: string[];
  /** Given by tests and scripts to skip the prompts. */
  channel?: string;
  summary?: string;
  /** The day it happened (YYYY-MM-DD); asked for unless the rest is given, then today. */
  date?: string;
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

/**
 * Appends an entry to the account's log for the entry's year (creating the log if needed), as an
 * undoable edit. Who, which account, channel, date and file, and the edit itself, come from the
 * core (`planLogEntry`, `appendPlannedEntry`), the same code as `keyplan log`.
 */
export async function logInteraction(index: WorkspaceIndex, args: LogInteractionArgs): Promise<boolean> {
  const result = await index.whenIdle();
  if (!result) return false;
  // Scripted (tests, quick fixes with everything given): no prompts.
  const scripted = args.summary !== undefined && args.channel !== undefined && !!args.people?.length;
  const accountId = args.account ?? accountOfActiveDocument(index);
  const account = accountId ? result.workspace.accounts.get(accountId) : await pickAccount(index, vscode.l10n.t('Log an interaction with which account?'));
  if (!account) return false;

  let people = args.people;
  if (!scripted) {
    people = await pickPeople(result, account, args.people);
    if (!people?.length) return false;
  }
  const asOf = index.asOf();
  let date = args.date;
  if (date === undefined) {
    date = scripted ? asOf : await pickDate(asOf);
    if (!date) return false;
  }
  let channel = args.channel;
  if (!channel) {
    channel = (await vscode.window.showQuickPick(result.config.channels, { placeHolder: vscode.l10n.t('How did you meet?') })) ?? undefined;
    if (!channel) return false;
  }
  let summary = args.summary;
  if (summary === undefined) {
    summary = await vscode.window.showInputBox({ prompt: vscode.l10n.t('What was discussed? (one line; "Next:" for the next step, "Next (YYYY-MM-DD):" with a due date)'), ignoreFocusOut: true });
    if (summary === undefined) return false;
  }
  const plan = planLogEntry(result.workspace, { person: people![0], with: people!.slice(1), channel, date, summary }, asOf, index.locale);
  if (!plan.ok) {
    void vscode.window.showErrorMessage(plan.message);
    return false;
  }

  const edit = new vscode.WorkspaceEdit();
  const read: ReadVersion[] = [];
  const target = index.uriOf(plan.path);
  let line: number;
  if (plan.log) {
    const doc = await vscode.workspace.openTextDocument(target);
    read.push({ document: doc, version: doc.version });
    const change = appendPlannedEntry(plan, doc.getText());
    edit.insert(target, doc.positionAt(change.insertion!.offset), change.insertion!.text);
    line = change.line;
  } else {
    // A file already there is not this account's log as Keyplan reads it (broken frontmatter,
    // another account's, not a log at all): never write into it.
    if (await vscode.workspace.fs.stat(target).then(() => true, () => false)) {
      void vscode.window.showErrorMessage(vscode.l10n.t('{0} exists but is not a log of this account that Keyplan can read. Fix its frontmatter first; nothing was written.', plan.path));
      return false;
    }
    const change = appendPlannedEntry(plan, undefined);
    edit.createFile(target, { overwrite: false, ignoreIfExists: false, contents: new TextEncoder().encode(change.text) });
    line = change.line;
  }
  if (!(await applyEditSafely(edit, read))) return false;
  const editor = await vscode.window.showTextDocument(target, { preview: false });
  editor.revealRange(new vscode.Range(line, 0, line, 0));
  editor.selection = new vscode.Selection(line, 0, line, 0);
  index.schedule();
  return true;
}

/** The account of the Keyplan document in the active editor, if any. */
function accountOfActiveDocument(index: WorkspaceIndex): string | undefined {
  const doc = vscode.window.activeTextEditor?.document;
  if (!doc || doc.uri.scheme !== 'file') return undefined;
  const path = index.relative(doc.uri);
  const found = index.result?.documents.find((d) => d.path === path);
  return found ? index.result?.workspace.accountIdOf(found) : undefined;
}

const STATE_MARK: Record<string, string> = { overdue: '$(error)', 'planned-missed': '$(warning)', never: '$(circle-slash)', 'due-soon': '$(clock)', ok: '$(pass)' };

/** The account's active people, most urgent first (overdue, planned missed, never met, due soon), marked by state; several may be picked. */
async function pickPeople(result: CheckResult, account: Account, preselected: string[] | undefined): Promise<string[] | undefined> {
  const cadences = new Map(result.cadences.filter((c) => c.account === account).map((c) => [c.person.id, c]));
  const people = account.people.filter((p) => p.data.status !== 'left').sort((a, b) => {
    const ca = cadences.get(a.id);
    const cb = cadences.get(b.id);
    return (cb ? urgency(cb) : -1e9) - (ca ? urgency(ca) : -1e9) || compareNames(a.id, b.id);
  });
  const picks = await vscode.window.showQuickPick(
    people.map((p) => {
      const c = cadences.get(p.id);
      return {
        label: `${(c && STATE_MARK[c.state]) ?? '$(person)'} ${noIcons(String(p.data.name ?? p.id))}`,
        description: `${p.id}${c ? ` · ${stateText(c.state, c.overdueBy)}` : ''}`,
        detail: p.data.title === undefined ? undefined : noIcons(p.data.title),
        picked: preselected?.includes(p.id), id: p.id,
      };
    }),
    { canPickMany: true, placeHolder: vscode.l10n.t('Who took part? (most urgent first; pick one or more)'), matchOnDescription: true },
  );
  if (!picks?.length) return undefined;
  // The person the command was started for comes first (the entry's first mention).
  const ids = picks.map((p) => p.id);
  const first = preselected?.find((id) => ids.includes(id));
  return first ? [first, ...ids.filter((id) => id !== first)] : ids;
}

function stateText(state: string, overdueBy?: number): string {
  switch (state) {
    case 'overdue': return vscode.l10n.t('overdue by {0} days', overdueBy ?? 0);
    case 'planned-missed': return vscode.l10n.t('planned interaction missed');
    case 'never': return vscode.l10n.t('never met');
    case 'due-soon': return vscode.l10n.t('due soon');
    default: return vscode.l10n.t('ok');
  }
}

/** Today first (preselected), the six days before it one keystroke away, or another date. */
async function pickDate(asOf: string): Promise<string | undefined> {
  const days = [0, 1, 2, 3, 4, 5, 6].map((n) => addDays(asOf, -n));
  const other = vscode.l10n.t('Another date…');
  const label = (n: number) => (n === 0 ? vscode.l10n.t('Today') : n === 1 ? vscode.l10n.t('Yesterday') : vscode.l10n.t('{0} days ago', n));
  const pick = await vscode.window.showQuickPick(
    [...days.map((date, n) => ({ label: label(n), description: date, date })), { label: other, description: '', date: '' }],
    { placeHolder: vscode.l10n.t('When did it happen? (today is selected; ↓ for the days before)') },
  );
  if (!pick) return undefined;
  if (pick.date) return pick.date;
  return vscode.window.showInputBox({
    prompt: vscode.l10n.t('Date of the interaction (YYYY-MM-DD, not after {0})', asOf),
    value: asOf,
    validateInput: (v) => (!isValidDate(v) ? vscode.l10n.t('Write the date as YYYY-MM-DD.') : v > asOf ? vscode.l10n.t('The date is after today.') : undefined),
  });
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
  return createFiles(index, newAccountFiles({ id, name, tier, owner, created: index.asOf() }));
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
  // Each role with what it means in one line (a role keyplan.yaml adds is shown as written).
  const picked = await vscode.window.showQuickPick((result?.config.roles ?? []).map((role) => {
    const meaning = word('role-meaning', role, index.locale);
    return { label: noIcons(role), role, detail: meaning === role ? undefined : meaning };
  }), { canPickMany: true, placeHolder: vscode.l10n.t('Buying roles (optional)') });
  const roles = picked?.map((p) => p.role);
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
