/** `keyplan import` in the terminal: the entries per log file, then what was left out and why. */
import { MAX_OCCURRENCES } from '../../../core/import/calendar.js';
import { entriesByFile } from '../../../core/import/plan.js';
import { terminalSafeLine } from '../../output/terminal.js';
import type { Formatter } from '../formatter.js';
import type { ImportOutput } from './output.js';

const s = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const entries = (n: number) => `${n} ${n === 1 ? 'entry' : 'entries'}`;

export const text: Formatter<ImportOutput> = ({ asOf, calendar, dryRun, plan, shown }) => {
  const safe = terminalSafeLine;
  const out: string[] = [];
  const n = plan.entries.length;
  if (!n) out.push(`Nothing to add from ${safe(calendar)} (as of ${asOf}).`);
  else out.push(dryRun ? `Would add ${entries(n)} from ${safe(calendar)} (dry run, nothing written):` : `Added ${entries(n)} from ${safe(calendar)}:`);
  for (const [file, list] of entriesByFile(plan)) {
    out.push('', `  ${safe(shown(file))}${list[0].newFile ? (dryRun ? ' (would be created)' : ' (created)') : ''}`);
    for (const e of list) out.push(`    ${safe(e.line)}`);
  }
  if (plan.alreadyImported.length) out.push('', `Already imported: ${s(plan.alreadyImported.length, 'meeting')}.`);
  if (plan.noMatch.length) {
    out.push('', `No attendee is a person of this workspace (no entry): ${s(plan.noMatch.length, 'meeting')}`);
    for (const m of plan.noMatch) out.push(`  ${m.date} ${safe(m.subject) || '(no subject)'}`);
  }
  if (plan.unmatched.length) {
    out.push('', "Attendees not matched to anyone (add the address to a person's `email:`, or to keyplan.yaml import.ignore):");
    for (const u of plan.unmatched) out.push(`  ${safe(u.address)} (${s(u.meetings, 'meeting')})`);
  }
  if (plan.ambiguous.length) {
    out.push('', 'Addresses several active people have (matched to nobody):');
    for (const a of plan.ambiguous) out.push(`  ${safe(a.address)}: ${a.people.map(safe).join(', ')}`);
  }
  const skipped = [
    plan.cancelled ? `${plan.cancelled} cancelled` : '',
    plan.future ? `${plan.future} after ${asOf}` : '',
    plan.beforeSince ? `${plan.beforeSince} before --since` : '',
  ].filter(Boolean);
  if (skipped.length) out.push('', `Skipped: ${skipped.join(', ')}.`);
  if (plan.truncated.length) out.push('', `Recurring events cut off after ${MAX_OCCURRENCES} occurrences (use --since to start later): ${plan.truncated.map(safe).join(', ')}`);
  if (plan.unreadable.length) {
    out.push('', `Events that cannot be read (left out; the others are imported): ${s(plan.unreadable.length, 'event')}`);
    for (const u of plan.unreadable) out.push(`  ${safe(u.uid)} ${safe(u.reason)}`);
  }
  if (plan.withoutUid) out.push('', `${s(plan.withoutUid, 'event')} without a UID: keyed by start and subject instead.`);
  return out.join('\n') + '\n';
};
