/** The status bar item: how many contacts are overdue; click for the list. While indexing, how far it is. */
import * as vscode from 'vscode';
import type { CheckResult } from '../../core/check/pipeline.js';
import type { IndexingState } from '../workspace-index.js';
import { indexingLabel } from './indexing.js';

export interface StatusSource {
  readonly onDidUpdate: vscode.Event<CheckResult>;
  readonly onDidChangeIndexing: vscode.Event<IndexingState | undefined>;
  readonly indexing: IndexingState | undefined;
  readonly result: CheckResult | undefined;
}

export function createStatusBar(source: StatusSource): [vscode.StatusBarItem, ...vscode.Disposable[]] {
  const item = vscode.window.createStatusBarItem('keyplan.overdue', vscode.StatusBarAlignment.Left, 50);
  item.name = vscode.l10n.t('Keyplan overdue contacts');
  const showIndexing = (state: IndexingState) => {
    // No count before the first check: "0 overdue" while reading would be a false all-clear.
    item.text = `$(sync~spin) ${indexingLabel(state)}`;
    item.tooltip = state.phase === 'finding' ? vscode.l10n.t('Keyplan is indexing the workspace; the overdue count follows when it is done.')
      : `${vscode.l10n.t('Keyplan: indexing {0} files', state.total)}\n${vscode.l10n.t('Keyplan is indexing the workspace; the overdue count follows when it is done.')}`;
    item.command = undefined;
    item.backgroundColor = undefined;
    item.show();
  };
  const update = (result: CheckResult) => {
    item.command = 'keyplan.showOverdue';
    const overdue = result.cadences.filter((c) => c.state === 'overdue').length;
    const missed = result.cadences.filter((c) => c.state === 'planned-missed').length;
    // Unread documents are named: a count that leaves them out must not look complete.
    const unread = [...result.unreadable.map((u) => u.path), ...result.skipped.filter((s) => s.reason === 'too-large' || s.reason === 'unreadable').map((s) => s.path)].sort();
    item.text = (overdue ? `$(bell-dot) ${vscode.l10n.t('{0} overdue', overdue)}` : `$(bell) ${vscode.l10n.t('0 overdue')}`)
      + (unread.length ? ` $(warning) ${vscode.l10n.t('{0} unreadable', unread.length)}` : '');
    let tooltip = vscode.l10n.t('{0} contacts overdue, {1} planned interactions missed (as of {2}). Click for the list.', overdue, missed, result.asOf);
    if (unread.length) {
      const shown = unread.slice(0, 10).join(', ') + (unread.length > 10 ? ', …' : '');
      tooltip += '\n' + vscode.l10n.t('{0} documents could not be read and are not counted: {1}', unread.length, shown);
    }
    item.tooltip = tooltip;
    item.backgroundColor = overdue || unread.length ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    item.show();
  };
  const refresh = () => {
    if (source.indexing && !source.result) showIndexing(source.indexing);
    else if (source.result) update(source.result);
  };
  refresh();
  return [item, source.onDidUpdate(refresh), source.onDidChangeIndexing(refresh)];
}
