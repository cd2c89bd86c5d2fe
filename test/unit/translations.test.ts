/** The Chinese UI is complete: every UI string of the extension and every manifest string has a translation. */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '../..');
const read = (file: string) => readFileSync(path.join(root, file), 'utf8');

describe('translations', () => {
  it('every vscode.l10n.t string has a zh-cn translation', () => {
    const bundle = JSON.parse(read('l10n/bundle.l10n.zh-cn.json')) as Record<string, string>;
    const missing: string[] = [];
    let seen = 0;
    // Every file of the extension, in every folder.
    const files = (readdirSync(path.join(root, 'src/extension'), { recursive: true }) as string[]).filter((f) => f.endsWith('.ts'));
    assert.ok(files.some((f) => f.includes(path.sep)), 'the extension has subfolders: they must be read too');
    for (const file of files) {
      const text = read(`src/extension/${file}`);
      for (const m of text.matchAll(/\b(?:l10n\.)?t\('((?:[^'\\]|\\.)*)'/g)) {
        const key = m[1].replace(/\\'/g, "'");
        seen++;
        if (!(key in bundle)) missing.push(`${file}: ${key}`);
      }
    }
    assert.ok(seen > 50, `found ${seen} UI strings`);
    assert.deepEqual(missing, []);
  });

  it('every %key% of package.json exists in English and Chinese', () => {
    const keys = [...read('package.json').matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]);
    assert.ok(keys.length > 10);
    for (const file of ['package.nls.json', 'package.nls.zh-cn.json']) {
      const nls = JSON.parse(read(file)) as Record<string, string>;
      assert.deepEqual(keys.filter((k) => !nls[k]), [], file);
    }
  });
});
