/**
 * Plan text printed to a terminal (or a CI log, which interprets the same escape sequences) is
 * shown, never obeyed: control characters become visible symbols, so a name holding ESC
 * sequences cannot recolour, hide, move the cursor over or rewrite earlier output, set the window
 * title or write to the clipboard; bidirectional overrides cannot reorder what follows. Keyplan's
 * own colours are added after this, by the formatters' Style.
 */

/** C0 controls except tab and line feed, DEL, C1 controls, bidi embeddings, overrides and isolates. */
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

export function terminalSafe(text: string): string {
  return text.replace(UNSAFE, (c) => {
    const code = c.charCodeAt(0);
    if (code < 0x20) return String.fromCharCode(0x2400 + code); // ␛, ␀, ␍ … (control pictures)
    if (code === 0x7f) return '\u2421'; // ␡
    return '\ufffd';
  });
}

/** terminalSafe for text that must stay on one line (a name, a file name, a table cell). */
export function terminalSafeLine(text: string): string {
  return terminalSafe(text).replace(/\r\n|\n/g, '\u2424'); // ␤
}

/** A copy of a JSON-like value with every string passed through `fn` (object keys included). */
export function mapStrings<T>(value: T, fn: (s: string) => string): T {
  if (typeof value === 'string') return fn(value) as T;
  if (Array.isArray(value)) return value.map((v) => mapStrings(v, fn)) as T;
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [fn(k), mapStrings(v, fn)])) as T;
  }
  return value;
}

/** The same data, safe to print to a terminal: every string shown, on one line. */
export function forTerminal<T>(value: T): T {
  return mapStrings(value, terminalSafeLine);
}

/** Messages are single-line in every output; plan text can carry newlines. */
export function oneLine(message: string): string {
  return message.replace(/\s*[\r\n]+\s*/g, ' ');
}
