/** Small helpers for edits that must touch only the intended bytes. */
import type { Range } from '../diagnostic.js';
import { LineIndex } from '../parse/text.js';

/**
 * The range without its quotes when it covers a quoted YAML scalar (`"zhang-wei"` or
 * `'zhang-wei'`), so that replacing it keeps the user's quoting. Other ranges are returned as is.
 */
export function insideQuotes(text: string, range: Range, lines: LineIndex = new LineIndex(text)): Range {
  const start = lines.offset(range.start);
  const end = lines.offset(range.end);
  const q = text[start];
  if (end - start >= 2 && (q === '"' || q === "'") && text[end - 1] === q) return lines.range(start + 1, end - 1);
  return range;
}
