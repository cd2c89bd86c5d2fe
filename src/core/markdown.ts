/**
 * Markdown that is safe to paste into a pull-request comment or a wiki: plan text cannot break a
 * table, open HTML, mention a user (@name) or link an issue (#123).
 */
export function escapeMarkdown(text: string): string {
  return String(text)
    .replace(/[\r\n]+/g, ' ')
    .replace(/[\\`*_{}[\]()<>|!~]/g, (c) => `\\${c}`)
    .replace(/@/g, '@\u200b')
    .replace(/#(?=\d)/g, '#\u200b')
    .replace(/&/g, '&amp;');
}

/**
 * escapeMarkdown for text that is published on a code-hosting site (pull-request comments): also no
 * automatic links from `https://…` or `www.…` (GitHub links them even as plain text). A zero-width
 * space keeps the text readable while breaking the pattern.
 */
export function escapeMarkdownLinkFree(text: string): string {
  return escapeMarkdown(text).replace(/:\/\//g, ':/\u200b/').replace(/\b(www)\./gi, '$1\u200b.');
}

export function markdownTable(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n') + '\n';
}
