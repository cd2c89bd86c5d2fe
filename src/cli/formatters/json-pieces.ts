/**
 * JSON output in pieces: the same characters as `JSON.stringify(value, null, 2)`, with the long
 * arrays (every finding) written element by element, each element made only when it is written.
 * At 10,000 documents the findings' JSON is megabytes that no longer exist whole at any moment.
 */

/** An array given as the elements to write, each made from `source` by `map` when its turn comes. */
export class Streamed<S = unknown, T = unknown> {
  constructor(
    readonly source: Iterable<S>,
    readonly map: (item: S) => T,
  ) {}
}

export const streamed = <S, T>(source: Iterable<S>, map: (item: S) => T): Streamed<S, T> => new Streamed(source, map);

const pad = (level: number) => ' '.repeat(level);

/** `JSON.stringify(value, null, 2)` placed `level` spaces deep (its line breaks are all layout: strings escape theirs). */
function placed(value: unknown, level: number): string {
  const text = JSON.stringify(value, null, 2);
  return level && text.includes('\n') ? text.replace(/\n/g, `\n${pad(level)}`) : text;
}

function holdsStreamed(value: unknown): boolean {
  if (value instanceof Streamed) return true;
  if (Array.isArray(value)) return value.some(holdsStreamed);
  if (value && typeof value === 'object') return Object.values(value).some(holdsStreamed);
  return false;
}

/** What JSON.stringify leaves out of an object. */
const omitted = (v: unknown) => v === undefined || typeof v === 'function' || typeof v === 'symbol';

/** The pieces of `value` as `JSON.stringify(value, null, 2)` writes it, `level` spaces deep. */
export function* jsonPieces(value: unknown, level = 0): Generator<string> {
  if (!holdsStreamed(value)) {
    yield placed(value, level);
    return;
  }
  if (value instanceof Streamed || Array.isArray(value)) {
    const items: Iterable<unknown> = value instanceof Streamed ? mapped(value) : value;
    let first = true;
    for (const item of items) {
      yield `${first ? '[' : ','}\n${pad(level + 2)}`;
      // An array writes what an object leaves out as null.
      yield* jsonPieces(omitted(item) ? null : item, level + 2);
      first = false;
    }
    yield first ? '[]' : `\n${pad(level)}]`;
    return;
  }
  let first = true;
  for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
    if (omitted(v)) continue;
    yield `${first ? '{' : ','}\n${pad(level + 2)}${JSON.stringify(key)}: `;
    yield* jsonPieces(v, level + 2);
    first = false;
  }
  yield first ? '{}' : `\n${pad(level)}}`;
}

function* mapped({ source, map }: Streamed): Generator<unknown> {
  for (const item of source) yield map(item);
}
