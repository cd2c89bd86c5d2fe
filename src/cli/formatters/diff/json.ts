/** `keyplan diff --format json`: the diff as the core builds it, with the two revisions' commits. */
import type { Formatter } from '../formatter.js';
import type { DiffOutput } from './model.js';

export const json: Formatter<DiffOutput> = ({ diff, base, head }) =>
  JSON.stringify({ ...diff, base: { sha: base.sha, label: base.label }, head: head ? { sha: head.sha, label: head.label } : { label: 'working tree' } }, null, 2) + '\n';
