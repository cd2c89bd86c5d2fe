/**
 * One copy of each short, often repeated text (a channel word, `kind: person`, a stance, a role):
 * at 10,000 documents the parsers otherwise keep 300,000 small strings, each value its own copy
 * ("email" 8,149 times). Fewer live strings is less memory and less work for the garbage collector.
 *
 * Bounded: texts longer than {@link MAX_LENGTH} are never kept, and once {@link MAX_ENTRIES} are
 * kept no new one is (the common words come first: every document has them), so an editor that
 * runs for days holds at most about 3 MB here.
 */
const MAX_LENGTH = 24;
const MAX_ENTRIES = 32_768;
const kept = new Map<string, string>();

/** The kept copy of `text` (the same characters: callers cannot tell the difference). */
export function intern(text: string): string {
  if (text.length > MAX_LENGTH) return text;
  const known = kept.get(text);
  if (known !== undefined) return known;
  if (kept.size >= MAX_ENTRIES) return text;
  // A text of 13 characters or more cut from a longer one may be a view into it (V8's sliced
  // strings): the table would then keep a whole file alive. This keeps a copy of its own.
  const own = text.length < 13 ? text : (' ' + text).slice(1);
  kept.set(own, own);
  return own;
}

/** How many texts are kept (for the tests of the bound). */
export const internedCount = (): number => kept.size;
