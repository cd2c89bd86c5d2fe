/**
 * `keyplan brief <person> [workspace] [--format markdown|json] [--share] [--out FILE [--force]]`:
 * the meeting brief — what to read before meeting one person. The local brief includes their
 * personal notes, marked private; `--share` leaves them out, as `keyplan export` does by default.
 */
import path from 'node:path';
import { findPerson } from '../../core/language/log-entry.js';
import { buildMeetingBrief } from '../../core/report/meeting.js';
import { defineCommand, print, render, reportProblems } from '../command.js';
import { usage } from '../errors.js';
import { pickFormatter } from '../formatters/formatter.js';
import { MEETING_FORMATS } from '../formatters/meeting/index.js';
import { loadWorkspace, unreadableNotes } from '../workspace.js';
import { writeOutputFile } from '../write.js';

export const brief = defineCommand({
  name: 'brief',
  choices: { format: Object.keys(MEETING_FORMATS) },
  options: {
    format: { type: 'string', default: 'markdown' },
    share: { type: 'boolean', default: false },
    out: { type: 'string' },
    force: { type: 'boolean', default: false },
  },
  async run(call) {
    const { values, positionals, io } = call;
    const formatter = pickFormatter(MEETING_FORMATS, values.format);
    if (values.out === '') throw usage('error.out-empty');
    if (positionals.length < 1) throw usage('error.brief-needs-person');
    if (positionals.length > 2) throw usage('error.brief-too-many');
    const loaded = await loadWorkspace(call, positionals.slice(1));
    const { result } = loaded;
    const found = findPerson(result.workspace, positionals[0]);
    if ('ambiguous' in found) throw usage('error.ambiguous-person', { value: positionals[0], ids: found.ambiguous.map((p) => `${p.id} (${p.account})`).join(', ') });
    if (!('person' in found)) throw usage('error.no-person', { value: positionals[0], suggestion: found.suggestion });
    const data = buildMeetingBrief(result, found.person.id, { share: values.share === true })!;
    if (!values.out) print(call, formatter, data, result.locale);
    else {
      await writeOutputFile(path.resolve(io.cwd, values.out), render(call, formatter, data, result.locale).text, { force: values.force, seal: formatter === MEETING_FORMATS.json ? 'json' : 'comment', what: 'brief', base: io.cwd });
      io.stdout.write(`Wrote ${values.out} (${data.audience === 'shared' ? 'personal notes left out' : data.personal ? 'WITH private personal notes: do not share it' : 'no personal notes recorded'})\n`);
    }
    return reportProblems(io, [...loaded.notes, ...unreadableNotes(loaded)], loaded.failed, undefined, call.locale);
  },
});
