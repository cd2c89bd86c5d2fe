/** `keyplan diff` in the terminal: headlines, then one indented block per changed account. */
import type { AccountDiff, FindingRef, WorkspaceDiff } from '../../../core/diff/diff.js';
import { tc } from '../../../core/i18n/cli.js';
import { uniqueFindings } from '../../../core/diff/headlines.js';
import type { Locale } from '../../../core/i18n/catalogue.js';
import type { Style } from '../../output/style.js';
import { forTerminal, oneLine } from '../../output/terminal.js';
import type { Formatter } from '../formatter.js';
import type { DiffHeader, DiffOutput } from './model.js';
import { arrow, DiffWords, shorten } from './words.js';

const plain = (s: string) => oneLine(String(s));

export function formatDiffText(diff: WorkspaceDiff, header: DiffHeader, locale: Locale, style: Style): string {
  const w = new DiffWords(locale, plain, style.bold);
  const t = w.t;
  const out: string[] = [style.bold(`${t.title}: ${header.base} → ${header.head}, ${t.asOf} ${diff.asOf}`)];
  if (!diff.accounts.length && !diff.headlines.length && !diff.files.length) {
    out.push(t.noChanges);
    return out.join('\n') + '\n';
  }
  out.push(w.totals(diff.totals), '');
  if (diff.headlines.length) {
    out.push(style.bold(t.highlights));
    for (const h of diff.headlines) out.push(`  • ${w.headline(h)}`);
    out.push('');
  }
  for (const a of diff.accounts) out.push(accountBlock(a, w, style), '');
  const ws = diff.workspace.findings;
  if (ws.introduced.length || ws.resolved.length) {
    out.push(style.bold(t.workspace), ...findingLines(ws.introduced, ws.resolved, [], w, style), '');
  }
  return out.join('\n').replace(/\n+$/, '') + '\n';
}

function accountBlock(a: AccountDiff, w: DiffWords, style: Style): string {
  const t = w.t;
  const status = a.change === 'added' ? ` · ${t.newAccount}` : a.change === 'removed' ? ` · ${t.removedAccount}` : '';
  const out: string[] = [style.bold(`${plain(a.name)} (${a.id}) · ${t.tier} ${a.tier ?? '?'} · ${t.owner} ${plain(a.owner ?? '?')}${status}`)];
  const section = (title: string, lines: string[]) => {
    if (lines.length) out.push(`  ${style.underline(title)}`, ...lines.map((l) => `    ${l}`));
  };
  section(t.account, a.fields.map((f) => w.field(f)));
  if (a.health) {
    const show = (s: { score?: number; band?: string }) => (s.score === undefined ? '?' : `${s.score} ${w.word(s.band ?? '')}`);
    const parts = a.health.to.parts
      .map((p) => ({ p, before: a.health!.from.parts.find((x) => x.part === p.part)?.score }))
      .filter(({ p, before }) => before !== p.score)
      .map(({ p, before }) => `${w.word(p.part)} ${before ?? '?'} → ${p.score ?? '?'}`);
    section(t.health, [`${show(a.health.from)} → ${show(a.health.to)}${arrow(a.health.direction)}${parts.length ? ` (${parts.join(', ')})` : ''}`]);
  }
  section(t.people, a.people.map((p) => `${plain(p.name)}${p.title ? ` · ${plain(shorten(p.title, 40))}` : ''}: ${w.personClauses(p).join('; ')}`));
  const plan = a.plan;
  section(t.plan, [
    ...plan.added.map((p) => `${t.planAdded}: ${p.file}${p.period ? ` (${p.period})` : ''}`),
    ...plan.removed.map((p) => `${t.planRemoved}: ${p.file}${p.period ? ` (${p.period})` : ''}`),
    ...plan.contacts.map((c) => {
      const what = c.change === 'added' ? [t.contactAdded, ...c.fields.filter((f) => f.to !== undefined).map((f) => w.field(f))]
        : c.change === 'removed' ? [t.contactRemoved]
        : c.fields.map((f) => w.field(f));
      return `${plain(c.name)}: ${what.join('; ')}`;
    }),
  ]);
  const ix = a.interactions;
  if (ix.added.length || ix.edited.length || ix.removed.length) {
    const met = w.list(ix.met.map((m) => `${plain(m.name)}${m.count > 1 ? ` ×${m.count}` : ''}`));
    const entry = (i: (typeof ix.added)[number], tag = '') => `${i.date} ${w.word(i.channel)} ${w.list(i.people.map((p) => plain(p.name)))}: ${plain(shorten(i.summary))}${tag ? ` (${tag})` : ''}`;
    section(`${t.interactions}: ${ix.added.length}${met ? ` — ${t.met} ${met}` : ''}`, [
      ...ix.added.map((i) => entry(i)),
      ...ix.edited.map((i) => entry(i, t.edited)),
      ...ix.removed.map((i) => entry(i, t.removedEntries)),
    ]);
  }
  section(t.cadence, a.cadence.map((c) => {
    const show = (s: { state: string; overdueBy?: number; expected?: { ideal: number; max: number } }) =>
      `${w.word(s.state)}${s.state === 'overdue' && s.overdueBy ? tc(w.locale, 'diff.overdue-by', { n: s.overdueBy }) : ''}${s.expected ? ` (${s.expected.ideal}/${s.expected.max})` : ''}`;
    return `${plain(c.name)}: ${show(c.from)} → ${show(c.to)}${arrow(c.direction)}`;
  }));
  section(t.objectives, a.objectives.map((o) => {
    const what = o.change === 'added' ? `${t.added}${o.status ? `, ${w.word(o.status)}` : ''}${o.due ? `, ${o.due}` : ''}`
      : o.change === 'removed' ? t.removed
      : [...(o.done ? [`${t.done} ✔`] : []), ...o.fields.filter((f) => !(o.done && f.field === 'status')).map((f) => w.field(f))].join('; ');
    return `${o.id} ${plain(shorten(o.title, 60))}: ${what}`;
  }));
  const f = a.findings;
  if (f.introduced.length || f.resolved.length || f.severityChanged.length) section(t.findings, findingLines(f.introduced, f.resolved, f.severityChanged, w, style).map((l) => l.trimStart()));
  section(t.files, a.files.map((x) => (x.change === 'renamed' ? `${t.renamed} ${x.from} → ${x.path}` : `${x.change === 'added' ? t.added : x.change === 'removed' ? t.removed : t.modified} ${x.path}`)));
  return out.join('\n');
}

function findingLines(introduced: FindingRef[], resolved: FindingRef[], severityChanged: (FindingRef & { from: string })[], w: DiffWords, style: Style): string[] {
  const t = w.t;
  const color = (s: string) => (s === 'error' ? style.red : s === 'warning' ? style.yellow : style.blue)(w.severity(s));
  const line = (tag: string, x: FindingRef) => `  ${tag} ${color(x.severity)} ${style.dim(x.rule)} ${x.file}:${x.line}:${x.column} ${plain(x.message)}`;
  const intro = uniqueFindings(introduced).filter((x) => x.severity !== 'info');
  const res = uniqueFindings(resolved).filter((x) => x.severity !== 'info');
  return [
    ...intro.map((x) => line(`+ ${t.introduced}`, x)),
    ...severityChanged.map((x) => line(`~ ${t.severityChanged} (${w.severity(x.from)} →)`, x)),
    ...res.map((x) => line(`- ${t.resolved}`, x)),
  ];
}

/** Plan text made safe for the terminal before it is laid out. */
export const text: Formatter<DiffOutput> = ({ diff, header }, { locale, style }) => formatDiffText(forTerminal(diff), forTerminal(header), locale, style);
