/**
 * One vocabulary (issue #18): every term and value has one Chinese word, defined once in
 * src/core/i18n/vocabulary.ts and documented in docs/format.md. This test fails when a second
 * translation of a vocabulary term appears anywhere users read text: the code, the schemas, the
 * editor's strings, the walkthrough and the docs.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../helpers.js';
import { VOCABULARY, word } from '../../src/core/i18n/vocabulary.js';
import { DIFF_PHRASES, diffWord } from '../../src/core/i18n/diff.js';
import { t } from '../../src/core/i18n/catalogue.js';

/** Words that are another translation of a vocabulary term, and the one word to use instead. */
export const OTHER_WORDS: { pattern: RegExp; instead: string }[] = [
  { pattern: /态度/, instead: 'stance is 立场' },
  { pattern: /支持度(?!-影响力矩阵)/, instead: 'stance is 立场 (支持度 only in the matrix name 支持度-影响力矩阵)' },
  { pattern: /拥护/, instead: 'champion is 坚定支持者, the Champions quadrant 核心支持者' },
  { pattern: /倡导者|拥趸/, instead: 'quadrants are 核心支持者/关键阻力/外围支持者/外围反对者' },
  { pattern: /阻碍者/, instead: 'Blockers is 关键阻力' },
  { pattern: /唱反调/, instead: 'Naysayers is 外围反对者' },
  { pattern: /追随者/, instead: 'Fans is 外围支持者' },
  { pattern: /轴线上/, instead: 'axis is 坐标轴上' },
  { pattern: /覆盖程度/, instead: 'coverage is 覆盖度' },
];

function filesUnder(dir: string, ext: RegExp): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir)) {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) out.push(...filesUnder(full, ext));
    else if (ext.test(entry)) out.push(full);
  }
  return out;
}

/** Every file whose text a user reads, directly or through an output. Samples are users' own notes and not scanned. */
function scannedFiles(): string[] {
  return [
    ...filesUnder(path.join(REPO_ROOT, 'src'), /\.(ts|cjs)$/),
    ...filesUnder(path.join(REPO_ROOT, 'schemas'), /\.json$/),
    ...filesUnder(path.join(REPO_ROOT, 'l10n'), /\.json$/),
    ...filesUnder(path.join(REPO_ROOT, 'docs'), /\.md$/),
    ...filesUnder(path.join(REPO_ROOT, 'media'), /\.md$/),
    path.join(REPO_ROOT, 'package.nls.zh-cn.json'),
    path.join(REPO_ROOT, 'README.md'),
  ];
}

export function otherTranslations(file: string, text: string): string[] {
  const found: string[] = [];
  text.split('\n').forEach((line, i) => {
    // The format documentation lists the words not to use; a line that says "Never" names them on purpose.
    if (/\| (拥护者|阻碍者|追随者|唱反调者|轴线上|态度, 支持度|目标态度) \|$/.test(line)) return;
    for (const { pattern, instead } of OTHER_WORDS) if (pattern.test(line)) found.push(`${file}:${i + 1}: ${line.trim().slice(0, 120)} (${instead})`);
  });
  return found;
}

describe('one vocabulary (issue #18)', () => {
  it('the scanner finds each other translation, and not the chosen words', () => {
    for (const bad of ['态度 ${p.stance}', '对我方的支持度 →', '拥护', '拥护者', '阻碍者', '唱反调者', '追随者', '轴线上', '倡导者（champion）']) {
      assert.notDeepEqual(otherTranslations('x.ts', bad), [], bad);
    }
    for (const fine of ['立场 ${p.stance}', '支持度-影响力矩阵', '坚定支持者', '核心支持者', '关键阻力', '外围支持者', '外围反对者', '坐标轴上']) {
      assert.deepEqual(otherTranslations('x.ts', fine), [], fine);
    }
  });

  it('no second translation of a vocabulary term anywhere users read it', () => {
    const files = scannedFiles();
    assert.ok(files.length > 100, `only ${files.length} files scanned`);
    const found = files.flatMap((f) => otherTranslations(path.relative(REPO_ROOT, f), readFileSync(f, 'utf8')));
    assert.deepEqual(found, []);
  });

  it('the matrix, the diff, the brief and the editor use the same words', () => {
    for (const [value, text] of Object.entries(VOCABULARY.stance)) assert.equal(diffWord(value, 'zh-cn'), text.zh, value);
    for (const [value, text] of Object.entries(VOCABULARY.quadrant)) assert.equal(diffWord(value, 'zh-cn'), text.zh, value);
    assert.equal(DIFF_PHRASES.stance.zh, VOCABULARY.term.stance.zh);
    assert.equal(t('zh-cn', 'meeting.stance'), '立场');
    assert.match(t('zh-cn', 'hover.stance', { stance: word('stance', 'champion', 'zh-cn') }), /^立场 坚定支持者$/);
    assert.match(t('zh-cn', 'matrix.axis.stance'), /立场/);
    assert.match(t('zh-cn', 'matrix.unplaced.person', { name: '赵敏', stance: 'supporter', influence: '?' }), /^赵敏：立场 支持者/);
  });

  it('docs/format.md documents the words the code uses', () => {
    const doc = readFileSync(path.join(REPO_ROOT, 'docs/format.md'), 'utf8');
    for (const [value, text] of Object.entries(VOCABULARY.quadrant)) {
      assert.ok(doc.includes(`| \`${value}\` | ${text.en} | ${text.zh} |`), `quadrant ${value}`);
    }
    for (const [value, text] of Object.entries(VOCABULARY.stance)) {
      assert.match(doc, new RegExp(`\\| \`${value}\` \\| [A-Z][a-z]+ \\(${text.zh}\\)`), `stance ${value}`);
    }
    assert.ok(doc.includes(`| \`stance\` | stance | ${VOCABULARY.term.stance.zh} |`));
  });
});
