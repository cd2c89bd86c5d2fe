/** `keyplan overdue --format json`: `{ version, asOf, contacts }`, one object per row. */
import type { Formatter } from '../formatter.js';
import type { Overdue } from './rows.js';

export const json: Formatter<Overdue> = ({ asOf, rows }) => JSON.stringify({ version: 1, asOf, contacts: rows }, null, 2) + '\n';
