/**
 * The bundles are written in ASCII only (scripts/ascii-output.mjs): the code means the same, and
 * the source map still points every generated position at the same source position.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { transform } from 'esbuild';

type AsciiOutput = (code: string, map?: string) => { code: string; map?: string };

/** Decoded mappings: [generated line, generated column, source line, source column] per segment. */
function segments(mappings: string): number[][] {
  const digits = new Map([...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'].map((c, i) => [c, i]));
  const out: number[][] = [];
  let sourceLine = 0;
  let sourceColumn = 0;
  mappings.split(';').forEach((line, n) => {
    let column = 0;
    for (const segment of line ? line.split(',') : []) {
      const values: number[] = [];
      let value = 0;
      let shift = 0;
      for (const c of segment) {
        const d = digits.get(c)!;
        value += (d & 31) << shift;
        if (d & 32) shift += 5;
        else {
          values.push(value & 1 ? -(value >>> 1) : value >>> 1);
          value = shift = 0;
        }
      }
      column += values[0];
      if (values.length > 1) {
        sourceLine += values[2];
        sourceColumn += values[3];
      }
      out.push([n, column, sourceLine, sourceColumn]);
    }
  });
  return out;
}

describe('ASCII-only bundles', () => {
  let asciiOutput: AsciiOutput;
  before(async () => {
    ({ asciiOutput } = (await import('../../scripts/ascii-output.mjs' as string)) as { asciiOutput: AsciiOutput });
  });

  const source = [
    'const COLON = /[:：]/, NEXT = /(?:next|下一步)[ \\t]*[:：]/u;',
    'export const split = (s: string) => s.split(/[,，、]/).map((x) => x.trim());',
    "export const label = '目标' + `（${1}）` + String.fromCodePoint(0x1f600);",
    'export const emoji = (s: string) => /^[😀-😂]$/u.test(s);',
    'export const after = (s: string) => COLON.test(s) && NEXT.test(s);',
  ].join('\n');

  it('escapes every non-ASCII code unit, and the code behaves the same', async () => {
    const built = await transform(source, { loader: 'ts', format: 'cjs', sourcemap: 'external', minifyWhitespace: true });
    assert.match(built.code, /[^\x00-\x7f]/, 'esbuild leaves the regular expressions as they are');
    const { code } = asciiOutput(built.code, built.map);
    assert.doesNotMatch(code, /[^\x00-\x7f]/);
    const run = (text: string) => {
      const module = { exports: {} as Record<string, (s?: string) => unknown> };
      new Function('module', 'exports', text)(module, module.exports);
      return module.exports;
    };
    const before = run(built.code);
    const after = run(code);
    for (const input of ['a，b、c', 'x：下一步：y', '下一步: z', 'none']) {
      assert.deepEqual(after.split(input), before.split(input));
      assert.equal(after.after(input), before.after(input));
    }
    for (const input of ['😀', '😁', '😃', 'a']) assert.equal(after.emoji(input), before.emoji(input));
    assert.equal(after.label, before.label);
  });

  it('moves the source map so each position still names the same source position', async () => {
    const built = await transform(source, { loader: 'ts', format: 'cjs', sourcemap: 'external', minifyWhitespace: true });
    const { code, map } = asciiOutput(built.code, built.map);
    const old = segments(JSON.parse(built.map).mappings);
    const moved = segments(JSON.parse(map!).mappings);
    assert.equal(moved.length, old.length);
    const oldLines = built.code.split('\n');
    const newLines = code.split('\n');
    let shifted = 0;
    old.forEach(([line, column, sourceLine, sourceColumn], i) => {
      const [nLine, nColumn, nSourceLine, nSourceColumn] = moved[i];
      assert.deepEqual([nLine, nSourceLine, nSourceColumn], [line, sourceLine, sourceColumn]);
      const was = oldLines[line][column];
      const now = newLines[nLine][nColumn];
      // The same character, or the escape that replaced it.
      assert.equal(now, was.charCodeAt(0) > 0x7f ? '\\' : was, `segment ${i}`);
      if (nColumn !== column) shifted++;
    });
    assert.ok(shifted > 0, 'some segments come after an escape');
  });

  it('leaves ASCII code and its map as they are', () => {
    assert.deepEqual(asciiOutput('const a = 1;\n', '{"mappings":"AAAA"}'), { code: 'const a = 1;\n', map: '{"mappings":"AAAA"}' });
  });

  it('the built command line and extension are ASCII (npm test builds before the unit tests)', () => {
    for (const file of ['dist/cli.cjs', 'dist/extension.cjs', 'dist/extension-core.cjs', 'dist/ajv-runtime.cjs', 'dist/ical-runtime.cjs', 'dist/yaml-runtime.cjs', 'dist/markdown-runtime.cjs']) {
      assert.doesNotMatch(readFileSync(file, 'latin1'), /[^\x00-\x7f]/, file);
    }
  });
});
