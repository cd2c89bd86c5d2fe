/**
 * `keyplan overdue --format json`: `{ version, asOf, contacts, followUps }`, one object per row
 * (`contacts` is empty with `--follow-ups`). See docs/cli.md for the fields.
 */
import type { Formatter } from '../formatter.js';
import type { Overdue } from './rows.js';

export const json: Formatter<Overdue> = ({ asOf, rows, followUps }) => JSON.stringify({ version: 1, asOf, contacts: rows, followUps }, null, 2) + '\n';
