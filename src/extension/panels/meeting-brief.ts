/**
 * Prepare for Meeting: the core's meeting brief (`keyplan brief`) for one person, as a read-only
 * Markdown document (a `keyplan-brief:` virtual document, which no one can edit or save) shown in
 * VS Code's Markdown preview (scripts disabled; every piece of plan text escaped by the core). The
 * brief is local: it includes the person's personal notes in a section marked private.
 */
import * as vscode from 'vscode';
import { buildMeetingBrief, meetingBriefMarkdown } from '../../core/report/meeting.js';
import { noIcons } from '../views/labels.js';
import type { WorkspaceIndex } from '../workspace-index.js';
import { compareNames } from '../../core/i18n/collate.js';

export const BRIEF_SCHEME = 'keyplan-brief';

export class MeetingBriefProvider implements vscode.TextDocumentContentProvider {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private readonly open = new Set<string>();

  constructor(private readonly index: WorkspaceIndex) {}

  static uriOf(person: string): vscode.Uri {
    return vscode.Uri.from({ scheme: BRIEF_SCHEME, path: `/${person}.md` });
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    this.open.add(uri.toString());
    const person = uri.path.replace(/^\//, '').replace(/\.md$/, '');
    const result = this.index.result;
    const brief = result ? buildMeetingBrief(result, person) : undefined;
    return brief ? meetingBriefMarkdown(brief) : vscode.l10n.t('No person “{0}” in this workspace.', person);
  }

  /** After a check: briefs that are open follow the plan files. */
  refresh(): void {
    for (const u of this.open) this.changed.fire(vscode.Uri.parse(u));
  }
}

/** Opens the brief of `person` (asked for when not given: the active document's person first). Returns the brief's text. */
export async function prepareForMeeting(index: WorkspaceIndex, person?: string): Promise<string | undefined> {
  const result = await index.whenIdle();
  if (!result) return undefined;
  if (!person) {
    const active = vscode.window.activeTextEditor?.document;
    const doc = active && result.documents.find((d) => d.path === index.relative(active.uri));
    const current = doc?.kind === 'person' && typeof doc.data.id === 'string' ? doc.data.id : undefined;
    const people = [...result.workspace.people.values()].sort((a, b) => (a.id === current ? -1 : b.id === current ? 1 : compareNames(a.id, b.id)));
    const pick = await vscode.window.showQuickPick(
      people.map((p) => ({ label: noIcons(String(p.data.name ?? p.id)), description: `${p.id} · ${noIcons(String(result.workspace.accounts.get(p.account)?.data?.name ?? p.account))}`, id: p.id })),
      { placeHolder: vscode.l10n.t('Prepare for a meeting with whom?'), matchOnDescription: true },
    );
    person = pick?.id;
    if (!person) return undefined;
  }
  const uri = MeetingBriefProvider.uriOf(person);
  const document = await vscode.workspace.openTextDocument(uri);
  await vscode.languages.setTextDocumentLanguage(document, 'markdown');
  // The preview when the Markdown extension is there; the read-only document otherwise.
  const previewed = await vscode.commands.executeCommand('markdown.showPreview', uri).then(() => true, () => false);
  if (!previewed) await vscode.window.showTextDocument(document, { preview: true });
  return document.getText();
}
