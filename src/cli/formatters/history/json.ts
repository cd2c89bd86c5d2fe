/** `keyplan history --format json`: the history as the core builds it, with the period's two ends. */
import type { Formatter } from '../formatter.js';
import type { HistoryOutput } from './model.js';

export const json: Formatter<HistoryOutput> = ({ history, since, until }) =>
  JSON.stringify({ ...history, since: since ? { sha: since.sha, label: since.label } : null, until: { sha: until.sha, label: until.label } }, null, 2) + '\n';
