/**
 * `keyplan history` in the terminal: a header, one line per change ("2026-10-12 周建华 neutral →
 * supporter · 李强: QBR 后更新立场"), then each person's stance trajectory, key players first.
 */
import { displayWidth } from '../../output/table.js';
import { terminalSafeLine } from '../../output/terminal.js';
import type { Formatter } from '../formatter.js';
import type { HistoryOutput } from './model.js';
import { HistoryWords } from '../../../core/history/words.js';

export const text: Formatter<HistoryOutput> = ({ history: h, since, until, derived }, { locale, style }) => {
  const shown = derived ? h.changes : h.changes.filter((c) => !c.derived);
  const w = new HistoryWords(locale, terminalSafeLine);
  const from = since ? terminalSafeLine(since.label) : h.revisions[0] ? `${h.revisions[0].date} (${h.revisions[0].id.slice(0, 7)})` : '?';
  const out: string[] = [style.bold(w.say('header', { name: w.esc(h.name), id: w.esc(h.account), from, to: terminalSafeLine(until.label) }))];
  const revisionsWithChanges = new Set(shown.map((c) => c.revision)).size;
  if (!h.start && !h.end?.account && !shown.length) {
    out.push(w.t.noAccount);
    return out.join('\n') + '\n';
  }
  out.push(w.say('counts', { changes: shown.length, revisions: revisionsWithChanges }), '');
  if (!shown.length) out.push(w.t.noChanges);
  for (const c of shown) {
    const r = h.revisions[c.revision];
    out.push(`${r.date} ${w.change(c)} ${style.dim(`· ${w.by(r)}`)}`);
  }
  const moved = h.trajectories.filter((t) => t.points.length > 0);
  if (moved.length) {
    out.push('', style.bold(w.t.trajectories));
    const width = Math.max(...moved.map((t) => displayWidth(w.esc(t.name))));
    for (const t of moved) {
      const tags = [t.keyPlayer ? w.t.key : '', t.status === 'left' ? w.t.left : ''].filter(Boolean).join(', ');
      const name = w.esc(t.name);
      out.push(`  ${name}${' '.repeat(Math.max(0, width - displayWidth(name)))}  ${w.trajectory(t)}${tags ? style.dim(` (${tags})`) : ''}`);
    }
  }
  return out.join('\n') + '\n';
};
