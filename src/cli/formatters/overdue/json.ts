/** `keyplan overdue --format json`: `{ version, asOf, contacts, darkAccounts }`, one object per row. */
import type { Formatter } from '../formatter.js';
import type { Overdue } from './rows.js';

export const json: Formatter<Overdue> = ({ asOf, rows, darkAccounts }) => JSON.stringify({ version: 1, asOf, contacts: rows, darkAccounts }, null, 2) + '\n';
