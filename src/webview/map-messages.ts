/** Messages between the decision-chain map webview and the extension. The extension validates every message it receives. */
import type { Locale } from '../core/i18n/catalogue.js';
import type { MapModel } from '../core/map/model.js';

export interface MapStrings {
  /** The hover card (as in the matrix). */
  stance: string;
  influence: string;
  coverageLabel: string;
  cadence: string;
  temperature: string;
  stage: string;
  /** The toolbar. */
  informal: string;
  paths: string;
  openMatrix: string;
  noPath: string;
  hint: string;
  empty: string;
}

/** The card text of a person, by id: the marks and the path lines said in words (from the core's catalogue). */
export type ToWebview = {
  type: 'model';
  model: MapModel;
  locale: Locale;
  /** Bumped at every model sent: a drag names the revision it was made on, and is refused on an older one. */
  revision: number;
  showInformal: boolean;
  strings: MapStrings;
};

export type FromWebview =
  | { type: 'ready' }
  | { type: 'open'; person: string }
  /** A drop of `person`'s card on `manager`'s: `person` now reports to `manager`. */
  | { type: 'reparent'; person: string; manager: string; revision: number }
  | { type: 'informal'; show: boolean }
  | { type: 'openMatrix' }
  | { type: 'undo' }
  | { type: 'redo' };

const person = (people: ReadonlySet<string>, v: unknown): v is string => typeof v === 'string' && people.has(v);

/**
 * Checks a message from the webview against the people currently shown; anything else (an unknown
 * person, a revision that is not a counter, an unknown type) is rejected.
 */
export function validateMapMessage(message: unknown, people: ReadonlySet<string>): FromWebview | undefined {
  if (!message || typeof message !== 'object') return undefined;
  const m = message as Record<string, unknown>;
  switch (m.type) {
    case 'ready':
    case 'undo':
    case 'redo':
    case 'openMatrix':
      return { type: m.type };
    case 'open':
      return person(people, m.person) ? { type: 'open', person: m.person } : undefined;
    case 'reparent':
      return person(people, m.person) && person(people, m.manager) && Number.isSafeInteger(m.revision) && (m.revision as number) >= 0
        ? { type: 'reparent', person: m.person, manager: m.manager, revision: m.revision as number }
        : undefined;
    case 'informal':
      return typeof m.show === 'boolean' ? { type: 'informal', show: m.show } : undefined;
    default:
      return undefined;
  }
}
