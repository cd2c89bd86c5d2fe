/** The data every `keyplan history` format is given: the account's history and the period it covers. */
import type { AccountHistory } from '../../../core/history/history.js';

export interface HistoryOutput {
  history: AccountHistory;
  /** The starting point as the user named it (`90d (1a2b3c4)`), or undefined: from the first commit. */
  since?: { sha: string; label: string };
  until: { sha: string; label: string };
  /** Also list the changes computed from each commit's date (temperature, cadence, health); JSON always has them. */
  derived?: boolean;
}
