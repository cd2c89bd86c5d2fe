/**
 * Generates src/cli/formatters/findings/rule-help.ts (the help text of every rule, for SARIF
 * output) from the rule sections of docs/rules.md, so the documentation stays the single source.
 *
 *   npx tsx scripts/rule-help.ts          rewrite the file
 *   npx tsx scripts/rule-help.ts --check  exit 1 when the file is out of date
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const RULES_DOC = path.join(ROOT, 'docs', 'rules.md');
export const OUTPUT = path.join(ROOT, 'src', 'cli', 'formatters', 'findings', 'rule-help.ts');

/** `### rule-id` sections of docs/rules.md: rule id → the section's Markdown (without the heading). */
export function ruleSections(markdown: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = markdown.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const m = /^###\s+([a-z0-9-]+)\s*$/.exec(lines[i]);
    if (!m) continue;
    const body: string[] = [];
    for (let j = i + 1; j < lines.length && !/^(#{1,3}\s|---\s*$)/.test(lines[j]); j++) body.push(lines[j]);
    out[m[1]] = body.join('\n').trim();
  }
  return out;
}

export function renderModule(sections: Record<string, string>): string {
  const entries = Object.keys(sections).sort().map((id) => `  ${JSON.stringify(id)}: ${JSON.stringify(sections[id])},`);
  return [
    '// Generated from docs/rules.md by `npx tsx scripts/rule-help.ts`. Do not edit by hand: a unit test',
    '// fails when this file and the documentation disagree.',
    '',
    '/** Rule id → the rule\'s section of docs/rules.md, in Markdown. */',
    'export const RULE_HELP: Readonly<Record<string, string>> = {',
    ...entries,
    '};',
    '',
  ].join('\n');
}

export function generate(): string {
  return renderModule(ruleSections(readFileSync(RULES_DOC, 'utf8')));
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const text = generate();
  if (process.argv.includes('--check')) {
    const current = readFileSync(OUTPUT, 'utf8');
    if (current !== text) {
      process.stderr.write(`${path.relative(ROOT, OUTPUT)} is out of date: run npx tsx scripts/rule-help.ts\n`);
      process.exit(1);
    }
  } else writeFileSync(OUTPUT, text);
}
