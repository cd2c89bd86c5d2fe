/**
 * The person ids a document names: a person's `reports_to` and `influences`, a relationship plan's
 * contacts, an org portrait's approver, an interaction log's @mentions. These are exactly the ids
 * `documentReferences` (model/workspace.ts) looks up among the people, so a document that names
 * none of the ids a change declares or removes keeps its findings about them. Shared by
 * `--changed-since` (affected.ts) and the incremental checker's rename path (pipeline.ts).
 */
import type { KeyplanDocument } from '../parse/document.js';
import { influenceLinks } from '../model/influences.js';

/** `mentions: false` leaves out a log's @mentions (its body is then not parsed). */
export function personReferences(doc: KeyplanDocument, { mentions = true }: { mentions?: boolean } = {}): string[] {
  const d = doc.data;
  const out: string[] = [];
  const add = (v: unknown) => {
    if (typeof v === 'string' && v) out.push(v);
  };
  if (doc.kind === 'person') {
    add(d.reports_to);
    for (const link of influenceLinks(d)) add(link.person);
  } else if (doc.kind === 'relationship-plan') {
    for (const c of Array.isArray(d.contacts) ? d.contacts : []) if (c && typeof c === 'object') add((c as { person?: unknown }).person);
  } else if (doc.kind === 'org-portrait') {
    add((d.procurement as { approval_threshold?: { approver?: unknown } } | undefined)?.approval_threshold?.approver);
  } else if (doc.kind === 'interaction-log' && mentions) {
    for (const e of doc.log.entries) for (const m of e.mentions) add(m.id);
  }
  return out;
}
