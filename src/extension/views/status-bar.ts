/** The status bar item: how many contacts are overdue; click for the list. */
import * as vscode from 'vscode';
import type { CheckResult } from '../../core/check/pipeline.js';

export function createStatusBar(onUpdate: vscode.Event<CheckResult>): [vscode.StatusBarItem, vscode.Disposable] {
  const item = vscode.window.createStatusBarItem('keyplan.overdue', vscode.StatusBarAlignment.Left, 50);
  item.name = vscode.l10n.t('Keyplan overdue contacts');
  item.command = 'keyplan.showOverdue';
  const update = (result: CheckResult) => {
    const overdue = result.cadences.filter((c) => c.state === 'overdue').length;
    const missed = result.cadences.filter((c) => c.state === 'planned-missed').length;
    // Unread documents are named: a count that leaves them out must not look complete.
    const unread = [...result.unreadable.map((u) => u.path), ...result.skipped.filter((s) => s.reason === 'too-large').map((s) => s.path)].sort();
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
  return [item, onUpdate(update)];
}
