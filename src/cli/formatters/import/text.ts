/** `keyplan import` in the terminal: the entries per log file, then what was left out and why. */
import { MAX_OCCURRENCES, unreadableEventText } from '../../../core/import/calendar.js';
import { entriesByFile } from '../../../core/import/plan.js';
import { terminalSafeLine } from '../../output/terminal.js';
import { tc } from '../../../core/i18n/cli.js';
import type { Formatter } from '../formatter.js';
import type { ImportOutput } from './output.js';


export const text: Formatter<ImportOutput> = ({ asOf, calendar, dryRun, plan, shown }, { locale }) => {
  const m = (id: Parameters<typeof tc>[1], params: Parameters<typeof tc>[2] = {}) => tc(locale, id, params);
  const safe = terminalSafeLine;
  const out: string[] = [];
  const n = plan.entries.length;
  if (!n) out.push(m('import.nothing', { file: safe(calendar), asOf }));
  else out.push(m(dryRun ? 'import.would-add' : 'import.added', { n, file: safe(calendar) }));
  for (const [file, list] of entriesByFile(plan)) {
    out.push('', `  ${safe(shown(file))}${list[0].newFile ? m(dryRun ? 'import.would-create' : 'import.created') : ''}`);
    for (const e of list) out.push(`    ${safe(e.line)}`);
  }
  if (plan.alreadyImported.length) out.push('', m('import.already', { n: plan.alreadyImported.length }));
  if (plan.noMatch.length) {
    out.push('', m('import.no-match', { n: plan.noMatch.length }));
    for (const meeting of plan.noMatch) out.push(`  ${meeting.date} ${safe(meeting.subject) || m('import.no-subject')}`);
  }
  if (plan.unmatched.length) {
    out.push('', m('import.unmatched'));
    for (const u of plan.unmatched) out.push(`  ${safe(u.address)} (${m('import.meetings', { n: u.meetings })})`);
  }
  if (plan.ambiguous.length) {
    out.push('', m('import.ambiguous'));
    for (const a of plan.ambiguous) out.push(`  ${safe(a.address)}: ${a.people.map(safe).join(', ')}`);
  }
  const skipped = [
    plan.cancelled ? m('import.cancelled', { n: plan.cancelled }) : '',
    plan.future ? m('import.future', { n: plan.future, asOf }) : '',
    plan.beforeSince ? m('import.before-since', { n: plan.beforeSince }) : '',
  ].filter(Boolean);
  if (skipped.length) out.push('', m('import.skipped', { list: skipped.join(', ') }));
  if (plan.truncated.length) out.push('', m('import.truncated', { max: MAX_OCCURRENCES, list: plan.truncated.map(safe).join(', ') }));
  if (plan.unreadable.length) {
    out.push('', m('import.unreadable', { n: plan.unreadable.length }));
    for (const u of plan.unreadable.map((e) => unreadableEventText(e, locale))) out.push(`  ${safe(u.uid)} ${safe(u.reason)}`);
  }
  if (plan.withoutUid) out.push('', m('import.without-uid', { n: plan.withoutUid }));
  return out.join('\n') + '\n';
};
