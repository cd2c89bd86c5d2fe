/**
 * `keyplan diff --format markdown`: a pull-request comment. A short headline list first, then one
 * section per changed account with tables, long lists folded into <details>. Self-contained and
 * link-free: plan text is escaped, so a name with `|`, backticks, `<details>`, `@someone` or `#123`
 * cannot break a table, open HTML, mention a user or link an issue.
 */
import type { AccountDiff, FindingRef, MapChange, WorkspaceDiff } from '../../../core/diff/diff.js';
import { renderMermaid } from '../../../core/map/mermaid.js';
import { uniqueFindings } from '../../../core/diff/headlines.js';
import type { Locale } from '../../../core/i18n/catalogue.js';
import { cliWord, tc } from '../../../core/i18n/cli.js';
import { escapeMarkdownForPlatform as escapeMarkdown, markdownTable } from '../../../core/render/markdown.js';
import type { Formatter } from '../formatter.js';
import type { DiffHeader, DiffOutput } from './model.js';
import { arrow, DiffWords, shorten } from './words.js';

/** Headlines shown before the fold; the rest go into a <details> block. */
const HEADLINES_SHOWN = 10;
/** Longer lists are folded. */
const FOLD_AFTER = 8;

/**
 * A code span that survives any backticks inside (file names come from the pull request). In a
 * table cell a `|` must be escaped even inside a code span, or it ends the cell.
 */
function code(text: string, inTable = false): string {
  const clean = text.replace(/[\r\n\u2028\u2029\u0085\v\f]+/g, ' ').replace(/[\u0000-\u0008\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, '\ufffd');
  const runs = clean.match(/`+/g) ?? [];
  const fence = '`'.repeat(Math.max(0, ...runs.map((r) => r.length)) + 1);
  const pad = clean.startsWith('`') || clean.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${inTable ? clean.replace(/\|/g, '\\|') : clean}${pad}${fence}`;
}

function details(summary: string, body: string): string {
  return `<details><summary>${summary}</summary>\n\n${body.trimEnd()}\n\n</details>\n`;
}

/** Folds a table when it has many rows. */
function maybeFold(rows: number, summary: string, table: string): string {
  return rows > FOLD_AFTER ? details(summary, table) : table;
}

export function formatDiffMarkdown(diff: WorkspaceDiff, header: DiffHeader, locale: Locale): string {
  const w = new DiffWords(locale, escapeMarkdown, (s) => `**${s}**`);
  const t = w.t;
  const out: string[] = [];
  out.push(`### ${t.title}: ${code(header.base)} → ${code(header.head)} · ${t.asOf} ${diff.asOf}`, '');
  if (!diff.accounts.length && !diff.headlines.length && !diff.files.length) {
    out.push(t.noChanges, '');
    return out.join('\n');
  }
  out.push(escapeMarkdown(w.totals(diff.totals)), '');
  if (diff.headlines.length) {
    const lines = diff.headlines.map((h) => `- ${w.headline(h)}`);
    out.push(...lines.slice(0, HEADLINES_SHOWN), '');
    if (lines.length > HEADLINES_SHOWN) out.push(details(`${lines.length - HEADLINES_SHOWN} ${t.more}`, lines.slice(HEADLINES_SHOWN).join('\n')));
  }
  for (const a of diff.accounts) out.push(accountSection(a, w, header));
  const ws = diff.workspace.findings;
  if (ws.introduced.length || ws.resolved.length) {
    out.push(`#### ${t.workspace}`, '', findingsBlock(ws.introduced, ws.resolved, [], w));
  }
  out.push(`<sub>${t.generated} · ${escapeMarkdown(header.base)} → ${escapeMarkdown(header.head)}</sub>`, '');
  return out.join('\n').replace(/\n{3,}/g, '\n\n');
}

function accountSection(a: AccountDiff, w: DiffWords, header: DiffHeader): string {
  const t = w.t;
  const out: string[] = [];
  const status = a.change === 'added' ? ` · **${t.newAccount}**` : a.change === 'removed' ? ` · **${t.removedAccount}**` : '';
  out.push(`#### ${escapeMarkdown(a.name)} · ${t.tier} ${a.tier ?? '?'} · ${t.owner} ${escapeMarkdown(a.owner ?? '?')}${status}`, '');

  const rows: string[][] = a.fields.map((f) => [w.fieldName(f.field), w.side(f, 'from'), w.side(f, 'to') + arrow(f.direction)]);
  if (a.health) {
    const show = (s: { score?: number; band?: string }) => (s.score === undefined ? '?' : `${s.score} ${w.word(s.band ?? '')}`);
    rows.push([t.health, show(a.health.from), show(a.health.to) + arrow(a.health.direction)]);
    for (const part of a.health.to.parts) {
      const before = a.health.from.parts.find((p) => p.part === part.part)?.score;
      if (before !== part.score) rows.push([`· ${w.word(part.part)}`, String(before ?? '?'), String(part.score ?? '?')]);
    }
  }
  if (rows.length) out.push(markdownTable([t.field, t.before, t.after], rows));

  const m = header.matrix?.get(a.id);
  if (m && (m.before || m.after)) {
    const img = (alt: string, src?: string) => (src ? `![${escapeMarkdown(alt)}](${encodeURI(src).replace(/\(/g, '%28').replace(/\)/g, '%29')})` : '—');
    out.push(markdownTable([t.before, t.after], [[img(`${a.name} ${t.before}`, m.before), img(`${a.name} ${t.after}`, m.after)]]));
  }

  if (a.people.length) {
    const peopleRows = a.people.map((p) => [`${escapeMarkdown(p.name)}${p.title ? ` · ${escapeMarkdown(shorten(p.title, 40))}` : ''}`, w.personClauses(p).join(' · ')]);
    out.push(`**${t.people}**`, '', maybeFold(peopleRows.length, `${t.people} (${peopleRows.length})`, markdownTable([t.person, t.change], peopleRows)));
  }

  if (a.map) out.push(chainSection(a.map, w));

  const plan = a.plan;
  if (plan.added.length || plan.removed.length || plan.contacts.length) {
    const planRows: string[][] = [];
    for (const p of plan.added) planRows.push([code(p.file, true), `${t.planAdded}${p.period ? ` (${p.period})` : ''}`]);
    for (const p of plan.removed) planRows.push([code(p.file, true), `${t.planRemoved}${p.period ? ` (${p.period})` : ''}`]);
    for (const c of plan.contacts) {
      const what = c.change === 'added' ? [t.contactAdded, ...c.fields.filter((f) => f.to !== undefined).map((f) => w.field(f))]
        : c.change === 'removed' ? [t.contactRemoved]
        : c.fields.map((f) => w.field(f));
      planRows.push([escapeMarkdown(c.name), what.join(' · ')]);
    }
    out.push(`**${t.plan}**`, '', maybeFold(planRows.length, `${t.plan} (${planRows.length})`, markdownTable([t.contact, t.change], planRows)));
  }

  const ix = a.interactions;
  if (ix.added.length || ix.edited.length || ix.removed.length) {
    const met = w.list(ix.met.map((m) => `${escapeMarkdown(m.name)}${m.count > 1 ? ` ×${m.count}` : ''}`));
    const extra = [ix.edited.length ? `${ix.edited.length} ${t.edited}` : '', ix.removed.length ? `${ix.removed.length} ${t.removedEntries}` : ''].filter(Boolean).join(', ');
    out.push(`**${t.interactions}: ${ix.added.length}**${met ? ` — ${t.met} ${met}` : ''}${extra ? ` (${extra})` : ''}`, '');
    const entryRows = [...ix.added.map((i) => ['', i]), ...ix.edited.map((i) => [t.edited, i]), ...ix.removed.map((i) => [t.removedEntries, i])] as [string, typeof ix.added[number]][];
    if (entryRows.length) {
      const table = markdownTable([t.date, t.channel, t.with, t.summary], entryRows.map(([tag, i]) => [
        `${i.date}${tag ? ` (${tag})` : ''}`, w.word(i.channel), w.list(i.people.map((p) => escapeMarkdown(p.name))), escapeMarkdown(shorten(i.summary)),
      ]));
      out.push(details(w.entries(entryRows.length), table));
    }
  }

  if (a.cadence.length) {
    const show = (s: { state: string; overdueBy?: number; expected?: { ideal: number; max: number } }) =>
      `${w.word(s.state)}${s.state === 'overdue' && s.overdueBy ? tc(w.locale, 'diff.overdue-by', { n: s.overdueBy }) : ''}${s.expected ? ` (${s.expected.ideal}/${s.expected.max})` : ''}`;
    const cadenceRows = a.cadence.map((c) => [escapeMarkdown(c.name), show(c.from), show(c.to) + arrow(c.direction)]);
    out.push(`**${t.cadence}**`, '', maybeFold(cadenceRows.length, `${t.cadence} (${cadenceRows.length})`, markdownTable([t.person, t.before, t.after], cadenceRows)));
  }

  if (a.objectives.length) {
    const objRows = a.objectives.map((o) => {
      const what = o.change === 'added' ? `${t.added}${o.status ? ` · ${w.word(o.status)}` : ''}${o.due ? ` · ${o.due}` : ''}`
        : o.change === 'removed' ? t.removed
        : (o.done ? [`**${t.done}** ✔`] : []).concat(o.fields.filter((f) => !(o.done && f.field === 'status')).map((f) => w.field(f))).join(' · ');
      return [`${code(o.id, true)} ${escapeMarkdown(shorten(o.title, 60))}`, what];
    });
    out.push(`**${t.objectives}**`, '', markdownTable([t.objective, t.change], objRows));
  }

  const f = a.findings;
  if (f.introduced.length || f.resolved.length || f.severityChanged.length) out.push(findingsBlock(f.introduced, f.resolved, f.severityChanged, w));

  if (a.files.length) {
    const fileLines = a.files.map((x) => `- ${x.change === 'renamed' ? `${t.renamed} ${code(x.from!)} → ${code(x.path)}` : `${x.change === 'added' ? t.added : x.change === 'removed' ? t.removed : t.modified} ${code(x.path)}`}`);
    out.push(details(`${t.files} (${a.files.length})`, fileLines.join('\n')));
  }
  return out.join('\n') + '\n';
}

/**
 * The decision chain of the people at either end of a changed reporting or influence line: the
 * lines in words, then the map of those people before and after, as Mermaid charts (GitHub draws
 * them; the labels are escaped with Mermaid's entity codes, so no name can end the code block).
 */
function chainSection(map: MapChange, w: DiffWords): string {
  const t = w.t;
  const names = new Map([...map.before.nodes, ...map.after.nodes].map((n) => [n.id, n.name]));
  const line = (e: MapChange['added'][number]) =>
    `${escapeMarkdown(names.get(e.from) ?? e.from)} → ${escapeMarkdown(names.get(e.to) ?? e.to)} (${w.fieldName(e.kind === 'reports-to' ? 'reports_to' : 'influences')}${e.strength ? `, ${escapeMarkdown(cliWord('strength', e.strength, w.locale))}` : ''})`;
  const out = [`**${t.decisionChain}**: ${map.added.length} ${t.chainLinesAdded}, ${map.removed.length} ${t.chainLinesRemoved}`, ''];
  for (const e of map.added) out.push(`- 🆕 ${line(e)}`);
  for (const e of map.removed) out.push(`- ✖ ${line(e)}`);
  out.push('');
  const chart = (m: MapChange['before']) => (m.nodes.length ? `\`\`\`mermaid\n${renderMermaid(m, { locale: w.locale })}\`\`\`` : '—');
  out.push(`${t.before} (${t.chainLines}):`, '', chart(map.before), '', `${t.after}:`, '', chart(map.after), '');
  return out.join('\n');
}

function findingsBlock(introduced: FindingRef[], resolved: FindingRef[], severityChanged: (FindingRef & { from: string })[], w: DiffWords): string {
  const t = w.t;
  const shown = (list: FindingRef[]) => uniqueFindings(list).filter((x) => x.severity !== 'info');
  const intro = shown(introduced);
  const res = shown(resolved);
  const hidden = uniqueFindings(introduced).length - intro.length + uniqueFindings(resolved).length - res.length;
  const row = (tag: string, x: FindingRef) => [tag, w.severity(x.severity), code(x.rule, true), code(`${x.file}:${x.line}`, true), escapeMarkdown(shorten(x.message, 200))];
  const rows = [
    ...intro.map((x) => row(`🆕 ${t.introduced}`, x)),
    ...severityChanged.filter((x) => x.severity !== 'info' || x.from !== 'info').map((x) => row(`${t.severityChanged} (${w.severity(x.from)} →)`, x)),
    ...res.map((x) => row(`✅ ${t.resolved}`, x)),
  ];
  const head = `**${t.findings}**: ${intro.length} ${t.introduced}, ${res.length} ${t.resolved}${hidden ? ` (+${hidden} ${t.infoHidden})` : ''}`;
  if (!rows.length) return `${head}\n`;
  const table = markdownTable(['', t.severity, t.rule, t.where, t.message], rows);
  return `${head}\n\n${rows.length > FOLD_AFTER || !intro.length ? details(w.findings(rows.length), table) : table}`;
}

export const markdown: Formatter<DiffOutput> = ({ diff, header }, { locale }) => formatDiffMarkdown(diff, header, locale);
