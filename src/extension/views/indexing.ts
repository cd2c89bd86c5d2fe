/**
 * What the views say while the workspace is being indexed (the first read of every file, then the
 * first check): one wording for the portfolio tree, the Needs-attention view and the status bar,
 * so no view shows a false empty state ("no documents", "0 overdue") before the first result.
 */
import * as vscode from 'vscode';
import type { IndexingState } from '../workspace-index.js';

/** "Reading 1,200 of 10,000 files…", in the user's language. */
export function indexingLabel(state: IndexingState): string {
  const t = vscode.l10n.t;
  const n = (value: number) => {
    try {
      return new Intl.NumberFormat(vscode.env.language).format(value);
    } catch {
      return String(value); // a display language Intl does not know (qps-ploc)
    }
  };
  switch (state.phase) {
    case 'finding': return t('Looking for Keyplan files…');
    case 'reading': return t('Reading {0} of {1} files…', n(state.done), n(state.total));
    case 'checking': return t('Checking {0} files…', n(state.total));
  }
}
