/**
 * Outputs meant for people keep ids and mentions exactly as written: copying `@zhang-wei` from an
 * export, a report, an overdue list or a meeting brief copies exactly that, with no zero-width
 * character inside (#18). Mentions and issue references are defused only where a platform acts on
 * them: the pull-request comment of `keyplan diff --format markdown`.
 */
import assert from 'node:assert/strict';
import { escapeMarkdown, escapeMarkdownForPlatform } from '../../src/core/render/markdown.js';
import { main, type Io } from '../../src/cli/main.js';
import { SAMPLES } from '../helpers.js';

const ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff]/;

async function run(args: string[]): Promise<string> {
  let stdout = '';
  const io: Io = { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: () => true }, cwd: SAMPLES, env: {} };
  await main(args, io);
  return stdout;
}

describe('zero-width characters only where a platform would act on a mention (#18)', () => {
  it('Markdown for people keeps @mentions and #numbers as written', () => {
    assert.equal(escapeMarkdown('@zhang-wei 跟进 #12'), '@zhang-wei 跟进 #12');
    assert.ok(!ZERO_WIDTH.test(escapeMarkdown('- 2026-11-02 meeting @zhang-wei: 沟通内容')));
  });

  it('Markdown for a platform defuses them', () => {
    assert.equal(escapeMarkdownForPlatform('@zhang-wei #12'), '@\u200bzhang-wei #\u200b12');
  });

  it('both still break autolinks and escape Markdown syntax', () => {
    for (const esc of [escapeMarkdown, escapeMarkdownForPlatform]) {
      assert.equal(esc('see https://evil.example'), 'see https:/\u200b/evil.example');
      assert.equal(esc('[x](y)'), '\\[x\\]\\(y\\)');
    }
  });

  for (const args of [
    ['export', 'east-china-telecom', '--as-of', '2026-11-20'],
    ['export', 'east-china-telecom', '--as-of', '2026-11-20', '--locale', 'zh-cn'],
    ['report', '--format', 'markdown', '--as-of', '2026-11-20'],
    ['overdue', '--all', '--format', 'markdown', '--as-of', '2026-11-20'],
    ['brief', 'zhang-wei', '--as-of', '2026-11-20'],
  ]) {
    it(`keyplan ${args.join(' ')}: no zero-width character, ids copy as written`, async () => {
      const out = await run(args);
      assert.ok(out.length > 100);
      assert.ok(!ZERO_WIDTH.test(out.replace(/:\/\u200b\//g, '://').replace(/\bwww\u200b\./g, 'www.')), out.match(new RegExp(`.{0,40}${ZERO_WIDTH.source}.{0,40}`))?.[0]);
    });
  }

  it('the export quotes a finding with an @mention exactly (the log-entry example of a malformed line)', async () => {
    const out = await run(['export', 'east-china-telecom', '--as-of', '2026-11-20']);
    assert.match(out, /@zhang-wei: /);
  });
});
