/**
 * The command line helps (#18): every command has its help (usage, every option described,
 * examples) in English and Chinese; unknown commands and options get a "did you mean"; a date
 * that does not exist is told apart from a wrongly written one; the shell completion is generated
 * from the command table and is valid bash.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { COMMAND_HELP } from '../../src/core/i18n/cli-help.js';
import { COMMON_OPTIONS } from '../../src/cli/command.js';
import { completionScript } from '../../src/cli/completion.js';
import { wrap } from '../../src/cli/help.js';
import { COMMANDS, main, type Io } from '../../src/cli/main.js';
import { displayWidth } from '../../src/cli/output/table.js';
import { SAMPLES } from '../helpers.js';

async function run(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: Io = { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) }, cwd: SAMPLES, env };
  const code = await main(args, io);
  return { code, stdout, stderr };
}

describe('CLI help, suggestions and completion (#18)', () => {
  it('every command of the table has help words for itself and for each of its options, and nothing else', () => {
    assert.deepEqual(COMMANDS.map((c) => c.name).sort(), Object.keys(COMMAND_HELP).sort());
    for (const c of COMMANDS) {
      assert.deepEqual(Object.keys(c.options).sort(), Object.keys(COMMAND_HELP[c.name].options).sort(), c.name);
      assert.ok(COMMAND_HELP[c.name].examples.length >= 1, `${c.name} has examples`);
    }
  });

  it('the global help lists every command, matrix included', async () => {
    for (const locale of ['en', 'zh-cn']) {
      const r = await run(['--help', '--locale', locale]);
      assert.equal(r.code, 0);
      for (const c of COMMANDS) assert.match(r.stdout, new RegExp(`^  ${c.name} `, 'm'), `${c.name} in the ${locale} help`);
    }
  });

  for (const c of COMMANDS) {
    it(`keyplan ${c.name} --help and keyplan help ${c.name}: its usage, options and examples, in en and zh-cn`, async () => {
      const en = await run([c.name, '--help']);
      assert.equal(en.code, 0);
      assert.equal((await run(['help', c.name])).stdout, en.stdout);
      assert.match(en.stdout, new RegExp(`^Usage: keyplan ${c.name}\\b`));
      for (const o of [...Object.keys(c.options), ...Object.keys(COMMON_OPTIONS)]) assert.match(en.stdout, new RegExp(`--${o}\\b`), `--${o}`);
      assert.match(en.stdout, /\nExamples:\n {2}keyplan /);
      const zh = await run([c.name, '--help', '--locale', 'zh-cn']);
      assert.equal(zh.code, 0);
      assert.match(zh.stdout, new RegExp(`^用法：keyplan ${c.name}\\b`));
      assert.match(zh.stdout, /\n示例：\n {2}keyplan /);
      assert.notEqual(zh.stdout, en.stdout);
      for (const line of [...en.stdout.split('\n'), ...zh.stdout.split('\n')]) if (!line.startsWith('  keyplan ')) assert.ok(displayWidth(line) <= 100, line);
    });
  }

  it('the help follows KEYPLAN_LOCALE and the workspace keyplan.yaml', async () => {
    assert.match((await run(['check', '--help'], { KEYPLAN_LOCALE: 'zh-cn' })).stdout, /^用法：/);
    const dir = mkdtempSync(path.join(os.tmpdir(), 'keyplan-help-'));
    try {
      writeFileSync(path.join(dir, 'keyplan.yaml'), 'locale: zh-cn\n');
      let stdout = '';
      await main(['overdue', '--help'], { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: () => true }, cwd: dir, env: {} });
      assert.match(stdout, /^用法：keyplan overdue/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('an unknown option is named, with "did you mean", never parseArgs\'s own error', async () => {
    const r = await run(['check', '--formt', 'json']);
    assert.equal(r.code, 2);
    assert.equal(r.stdout, '');
    assert.equal(r.stderr, "keyplan: unknown option '--formt' for 'keyplan check'. Did you mean --format? Run 'keyplan check --help' for its options.\n");
    const zh = await run(['check', '--formt', 'json', '--locale', 'zh-cn']);
    assert.equal(zh.stderr, "keyplan：'keyplan check' 没有选项 '--formt'。是否应为 --format？运行 'keyplan check --help' 查看可用选项。\n");
    assert.match((await run(['overdue', '--explian'])).stderr, /Did you mean --explain\?/);
    assert.match((await run(['overdue', '--zzzzzz'])).stderr, /^keyplan: unknown option '--zzzzzz' for 'keyplan overdue'\. Run/);
    assert.match((await run(['--formt', 'json'])).stderr, /'--formt' is not a command; options go after one, e\.g\. keyplan check --format\./);
    assert.match((await run(['overdue', '--format'])).stderr, /^keyplan: --format needs a value/);
    assert.match((await run(['overdue', '--all=yes'])).stderr, /^keyplan: --all takes no value \(found 'yes'\)/);
  });

  it('an unknown command gets a "did you mean", in the locale', async () => {
    const r = await run(['chek']);
    assert.equal(r.code, 2);
    assert.equal(r.stderr, "keyplan: unknown command 'chek'. Did you mean 'check'? Run 'keyplan --help' for the list of commands.\n");
    assert.equal((await run(['matrx', '--locale', 'zh-cn'])).stderr, "keyplan：没有命令 'matrx'。是否应为 'matrix'？运行 'keyplan --help' 查看全部命令。\n");
    assert.match((await run(['help', 'overdeu'])).stderr, /Did you mean 'overdue'\?/);
  });

  it('a date that does not exist is told apart from a wrongly written one', async () => {
    assert.equal((await run(['overdue', '--as-of', '2026-02-30'])).stderr, 'keyplan: --as-of: 2026-02-30 is not a date that exists\n');
    assert.equal((await run(['overdue', '--as-of', '2026-2-3'])).stderr, "keyplan: --as-of takes a date as YYYY-MM-DD, not '2026-2-3'\n");
    assert.equal((await run(['overdue', '--as-of', '2026-02-30', '--locale', 'zh-cn'])).stderr, 'keyplan：--as-of：2026-02-30 不是真实存在的日期\n');
  });

  it('an unknown format names the formats and suggests one', async () => {
    const r = await run(['overdue', '--format', 'jsno', '--as-of', '2026-11-20']);
    assert.equal(r.code, 2);
    assert.equal(r.stderr, "keyplan: unknown format 'jsno' (use text, json, markdown); did you mean 'json'?\n");
  });

  describe('shell completion', () => {
    it('bash: valid syntax, every command, its options and --format values', async () => {
      const r = await run(['completion', 'bash']);
      assert.equal(r.code, 0);
      const dir = mkdtempSync(path.join(os.tmpdir(), 'keyplan-completion-'));
      try {
        const file = path.join(dir, 'keyplan.bash');
        writeFileSync(file, r.stdout);
        const syntax = spawnSync('bash', ['-n', file], { encoding: 'utf8' });
        assert.equal(syntax.status, 0, syntax.stderr);
        for (const c of COMMANDS) assert.match(r.stdout, new RegExp(`\\b${c.name}\\b`), c.name);
        // It completes: a command, an option, a format value.
        const complete = (words: string[]) => spawnSync('bash', ['-c', `source ${file}; COMP_WORDS=(${words.map((w) => `'${w}'`).join(' ')}); COMP_CWORD=${words.length - 1}; _keyplan; echo "\${COMPREPLY[@]}"`], { encoding: 'utf8' }).stdout.trim();
        assert.equal(complete(['keyplan', 'ov']), 'overdue');
        assert.equal(complete(['keyplan', 'matrix', '--si']), '--size-by');
        assert.equal(complete(['keyplan', 'check', '--format', '']), 'text json github sarif junit');
        assert.equal(complete(['keyplan', 'overdue', '--tier', '']), 'A B C');
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });

    it('zsh and fish: every command and option', () => {
      for (const shell of ['zsh', 'fish'] as const) {
        const script = completionScript(shell, COMMANDS, 'en');
        for (const c of COMMANDS) {
          assert.match(script, new RegExp(`\\b${c.name}\\b`), `${shell}: ${c.name}`);
          for (const o of Object.keys(c.options)) assert.ok(script.includes(shell === 'fish' ? `-l ${o}` : `'--${o}`), `${shell}: ${c.name} --${o}`);
        }
      }
      const zsh = spawnSync('zsh', ['-n'], { input: completionScript('zsh', COMMANDS, 'en'), encoding: 'utf8' });
      if (!zsh.error) assert.equal(zsh.status, 0, zsh.stderr); // zsh is not installed everywhere
    });

    it('an unknown shell is a usage error with a suggestion', async () => {
      const r = await run(['completion', 'bsh']);
      assert.equal(r.code, 2);
      assert.match(r.stderr, /completion takes bash, zsh or fish, not 'bsh'; did you mean 'bash'\?/);
    });
  });

  it('wraps help text at spaces, and Chinese between characters, keeping an opening bracket with what follows', () => {
    assert.deepEqual(wrap('aaa bbb ccc', 7), ['aaa bbb', 'ccc']);
    assert.deepEqual(wrap('一二三四五', 6), ['一二三', '四五']);
    assert.deepEqual(wrap('一二（JUnit）', 10), ['一二', '（JUnit）']);
    assert.deepEqual(wrap('一二三（四）', 8), ['一二三', '（四）']);
  });
});
