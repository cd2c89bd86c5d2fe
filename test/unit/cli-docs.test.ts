/** docs/cli.md shows the help of every command exactly as the command line prints it (#18). */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { CLI_DOC, helpSection, withHelpSection } from '../../scripts/cli-docs.js';
import { COMMANDS } from '../../src/cli/main.js';

describe('docs/cli.md: the help of every command', () => {
  const doc = readFileSync(CLI_DOC, 'utf8');

  it('is in sync with the command table (npx tsx scripts/cli-docs.ts)', () => {
    assert.equal(withHelpSection(doc), doc, 'run: npx tsx scripts/cli-docs.ts');
  });

  it('has a section for each command, in both languages', () => {
    const section = helpSection();
    for (const c of COMMANDS) {
      assert.ok(section.includes(`### \`keyplan ${c.name} --help\``), c.name);
      assert.ok(section.includes(`Usage: keyplan ${c.name}`) && section.includes(`用法：keyplan ${c.name}`), c.name);
    }
  });

  it('the check can fail: a changed help is seen', () => {
    assert.notEqual(withHelpSection(doc.replace('Usage: keyplan check', 'Usage: keyplan chekc')), doc.replace('Usage: keyplan check', 'Usage: keyplan chekc'));
  });
});
