/**
 * `keyplan overdue --format json`: `{ version, asOf, contacts, darkAccounts, followUps }`, one object
 * per row (`contacts` and `darkAccounts` are empty with `--follow-ups`). See docs/cli.md for the fields.
 */
import type { Formatter } from '../formatter.js';
import type { Overdue } from './rows.js';

export const json: Formatter<Overdue> = ({ asOf, rows, darkAccounts, followUps }) => JSON.stringify({ version: 1, asOf, contacts: rows, darkAccounts, followUps }, null, 2) + '\n';
