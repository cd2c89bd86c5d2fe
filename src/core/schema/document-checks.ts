/** Checks within one document that a JSON Schema cannot express. */
import { daysBetween, isValidDate } from '../dates.js';
import type { Diagnostic } from '../diagnostic.js';
import type { KeyplanDocument } from '../parse/document.js';
import type { Locale } from '../i18n/catalogue.js';
import type { DataPath } from '../parse/yaml-locate.js';
import { schema } from '../rules/format/schema.js';

export function documentChecks(doc: KeyplanDocument, locale: Locale): Diagnostic[] {
  const out: Diagnostic[] = [];
  const cadence = (value: unknown, path: DataPath) => {
    const c = value as { ideal?: unknown; max?: unknown } | undefined;
    if (c && typeof c.ideal === 'number' && typeof c.max === 'number' && c.max < c.ideal) {
      out.push(doc.diagnostic(schema, 'max-below-ideal', doc.locate([...path, 'max'], 'value'), locale, { ideal: c.ideal, max: c.max }, { path: [...path, 'max'] }));
    }
  };
  const period = (value: unknown, path: DataPath) => {
    const p = value as { start?: unknown; end?: unknown } | undefined;
    if (p && isValidDate(p.start) && isValidDate(p.end) && daysBetween(p.start, p.end) < 0) {
      out.push(doc.diagnostic(schema, 'end-before-start', doc.locate([...path, 'end'], 'value'), locale, { start: p.start, end: p.end }, { path: [...path, 'end'] }));
    }
  };
  const data = doc.data;
  if (doc.kind === 'person') cadence(data.cadence, ['cadence']);
  if (doc.kind === 'account' || doc.kind === 'relationship-plan') period(data.period, ['period']);
  if (doc.kind === 'relationship-plan' && Array.isArray(data.contacts)) {
    data.contacts.forEach((c: unknown, i: number) => cadence((c as { cadence?: unknown })?.cadence, ['contacts', i, 'cadence']));
  }
  return out;
}
