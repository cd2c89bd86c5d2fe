/** `keyplan history --format markdown`: the timeline as a table (for a QBR page or a pull request), then the trajectories. */
import { escapeMarkdown, markdownTable } from '../../../core/render/markdown.js';
import type { Formatter } from '../formatter.js';
import type { HistoryOutput } from './model.js';
import { HistoryWords } from '../../../core/history/words.js';

export const markdown: Formatter<HistoryOutput> = ({ history: h, since, until, derived }, { locale }) => {
  const shown = derived ? h.changes : h.changes.filter((c) => !c.derived);
  const w = new HistoryWords(locale, escapeMarkdown);
  const from = since ? escapeMarkdown(since.label) : h.revisions[0] ? `${h.revisions[0].date} (${h.revisions[0].id.slice(0, 7)})` : '?';
  const out: string[] = [`## ${w.say('header', { name: w.esc(h.name), id: w.esc(h.account), from, to: escapeMarkdown(until.label) })}`, ''];
  if (!h.start && !h.end?.account && !shown.length) return [...out, w.t.noAccount, ''].join('\n');
  out.push(w.say('counts', { changes: shown.length, revisions: new Set(shown.map((c) => c.revision)).size }), '');
  if (shown.length) {
    out.push(`### ${w.t.timeline}`, '');
    out.push(markdownTable([w.t.date, w.t.change, w.t.by, w.t.why], shown.map((c) => {
      const r = h.revisions[c.revision];
      return [r.date, w.change(c), w.esc(r.author), `${w.esc(r.subject)} (\`${r.id.slice(0, 7)}\`)`];
    })));
  } else out.push(w.t.noChanges, '');
  if (h.trajectories.length) {
    out.push(`### ${w.t.trajectories}`, '');
    out.push(markdownTable([w.t.person, w.t.trajectory], h.trajectories.map((t) => {
      const tags = [t.keyPlayer ? w.t.key : '', t.status === 'left' ? w.t.left : ''].filter(Boolean).join(', ');
      return [`${w.esc(t.name)}${tags ? ` (${tags})` : ''}`, w.trajectory(t)];
    })));
  }
  return out.join('\n');
};
