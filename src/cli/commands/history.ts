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
import { UsageError } from '../errors.js';
import { pickFormatter } from '../formatters/formatter.js';
import { HISTORY_FORMATS } from '../formatters/history/index.js';
import { findRepo, workspaceRepo } from '../git.js';
import { readHistory, resolvePoint, untilPoint } from '../git-history.js';
import { isOutside } from '../paths.js';
import { findWorkspaceRoot } from '../walk.js';

export const history = defineCommand({
  name: 'history',
  summary: `  history <account> [workspace]
                       How an account's relationships moved over its git history: each
                       change with its commit, and each person's stance trajectory
`,
  help: `history <account> [workspace]
  --person <id>        only this person's changes and trajectory
  --since <when>       start here: a date (YYYY-MM-DD), a revision (tag, branch, commit)
                       or Nd (N days before --as-of, e.g. 90d); default: the first commit
  --until <when>       end here: a date or a revision; default HEAD (commits only, not
                       the working tree)
  --derived            also list what each commit's date changed: temperatures, cadence
                       states and health as of that day (json always has them, marked)
  --format <f>         text (default), markdown or json
`,
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
    if (!account) throw new UsageError('history needs an account id, e.g. keyplan history east-china-telecom');
    if (rest.length) throw new UsageError(`history takes one workspace folder, not '${rest.join(' ')}'`);
    const formatter = pickFormatter(HISTORY_FORMATS, values.format);
    const asOf = parseAsOf(values['as-of']) ?? today();
    const target = path.resolve(io.cwd, where ?? '.');
    if (!existsSync(target)) throw new UsageError(`${where}: no such file or directory`);
    const repo = findRepo(target);
    if (!repo) throw new UsageError('keyplan history reads the git history; run it inside a git working tree');
    const root = findWorkspaceRoot(target);
    const wsRepo = workspaceRepo(repo, root);
    if (isOutside(wsRepo.prefix)) throw new UsageError(`the workspace ${root} is outside the git repository ${repo.top}`);

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
      throw new UsageError(`no account '${account}' in the history of this workspace${revisions.length ? '' : ' (no commits touch it)'}`);
    }
    if (values.person && !h.trajectories.length && !h.changes.length) {
      const all = accountHistory(revisions, { account, locale });
      const people = all.trajectories.map((t) => t.id);
      const suggestion = closest(values.person, people);
      throw new UsageError(`no person '${values.person}' in the history of ${account}${suggestion ? `; did you mean '${suggestion}'?` : ''}`);
    }
    print(call, formatter, { history: h, since: since ? { sha: since.sha, label: since.label } : undefined, until: { sha: until.sha, label: until.label }, derived: values.derived === true }, locale ?? 'en');
    return 0;
  },
});
