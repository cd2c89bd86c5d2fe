/**
 * Writes the help of every command (as `keyplan <command> --help` prints it, in English and in
 * Chinese) into docs/cli.md, between the BEGIN/END GENERATED HELP markers, so the documentation
 * and the command table cannot drift apart (test/unit/cli-docs.test.ts checks it).
 *
 *   npx tsx scripts/cli-docs.ts          rewrite the section
 *   npx tsx scripts/cli-docs.ts --check  exit 1 when docs/cli.md is out of date
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { commandHelp, globalHelp } from '../src/cli/help.js';
import { COMMANDS } from '../src/cli/main.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const CLI_DOC = path.join(ROOT, 'docs', 'cli.md');
export const BEGIN = '<!-- BEGIN GENERATED HELP: npx tsx scripts/cli-docs.ts -->';
export const END = '<!-- END GENERATED HELP -->';

const fence = (text: string) => ['```text', text.trimEnd(), '```'].join('\n');

/** The generated section: the global help, then each command's help in English, with its Chinese help folded. */
export function helpSection(): string {
  const parts = [BEGIN, '', '### `keyplan --help`', '', fence(globalHelp(COMMANDS, 'en')), '', '<details><summary>中文（<code>--locale zh-cn</code>）</summary>', '', fence(globalHelp(COMMANDS, 'zh-cn')), '', '</details>', ''];
  for (const c of COMMANDS) {
    parts.push(`### \`keyplan ${c.name} --help\``, '', fence(commandHelp(c, 'en')), '', '<details><summary>中文（<code>--locale zh-cn</code>）</summary>', '', fence(commandHelp(c, 'zh-cn')), '', '</details>', '');
  }
  parts.push(END);
  return parts.join('\n');
}

/** docs/cli.md with its generated section replaced. */
export function withHelpSection(doc: string): string {
  const start = doc.indexOf(BEGIN);
  const end = doc.indexOf(END);
  if (start < 0 || end < start) throw new Error(`docs/cli.md has no ${BEGIN} … ${END} section`);
  return doc.slice(0, start) + helpSection() + doc.slice(end + END.length);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const doc = readFileSync(CLI_DOC, 'utf8');
  const next = withHelpSection(doc);
  if (process.argv.includes('--check')) {
    if (next !== doc) {
      console.error('docs/cli.md: the help of the commands is out of date; run npx tsx scripts/cli-docs.ts');
      process.exit(1);
    }
  } else if (next !== doc) writeFileSync(CLI_DOC, next);
}
