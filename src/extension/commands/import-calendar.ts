/**
 * "Keyplan: Import Calendar (.ics)…": pick a calendar file, preview the entries it would add (a
 * QuickPick, every entry ticked; untick what should not be logged), then write them with one
 * WorkspaceEdit (undoable, refused if a log changed meanwhile). The reading, matching and placing
 * are the core's, shared with `keyplan import`.
 */
import * as vscode from 'vscode';
import { CalendarError, MAX_CALENDAR_BYTES, readCalendar, unreadableEventText } from '../../core/import/calendar.js';
import { importText } from '../../core/i18n/import.js';
import type { Locale } from '../../core/i18n/locale.js';
import { newLogWith } from '../../core/language/log-entry.js';
import { insertionsFor } from '../../core/language/log-placement.js';
import { entriesByFile, ImportSettingsError, planImport, type ImportPlan, type PlannedEntry } from '../../core/import/plan.js';
import { applyEditSafely, type ReadVersion } from '../editor/safe-edit.js';
import { noIcons } from '../views/labels.js';
import type { WorkspaceIndex } from '../workspace-index.js';

export interface ImportCalendarArgs {
  /** The calendar file (tests and scripts skip the file dialog). */
  file?: vscode.Uri | string;
  /** Take every entry without the preview (tests). */
  acceptAll?: boolean;
}

export interface ImportCalendarResult {
  /** Entries written. */
  added: number;
  /** Workspace-relative logs changed or created. */
  files: string[];
  plan?: ImportPlan;
}

export function registerImportCalendar(index: WorkspaceIndex): vscode.Disposable {
  return vscode.commands.registerCommand('keyplan.importCalendar', (args?: ImportCalendarArgs) => importCalendar(index, args ?? {}));
}

export async function importCalendar(index: WorkspaceIndex, args: ImportCalendarArgs): Promise<ImportCalendarResult> {
  const none: ImportCalendarResult = { added: 0, files: [] };
  let uri = typeof args.file === 'string' ? vscode.Uri.file(args.file) : args.file;
  if (!uri) {
    const picked = await vscode.window.showOpenDialog({ canSelectMany: false, openLabel: vscode.l10n.t('Preview Import'), filters: { [vscode.l10n.t('Calendar (iCalendar)')]: ['ics', 'ical', 'ifb', 'icalendar'] } });
    uri = picked?.[0];
    if (!uri) return none;
  }
  const name = uri.path.split('/').pop() ?? uri.path;
  let text: string;
  try {
    const stat = await vscode.workspace.fs.stat(uri);
    if (stat.size > MAX_CALENDAR_BYTES) throw new CalendarError('too-large', { mb: MAX_CALENDAR_BYTES / 1024 / 1024 });
    text = new TextDecoder('utf-8', { fatal: true }).decode(await vscode.workspace.fs.readFile(uri));
  } catch (err) {
    const reason = err instanceof CalendarError ? err.inLocale(index.locale) : err instanceof TypeError ? importText(index.locale, 'not-utf8') : String((err as Error).message ?? err);
    void vscode.window.showErrorMessage(vscode.l10n.t('Keyplan cannot read {0}: {1}', name, reason));
    return none;
  }
  const result = await index.whenIdle();
  if (!result) return none;
  let plan: ImportPlan;
  try {
    plan = planImport(readCalendar(text, { asOf: index.asOf() }), result.workspace);
  } catch (err) {
    if (err instanceof CalendarError || err instanceof ImportSettingsError) {
      void vscode.window.showErrorMessage(vscode.l10n.t('Keyplan cannot import {0}: {1}', name, err.inLocale(index.locale)));
      return none;
    }
    throw err;
  }
  const summary = summaryText(plan, index.locale);
  if (!plan.entries.length) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Nothing to add from {0}. {1}', name, summary));
    return { ...none, plan };
  }

  let chosen: PlannedEntry[] = plan.entries;
  if (!args.acceptAll) {
    const items = plan.entries.map((e) => ({
      label: `${e.date} ${e.channel} ${e.people.map((p) => `@${p}`).join(' ')}`,
      description: `${noIcons(e.account)} · ${noIcons(e.file)}${e.newFile ? ` (${vscode.l10n.t('new log')})` : ''}`,
      detail: noIcons(e.summary),
      picked: true,
      entry: e,
    }));
    const picks = await vscode.window.showQuickPick(items, {
      canPickMany: true,
      matchOnDescription: true,
      matchOnDetail: true,
      title: vscode.l10n.t('Import {0}: {1} new entries', name, plan.entries.length),
      placeHolder: summary || vscode.l10n.t('Untick the meetings not to log, then press Enter'),
      ignoreFocusOut: true,
    });
    if (!picks?.length) return { ...none, plan };
    chosen = picks.map((p) => p.entry);
  }

  const edit = new vscode.WorkspaceEdit();
  const read: ReadVersion[] = [];
  const files: string[] = [];
  for (const [file, entries] of entriesByFile({ ...plan, entries: chosen })) {
    const target = index.uriOf(file);
    const { account, year, newFile } = entries[0];
    if (newFile) {
      // A file already there is not this account's log as Keyplan reads it: never written into.
      if (await vscode.workspace.fs.stat(target).then(() => true, () => false)) {
        void vscode.window.showErrorMessage(vscode.l10n.t('{0} exists but is not a log of this account that Keyplan can read. Fix its frontmatter first; nothing was written.', file));
        return { ...none, plan };
      }
      edit.createFile(target, { overwrite: false, ignoreIfExists: false, contents: new TextEncoder().encode(newLogWith(account, year, entries)) });
    } else {
      const doc = await vscode.workspace.openTextDocument(target);
      read.push({ document: doc, version: doc.version });
      for (const ins of insertionsFor(doc.getText(), entries)) edit.insert(target, doc.positionAt(ins.offset), ins.text);
    }
    files.push(file);
  }
  if (!(await applyEditSafely(edit, read))) return { ...none, plan };
  index.schedule();
  void vscode.window.showInformationMessage(vscode.l10n.t('Added {0} entries from {1} to {2}. {3}', chosen.length, name, files.join(', '), summary));
  return { added: chosen.length, files, plan };
}

/** What was left out, in one sentence per kind (empty when nothing was). */
function summaryText(plan: ImportPlan, locale: Locale): string {
  const parts: string[] = [];
  if (plan.alreadyImported.length) parts.push(vscode.l10n.t('{0} already imported.', plan.alreadyImported.length));
  if (plan.unmatched.length) parts.push(vscode.l10n.t('Not matched to anyone: {0}.', plan.unmatched.map((u) => noIcons(u.address)).join(', ')));
  if (plan.ambiguous.length) parts.push(vscode.l10n.t('Shared by several people (not matched): {0}.', plan.ambiguous.map((a) => noIcons(a.address)).join(', ')));
  if (plan.noMatch.length) parts.push(vscode.l10n.t('{0} meetings with nobody of this workspace.', plan.noMatch.length));
  if (plan.cancelled) parts.push(vscode.l10n.t('{0} cancelled.', plan.cancelled));
  if (plan.future) parts.push(vscode.l10n.t('{0} in the future.', plan.future));
  if (plan.unreadable.length) parts.push(vscode.l10n.t('Events that cannot be read (left out): {0}.', plan.unreadable.map((e) => unreadableEventText(e, locale)).map((u) => `${noIcons(u.uid)} ${noIcons(u.reason)}`).join('; ')));
  if (plan.truncated.length) parts.push(vscode.l10n.t('Recurring meetings cut off after 1000 occurrences: {0}.', plan.truncated.map(noIcons).join(', ')));
  return parts.join(' ');
}
