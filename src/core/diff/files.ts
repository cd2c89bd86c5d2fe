/**
 * Which files changed between two revisions: Keyplan documents and keyplan.yaml added, removed,
 * modified or renamed. Renames come from the version control system when it saw them, checked
 * against the documents' identities, and otherwise from the same identity or the same content.
 */
import type { DiffSide, FileChange } from './model.js';
import { CONFIG_FILE } from '../check/pipeline.js';
import type { KeyplanDocument } from '../parse/document.js';

function sameContent(a: Uint8Array | string, b: Uint8Array | string): boolean {
  if (typeof a !== 'string' && typeof b !== 'string') return a.byteLength === b.byteLength && Buffer.compare(a, b) === 0;
  const text = (c: Uint8Array | string) => (typeof c === 'string' ? c : Buffer.from(c).toString('utf8'));
  return text(a) === text(b);
}

/** A document's identity beyond its path, used to pair files that moved without git noticing. */
export function identity(doc: KeyplanDocument): string | undefined {
  const d = doc.data as Record<string, unknown>;
  switch (doc.kind) {
    case 'account':
    case 'person':
      return typeof d.id === 'string' ? `${doc.kind}:${d.id}` : undefined;
    case 'relationship-plan': {
      if (typeof d.id === 'string') return `plan:${d.id}`;
      const p = d.period as { start?: string; end?: string } | undefined;
      return typeof d.account === 'string' && p ? `plan:${d.account}:${p.start}:${p.end}` : undefined;
    }
    case 'interaction-log':
      return typeof d.account === 'string' ? `log:${d.account}:${d.year ?? ''}` : undefined;
    case 'org-portrait':
      return typeof d.account === 'string' ? `portrait:${d.account}` : undefined;
  }
}

/** Changed Keyplan documents (and keyplan.yaml), with renames paired. */
export function fileChanges(base: DiffSide, head: DiffSide, renames: ReadonlyMap<string, string> = new Map()): FileChange[] {
  const relevant = (side: DiffSide) => {
    const paths = new Set<string>(side.result.documents.map((d) => d.path));
    for (const d of side.result.diagnostics) paths.add(d.file); // unreadable documents and keyplan.yaml
    for (const f of side.files) if (f.path === CONFIG_FILE) paths.add(f.path);
    return paths;
  };
  const content = (side: DiffSide) => new Map(side.files.map((f) => [f.path, f.content]));
  const kinds = (side: DiffSide) => new Map(side.result.documents.map((d) => [d.path, d.kind]));
  const baseContent = content(base);
  const headContent = content(head);
  const basePaths = relevant(base);
  const headPaths = relevant(head);
  const baseKinds = kinds(base);
  const headKinds = kinds(head);
  const out: FileChange[] = [];
  const pairedBase = new Set<string>();
  const pairedHead = new Set<string>();

  const pair = (from: string, to: string) => {
    pairedBase.add(from);
    pairedHead.add(to);
    out.push({ change: 'renamed', path: to, from, kind: headKinds.get(to) ?? baseKinds.get(from) });
  };
  const baseDocs = new Map(base.result.documents.map((d) => [d.path, d]));
  const headDocs = new Map(head.result.documents.map((d) => [d.path, d]));
  for (const [from, to] of renames) {
    if (from === to || !basePaths.has(from) || !headPaths.has(to) || headPaths.has(from)) continue;
    // Git pairs similar files; two different people's portraits look alike. Trust the documents.
    const a = baseDocs.get(from);
    const b = headDocs.get(to);
    if (a && b && (a.kind !== b.kind || identity(a) !== identity(b))) continue;
    pair(from, to);
  }
  // Files moved without rename information: same document identity, or the same content.
  const removed = [...basePaths].filter((p) => !headPaths.has(p) && !pairedBase.has(p));
  const added = [...headPaths].filter((p) => !basePaths.has(p) && !pairedHead.has(p));
  const headById = new Map<string, string>();
  const addedSet = new Set(added);
  const removedSet = new Set(removed);
  for (const d of head.result.documents) if (addedSet.has(d.path)) {
    const id = identity(d);
    if (id) headById.set(id, d.path);
  }
  for (const d of base.result.documents) {
    if (!removedSet.has(d.path)) continue;
    const id = identity(d);
    const to = id ? headById.get(id) : undefined;
    if (to && !pairedHead.has(to)) pair(d.path, to);
  }
  for (const from of removed) {
    if (pairedBase.has(from)) continue;
    const text = baseContent.get(from);
    const to = added.find((p) => !pairedHead.has(p) && text !== undefined && headContent.get(p) !== undefined && sameContent(headContent.get(p)!, text));
    if (to) pair(from, to);
  }
  for (const p of basePaths) if (!headPaths.has(p) && !pairedBase.has(p)) out.push({ change: 'removed', path: p, kind: baseKinds.get(p) });
  for (const p of headPaths) {
    if (pairedHead.has(p)) continue;
    if (!basePaths.has(p)) out.push({ change: 'added', path: p, kind: headKinds.get(p) });
    else {
      const a = baseContent.get(p);
      const b = headContent.get(p);
      if (a !== undefined && b !== undefined && !sameContent(a, b)) out.push({ change: 'modified', path: p, kind: headKinds.get(p) ?? baseKinds.get(p) });
    }
  }
  // Renamed files may also have been edited; the rename is what the reviewer needs to know.
  return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
