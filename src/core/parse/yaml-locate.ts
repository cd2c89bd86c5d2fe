/** Maps a data path (keys and indexes) to the exact source range of a key or value in a YAML document. */
import { isMap, isPair, isScalar, isSeq, type Document, type Node, type Pair } from './yaml-runtime.js';

export type DataPath = ReadonlyArray<string | number>;
/** `key`: the key of the last segment; `value`: its value (falls back to the key when the value is empty). */
export type LocateTarget = 'key' | 'value';

interface Found {
  pair?: Pair;
  node: Node | null;
}

function step(node: unknown, segment: string | number): Found | null {
  if (isMap(node)) {
    for (const item of node.items) {
      if (!isPair(item)) continue;
      const key = isScalar(item.key) ? item.key.value : item.key;
      if (key !== null && key !== undefined && String(key) === String(segment)) {
        return { pair: item, node: (item.value as Node | null) ?? null };
      }
    }
    return null;
  }
  if (isSeq(node) && typeof segment === 'number') {
    const item = node.items[segment];
    return item === undefined ? null : { node: item as Node };
  }
  return null;
}

/**
 * Returns [start, end) offsets relative to the YAML text, or the nearest enclosing
 * location that exists when the path goes deeper than the document does.
 */
export function locateInYaml(doc: Document, src: string, path: DataPath, target: LocateTarget): [number, number] | null {
  let current: unknown = doc.contents;
  let best: [number, number] | null = null;
  for (let i = 0; i < path.length; i++) {
    const found = step(current, path[i]);
    if (!found) return best;
    const keyNode = found.pair?.key as Node | undefined;
    const keyRange = keyNode?.range ? ([keyNode.range[0], keyNode.range[1]] as [number, number]) : null;
    const valueRange = found.node?.range ? ([found.node.range[0], found.node.range[1]] as [number, number]) : null;
    const last = i === path.length - 1;
    if (last) {
      if (target === 'key') return keyRange ?? firstLine(src, valueRange) ?? best;
      if (valueRange && isScalar(found.node)) return valueRange;
      // A collection value is long; point at its key, or at the first line of a list item.
      return keyRange ?? firstLine(src, valueRange) ?? best;
    }
    best = keyRange ?? firstLine(src, valueRange) ?? best;
    current = found.node;
  }
  return best;
}

/** Clips a range to the end of its first line, so a list item is marked by its first line only. */
function firstLine(src: string, range: [number, number] | null): [number, number] | null {
  if (!range) return null;
  let end = range[0];
  while (end < range[1] && src[end] !== '\n' && src[end] !== '\r') end++;
  return [range[0], end];
}
