/**
 * The words of `keyplan diff`, laid out for one output: vocabulary values, field names and the
 * sentences that describe each change. Text and Markdown output share them; `esc` is applied to
 * every piece of plan text (names, titles, summaries) so the Markdown output can escape it. The
 * words themselves, in every language, are in src/core/i18n/diff.ts.
 */
import type { FieldChange, PersonDiff, Value } from '../../../core/diff/diff.js';
import type { Headline } from '../../../core/diff/headlines.js';
import { DIFF_FIELDS, DIFF_MESSAGES, DIFF_PHRASES, DIFF_SEVERITIES, diffWord, type DiffMessageId, type DiffPhrase } from '../../../core/i18n/diff.js';
import { localize, localizeText, type Locale, type Params } from '../../../core/i18n/locale.js';
import { TEXT_FIELDS, VOCABULARY_FIELDS } from './vocabulary.js';

type Esc = (s: string) => string;

import { arrow, shorten } from '../../../core/render/text.js';

export { arrow, shorten };

export class DiffWords {
  /** Section titles and fixed phrases in the reader's language. */
  readonly t: Record<DiffPhrase, string>;

  constructor(readonly locale: Locale, readonly esc: Esc, readonly strong: (s: string) => string = (s) => s) {
    this.t = Object.fromEntries(Object.entries(DIFF_PHRASES).map(([key, text]) => [key, localizeText(text, locale)])) as Record<DiffPhrase, string>;
  }

  private say(id: DiffMessageId, params: Params = {}): string {
    return localize(DIFF_MESSAGES[id], this.locale, params);
  }

  /** A vocabulary value in the reader's language (English keeps the value itself). */
  word(v: Value | undefined): string {
    if (v === undefined || v === null || v === '') return this.t.none;
    if (Array.isArray(v)) return v.length ? this.list(v.map((x) => this.word(x))) : this.t.none;
    const s = String(v);
    return diffWord(s, this.locale) ?? this.esc(s);
  }

  quadrant(q: string): string {
    return diffWord(q, this.locale) ?? q;
  }

  fieldName(field: string): string {
    return Object.hasOwn(DIFF_FIELDS, field) ? localizeText(DIFF_FIELDS[field], this.locale) : field;
  }

  /** One side of a field change: vocabulary translated, plan text escaped and shortened, ids as they are. */
  side(change: FieldChange, which: 'from' | 'to'): string {
    const v = change[which];
    if (TEXT_FIELDS.has(change.field) && typeof v === 'string') return this.esc(shorten(v, 60));
    if (VOCABULARY_FIELDS.has(change.field) || v === undefined || v === null || v === '') return this.word(v);
    return Array.isArray(v) ? this.list(v.map((x) => this.esc(x))) : this.esc(String(v));
  }

  /** `from → to` for a field, with an arrow when it got better or worse. */
  fromTo(change: FieldChange): string {
    return `${this.side(change, 'from')} → ${this.side(change, 'to')}${arrow(change.direction)}`;
  }

  field(change: FieldChange): string {
    if (change.field === 'next' && change.to !== undefined) return this.say('next-planned', { date: String(change.to) });
    if (change.field === 'content') return this.t.contentChanged;
    return `${this.fieldName(change.field)} ${this.fromTo(change)}`;
  }

  /** Items joined with the reader's list separator. */
  list(items: string[]): string {
    return items.join(this.t.listSeparator);
  }

  names(names: string[] | undefined, max = 6): string {
    const list = (names ?? []).map((n) => this.esc(n));
    const shown = list.slice(0, max);
    const more = list.length - shown.length;
    return this.list(shown) + (more > 0 ? this.say('names-more', { more, total: list.length }) : '');
  }

  /** `(3 steps)` when a stance moved more than one step. */
  private steps(steps: number | undefined): string {
    return steps && steps > 1 ? this.say('steps', { steps }) : '';
  }

  /** Everything that changed about one person, as short clauses. */
  personClauses(p: PersonDiff): string[] {
    const t = this.t;
    const out: string[] = [];
    const s = p.snapshot;
    if (p.change === 'added') {
      out.push(this.strong(t.personNew));
      if (s.roles.length) out.push(s.roles.map((r) => this.esc(r)).join('/'));
      out.push(this.say('person.influence', { influence: s.influence ?? '?' }));
      out.push(this.say('person.stance', { stance: this.word(s.stance) }));
      out.push(this.say('person.coverage', { coverage: this.word(s.coverage) }));
      if (s.quadrant !== 'unplaced') out.push(this.quadrant(s.quadrant));
      return out;
    }
    if (p.change === 'removed') {
      out.push(this.strong(t.personRemoved));
      if (s.roles.length) out.push(this.say('person.was', { roles: s.roles.join('/') }));
      return out;
    }
    if (p.renamed) out.push(this.say('person.renamed', { from: this.esc(p.renamed.from), to: this.esc(p.renamed.to) }));
    if (p.movedFrom) out.push(this.say('person.moved', { account: this.esc(p.movedFrom) }));
    if (p.left) out.push(this.strong(t.personLeft));
    if (p.returned) out.push(t.personReturned);
    if (p.stance) out.push(`${t.stance} ${this.word(p.stance.from)} → ${this.word(p.stance.to)}${arrow(p.stance.direction)}${this.steps(p.stance.steps)}`);
    if (p.influence) out.push(`${t.influence} ${p.influence.from ?? '?'} → ${p.influence.to ?? '?'}`);
    if (p.coverage) out.push(`${t.coverage} ${this.word(p.coverage.from)} → ${this.word(p.coverage.to)}${arrow(p.coverage.direction)}`);
    if (p.roles) out.push(`${t.roles} ${[...p.roles.added.map((r) => `+${this.esc(r)}`), ...p.roles.removed.map((r) => `−${this.esc(r)}`)].join(' ')}`);
    if (p.quadrant) out.push(`${this.quadrant(p.quadrant.from)} → ${this.quadrant(p.quadrant.to)}`);
    for (const f of p.fields) out.push(this.field(f));
    if (p.personalNotesChanged) out.push(t.personalNotesChanged);
    return out;
  }

  /** `schema ×2, unknown-reference` */
  private rules(h: Headline): string {
    return this.list((h.rules ?? []).map((r) => `${r.rule}${r.count > 1 ? ` ×${r.count}` : ''}`));
  }

  /** One headline as a sentence. */
  headline(h: Headline): string {
    const text = this.headlineText(h);
    const account = h.kind !== 'config' && h.accountName ? this.esc(h.accountName) : '';
    return account ? this.say('headline.at', { account, text }) : text;
  }

  private headlineText(h: Headline): string {
    const names = this.names(h.names);
    const n = h.count ?? 0;
    switch (h.kind) {
      case 'account-added':
      case 'account-removed':
      case 'person-added':
      case 'person-removed':
      case 'became-overdue':
      case 'interactions':
        return this.say(`headline.${h.kind}`, { n, names });
      case 'tier':
        return this.say('headline.tier', { from: this.word(h.from), to: this.word(h.to), fromValue: String(h.from), toValue: String(h.to) });
      case 'stance': {
        if (h.from === 'unknown') return this.say('headline.stance-assessed', { names, to: this.word(h.to) });
        if (h.to === 'unknown') return this.say('headline.stance-unknown', { names, from: this.word(h.from) });
        return this.say('headline.stance', { names, from: this.word(h.from), to: this.word(h.to), arrow: arrow(h.direction), steps: this.steps(h.steps) });
      }
      case 'key-role-added':
      case 'key-role-removed':
        return this.say(`headline.${h.kind}`, { names, role: h.role });
      case 'person-left':
      case 'planned-missed':
      case 'back-on-track':
        return this.say(`headline.${h.kind}`, { names });
      case 'findings-introduced':
        return this.say('headline.findings-introduced', { severity: h.severity, n, rules: this.rules(h) });
      case 'findings-resolved':
        return this.say('headline.findings-resolved', { rules: this.rules(h) });
      case 'health':
        return this.say('headline.health', { fromBand: this.word(h.fromBand ?? ''), from: String(h.from ?? '?'), toBand: this.word(h.toBand ?? ''), to: String(h.to ?? '?'), arrow: arrow(h.direction) });
      case 'review':
        return this.say('headline.review', { from: this.word(h.from), to: this.word(h.to), arrow: arrow(h.direction) });
      case 'owner':
        return this.say('headline.owner', { from: this.word(h.from), to: this.word(h.to) });
      case 'objective-done':
        return this.say('headline.objective-done', { titles: this.list((h.names ?? []).map((t) => this.esc(shorten(t, 60)))) });
      case 'config':
        return this.say('headline.config');
    }
  }

  severity(s: string): string {
    return Object.hasOwn(DIFF_SEVERITIES, s) ? localizeText(DIFF_SEVERITIES[s], this.locale) : s;
  }

  totals(t: { accounts: number; people: { added: number; removed: number; changed: number }; interactions: number; findings: { introduced: number; resolved: number } }): string {
    return this.say('totals', {
      accounts: t.accounts, added: t.people.added, changed: t.people.changed, removed: t.people.removed,
      interactions: t.interactions, introduced: t.findings.introduced, resolved: t.findings.resolved,
    });
  }

  /** `3 entries` of an interaction list folded away. */
  entries(n: number): string {
    return this.say('entries', { n });
  }

  /** `12 findings` of a folded findings table. */
  findings(n: number): string {
    return this.say('findings-count', { n });
  }
}
