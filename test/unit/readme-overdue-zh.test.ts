/** The README's Chinese `keyplan overdue` example is the command's real output on the samples (#18). */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { main, type Io } from '../../src/cli/main.js';
import { REPO_ROOT } from '../helpers.js';

describe('README: keyplan overdue in Chinese', () => {
  it('shows exactly what keyplan overdue samples --locale zh-cn --as-of 2026-11-20 prints', async () => {
    const readme = readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
    const marker = '<!-- keyplan overdue samples --locale zh-cn --as-of 2026-11-20 -->\n```\n';
    const start = readme.indexOf(marker);
    assert.ok(start >= 0, 'the README has the example');
    const shown = readme.slice(start + marker.length, readme.indexOf('\n```', start + marker.length) + 1);
    let stdout = '';
    const io: Io = { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: () => true }, cwd: REPO_ROOT, env: {} };
    assert.equal(await main(['overdue', 'samples', '--locale', 'zh-cn', '--as-of', '2026-11-20'], io), 0);
    assert.equal(shown, stdout);
    assert.match(shown, /^状态 +客户 +人员/m);
  });
});
