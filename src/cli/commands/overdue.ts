/**
 * `keyplan overdue [paths] [--format text|json|markdown] [--owner ID] [--tier A|B|C] [--all]
 * [--explain] [--follow-ups]`: contacts that are overdue, missed a planned interaction, were never
 * met or are due soon, most urgent first, then the accounts gone dark, then the follow-ups due or
 * past due: the list a key-account manager works through each week.
 */
import { urgency } from '../../core/analysis/cadence.js';
import { dueFollowUps } from '../../core/analysis/follow-ups.js';
import { closest } from '../../core/suggest.js';
import { defineCommand, print, reportProblems } from '../command.js';
import { usage } from '../errors.js';
import { pickFormatter } from '../formatters/formatter.js';
import { OVERDUE_FORMATS } from '../formatters/overdue/index.js';
import { darkAccountRows, followUpRows, overdueRows } from '../formatters/overdue/rows.js';
import { anyInFocus } from '../paths.js';
import { loadWorkspace, unreadableNotes } from '../workspace.js';
import { compareNames } from '../../core/i18n/collate.js';

export const overdue = defineCommand({
  name: 'overdue',
  choices: { format: Object.keys(OVERDUE_FORMATS), tier: ['A', 'B', 'C'] },
  options: {
    format: { type: 'string', default: 'text' },
    owner: { type: 'string' },
    tier: { type: 'string' },
    all: { type: 'boolean', default: false },
    explain: { type: 'boolean', default: false },
    'follow-ups': { type: 'boolean', default: false },
  },
  async run(call) {
    const { values, positionals, io } = call;
    const formatter = pickFormatter(OVERDUE_FORMATS, values.format);
    if (values.tier && !['A', 'B', 'C'].includes(values.tier)) throw usage('error.tier', { value: values.tier, suggestion: closest(values.tier, ['A', 'B', 'C']) });
    const loaded = await loadWorkspace(call, positionals);
    const { result, failed, notes } = loaded;
    const { focus } = loaded;
    if (values.owner) checkOwner(values.owner, result);
    const shownStates = new Set(['overdue', 'planned-missed', 'never', 'due-soon', ...(values.all ? ['ok'] : [])]);
    const cadences = result.cadences
      .filter((c) => shownStates.has(c.state))
      .filter((c) => !values.tier || c.tier === values.tier)
      .filter((c) => !values.owner || c.owner === values.owner || c.account.data?.owner === values.owner)
      .filter((c) => anyInFocus(focus, [c.person.doc.path, ...(c.account.doc ? [c.account.doc.path] : [])]))
      .sort((a, b) => urgency(b) - urgency(a) || compareNames(a.account.id, b.account.id) || compareNames(a.person.id, b.person.id));
    const darkAccounts = darkAccountRows(result.activity, result.diagnostics, result.workspace.config.darkAfter)
      .filter((a) => !values.tier || a.tier === values.tier)
      .filter((a) => !values.owner || a.owner === values.owner)
      .filter((a) => anyInFocus(focus, [a.file]));
    // Follow-ups are the account owner's: --owner and --tier filter them by their account.
    const followUps = dueFollowUps(result.workspace, result.asOf)
      .filter((f) => !values.tier || f.account.tier === values.tier)
      .filter((f) => !values.owner || f.owner === values.owner)
      .filter((f) => anyInFocus(focus, [f.interaction.doc.path, ...(f.account.doc ? [f.account.doc.path] : [])]));
    const onlyFollowUps = values['follow-ups'] === true;
    print(call, formatter, {
      asOf: result.asOf, rows: onlyFollowUps ? [] : overdueRows(cadences), darkAccounts: onlyFollowUps ? [] : darkAccounts,
      followUps: followUpRows(followUps), onlyFollowUps, explain: values.explain ?? false,
    }, result.locale);
    return reportProblems(io, [...notes, ...unreadableNotes(loaded)], failed, undefined, call.locale);
  },
});

/** An `--owner` that owns nothing would print a false all-clear: it is a usage error naming the owners. */
function checkOwner(owner: string, result: Awaited<ReturnType<typeof loadWorkspace>>['result']): void {
  const owners = new Set<string>();
  for (const a of result.workspace.accounts.values()) if (typeof a.data?.owner === 'string') owners.add(a.data.owner);
  for (const c of result.cadences) if (c.owner) owners.add(c.owner);
  if (owners.has(owner)) return;
  const suggestion = closest(owner, owners);
  const known = [...owners].sort(compareNames);
  throw usage('error.no-owner', { owner, suggestion, owners: known.join(', ') });
}
