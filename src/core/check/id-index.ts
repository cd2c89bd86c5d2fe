/**
 * Which documents of a workspace can declare, reference or belong to an id, decided from their
 * text without parsing their YAML: the prefilter that lets `--changed-since` and `diff` parse only
 * the documents that can matter (check/affected.ts). It may answer "maybe" too often (that only
 * costs a parse), never "no" for a document that does.
 *
 * Why a document whose text does not hold an id cannot name it. Every id a document declares or
 * references (check/affected.ts `documentInfo`) is a string taken from the frontmatter's data, a
 * `@mention` in the body (parse/interaction-log.ts: the characters as written) or the `id:` and
 * `account:` a quick look sees in an unreadable frontmatter (parse/frontmatter.ts `sniffValue`, also
 * as written; of a file that is not UTF-8, in its first bytes read as Latin-1, which is the text
 * this index is then given: check/pipeline.ts `undecodableLook`). A YAML
 * string differs from the characters of the file only through
 * - a double-quoted escape (`"zh\x61ng"`, `"\u0061"`, an escaped line break): a backslash;
 * - line folding of a multi-line plain, quoted or block scalar: it adds a space or a line break;
 * - `''` in a single-quoted scalar: it adds a `'`;
 * - block scalar chomping and indentation: they add line breaks or spaces;
 * - a byte-order mark, which the parser may drop;
 * and an alias (`*a`) or merge key (`<<: *a`) only repeats a node written elsewhere in the same
 * frontmatter, a tag (`!!str`) only names a type (`resolveKnownTags: false` keeps the text), the
 * parser sees the same decoded text as this index (same decoding, BOM and NUL rules), and a lone
 * CR only becomes another line break. So an id shaped like `ID_TOKEN` (letters, digits, single `-`
 * or `_` inside: no space, line break or quote) that a document without a backslash or byte-order
 * mark in its frontmatter names is written there as is; and since a scalar, a key or a mention is
 * never run together with a letter, digit, `-` or `_` around it (they would belong to it), it is a
 * whole token of the text as `ID_TOKEN` splits it (the `@mention` grammar itself). The one
 * exception, `sniffValue`'s `[a-z0-9-]+` (which stops before `_` or a capital), is added as a
 * token of its own, for both keys. An id of any other shape answers "every document".
 *
 * test/unit/changed-since-prefilter.test.ts compares the scope decided this way with the one decided
 * by parsing every document, over generated workspaces with adversarial spellings.
 */
import { findFrontmatter, sniffKind, sniffValue } from '../parse/frontmatter.js';

/** The shape of the ids this index can look up (the `@mention` grammar). */
export const ID_TOKEN = /^[A-Za-z0-9]+(?:[-_][A-Za-z0-9]+)*$/;

const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;

/** FNV-1a over UTF-16 code units: equal strings, equal hashes (a collision only costs a parse). */
export function tokenHash(s: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME);
  return h;
}

const isAlnum = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

const KIND = tokenHash('kind');
const ACCOUNT = tokenHash('account');

/**
 * `account: <id>` on a line of its own at column 0 (the key plain, the value plain or quoted, an
 * optional comment), followed by the end of the text or by a line that starts at column 0 (so the
 * value cannot continue on it). Line starts are after CR or LF only, as in YAML.
 */
const ACCOUNT_LINE = /(?<![^\r\n])account[ \t]*:[ \t]*(["']?)([A-Za-z0-9]+(?:[-_][A-Za-z0-9]+)*)\1(?:[ \t]+#[^\r\n]*|[ \t]*)(?:\r\n|\r|\n|(?![\s\S]))(?![ \t\r\n])/;

/**
 * Reads the `ID_TOKEN` match that starts at or after `from` (the leftmost, longest, as the regex
 * would; it may run past `before`, but must start before it) and hands its hash to `push`; returns
 * where it ended (or `before` when none starts before it).
 */
function tokenAt(text: string, from: number, before: number, push: (h: number) => void): number {
  const len = text.length;
  let i = from;
  while (i < before && !isAlnum(text.charCodeAt(i))) i++;
  if (i >= before) return before;
  let h = FNV_OFFSET;
  for (;;) {
    let c = 0;
    while (i < len && isAlnum((c = text.charCodeAt(i)))) {
      h = Math.imul(h ^ c, FNV_PRIME);
      i++;
    }
    if (i + 1 < len && (c === 45 || c === 95) && isAlnum(text.charCodeAt(i + 1))) {
      h = Math.imul(h ^ c, FNV_PRIME);
      i++;
      continue;
    }
    break;
  }
  push(h);
  return i;
}

export interface Entry {
  /** The text the check reads, or undefined when it reads none (too large, not text, no frontmatter). */
  text?: string;
  /** Token hashes (frontmatter tokens first). */
  tokens?: Int32Array;
  /** How many of `tokens` lie in the frontmatter. */
  yamlTokens: number;
  /** Something in the frontmatter this index cannot see through (a backslash, a byte-order mark). */
  risky: boolean;
  yamlText: string;
}

/**
 * Index entries kept by content, for indexing two revisions that share most files (`keyplan diff`:
 * an unchanged file is the same bytes object on both sides, so it is decoded and read once).
 */
export type EntryMemo = WeakMap<object, Entry>;

export class IdIndex {
  private readonly entries: Entry[] = [];
  private scratch = new Int32Array(1024);

  /**
   * `texts[k]`: document k's text as the check decodes it (undefined: it reads none), or a function
   * that gives it; with `memo` and `keys[k]` (the file's content object), an entry already made
   * for that object is reused.
   */
  constructor(texts: readonly (string | undefined | (() => string | undefined))[], memo?: { entries: EntryMemo; keys: readonly unknown[] }) {
    texts.forEach((text, k) => {
      const key = memo?.keys[k];
      const memoised = typeof key === 'object' && key !== null ? memo!.entries.get(key) : undefined;
      const entry = memoised ?? this.entry(typeof text === 'function' ? text() : text);
      if (!memoised && typeof key === 'object' && key !== null) memo!.entries.set(key, entry);
      this.entries.push(entry);
    });
  }

  get size(): number {
    return this.entries.length;
  }

  text(k: number): string | undefined {
    return this.entries[k].text;
  }

  private entry(text: string | undefined): Entry {
    const span = text === undefined ? null : findFrontmatter(text);
    // Not a document at all: it names nothing (documentInfo's `ignored`).
    if (!span || text === undefined) return { text, yamlTokens: 0, risky: false, yamlText: '' };
    const yamlEnd = span.yamlEnd;
    const yamlText = text.slice(span.yamlStart, yamlEnd);
    const risky = yamlText.includes('\\') || yamlText.includes('\uFEFF');
    let out = this.scratch;
    let n = 0;
    const push = (h: number) => {
      if (n === out.length) {
        const grown = new Int32Array(out.length * 2);
        grown.set(out);
        this.scratch = out = grown;
      }
      out[n++] = h;
    };
    // Every token of the frontmatter; in the body only mentions (`@` and a token) can name an id.
    for (let i = tokenAt(text, 0, yamlEnd, push); i < yamlEnd; ) i = tokenAt(text, i, yamlEnd, push);
    const yamlTokens = n;
    for (let at = text.indexOf('@', span.bodyStart); at >= 0; at = text.indexOf('@', at + 1)) tokenAt(text, at + 1, at + 2, push);
    for (const key of ['id', 'account'] as const) {
      const sniffed = sniffValue(yamlText, key);
      if (sniffed !== undefined) push(tokenHash(sniffed));
    }
    return { text, tokens: out.slice(0, n), yamlTokens, risky, yamlText };
  }

  /**
   * The documents that may declare, reference or belong to one of `ids` (in index order): those
   * holding one of them as a token, and those the index cannot see through. Every document when an
   * id is not shaped like `ID_TOKEN`.
   */
  candidates(ids: Iterable<string>): number[] {
    const wanted = new Set<number>();
    for (const id of ids) {
      if (!ID_TOKEN.test(id)) return this.entries.map((_, k) => k);
      wanted.add(tokenHash(id));
    }
    const out: number[] = [];
    if (!wanted.size) return out;
    // A million tokens at 10k documents: a table of one byte per low 16 bits of a wanted hash
    // answers most of them without the set (which is asked only on a hit, so the answer is the same).
    const seen = new Uint8Array(1 << 16);
    for (const h of wanted) seen[h & 0xffff] = 1;
    this.entries.forEach((e, k) => {
      if (!e.tokens) return;
      if (e.risky) return void out.push(k);
      const t = e.tokens;
      for (let j = 0; j < t.length; j++) {
        if (seen[t[j] & 0xffff] && wanted.has(t[j])) {
          out.push(k);
          return;
        }
      }
    });
    return out;
  }

  private count(e: Entry, hash: number): number {
    let n = 0;
    for (let j = 0; j < e.yamlTokens; j++) if (e.tokens![j] === hash) n++;
    return n;
  }

  /**
   * False when document k is certainly not an account plan. Its kind is the `kind` key's value; a
   * document is one only when a quick look sees a kind (frontmatter.ts `sniffKind`). With one `kind`
   * token in the frontmatter, that token is both what the quick look saw and the key (if the data
   * has one), and the value it saw starts the key's value: the kind is `account` only if the quick
   * look says so.
   */
  maybeAccountPlan(k: number): boolean {
    const e = this.entries[k];
    if (!e.tokens) return false;
    if (e.risky || this.count(e, KIND) !== 1) return true;
    return sniffKind(e.yamlText) === 'account';
  }

  /**
   * The `account:` of document k when the text proves it: with one `account` token in the
   * frontmatter, on a line `ACCOUNT_LINE` reads, the data's `account` is that value or absent.
   * Undefined when the text proves nothing (the document must be parsed to know).
   */
  accountValue(k: number): string | undefined {
    const e = this.entries[k];
    if (!e.tokens || e.risky || this.count(e, ACCOUNT) !== 1) return undefined;
    const shown = ACCOUNT_LINE.exec(e.yamlText)?.[2];
    // A document the check cannot read has the account a quick look sees (`sniffValue`, which
    // stops before a capital or `_`): the text proves it only when the two agree.
    return shown !== undefined && shown === sniffValue(e.yamlText, 'account') ? shown : undefined;
  }

  /** Whether document k names nothing at all (it is no document). */
  isEmpty(k: number): boolean {
    return !this.entries[k].tokens;
  }
}
