import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../helpers.js';
import { localize, localizeText, normalizeLocale, isLocale } from '../../src/core/i18n/locale.js';
import { VOCABULARY, word } from '../../src/core/i18n/vocabulary.js';
import { DIFF_FIELDS, DIFF_PHRASES, DIFF_SEVERITIES, DIFF_VALUES, diffWord } from '../../src/core/i18n/diff.js';
import { schemaDescription, schemaEnumDescriptions, schemaTitle } from '../../src/core/i18n/schema-text.js';

/**
 * One translation mechanism: text is chosen by locale in src/core/i18n/locale.ts and nowhere else.
 * Other files hold `Text` / `Message` values and call `localize`, `localizeText`, `t`, `word` or the
 * schema-text readers; they never compare a locale with 'zh-cn' or 'en' to pick words, keep
 * per-locale label maps, read `x-…-zh` schema keys or pass Chinese words in `…Zh` parameters.
 */
const SRC = path.join(REPO_ROOT, 'src');
const I18N = path.join('src', 'core', 'i18n');
/** The one file that chooses between the languages (and parses locale tags). */
const CHOOSER = path.join(I18N, 'locale.ts');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(full);
    return /\.(?:ts|tsx|mts|cts)$/.test(e.name) ? [full] : [];
  });
}

/** Source without comments (a comment may name `x-title-zh` or `locale === 'zh-cn'` to explain it). */
function code(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
}

const LOCALE_WORD = String.raw`['"\`](?:zh(?:-cn|-CN|_CN)?|en)['"\`]`;
/** Choosing text by comparing a locale: allowed only in locale.ts. */
const CHOOSING: [string, RegExp][] = [
  ['compares a locale', new RegExp(String.raw`(?:===?|!==?)\s*${LOCALE_WORD}|${LOCALE_WORD}\s*(?:===?|!==?)`)],
  ['switches on a locale', new RegExp(String.raw`\bcase\s+${LOCALE_WORD}\s*:`)],
  ['tests a locale tag', /\.startsWith\(\s*['"`]zh/],
];
/** Translation kept outside src/core/i18n. */
const SCATTERED: [string, RegExp][] = [
  ['keeps a per-locale map', /Record<\s*Locale\s*,|['"]zh-cn['"]\s*:/],
  ['reads a Chinese schema key', /['"`]x-[\w-]+-zh['"`]/],
  ['picks by a zh flag', /\b(?:zh|isZh|chinese)\s*\?(?![.?])/],
  ['passes Chinese words as a parameter', /\b[a-z]\w*Zh\s*:/],
  ['defines an (en, zh) chooser', /\(\s*locale\s*:\s*Locale\s*,\s*en\s*:|\(\s*en\s*:\s*string\s*,\s*zh\s*:/],
];

function offences(relative: string, source: string): string[] {
  const text = code(source);
  const rules = relative === CHOOSER ? [] : relative.startsWith(I18N + path.sep) ? CHOOSING : [...CHOOSING, ...SCATTERED];
  const out: string[] = [];
  text.split('\n').forEach((line, i) => {
    for (const [what, re] of rules) if (re.test(line)) out.push(`${relative}:${i + 1} ${what}: ${line.trim().slice(0, 120)}`);
  });
  return out;
}

describe('i18n: one translation mechanism', () => {
  it('the scanner sees every way of choosing text outside the mechanism, and nothing else', () => {
    const bad = [
      "const zh = locale === 'zh-cn';",
      "return 'zh-cn' === locale ? a : b;",
      "if (model.locale !== \"en\") x();",
      "case 'zh-cn': return '你好';",
      "const LABELS: Record<Locale, string> = { en: 'a', 'zh-cn': 'b' };",
      "const d = s['x-description-zh'];",
      "const t = zh ? '今天' : 'today';",
      "report(doc, rule, { kind: 'account', kindZh: '客户' });",
      "const L = (locale: Locale, en: string, zh: string) => en;",
      "private pick(en: string, zh: string): string {",
      "if (v.startsWith('zh')) x();",
    ];
    for (const line of bad) assert.notDeepEqual(offences('src/core/x.ts', line), [], line);
    const fine = [
      "return fallback(localeOverride ?? 'en');",
      "const parsed = parseKeyplanDocument(f.path, text, 'en');",
      "zh: (p) => `态度为${word('stance', p.stance, 'zh-cn')}`,",
      "return schemaTitle(s, locale) ?? s?.title;",
      "const x = s.zh?.length;",
      "if (isLocale(data.locale)) config.locale = data.locale;",
      "// a comment may say locale === 'zh-cn' or x-title-zh",
      "const url = 'https://example.com'; const y = 1;",
    ];
    for (const line of fine) assert.deepEqual(offences('src/core/x.ts', line), [], line);
  });

  it('no file outside src/core/i18n chooses text by locale', () => {
    const files = sourceFiles(SRC).map((f) => path.relative(REPO_ROOT, f));
    for (const layer of ['core', 'extension', 'webview', 'cli']) assert.ok(files.some((f) => f.startsWith(path.join('src', layer) + path.sep)), `no files found under src/${layer}`);
    assert.ok(files.length >= 80, `only ${files.length} files checked`);
    assert.deepEqual(files.flatMap((f) => offences(f, readFileSync(path.join(REPO_ROOT, f), 'utf8'))), []);
  });

  it('locale.ts chooses; every other file in the mechanism goes through it', () => {
    assert.equal(localizeText({ en: 'today', zh: '今天' }, 'zh-cn'), '今天');
    assert.equal(localizeText({ en: 'today', zh: '今天' }, 'en'), 'today');
    assert.equal(localize({ en: (p) => `n=${p.n}`, zh: (p) => `数=${p.n}` }, 'zh-cn', { n: 2 }), '数=2');
    assert.equal(normalizeLocale('zh_CN'), 'zh-cn');
    assert.equal(normalizeLocale('en-US'), 'en');
    assert.ok(isLocale('zh-cn') && isLocale('en') && !isLocale('zh') && !isLocale(undefined));
  });

  it('vocabulary: every word exists in both languages; unknown values are shown as written', () => {
    for (const [name, words] of Object.entries(VOCABULARY)) {
      for (const [value, text] of Object.entries(words as Record<string, { en: string; zh: string }>)) {
        assert.ok(text.en && text.zh, `${name}.${value}`);
      }
    }
    assert.equal(word('stance', 'skeptic', 'zh-cn'), '怀疑者');
    assert.equal(word('channel', 'wechat', 'zh-cn'), '微信');
    assert.equal(word('channel', 'workshop', 'zh-cn'), 'workshop');
    // Inherited object keys are not words.
    assert.equal(word('channel', 'constructor', 'zh-cn'), 'constructor');
    assert.equal(word('channel', '__proto__', 'en'), '__proto__');
  });

  it("the diff's words: every one exists in both languages; English names a value as written unless it says otherwise", () => {
    for (const [name, words] of Object.entries({ DIFF_VALUES, DIFF_FIELDS, DIFF_SEVERITIES, DIFF_PHRASES })) {
      for (const [key, text] of Object.entries(words as Record<string, { en: string; zh: string }>)) assert.ok(text.en && text.zh, `${name}.${key}`);
    }
    assert.equal(diffWord('champion', 'zh-cn'), '坚定支持者');
    assert.equal(diffWord('champion', 'en'), 'champion');
    assert.equal(diffWord('axis', 'en'), 'on an axis');
    assert.equal(diffWord('workshop', 'zh-cn'), undefined);
    assert.equal(diffWord('constructor', 'en'), undefined);
  });

  it('schema text: Chinese from the x-…-zh keys, English standing in where the schema says so', () => {
    const s = { title: 'Owner', 'x-title-zh': '负责人', description: 'Who owns it.', 'x-enum-descriptions': ['a'], 'x-enum-descriptions-zh': ['甲'] };
    assert.equal(schemaTitle(s, 'zh-cn'), '负责人');
    assert.equal(schemaTitle(s, 'en'), 'Owner');
    assert.equal(schemaDescription(s, 'zh-cn'), 'Who owns it.');
    assert.equal(schemaDescription(s, 'zh-cn', { fallback: false }), undefined);
    assert.deepEqual(schemaEnumDescriptions(s, 'zh-cn'), ['甲']);
    assert.deepEqual(schemaEnumDescriptions({ 'x-enum-descriptions': ['a'] }, 'zh-cn'), undefined);
  });
});
