/**
 * Plan text in VS Code labels. Quick-pick labels, descriptions and details render `$(name)` as an
 * icon; a name such as `$(loading~spin) CEO` must show as written, so `$(` is escaped the way VS
 * Code's own `escapeIcons` does (`\$(`, which the renderer shows as `$(`). Tree-item labels and
 * descriptions are plain text already; tooltips are MarkdownStrings built with escapeMarkdown.
 * No `vscode` import, so the unit tests can check it.
 */
export function noIcons(text: string): string {
  return String(text).replace(/\$\(/g, '\\$(');
}
