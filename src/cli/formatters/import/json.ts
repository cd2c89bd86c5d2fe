/**
 * `keyplan import --format json`: `{ version, asOf, calendar, dryRun, written, entries,
 * alreadyImported, noMatch, unmatched, ambiguous, skipped, truncated, withoutUid, unreadable }`.
 */
import type { Formatter } from '../formatter.js';
import type { ImportOutput } from './output.js';

export const json: Formatter<ImportOutput> = ({ asOf, calendar, dryRun, plan }) =>
  JSON.stringify(
    {
      version: 1,
      asOf,
      calendar,
      dryRun,
      written: dryRun ? 0 : plan.entries.length,
      entries: plan.entries.map((e) => ({ file: e.file, newFile: e.newFile, account: e.account, date: e.date, channel: e.channel, people: e.people, summary: e.summary, key: e.key, line: e.line })),
      alreadyImported: plan.alreadyImported,
      noMatch: plan.noMatch,
      unmatched: plan.unmatched,
      ambiguous: plan.ambiguous,
      skipped: { cancelled: plan.cancelled, future: plan.future, beforeSince: plan.beforeSince },
      truncated: plan.truncated,
      withoutUid: plan.withoutUid,
      unreadable: plan.unreadable.map((u) => ({ uid: u.uid ?? null, reason: u.reason })),
    },
    null,
    2,
  ) + '\n';
