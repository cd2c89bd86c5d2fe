/**
 * `keyplan import <file.ics> [workspace] [--dry-run] [--since D] [--format text|json]`: meetings
 * from a calendar file become interaction-log entries. Attendees are matched to people by their
 * `email:`; nothing is guessed, nothing is added twice (the event's key stays in the entry as
 * `<!-- ics:KEY -->`), and a log is only ever changed by inserting the new lines.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { CalendarError, MAX_CALENDAR_BYTES, readCalendar, unreadableEventText } from '../../core/import/calendar.js';
import { newLogWith } from '../../core/language/log-entry.js';
import { insertEntries } from '../../core/language/log-placement.js';
import { entriesByFile, ImportSettingsError, markerKeys, planImport } from '../../core/import/plan.js';
import { defineCommand, print, reportProblems, checkDate } from '../command.js';
import { editTextFile } from '../edit.js';
import { usage, UsageError } from '../errors.js';
import { pickFormatter } from '../formatters/formatter.js';
import { IMPORT_FORMATS } from '../formatters/import/index.js';
import { terminalSafeLine } from '../output/terminal.js';
import { tc } from '../../core/i18n/cli.js';
import { loadWorkspace, unreadableNotes } from '../workspace.js';
import { WriteRefused } from '../write.js';

export const importCommand = defineCommand({
  name: 'import',
  choices: { format: Object.keys(IMPORT_FORMATS) },
  options: {
    'dry-run': { type: 'boolean', default: false },
    since: { type: 'string' },
    format: { type: 'string', default: 'text' },
  },
  async run(call) {
    const { values, positionals, io } = call;
    const formatter = pickFormatter(IMPORT_FORMATS, values.format);
    const [calendarArg, ...rest] = positionals;
    if (!calendarArg) throw usage('error.import-needs-file');
    if (rest.length > 1) throw usage('error.import-one-workspace');
    if (values.since !== undefined) checkDate('--since', values.since);
    const text = await readCalendarFile(path.resolve(io.cwd, calendarArg), calendarArg);

    const loaded = await loadWorkspace(call, rest);
    const { result, root } = loaded;
    let plan;
    try {
      const reading = readCalendar(text, { asOf: result.asOf, since: values.since });
      plan = planImport(reading, result.workspace);
    } catch (err) {
      if (err instanceof CalendarError) throw new UsageError(`${calendarArg}: ${err.inLocale(result.locale)}`);
      if (err instanceof ImportSettingsError) throw new UsageError(err.inLocale(result.locale));
      throw err;
    }
    // A log to be created where a file already is (one Keyplan could not read as this account's log): never written into.
    for (const [file, entries] of entriesByFile(plan)) {
      if (!entries[0].newFile) continue;
      const exists = await fs.lstat(path.join(root, file)).then(() => true, () => false);
      if (exists) throw new WriteRefused(`${loaded.displayPath(file)} exists but is not a log of ${entries[0].account} that Keyplan can read (run keyplan check); nothing was written`);
    }
    const dryRun = values['dry-run'] ?? false;
    if (!dryRun) {
      for (const [file, entries] of entriesByFile(plan)) {
        const { account, year, newFile } = entries[0];
        await editTextFile(path.join(root, file), (current) => {
          if (current === undefined) {
            if (!newFile) throw new WriteRefused('write.vanished-import', { path: loaded.displayPath(file) });
            return newLogWith(account, year, entries);
          }
          // Another import may have written some of these meanwhile: those are not added again.
          const present = new Set(markerKeys(current));
          return insertEntries(current, entries.filter((e) => !present.has(e.key)));
        }, { base: root });
      }
    }
    print(call, formatter, { asOf: result.asOf, calendar: calendarArg, dryRun, plan, shown: loaded.displayPath }, result.locale);
    // An event that cannot be read is left out, never silently: named on stderr, and exit 1.
    for (const u of plan.unreadable.map((e) => unreadableEventText(e, result.locale))) io.stderr.write(`${tc(result.locale, 'error.prefix')}${tc(result.locale, 'import.unreadable-event', { file: terminalSafeLine(calendarArg), uid: terminalSafeLine(u.uid), reason: terminalSafeLine(u.reason) })}\n`);
    const status = reportProblems(io, [...loaded.notes, ...unreadableNotes(loaded)], loaded.failed, undefined, call.locale);
    return status || (plan.unreadable.length ? 1 : 0);
  },
});

async function readCalendarFile(file: string, shown: string): Promise<string> {
  let stat;
  try {
    stat = await fs.stat(file);
  } catch {
    throw usage('error.no-such-file', { path: shown });
  }
  if (!stat.isFile()) throw usage('error.not-a-file', { path: shown });
  if (stat.size > MAX_CALENDAR_BYTES) throw usage('error.file-too-large', { path: shown, mb: MAX_CALENDAR_BYTES / 1024 / 1024 });
  const bytes = await fs.readFile(file);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw usage('error.not-utf8', { path: shown });
  }
}
