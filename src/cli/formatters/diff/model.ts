/** The data every `keyplan diff` format is given: the semantic diff and the two revisions it compares. */
import type { WorkspaceDiff } from '../../../core/diff/diff.js';

export interface DiffHeader {
  base: string;
  head: string;
  /** Per account id: image paths of the influence–support matrix before and after. */
  matrix?: Map<string, { before?: string; after?: string }>;
}

export interface DiffOutput {
  diff: WorkspaceDiff;
  header: DiffHeader;
  base: { sha: string; label: string };
  /** Absent: the working tree. */
  head?: { sha: string; label: string };
}
