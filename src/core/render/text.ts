/** Plain-text pieces every output shares: a change's direction as an arrow, a long text on one line. */

/** ` ▲` for a change for the better, ` ▼` for the worse, nothing otherwise. */
export function arrow(direction: string | undefined): string {
  return direction === 'improved' ? ' ▲' : direction === 'worsened' ? ' ▼' : '';
}

/** A text on one line (runs of white space as one space), cut to `max` characters with an ellipsis. */
export function shorten(text: string, max = 120): string {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
}
