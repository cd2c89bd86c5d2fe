// Makes a bundle pure ASCII. esbuild escapes non-ASCII characters in strings and templates, but
// not in regular-expression literals (the interaction-log grammar, full-width punctuation), and one
// such character is enough for V8 to hold the whole 1.8 MB file as a two-byte string: twice the
// memory, a slower read and scan. Each UTF-16 code unit outside ASCII becomes `\uXXXX`, which means
// the same code unit in a regular expression, a string, a template or a comment (the sources use
// no String.raw and never read a regular expression's `.source`, the one place the escape shows), and the source map's generated columns are moved by the 5 characters each
// escape adds, so stack traces and debuggers still point at the right place.

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const DIGIT = new Map([...BASE64].map((c, i) => [c, i]));

function decodeSegment(text) {
  const values = [];
  let value = 0;
  let shift = 0;
  for (const c of text) {
    const digit = DIGIT.get(c);
    value += (digit & 31) << shift;
    if (digit & 32) shift += 5;
    else {
      values.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return values;
}

function encodeValue(n) {
  let v = n < 0 ? (-n << 1) | 1 : n << 1;
  let out = '';
  do {
    let digit = v & 31;
    v >>>= 5;
    if (v) digit |= 32;
    out += BASE64[digit];
  } while (v);
  return out;
}

const escape = (c) => `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;

/**
 * `code` with every non-ASCII UTF-16 code unit escaped, and `map` (a source map's JSON text, or
 * undefined) with the generated columns of the lines that changed moved accordingly.
 */
export function asciiOutput(code, map) {
  if (!/[^\x00-\x7f]/.test(code)) return { code, map };
  const lines = code.split('\n');
  // For each changed line, the (sorted) columns of its escaped code units.
  const escapedAt = new Map();
  const out = lines.map((line, n) => {
    if (!/[^\x00-\x7f]/.test(line)) return line;
    const columns = [];
    for (let i = 0; i < line.length; i++) if (line.charCodeAt(i) > 0x7f) columns.push(i);
    escapedAt.set(n, columns);
    return line.replace(/[^\x00-\x7f]/g, escape);
  });
  if (!map) return { code: out.join('\n'), map };
  const parsed = JSON.parse(map);
  const mapLines = parsed.mappings.split(';');
  for (const [n, columns] of escapedAt) {
    if (!mapLines[n]) continue;
    // Generated columns are relative within a line: decode, move, encode again.
    let column = 0;
    let moved = 0;
    mapLines[n] = mapLines[n].split(',').map((segment) => {
      const [delta, ...rest] = decodeSegment(segment);
      column += delta;
      let before = 0;
      while (before < columns.length && columns[before] < column) before++;
      const newColumn = column + 5 * before;
      const encoded = encodeValue(newColumn - moved) + rest.map(encodeValue).join('');
      moved = newColumn;
      return encoded;
    }).join(',');
  }
  parsed.mappings = mapLines.join(';');
  return { code: out.join('\n'), map: JSON.stringify(parsed) };
}
