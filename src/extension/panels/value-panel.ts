/**
 * One webview panel per account showing its value (#20): the health trend and its series, the
 * attraction–barrier 2×2 and the whitespace heat map, with the competitors. The page is built by
 * src/webview/value-html.ts from the core's report; it has no script (the CSP allows none) and
 * follows the plan files after every check.
 */
import * as vscode from 'vscode';
import type { CheckResult } from '../../core/check/pipeline.js';
import { competitorsOf } from '../../core/report/brief.js';
import { buildReport } from '../../core/report/report.js';
import { VALUE_CSS, valueBodyHtml, type ValueStrings } from '../../webview/value-html.js';
import { createAccountWebview } from './panel-support.js';
import type { WorkspaceIndex } from '../workspace-index.js';

const panels = new Map<string, ValuePanel>();

function strings(): ValueStrings {
  const t = vscode.l10n.t;
  return {
    title: t('Value'), trend: t('Health trend'), noTrend: t('No trend yet: the revenue and survey series need two points each.'),
    attractionBarrier: t('Attraction–barrier'), attraction: t('Attraction'), barrier: t('Barrier (switching costs)'), notScored: t('not scored'),
    positions: { loyal: t('Loyal'), captive: t('Captive'), 'free-to-leave': t('Free to leave'), 'at-risk': t('At risk') },
    whitespace: t('Whitespace'), noWhitespace: t('No whitespace recorded in the account plan.'),
    statuses: { ours: t('Ours'), competitor: t('Competitor'), open: t('Open'), 'not-a-fit': t('Not a fit') },
    unit: t('Business unit'), competitors: t('Competitors'), favouredBy: t('favoured by'),
    strengths: { weak: t('weak'), medium: t('medium'), strong: t('strong') },
  };
}

export class ValuePanel {
  private readonly disposables: vscode.Disposable[] = [];
  /** The last body rendered, for tests. */
  lastBody?: string;

  static show(index: WorkspaceIndex, extensionUri: vscode.Uri, account: string): ValuePanel {
    const existing = panels.get(account);
    if (existing) {
      existing.panel.reveal();
      return existing;
    }
    const { panel } = createAccountWebview('keyplan.value', vscode.l10n.t('Value: {0}', account), extensionUri);
    const created = new ValuePanel(panel, index, account);
    panels.set(account, created);
    return created;
  }

  static get(account: string): ValuePanel | undefined {
    return panels.get(account);
  }

  private constructor(readonly panel: vscode.WebviewPanel, index: WorkspaceIndex, readonly account: string) {
    this.disposables.push(panel.onDidDispose(() => this.dispose()), index.onDidUpdate((r) => this.render(r)));
    if (index.result) this.render(index.result);
    else void index.whenIdle().then((r) => r && this.render(r));
  }

  private render(result: CheckResult): void {
    const report = buildReport(result).accounts.find((a) => a.id === this.account);
    const account = result.workspace.accounts.get(this.account);
    if (!report || !account) return;
    this.panel.title = vscode.l10n.t('Value: {0}', report.name);
    const nonce = Array.from({ length: 32 }, () => Math.floor(Math.random() * 36).toString(36)).join('');
    this.lastBody = valueBodyHtml({ account: report, ...competitorsOf(account) }, strings());
    // No script at all, no remote resources; the one style element carries the nonce.
    const csp = `default-src 'none'; style-src 'nonce-${nonce}';`;
    this.panel.webview.html = `<!DOCTYPE html><html lang="${vscode.env.language}"><head><meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<style nonce="${nonce}">${VALUE_CSS}</style></head><body>${this.lastBody}</body></html>`;
  }

  private dispose(): void {
    panels.delete(this.account);
    for (const d of this.disposables) d.dispose();
  }
}
