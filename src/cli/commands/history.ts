/**
 * `keyplan history <account> [workspace] [--person ID] [--since DATE|REV|90d] [--until DATE|REV]
 * [--format text|markdown|json]`: how an account's relationship picture moved over its git
 * history, each change with the commit (date, author, subject) that made it, and each person's
 * stance trajectory. Read with one `git log` and one batch of blobs; each revision is checked at
 * its own date.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { today } from '../../core/dates.js';
import { accountHistory } from '../../core/history/history.js';
import { loadConfig, CONFIG_FILE } from '../../core/check/pipeline.js';
import { closest } from '../../core/suggest.js';
import { chooseLocale, defineCommand, parseAsOf, print } from '../command.js';
import { usage } from '../errors.js';
import { pickFormatter } from '../formatters/formatter.js';
import { HISTORY_FORMATS } from '../formatters/history/index.js';
import { findRepo, workspaceRepo } from '../../git/git.js';
import { readHistory, resolvePoint, untilPoint } from '../../git/history.js';
import { isOutside } from '../paths.js';
import { findWorkspaceRoot } from '../../disk/walk.js';

export const history = defineCommand({
  name: 'history',
  choices: { format: Object.keys(HISTORY_FORMATS) },
  options: {
    format: { type: 'string', default: 'text' },
    person: { type: 'string' },
    since: { type: 'string' },
    until: { type: 'string' },
    derived: { type: 'boolean', default: false },
  },
  async run(call) {
    const { values, positionals, io } = call;
    const [account, where, ...rest] = positionals;
    if (!account) throw usage('error.needs-account', { command: 'history' });
    if (rest.length) throw usage('error.history-one-folder', { value: rest.join(' ') });
    const formatter = pickFormatter(HISTORY_FORMATS, values.format);
    const asOf = parseAsOf(values['as-of']) ?? today();
    const target = path.resolve(io.cwd, where ?? '.');
    if (!existsSync(target)) throw usage('error.no-such-path', { path: where });
    const repo = findRepo(target);
    if (!repo) throw usage('error.history-no-repo');
    const root = findWorkspaceRoot(target);
    const wsRepo = workspaceRepo(repo, root);
    if (isOutside(wsRepo.prefix)) throw usage('error.diff-outside', { root, top: repo.top });

    const until = untilPoint(repo, values.until, asOf);
    const since = values.since === undefined ? undefined : resolvePoint(repo, values.since, asOf, 'before', until.sha);
    const revisions = readHistory(wsRepo, until, since);
    // The language: --locale, else the workspace's keyplan.yaml as it is at the end of the period.
    let locale = chooseLocale(values.locale, io.env);
    if (!locale) {
      const config = [...revisions].reverse().map((r) => (r.files ?? r.changes ?? []).find((f) => f.path === CONFIG_FILE)).find((f) => f);
      locale = config?.content !== undefined ? loadConfig({ path: CONFIG_FILE, content: config.content }).locale : undefined;
    }
    const h = accountHistory(revisions, { account, person: values.person, locale });
    if (!h.start?.account && !h.end?.account && !h.changes.some((c) => c.subject === 'account')) {
      throw usage('error.history-no-account', { account, none: revisions.length ? undefined : 1 });
    }
    if (values.person && !h.trajectories.length && !h.changes.length) {
      const all = accountHistory(revisions, { account, locale });
      const people = all.trajectories.map((t) => t.id);
      const suggestion = closest(values.person, people);
      throw usage('error.history-no-person', { person: values.person, account, suggestion });
    }
    print(call, formatter, { history: h, since: since ? { sha: since.sha, label: since.label } : undefined, until: { sha: until.sha, label: until.label }, derived: values.derived === true }, locale ?? 'en');
    return 0;
  },
});
