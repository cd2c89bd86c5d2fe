/**
 * Markdown that is safe wherever it is shown — a hover, a tooltip, an exported brief, a wiki, a
 * pull-request comment: plan text cannot break a table, open HTML, become a link (Markdown links,
 * `<…>` autolinks, or the bare `https://…` and `www.…` that GitHub and VS Code link by themselves)
 * or start math. A zero-width space keeps a URL readable while breaking the pattern.
 *
 * Mentions (`@name`) and issue references (`#123`) are defused only in Markdown a platform acts on
 * (`escapeMarkdownForPlatform`: a pull-request comment pings the people it mentions and links the
 * issues): in Markdown meant for people (a brief, a report, a hover) a zero-width space inside
 * `@zhang-wei` would travel with every copy of the id and break it, so there it is left alone.
 */
function escapeWith(text: string, defuseMentions: boolean): string {
  const escaped = String(text)
    .replace(/[\r\n\u2028\u2029\u0085\v\f]+/g, ' ')
    // Other control characters and bidirectional overrides (which could reorder what follows
    // them on the rendered page) are shown as a replacement character.
    .replace(/[\u0000-\u0008\u000e-\u001f\u007f-\u0084\u0086-\u009f\u202a-\u202e\u2066-\u2069]/g, '\ufffd')
    // `$` starts math on GitHub.
    .replace(/[\\`*_{}[\]()<>|!~$]/g, (c) => `\\${c}`);
  const platformSafe = defuseMentions ? escaped.replace(/@/g, '@\u200b').replace(/#(?=\d)/g, '#\u200b') : escaped;
  return platformSafe
    .replace(/&/g, '&amp;')
    .replace(/:\/\//g, ':/\u200b/')
    .replace(/\b(www)\./gi, '$1\u200b.');
}

/** Markdown for people (an export, a report, a brief, a hover): ids and mentions copy exactly as written. */
export function escapeMarkdown(text: string): string {
  return escapeWith(text, false);
}

/** Markdown a platform acts on (a pull-request comment): mentions and issue references are defused too. */
export function escapeMarkdownForPlatform(text: string): string {
  return escapeWith(text, true);
}

/** escapeMarkdownForPlatform, by the name its earlier callers use. */
export const escapeMarkdownLinkFree = escapeMarkdownForPlatform;

export function markdownTable(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n') + '\n';
}
