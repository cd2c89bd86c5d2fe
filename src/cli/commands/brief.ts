/**
 * `keyplan brief <person> [workspace] [--format markdown|json] [--share] [--out FILE [--force]]`:
 * the meeting brief — what to read before meeting one person. The local brief includes their
 * personal notes, marked private; `--share` leaves them out, as `keyplan export` does by default.
 */
import path from 'node:path';
import { findPerson } from '../../core/language/log-entry.js';
import { buildMeetingBrief } from '../../core/report/meeting.js';
import { defineCommand, print, render, reportProblems } from '../command.js';
import { UsageError } from '../errors.js';
import { pickFormatter } from '../formatters/formatter.js';
import { MEETING_FORMATS } from '../formatters/meeting/index.js';
import { loadWorkspace, unreadableNotes } from '../workspace.js';
import { writeOutputFile } from '../write.js';

export const brief = defineCommand({
  name: 'brief',
  summary: `  brief <person> [workspace]
                       Prepare for a meeting: the person's place in the decision chain, plan,
                       cadence, last interactions, open follow-ups, objectives; personal notes
                       only locally, marked private
`,
  help: `brief <person> [workspace]:
  --format <f>         markdown (default) or json
  --share              leave the personal notes out (needs, career, preferences,
                       communication style), for a brief to pass on
  --out <file>         write to a file instead of stdout (atomically; refuses to replace a file
                       Keyplan did not write, unless --force)
`,
  options: {
    format: { type: 'string', default: 'markdown' },
    share: { type: 'boolean', default: false },
    out: { type: 'string' },
    force: { type: 'boolean', default: false },
  },
  async run(call) {
    const { values, positionals, io } = call;
    const formatter = pickFormatter(MEETING_FORMATS, values.format);
    if (values.out === '') throw new UsageError('--out takes a file name');
    if (positionals.length < 1) throw new UsageError('keyplan brief takes a person: keyplan brief <person> [workspace]');
    if (positionals.length > 2) throw new UsageError('keyplan brief takes a person and an optional workspace folder');
    const loaded = await loadWorkspace(call, positionals.slice(1));
    const { result } = loaded;
    const found = findPerson(result.workspace, positionals[0]);
    if ('ambiguous' in found) throw new UsageError(`'${positionals[0]}' is the name of several people: ${found.ambiguous.map((p) => `${p.id} (${p.account})`).join(', ')}; give the person id`);
    if (!('person' in found)) throw new UsageError(`no person '${positionals[0]}' in this workspace${found.suggestion ? `; did you mean '${found.suggestion}'?` : ''}`);
    const data = buildMeetingBrief(result, found.person.id, { share: values.share === true })!;
    if (!values.out) print(call, formatter, data, result.locale);
    else {
      await writeOutputFile(path.resolve(io.cwd, values.out), render(call, formatter, data, result.locale).text, { force: values.force, seal: formatter === MEETING_FORMATS.json ? 'json' : 'comment', what: 'the brief', base: io.cwd });
      io.stdout.write(`Wrote ${values.out} (${data.audience === 'shared' ? 'personal notes left out' : data.personal ? 'WITH private personal notes: do not share it' : 'no personal notes recorded'})\n`);
    }
    return reportProblems(io, [...loaded.notes, ...unreadableNotes(loaded)], loaded.failed);
  },
});
