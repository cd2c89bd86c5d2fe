/** What `keyplan import` prints: the plan, and whether it was written. */
import type { ImportPlan } from '../../../core/import/plan.js';

export interface ImportOutput {
  asOf: string;
  /** The .ics file as the user named it. */
  calendar: string;
  dryRun: boolean;
  plan: ImportPlan;
  /** A workspace-relative file as the user names it. */
  shown: (file: string) => string;
}
