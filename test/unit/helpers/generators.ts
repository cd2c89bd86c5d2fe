/**
 * fast-check generators for the property tests (test/unit/fuzz-*.test.ts and the round-trip
 * tests): arbitrary text and bytes biased toward what Keyplan parses (fences, YAML and Markdown
 * tokens, line endings), and valid workspaces written in every style a person may use (block and
 * flow, plain and quoted, comments, LF, CRLF or lone CR) together with the data they mean, so a
 * test can check both the findings and the exact bytes an edit touches.
 */
import fc from 'fast-check';
import { checkWorkspace, type CheckResult, type SourceFile } from '../../../src/core/check/pipeline.js';
import type { Diagnostic } from '../../../src/core/diagnostic.js';
import { LineIndex, decodeText } from '../../../src/core/parse/text.js';

/** How many cases a property runs: the default for `npm test`, times KEYPLAN_FUZZ_SCALE for `npm run fuzz`. */
export function runs(base: number): number {
  const scale = Number(process.env.KEYPLAN_FUZZ_SCALE ?? '1');
  return Math.max(1, Math.round(base * (Number.isFinite(scale) && scale > 0 ? scale : 1)));
}

/**
 * fast-check parameters. `npm test` always checks the same cases (a fixed seed, so CI cannot turn
 * red on a lucky draw); `npm run fuzz` sets KEYPLAN_FUZZ_RANDOM to explore new ones and prints the
 * seed of any failure, which KEYPLAN_FUZZ_SEED then replays.
 */
export function params(base: number): fc.Parameters<unknown> {
  const seed = process.env.KEYPLAN_FUZZ_SEED;
  if (seed) return { numRuns: runs(base), seed: Number(seed) };
  return { numRuns: runs(base), ...(process.env.KEYPLAN_FUZZ_RANDOM ? {} : { seed: 20261130 }) };
}

// --- vocabularies -------------------------------------------------------------------------------

export const AS_OF = '2026-11-20';
export const STANCES = ['champion', 'supporter', 'neutral', 'skeptic', 'opponent', 'unknown'] as const;
export const MOVABLE_STANCES = ['champion', 'supporter', 'neutral', 'skeptic', 'opponent'] as const;
export const COVERAGES = ['unknown', 'none', 'brief', 'multiple', 'in-depth'] as const;
export const ROLES = ['EB', 'TB', 'UB', 'Coach'] as const;
export const CHANNELS = ['visit', 'meeting', 'call', 'wechat', 'email', 'event', 'executive-exchange', 'gift', 'dinner', 'other'] as const;
export const TIERS = ['A', 'B', 'C'] as const;
export const LAYERS = ['key', 'general', 'organizational', 'ecosystem'] as const;
export const STAGES = ['awareness', 'recognition', 'purchase', 'advocacy'] as const;

/** Tokens that steer random text into the parsers' interesting corners. */
const TOKENS = [
  '---', '...', '\n', '\r\n', '\r', ' ', '  ', '\t', ':', ': ', '- ', '-', '[', ']', '{', '}', ',', '#', '# keyplan-disable schema', '"', "'", '\\', '|', '>', '|-', '>+',
  '&a ', '*a', '!!str ', '!!binary ', '!foo ', '? ', '%YAML 1.2', '<<: ', 'kind: ', 'kind: person', 'kind: account', 'kind: interaction-log', 'kind: relationship-plan',
  'kind: org-portrait', 'kind: acount', 'id: ', 'id: zhang-wei', 'account: acme', 'name: ', 'stance: ', 'influence: ', 'roles: [EB]', 'tier: A', 'owner: li-na',
  'contacts:', '  - person: zhang-wei', 'year: 2026', 'null', '~', 'true', '0x1F', '1e3', '.inf', '2026-02-30', '2026-11-02', '2026-11-02 meeting @zhang-wei: ok',
  '@', '@zhang-wei', '```', '~~~', '    ', '> ', '<div>', '* ', '1. ', '## ', '张伟', '：', '\u00a0', '\u2028', '\ufeff', '\u0000', '\u001b[31m', '\ud800', '\u202e',
  '__proto__', 'constructor', '💥', 'é', 'x'.repeat(40),
];

export const token = fc.constantFrom(...TOKENS);

/** Text made of parser-relevant tokens and random characters. */
export const soup: fc.Arbitrary<string> = fc
  .array(fc.oneof({ weight: 4, arbitrary: token }, { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) }), { maxLength: 80 })
  .map((parts) => parts.join(''));

/** A frontmatter document whose YAML and body are soup: reaches the YAML reader and the log parser. */
export const soupDocument: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom('person', 'account', 'interaction-log', 'relationship-plan', 'org-portrait', 'acount'), soup, soup, fc.constantFrom('\n', '\r\n', '\r'))
  .map(([kind, yaml, body, eol]) => `---${eol}kind: ${kind}${eol}${yaml}${eol}---${eol}${body}`);

/** Any text at all, soup, or a soup document. */
export const anyText: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.string({ unit: 'grapheme', maxLength: 300 }),
  soup,
  soupDocument,
);

/** Any bytes: random, or a soup document's UTF-8 with random bytes spliced in. */
export const anyBytes: fc.Arbitrary<Uint8Array> = fc.oneof(
  fc.uint8Array({ maxLength: 400 }),
  fc.tuple(soupDocument, fc.uint8Array({ minLength: 1, maxLength: 8 }), fc.nat()).map(([text, noise, at]) => {
    const bytes = Buffer.from(text, 'utf8');
    const i = bytes.length ? at % bytes.length : 0;
    return new Uint8Array(Buffer.concat([bytes.subarray(0, i), Buffer.from(noise), bytes.subarray(i)]));
  }),
);

// --- invariants ---------------------------------------------------------------------------------

/** The text a file holds as the core sees it (BOM removed), or undefined when it is not text. */
export function textOf(file: SourceFile): string | undefined {
  if (typeof file.content === 'string') return file.content.charCodeAt(0) === 0xfeff ? file.content.slice(1) : file.content;
  // A Keyplan document with a NUL byte is read as text too (with a warning).
  const decoded = decodeText(file.content, true);
  return decoded.ok ? decoded.text : undefined;
}

/**
 * Checks the contract of every finding: it names a file of the workspace, its range lies inside
 * that file (1-based lines, columns up to the line's length + 1, start before end), and it has a
 * rule, a severity and a message. Returns the problems (empty when all is well).
 */
export function findingProblems(files: SourceFile[], diagnostics: Diagnostic[]): string[] {
  const problems: string[] = [];
  const byPath = new Map(files.map((f) => [f.path, f]));
  const indexes = new Map<string, { lines: LineIndex; text: string } | undefined>();
  for (const d of diagnostics) {
    const file = byPath.get(d.file);
    if (!file) {
      problems.push(`${d.rule} on unknown file ${d.file}`);
      continue;
    }
    if (!d.message || !d.rule || !['error', 'warning', 'info'].includes(d.severity)) problems.push(`incomplete finding ${JSON.stringify(d)}`);
    if (!indexes.has(d.file)) {
      const text = textOf(file);
      indexes.set(d.file, text === undefined ? undefined : { lines: new LineIndex(text), text });
    }
    const idx = indexes.get(d.file);
    // A file that is not text can only carry the encoding finding, on its first characters.
    if (!idx) {
      if (d.range.start.line !== 1 || d.range.end.line !== 1) problems.push(`${d.rule} at ${JSON.stringify(d.range)} in a non-text file`);
      continue;
    }
    for (const p of [d.range.start, d.range.end]) {
      if (!Number.isInteger(p.line) || !Number.isInteger(p.column) || p.line < 1 || p.line > idx.lines.lineCount) {
        problems.push(`${d.rule}: line ${p.line} outside 1..${idx.lines.lineCount} in ${d.file}`);
        continue;
      }
      const length = idx.lines.lineEnd(p.line) - idx.lines.lineStart(p.line);
      if (p.column < 1 || p.column > length + 1) problems.push(`${d.rule}: column ${p.column} outside 1..${length + 1} on line ${p.line} of ${d.file}`);
    }
    const { start, end } = d.range;
    if (end.line < start.line || (end.line === start.line && end.column < start.column)) problems.push(`${d.rule}: range ends before it starts ${JSON.stringify(d.range)}`);
  }
  return problems;
}

/** Runs a check and throws with the input when it throws or breaks the findings' contract. */
export function checkAndVerify(files: SourceFile[], asOf = AS_OF): CheckResult {
  let result: CheckResult;
  try {
    result = checkWorkspace(files, { asOf });
  } catch (err) {
    throw new Error(`checkWorkspace threw ${(err as Error).stack}\ninput: ${JSON.stringify(files.map((f) => ({ path: f.path, content: typeof f.content === 'string' ? f.content : Buffer.from(f.content).toString('base64') })))}`);
  }
  const problems = findingProblems(files, result.diagnostics);
  if (problems.length) throw new Error(`${problems.join('\n')}\ninput: ${JSON.stringify(files.map((f) => f.path))}`);
  return result;
}

// --- valid workspaces, written in many styles ---------------------------------------------------

export type Eol = '\n' | '\r\n' | '\r';

/** How one document is written: the choices a person (or another tool) makes. */
export interface Style {
  eol: Eol;
  /** The top-level mapping as `{ a: 1, b: 2 }` on one line. */
  flow: boolean;
  /** Quote keys: none, "double" or 'single'. */
  keyQuote: '' | '"' | "'";
  /** How string values are quoted when they may be plain. */
  valueQuote: '' | '"' | "'";
  /** Lists as `[a, b]` (true) or as block sequences. */
  flowLists: boolean;
  /** Comments between pairs and after values. */
  comments: boolean;
  /** Spaces after `key:`. */
  spaceAfterColon: 1 | 2 | 3;
  /** Indentation of nested block content. */
  indent: 2 | 4;
}

export const arbStyle: fc.Arbitrary<Style> = fc.record({
  eol: fc.constantFrom<Eol>('\n', '\n', '\r\n', '\r'),
  flow: fc.boolean(),
  keyQuote: fc.constantFrom<Style['keyQuote']>('', '', '"', "'"),
  valueQuote: fc.constantFrom<Style['valueQuote']>('', '"', "'"),
  flowLists: fc.boolean(),
  comments: fc.boolean(),
  spaceAfterColon: fc.constantFrom<1 | 2 | 3>(1, 1, 2, 3),
  indent: fc.constantFrom<2 | 4>(2, 4),
});

/** A JSON-like value of a frontmatter field. */
export type Value = string | number | boolean | Value[] | { [key: string]: Value };

/** A string that must be quoted, or may be plain when YAML reads it back as the same text. */
function scalar(value: string | number | boolean, style: Style, forceQuote = false): string {
  if (typeof value !== 'string') return String(value);
  const plainOk = !forceQuote && /^[A-Za-z\u4e00-\u9fff][\w\u4e00-\u9fff .()/-]*$/.test(value) && !/\s$/.test(value) && !/^(true|false|null|yes|no|on|off|y|n)$/i.test(value);
  const quote = plainOk ? style.valueQuote : style.valueQuote || '"';
  if (quote === "'" && !/[\u0000-\u001f\u007f-\u009f\u2028\u2029\ud800-\udfff\ufeff]/.test(value)) return `'${value.replace(/'/g, "''")}'`;
  if (quote === '' && plainOk) return value;
  return JSON.stringify(value);
}

function key(k: string, style: Style): string {
  return style.keyQuote ? `${style.keyQuote}${k}${style.keyQuote}` : k;
}

function flowValue(v: Value, style: Style, quoteAll: boolean): string {
  if (Array.isArray(v)) return `[${v.map((x) => flowValue(x, style, quoteAll)).join(', ')}]`;
  if (v && typeof v === 'object') return `{ ${Object.entries(v).map(([k, x]) => `${key(k, style)}: ${flowValue(x, style, quoteAll)}`).join(', ')} }`;
  // Inside flow collections `,[]{}` end a plain scalar: quote anything that is not a simple word.
  return scalar(v, style, quoteAll || (typeof v === 'string' && !/^[\w\u4e00-\u9fff-]+$/.test(v)));
}

function blockLines(k: string, v: Value, style: Style, indent: string, comment: () => string): string[] {
  const sep = ':' + ' '.repeat(style.spaceAfterColon);
  const inner = indent + ' '.repeat(style.indent);
  if (Array.isArray(v)) {
    if (style.flowLists || v.length === 0 || v.some((x) => typeof x === 'object')) return [`${indent}${key(k, style)}${sep}${flowValue(v, style, false)}${comment()}`];
    return [`${indent}${key(k, style)}:${comment()}`, ...v.map((x) => `${inner}- ${scalar(x as string, style)}`)];
  }
  if (v && typeof v === 'object') {
    return [`${indent}${key(k, style)}:${comment()}`, ...Object.entries(v).flatMap(([kk, vv]) => blockLines(kk, vv, style, inner, comment))];
  }
  return [`${indent}${key(k, style)}${sep}${scalar(v, style)}${comment()}`];
}

/** Writes frontmatter fields (in order) and a body in a style; returns the text. */
export function writeDocument(fields: [string, Value][], style: Style, body: string[] = [], seed = 0): string {
  let n = seed;
  const comment = () => (style.comments && ++n % 3 === 0 ? `  # note ${n}: keep "this" [x] {y}` : '');
  const lines: string[] = ['---'];
  if (style.comments) lines.push('# written by hand');
  if (style.flow) {
    lines.push(`{ ${fields.map(([k, v]) => `${key(k, style)}: ${flowValue(v, style, false)}`).join(', ')} }${comment()}`);
  } else {
    for (const [k, v] of fields) {
      lines.push(...blockLines(k, v, style, '', comment));
      if (style.comments && ++n % 4 === 0) lines.push('# a comment between fields');
    }
  }
  lines.push('---', ...body);
  return lines.join(style.eol) + style.eol;
}

export interface GenPerson {
  id: string;
  name: string;
  title?: string;
  roles: string[];
  stance?: string;
  influence?: number;
  coverage?: string;
  channels?: string[];
  needs?: string | string[];
  career?: string;
  style: Style;
}

export interface GenWorkspace {
  account: { id: string; name: string; tier: string; owner: string; industry?: string; style: Style };
  people: GenPerson[];
  plan: { contacts: { person: string; layer?: string; stage?: string; content?: string; owner?: string }[]; style: Style };
  log: { entries: { date: string; channel: string; people: string[]; summary: string }[]; style: Style };
}

const idPart = fc.constantFrom('zhang', 'wang', 'li', 'zhao', 'chen', 'liu', 'yang', 'huang', 'zhou', 'wu', 'xu', 'sun', 'ma', 'zhu', 'hu', 'guo', 'he', 'lin', 'x1', '2b');
export const arbId: fc.Arbitrary<string> = fc.array(idPart, { minLength: 1, maxLength: 3 }).map((parts) => parts.join('-'));

/** Display text: Chinese names, ordinary words, or text that needs quoting in YAML. */
export const arbText: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('张伟', '王芳', 'Acme 公司', '首席技术官 CTO', 'VP, Digital & IT', 'O\'Brien', 'a: b', '#1 客户', '- dash', 'yes', '1e3', '[x](command:foo)', '<b>x</b>', 'line\\n', '  spaced  '),
  fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 20 }),
  fc.string({ unit: fc.constantFrom('张', '伟', '王', '芳', '总', '，', '：', ' ', 'a', '"', "'", '#', ':', '-', '\\'), minLength: 1, maxLength: 12 }),
).filter((s) => s.trim().length > 0 && !/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/.test(s));

/** A summary for a log entry: one line, no trailing blanks. */
const arbSummary: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('技术交流', 'Discussed the pilot. Next: demo', '确认报价：下周二', 'call back #2 re: [scope]', 'met at <event>'),
  fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 30 }),
)
  // An `@` before a letter or digit is a mention (a reference that must exist): not in random summaries.
  .map((s) => s.replace(/[\r\n]+/g, ' ').replace(/@/g, '(at)').trim())
  .filter((s) => s.length > 0);

const arbDate: fc.Arbitrary<string> = fc.date({ min: new Date('2025-01-01T00:00:00Z'), max: new Date(`${AS_OF}T00:00:00Z`), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

/** A valid workspace of one account (with people, a relationship plan and a log), each document in its own style. */
export const arbWorkspace: fc.Arbitrary<GenWorkspace> = fc
  .tuple(arbId, fc.uniqueArray(arbId, { minLength: 1, maxLength: 5 }))
  .filter(([accountId, ids]) => !ids.includes(accountId))
  .chain(([accountId, ids]) =>
    fc.record({
      account: fc.record({ id: fc.constant(accountId), name: arbText, tier: fc.constantFrom(...TIERS), owner: fc.constantFrom('li-na', 'chen-hao'), industry: fc.option(arbText, { nil: undefined }), style: arbStyle }),
      people: fc.tuple(...ids.map((id) =>
        fc.record({
          id: fc.constant(id),
          name: arbText,
          title: fc.option(arbText, { nil: undefined }),
          roles: fc.subarray([...ROLES]),
          stance: fc.option(fc.constantFrom(...STANCES), { nil: undefined }),
          influence: fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }),
          coverage: fc.option(fc.constantFrom(...COVERAGES), { nil: undefined }),
          channels: fc.option(fc.subarray([...CHANNELS], { minLength: 1, maxLength: 3 }), { nil: undefined }),
          needs: fc.option(fc.oneof(arbText, fc.array(arbText, { minLength: 1, maxLength: 3 })), { nil: undefined }),
          career: fc.option(arbText, { nil: undefined }),
          style: arbStyle,
        }),
      )),
      plan: fc.record({
        contacts: fc.subarray(ids).chain((chosen) => fc.tuple(...chosen.map((person) => fc.record({
          person: fc.constant(person),
          layer: fc.option(fc.constantFrom(...LAYERS), { nil: undefined }),
          stage: fc.option(fc.constantFrom(...STAGES), { nil: undefined }),
          content: fc.option(arbText, { nil: undefined }),
          owner: fc.option(fc.constantFrom('li-na', 'chen-hao'), { nil: undefined }),
        })))),
        style: arbStyle,
      }),
      log: fc.record({
        entries: fc.array(fc.record({ date: arbDate, channel: fc.constantFrom(...CHANNELS), people: fc.subarray(ids, { minLength: 1 }), summary: arbSummary }), { maxLength: 8 }),
        style: arbStyle,
      }),
    }),
  ) as fc.Arbitrary<GenWorkspace>;

const defined = (entries: [string, Value | undefined][]): [string, Value][] => entries.filter((e): e is [string, Value] => e[1] !== undefined);

export function accountFields(w: GenWorkspace): [string, Value][] {
  const a = w.account;
  return defined([['kind', 'account'], ['id', a.id], ['name', a.name], ['tier', a.tier], ['owner', a.owner], ['industry', a.industry]]);
}

export function personFields(w: GenWorkspace, p: GenPerson): [string, Value][] {
  return defined([
    ['kind', 'person'], ['id', p.id], ['account', w.account.id], ['name', p.name], ['title', p.title], ['roles', p.roles], ['stance', p.stance],
    ['influence', p.influence], ['coverage', p.coverage], ['channels', p.channels], ['needs', p.needs], ['career', p.career],
  ]);
}

export function planFields(w: GenWorkspace): [string, Value][] {
  return [
    ['kind', 'relationship-plan'], ['account', w.account.id], ['period', { start: '2026-01-01', end: '2026-12-31' }],
    ['contacts', w.plan.contacts.map((c) => Object.fromEntries(defined([['person', c.person], ['layer', c.layer], ['stage', c.stage], ['content', c.content], ['owner', c.owner]])))],
  ];
}

export function logLines(w: GenWorkspace): string[] {
  return ['', '# Log', '', ...w.log.entries.map((e) => `- ${e.date} ${e.channel} ${e.people.map((p) => `@${p}`).join(' ')}: ${e.summary}`)];
}

/** The workspace's files, as text. */
export function workspaceFiles(w: GenWorkspace): Record<string, string> {
  const dir = `accounts/${w.account.id}`;
  const files: Record<string, string> = {
    [`${dir}/account.md`]: writeDocument(accountFields(w), w.account.style, ['', '## Summary', '']),
    [`${dir}/relationship-plan-2026.md`]: writeDocument(planFields(w), w.plan.style),
    [`${dir}/interactions-2026.md`]: writeDocument([['kind', 'interaction-log'], ['account', w.account.id], ['year', 2026]], w.log.style, logLines(w)),
  };
  for (const p of w.people) files[`${dir}/people/${p.id}.md`] = writeDocument(personFields(w, p), p.style, ['', 'Notes about the person.']);
  return files;
}

export function sourcesOf(files: Record<string, string | Uint8Array>): SourceFile[] {
  return Object.entries(files).map(([path, content]) => ({ path, content }));
}
