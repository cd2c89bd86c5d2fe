/**
 * The words of a relationship history (`keyplan history`, the editor's History view), laid out for
 * one output: one sentence per change, a trajectory per person. `esc` is applied to every piece of plan and commit text (names, titles, authors,
 * subjects) so each output escapes it for its medium. The words in every language are in
 * src/core/i18n/history.ts (and the values' in src/core/i18n/diff.ts).
 */
import type { HistoryChange, PersonTrajectory, RevisionInfo } from './model.js';
import type { Value } from '../diff/model.js';
import { diffWord } from '../i18n/diff.js';
import { HISTORY_FIELDS, HISTORY_MESSAGES, HISTORY_PHRASES, HISTORY_VALUES, type HistoryMessageId, type HistoryPhrase } from '../i18n/history.js';
import { localize, localizeText, type Locale, type Params } from '../i18n/locale.js';
import { arrow, shorten } from '../render/text.js';

type Esc = (s: string) => string;

export class HistoryWords {
  readonly t: Record<HistoryPhrase, string>;

  constructor(readonly locale: Locale, readonly esc: Esc) {
    this.t = Object.fromEntries(Object.entries(HISTORY_PHRASES).map(([key, text]) => [key, localizeText(text, locale)])) as Record<HistoryPhrase, string>;
  }

  say(id: HistoryMessageId, params: Params = {}): string {
    return localize(HISTORY_MESSAGES[id], this.locale, params);
  }

  /** A value in the reader's language: vocabulary words translated, anything else escaped. */
  value(v: Value | undefined): string {
    if (v === undefined || v === null || v === '') return this.t.none;
    if (Array.isArray(v)) return v.length ? v.map((x) => this.value(x)).join(', ') : this.t.none;
    if (typeof v === 'number' || typeof v === 'boolean') return String(v);
    if (Object.hasOwn(HISTORY_VALUES, v)) return localizeText(HISTORY_VALUES[v], this.locale);
    return diffWord(v, this.locale) ?? this.esc(v);
  }

  field(f: string): string {
    return Object.hasOwn(HISTORY_FIELDS, f) ? localizeText(HISTORY_FIELDS[f], this.locale) : this.esc(f);
  }

  /** One change as a sentence (without date and commit). */
  change(c: HistoryChange): string {
    const name = this.esc(c.name);
    const from = this.value(c.from);
    const to = this.value(c.to);
    const dir = arrow(c.direction);
    if (c.subject === 'person') {
      if (c.change === 'added') return this.say('person.added', { name, stance: to });
      if (c.change === 'removed') return this.say('person.removed', { name });
      switch (c.field) {
        case 'status': return this.say(c.to === 'left' ? 'person.left' : 'person.returned', { name });
        case 'stance': return this.say('person.stance', { name, from, to }) + dir;
        case 'personal-notes': return this.say('person.notes', { name });
        case 'roles': return this.say('person.roles', { name, roles: [...(c.roles?.added ?? []).map((r) => `+${this.esc(r)}`), ...(c.roles?.removed ?? []).map((r) => `−${this.esc(r)}`)].join(' ') });
        default: return this.say('person.field', { name, field: this.field(c.field ?? ''), from, to }) + dir;
      }
    }
    if (c.change === 'added' && c.field !== 'objective') return this.say('account.added', { name, tier: c.to === undefined ? undefined : this.value(c.to) });
    if (c.change === 'removed' && c.field !== 'objective') return this.say('account.removed', { name });
    if (c.field === 'objective') {
      const title = this.esc(shorten(c.objective?.title ?? '', 60));
      if (c.change === 'added') return this.say('objective.added', { title, to });
      if (c.change === 'removed') return this.say('objective.removed', { title });
      return this.say('objective.changed', { title, from, to }) + dir;
    }
    return this.say('account.field', { field: this.field(c.field ?? ''), from, to }) + dir;
  }

  /** `author: subject` of a revision. */
  by(r: RevisionInfo): string {
    return this.say('by', { author: this.esc(r.author), subject: this.esc(shorten(r.subject, 100)) });
  }

  /** `neutral ·4 (2026-09-01) → supporter ·4 (2026-10-12)`: the first point, then each move of stance or influence, with its date. */
  trajectory(t: PersonTrajectory): string {
    return t.points.map((p) => `${this.value(p.stance)}${p.influence !== undefined ? ` ·${p.influence}` : ''} (${p.date})`).join(' → ');
  }
}
