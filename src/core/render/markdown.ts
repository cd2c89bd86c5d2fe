/**
 * Markdown that is safe wherever it is shown — a hover, a tooltip, a pull-request comment, a wiki:
 * plan text cannot break a table, open HTML, become a link (Markdown links, `<…>` autolinks, or
 * the bare `https://…` and `www.…` that GitHub and VS Code link by themselves), start math,
 * mention a user (@name) or link an issue (#123). A zero-width space keeps such text readable
 * while breaking the pattern.
 */
export function escapeMarkdown(text: string): string {
  return String(text)
    .replace(/[\r\n\u2028\u2029\u0085\v\f]+/g, ' ')
    // Other control characters and bidirectional overrides (which could reorder what follows
    // them on the rendered page) are shown as a replacement character.
    .replace(/[\u0000-\u0008\u000e-\u001f\u007f-\u0084\u0086-\u009f\u202a-\u202e\u2066-\u2069]/g, '\ufffd')
    // `$` starts math on GitHub.
    .replace(/[\\`*_{}[\]()<>|!~$]/g, (c) => `\\${c}`)
    .replace(/@/g, '@\u200b')
    .replace(/#(?=\d)/g, '#\u200b')
    .replace(/&/g, '&amp;')
    .replace(/:\/\//g, ':/\u200b/')
    .replace(/\b(www)\./gi, '$1\u200b.');
}

/** escapeMarkdown, named for text published on a code-hosting site (kept for its callers). */
export const escapeMarkdownLinkFree = escapeMarkdown;

export function markdownTable(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n') + '\n';
}
