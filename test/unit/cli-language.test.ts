/**
 * One language per output: every output of the command line (check, overdue, report, export,
 * brief, matrix, map, diff in text and Markdown, the help of every command, usage errors) run on
 * the samples with `--locale zh-cn` carries no English UI word, and with `--locale en` no Chinese
 * one. What stays is what the data says (names, titles, ids, summaries copied from the samples),
 * the domain codes (EB, TB, UB, Coach), rule ids, field names and values quoted as written, file
 * paths, option names and format names.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { main, COMMANDS, type Io } from '../../src/cli/main.js';
import { REPO_ROOT, SAMPLES } from '../helpers.js';
import { exampleRepository } from './helpers/example-repo.js';
import type { TempRepo } from './helpers/git-repo.js';

const AS_OF = ['--as-of', '2026-11-20'];

async function run(args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const env: NodeJS.ProcessEnv = { KEYPLAN_TODAY: '2026-11-30', PATH: process.env.PATH, HOME: process.env.HOME, GIT_CONFIG_NOSYSTEM: '1' };
  const io: Io = { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) }, cwd, env };
  const code = await main(args, io);
  return { code, stdout, stderr };
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : /\.(md|yaml)$/.test(name) ? [full] : [];
  });
}

/** Everything the plan files say (the samples, and the example repository's week of changes), which an output may repeat in any language. */
const CALENDAR = path.join(REPO_ROOT, 'test', 'fixtures', 'import', 'calendar.ics');
let DATA = [...filesUnder(SAMPLES), CALENDAR].map((f) => readFileSync(f, 'utf8')).join('\n');
const WORD = /[A-Za-z][A-Za-z0-9_'-]*/g;

/**
 * Values quoted as written by core rule messages (not the command line's words): a list of the
 * allowed values of a field, `field: value`, and the two rules that name a stage or a status as
 * written. They are not UI words and stay in the field's own language.
 */
const AS_WRITTEN = [
  /(?:可用取值|可用方式|Allowed)[:：][^。\n]*/g,
  /\b[a-z_]+: [a-z-]+/g,
  /目标阶段 [a-z-]+ 低于当前阶段 [a-z-]+/g, // stage-target-missing
  /当前状态为 [a-z-]+/g, // objective-overdue
  /当前状态为[^（）\n]*（[a-z-]+）/g, // objective-overdue since one vocabulary: the word, then the status as written
  /渠道为 [a-z-]+/g, // complaints-rising: the channel as written
  /标记为 [a-z-]+ 或 [a-z-]+/g, // renewal-slipping: the renewal statuses as written
  /\\?\((?:weak|medium|strong)\\?\)/g, // core/diff/people.ts writes an influence line with its strength as written
];

/**
 * English words the CLI itself writes (headers, headings, labels, value words): never in a
 * Chinese output, even where the samples contain them (as a value such as `stance: champion`).
 */
const UI_WORDS = [
  'State', 'Account', 'Accounts', 'Person', 'People', 'Roles', 'Last', 'interaction', 'Days', 'Cadence', 'Owner', 'owner', 'Dark', 'dark', 'Due', 'due',
  'With', 'Next step', 'Logged', 'Title', 'Stance', 'stance', 'Infl', 'Coverage', 'Temperature', 'Quadrant', 'Quadrants', 'quadrants', 'Health', 'health',
  'Part', 'Score', 'Weight', 'weight', 'Details', 'Tier', 'tier', 'Overdue', 'overdue', 'Champions', 'champions', 'Blockers', 'blockers', 'Findings',
  'finding', 'findings', 'Objective', 'Objectives', 'Status', 'Target', 'target', 'Contact', 'Contacts', 'contacts', 'Layer', 'Stage', 'Channels',
  'Needs attention', 'Team', 'Usage', 'Options', 'Examples', 'Commands', 'report', 'never', 'soon', 'ok', 'warm', 'cooling', 'cold', 'hot',
  'champion', 'supporter', 'neutral', 'skeptic', 'opponent', 'unknown', 'in-depth', 'multiple', 'axis', 'unplaced', 'error', 'errors', 'warning',
  'warnings', 'info', 'planned', 'missed', 'ago', 'left', 'influence', 'green', 'amber', 'red', 'relationship', 'experience', 'business', 'meeting',
  'visit', 'call', 'email', 'wechat', 'on-track', 'at-risk', 'done', 'approved', 'stability', 'partnership', 'awareness', 'recognition', 'purchase',
  'advocacy', 'general', 'key', 'strong', 'weak', 'show', 'write', 'only',
];

/** Words that stay in both languages: codes, formats, tools and the syntax users type. */
const NEUTRAL = [
  'EB', 'TB', 'UB', 'Coach', 'keyplan', 'Keyplan', 'YAML', 'JSON', 'SVG', 'Markdown', 'git', 'GitHub', 'Actions', 'SARIF', 'JUnit', 'XML', 'HEAD', 'BASE',
  'NO_COLOR', 'KEYPLAN_LOCALE', 'LANG', 'YYYY-MM-DD', 'MM', 'DD', 'YYYY', 'bash', 'zsh', 'fish', 'text', 'json', 'markdown', 'github', 'sarif', 'junit',
  'mermaid', 'svg', 'en', 'zh-cn', 'temperature', 'coverage', 'Next', 'MB', 'ics', 'origin', 'main', 'frontmatter', 'UTF-8', 'iCalendar', 's', 'n', 'f', 'l',
  'A', 'B', 'C', 'p2', 'p3', 'matrix', 'plan-update-w47', 'nps', 'csat', 'dark_after', 'shell', 'fpath',
  'N', 'Nd', 'd', 'QBR', 'CLP',
];

const RULE_AND_FIELD_WORDS = new Set<string>();
for (const f of readdirSync(path.join(REPO_ROOT, 'src', 'core', 'rules'), { recursive: true }) as string[]) {
  if (f.endsWith('.ts')) RULE_AND_FIELD_WORDS.add(path.basename(f, '.ts'));
}
for (const f of readdirSync(path.join(REPO_ROOT, 'schemas'))) {
  for (const m of readFileSync(path.join(REPO_ROOT, 'schemas', f), 'utf8').matchAll(/"([a-z_][a-z0-9_-]*)"\s*:/g)) RULE_AND_FIELD_WORDS.add(m[1]);
}
for (const c of COMMANDS) {
  RULE_AND_FIELD_WORDS.add(c.name);
  for (const o of Object.keys(c.options)) RULE_AND_FIELD_WORDS.add(o);
}

/** Text that is not the CLI's own words: quoted values, options, paths, ids and the data. */
/** Meeting subjects of the calendar (and, once the example repository exists, its commit subjects): data, even where a word of them is also a UI word ("Late call"). */
const SUBJECTS = [...readFileSync(CALENDAR, 'utf8').matchAll(/^SUMMARY[^:]*:(.*)$/gm)].map((m) => m[1].trim()).filter(Boolean).sort((a, b) => b.length - a.length);

function withoutData(out: string): string {
  let text = out;
  for (const subject of SUBJECTS) text = text.split(subject).join(' ');
  for (const re of AS_WRITTEN) text = text.replace(re, ' ');
  return text
    .replace(/```mermaid[\s\S]*?```/g, ' ') // a flowchart's code
    .replace(/^ {2}keyplan .*$/gm, ' ') // the help's examples: command lines
    .replace(/<\/?[a-z][^>\n]*>/g, ' ') // HTML tags (<details>)
    .replace(/&[a-z]+;/g, ' ') // entities
    .replace(/\b[0-9a-f]{7,40}\b/g, ' ') // commits
    .replace(/\b[\w-]+\.(?:json|md|svg|ics|yaml)\b/g, ' ') // file names
    .replace(/<!--[^\n]*?-->/g, (c) => c.replace(/^<!-- Generated by keyplan export as of \S+/, '')) // the export's seal is a marker
    .replace(/\\?`[^`\n]*\\?`/g, ' ') // values and syntax quoted as written
    .replace(/'[^'\n]*'/g, ' ') // what the user typed, quoted back
    .replace(/(?:^|\s)--?[a-z][\w-]*(?:=\S*)?/gm, ' ') // option names
    .replace(/[\w.@-]*\/[\w./@-]*/g, ' ') // paths
    .replace(/@[a-z][\w-]*/g, ' '); // mentions
}

function englishLeftIn(out: string): string[] {
  const data = new Set(DATA.match(WORD) ?? []);
  const ui = new Set(UI_WORDS);
  const left = new Set<string>();
  for (const w of withoutData(out).match(WORD) ?? []) {
    const word = w.replace(/['-]+$/, '');
    if (NEUTRAL.includes(word) || RULE_AND_FIELD_WORDS.has(word)) continue;
    if (/^[a-z0-9]+(?:-[a-z0-9]+)+$/.test(word) && data.has(word) && !ui.has(word)) continue; // an id
    if (data.has(word) && !ui.has(word)) continue;
    left.add(word);
  }
  return [...left].sort();
}

const CJK = /[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]+/g;
function chineseLeftIn(out: string): string[] {
  const data = new Set(DATA.match(CJK) ?? []);
  const left = new Set<string>();
  for (const run of withoutData(out).match(CJK) ?? []) {
    // A run the data contains, or made of pieces it contains (a name followed by a full-width bracket…).
    if (data.has(run) || [...data].some((d) => d.includes(run))) continue;
    left.add(run);
  }
  return [...left].sort();
}

/** Every output, as [name, args, where]. */
const OUTPUTS: [string, string[], 'samples' | 'repo'][] = [
  ['check', ['check', ...AS_OF], 'samples'],
  ['overdue', ['overdue', '--all', '--explain', ...AS_OF], 'samples'],
  ['overdue markdown', ['overdue', '--all', '--format', 'markdown', ...AS_OF], 'samples'],
  ['overdue follow-ups', ['overdue', '--follow-ups', '--as-of', '2026-12-30'], 'samples'],
  ['report', ['report', ...AS_OF], 'samples'],
  ['report markdown', ['report', '--format', 'markdown', ...AS_OF], 'samples'],
  ['export', ['export', ...AS_OF], 'samples'],
  ['brief', ['brief', 'zhang-wei', '--share', ...AS_OF], 'samples'],
  ['matrix', ['matrix', 'east-china-telecom', ...AS_OF], 'samples'],
  ['map', ['map', 'yuanhang-auto', ...AS_OF], 'samples'],
  ['diff text', ['diff', 'main', 'plan-update-w47', ...AS_OF], 'repo'],
  ['diff markdown', ['diff', 'main', 'plan-update-w47', '--format', 'markdown', ...AS_OF], 'repo'],
  ['report inventory', ['report', '--inventory', '--by', 'owner', ...AS_OF], 'samples'],
  ['history text', ['history', 'yuanhang-auto', '--until', 'plan-update-w47', '--derived', ...AS_OF], 'repo'],
  ['history markdown', ['history', 'qinghe-medical', '--until', 'plan-update-w47', '--format', 'markdown', ...AS_OF], 'repo'],
  ['matrix --at', ['matrix', 'yuanhang-auto', '--at', 'main', ...AS_OF], 'repo'],
  ['import (dry run)', ['import', CALENDAR, '--dry-run', ...AS_OF], 'samples'],
  ['log: an unknown person', ['log', 'zhang-wie', 'a summary', ...AS_OF], 'samples'],
  ['help', ['--help'], 'samples'],
  ...COMMANDS.map((c): [string, string[], 'samples'] => [`${c.name} --help`, [c.name, '--help'], 'samples']),
  ['unknown option', ['check', '--formt', 'json'], 'samples'],
  ['unknown command', ['chek'], 'samples'],
  ['date that does not exist', ['overdue', '--as-of', '2026-02-30'], 'samples'],
  ['unknown owner', ['overdue', '--owner', 'li-nna', ...AS_OF], 'samples'],
];

describe('CLI: one language per output (#18)', function () {
  this.timeout(300_000);
  let repo: TempRepo;
  before(() => {
    repo = exampleRepository();
    DATA += filesUnder(path.join(repo.dir, 'accounts')).map((f) => readFileSync(f, 'utf8')).join('\n');
    // The history names commits: their authors and subjects are data too.
    DATA += `\n${repo.git('log', '--all', '--format=%an%n%s')}`;
    // …and a subject is data even where a word of it is also a UI word ("Account plans, week 46").
    SUBJECTS.push(...repo.git('log', '--all', '--format=%s').split('\n').map((l) => l.trim()).filter(Boolean));
    SUBJECTS.sort((a, b) => b.length - a.length);
  });
  after(() => repo?.remove());

  for (const [name, args, where] of OUTPUTS) {
    it(`${name}: no English UI words with --locale zh-cn`, async () => {
      const r = await run([...args, '--locale', 'zh-cn'], where === 'samples' ? SAMPLES : repo.dir);
      const out = r.stdout + r.stderr;
      assert.ok(out.trim(), 'prints something');
      const left = englishLeftIn(out);
      assert.deepEqual(left, [], `left: ${JSON.stringify(left)}\n${out}`);
    });
    it(`${name}: no Chinese UI words with --locale en`, async () => {
      const r = await run([...args, '--locale', 'en'], where === 'samples' ? SAMPLES : repo.dir);
      const out = r.stdout + r.stderr;
      const left = chineseLeftIn(out);
      assert.deepEqual(left, [], `left: ${JSON.stringify(left)}\n${out}`);
    });
  }

  it('the checker can fail: it finds an English header and a Chinese word', () => {
    assert.deepEqual(englishLeftIn('状态  客户\nState  Account'), ['Account', 'State']);
    assert.deepEqual(chineseLeftIn('State  Account 逾期'), ['逾期']);
    assert.deepEqual(englishLeftIn('张伟 · 首席技术官 CTO  `champion`  east-china-telecom'), []);
  });
});
