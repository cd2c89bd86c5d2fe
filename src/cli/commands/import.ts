/**
 * `keyplan import <file.ics> [workspace] [--dry-run] [--since D] [--format text|json]`: meetings
 * from a calendar file become interaction-log entries. Attendees are matched to people by their
 * `email:`; nothing is guessed, nothing is added twice (the event's key stays in the entry as
 * `<!-- ics:KEY -->`), and a log is only ever changed by inserting the new lines.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { isValidDate } from '../../core/dates.js';
import { CalendarError, MAX_CALENDAR_BYTES, readCalendar } from '../../core/import/calendar.js';
import { newLogWith } from '../../core/language/log-entry.js';
import { insertEntries } from '../../core/language/log-placement.js';
import { entriesByFile, ImportSettingsError, markerKeys, planImport } from '../../core/import/plan.js';
import { defineCommand, print, reportProblems } from '../command.js';
import { editTextFile } from '../edit.js';
import { UsageError } from '../errors.js';
import { pickFormatter } from '../formatters/formatter.js';
import { IMPORT_FORMATS } from '../formatters/import/index.js';
import { terminalSafeLine } from '../output/terminal.js';
import { loadWorkspace, unreadableNotes } from '../workspace.js';
import { WriteRefused } from '../write.js';

export const importCommand = defineCommand({
  name: 'import',
  summary: `  import <file.ics> [workspace]
                       Meetings from a calendar file (.ics) as interaction-log entries
`,
  help: `import:
  --dry-run            print what would be added; write nothing
  --since <date>       leave out meetings before this day (YYYY-MM-DD)
  --format <f>         text (default) or json
`,
  options: {
    'dry-run': { type: 'boolean', default: false },
    since: { type: 'string' },
    format: { type: 'string', default: 'text' },
  },
  async run(call) {
    const { values, positionals, io } = call;
    const formatter = pickFormatter(IMPORT_FORMATS, values.format);
    const [calendarArg, ...rest] = positionals;
    if (!calendarArg) throw new UsageError('import needs a calendar file: keyplan import <file.ics> [workspace]');
    if (rest.length > 1) throw new UsageError('import takes one workspace folder after the calendar file');
    if (values.since !== undefined && !isValidDate(values.since)) throw new UsageError(`--since takes a date as YYYY-MM-DD, not '${values.since}'`);
    const text = await readCalendarFile(path.resolve(io.cwd, calendarArg), calendarArg);

    const loaded = await loadWorkspace(call, rest);
    const { result, root } = loaded;
    let plan;
    try {
      const reading = readCalendar(text, { asOf: result.asOf, since: values.since });
      plan = planImport(reading, result.workspace);
    } catch (err) {
      if (err instanceof CalendarError) throw new UsageError(`${calendarArg}: ${err.message}`);
      if (err instanceof ImportSettingsError) throw new UsageError(err.message);
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
            if (!newFile) throw new WriteRefused(`${loaded.displayPath(file)} was deleted while Keyplan was importing; nothing was written to it`);
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
    for (const u of plan.unreadable) io.stderr.write(`keyplan: ${terminalSafeLine(calendarArg)}: event ${terminalSafeLine(u.uid)} ${terminalSafeLine(u.reason)}; left out\n`);
    const status = reportProblems(io, [...loaded.notes, ...unreadableNotes(loaded)], loaded.failed);
    return status || (plan.unreadable.length ? 1 : 0);
  },
});

async function readCalendarFile(file: string, shown: string): Promise<string> {
  let stat;
  try {
    stat = await fs.stat(file);
  } catch {
    throw new UsageError(`${shown}: no such file`);
  }
  if (!stat.isFile()) throw new UsageError(`${shown} is not a regular file`);
  if (stat.size > MAX_CALENDAR_BYTES) throw new UsageError(`${shown}: larger than ${MAX_CALENDAR_BYTES / 1024 / 1024} MB; export a shorter period`);
  const bytes = await fs.readFile(file);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new UsageError(`${shown}: not UTF-8 text (iCalendar files are UTF-8)`);
  }
}
