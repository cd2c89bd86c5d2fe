/**
 * `keyplan log <person> [workspace] [--channel C] [--date D] [--with p2,p3] "summary"
 * [--next "…" [--due D]]`: appends one entry to the account's interaction log for the entry's year
 * (creating the log from the template if there is none), keeping every other byte of the file.
 * Who, which account, which channel, which date and which file are decided by the core
 * (`planLogEntry`, shared with the editor's Log Interaction); an unknown or ambiguous person, an
 * unknown channel or a date after today is refused with exit code 2 and nothing is written.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { appendPlannedEntry, formatLogEntry, planLogEntry } from '../../core/language/log-entry.js';
import { t } from '../../core/i18n/catalogue.js';
import { defineCommand, reportProblems } from '../command.js';
import { usage, UsageError } from '../errors.js';
import { terminalSafeLine } from '../output/terminal.js';
import { loadWorkspace, unreadableNotes } from '../workspace.js';
import { editTextFile } from '../edit.js';
import { WriteRefused } from '../write.js';

export const log = defineCommand({
  name: 'log',
  options: {
    channel: { type: 'string' },
    date: { type: 'string' },
    with: { type: 'string' },
    next: { type: 'string' },
    due: { type: 'string' },
  },
  async run(call) {
    const { values, positionals, io } = call;
    if (positionals.length < 2) throw usage('error.log-needs-args');
    if (positionals.length > 3) throw usage('error.log-too-many', { n: positionals.length });
    const person = positionals[0];
    const summary = positionals[positionals.length - 1];
    const loaded = await loadWorkspace(call, positionals.length === 3 ? [positionals[1]] : []);
    const { result, root } = loaded;
    const plan = planLogEntry(result.workspace, {
      person, summary, channel: values.channel, date: values.date, next: values.next, due: values.due,
      with: values.with === undefined ? undefined : values.with.split(/[,，、]/).map((s) => s.trim()).filter(Boolean),
    }, result.asOf, result.locale);
    if (!plan.ok) throw new UsageError(plan.message);

    const target = path.join(root, ...plan.path.split('/'));
    const shown = loaded.displayPath(plan.path);
    // A file Keyplan could not read as this account's log (broken frontmatter, not UTF-8) is never written into.
    if (!plan.log && existsSync(target)) throw new UsageError(t(result.locale, 'log.target-taken', { path: shown }));
    let created = false;
    // The same safe edit as `keyplan import`: computed from the bytes read, replaced only while they are unchanged.
    await editTextFile(target, (current) => {
      if (plan.log && current === undefined) throw new WriteRefused(`${shown} was deleted since Keyplan read it; nothing was written, run the command again`);
      if (!plan.log && current !== undefined) throw new UsageError(t(result.locale, 'log.target-taken', { path: shown }));
      created = current === undefined;
      return appendPlannedEntry(plan, current).text;
    }, { base: root });
    io.stdout.write(terminalSafeLine(t(result.locale, 'log.written', { path: shown, created: created ? 'new' : '', entry: formatLogEntry(plan.entry) })) + '\n');
    return reportProblems(io, [...loaded.notes, ...unreadableNotes(loaded)], loaded.failed, undefined, call.locale);
  },
});
