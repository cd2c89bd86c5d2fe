import assert from 'node:assert/strict';
import { cursorContext, type CursorContext } from '../../src/core/language/context.js';
import { cursor } from './helpers/language.js';

/** The context at the `|` marker, plus the text its start/end cover. */
function ctxAt(marked: string): CursorContext & { covered?: string } {
  const { text, offset } = cursor(marked);
  const ctx = cursorContext(text, offset);
  return 'start' in ctx ? { ...ctx, covered: text.slice(ctx.start, ctx.end) } : ctx;
}

describe('language: cursor context', () => {
  describe('top-level keys and values', () => {
    it('a half-typed key at the top level is a key position with the typed prefix and the existing keys', () => {
      const ctx = ctxAt('---\nkind: person\nid: x\nsta|\nname: A\n---\n');
      assert.equal(ctx.where, 'key');
      if (ctx.where !== 'key') return;
      assert.equal(ctx.kind, 'person');
      assert.deepEqual(ctx.path, []);
      assert.equal(ctx.prefix, 'sta');
      assert.equal(ctx.covered, 'sta');
      assert.deepEqual([...ctx.siblings].sort(), ['id', 'kind', 'name']);
    });

    it('the replaced range covers the whole word around the cursor', () => {
      const ctx = ctxAt('---\nkind: person\nsta|nce\n---\n');
      assert.equal(ctx.where, 'key');
      if (ctx.where !== 'key') return;
      assert.equal(ctx.prefix, 'sta');
      assert.equal(ctx.covered, 'stance');
    });

    it('after `key: ` is a value position for that key', () => {
      const ctx = ctxAt('---\nkind: person\nid: x\nstance: ch|\n---\n');
      assert.equal(ctx.where, 'value');
      if (ctx.where !== 'value') return;
      assert.deepEqual(ctx.path, ['stance']);
      assert.equal(ctx.key, 'stance');
      assert.equal(ctx.prefix, 'ch');
      assert.equal(ctx.covered, 'ch');
    });

    it('an empty value right after the colon and space is a value position with an empty prefix', () => {
      const ctx = ctxAt('---\nkind: person\nreports_to: |\n---\n');
      assert.equal(ctx.where, 'value');
      if (ctx.where !== 'value') return;
      assert.deepEqual(ctx.path, ['reports_to']);
      assert.equal(ctx.prefix, '');
      assert.equal(ctx.covered, '');
    });

    it('the cursor on a key that already has a value is a key position', () => {
      const ctx = ctxAt('---\nkind: person\nsta|nce: champion\n---\n');
      assert.equal(ctx.where, 'key');
      if (ctx.where !== 'key') return;
      assert.equal(ctx.covered, 'stance');
    });

    it('an empty line in the frontmatter is a key position at the top level', () => {
      const ctx = ctxAt('---\nkind: account\nid: a\n|\n---\n');
      assert.equal(ctx.where, 'key');
      if (ctx.where !== 'key') return;
      assert.deepEqual(ctx.path, []);
      assert.equal(ctx.prefix, '');
    });

    it('a new document without `kind` has no kind yet', () => {
      const ctx = ctxAt('---\n|\n---\n');
      assert.equal(ctx.where, 'key');
      assert.equal(ctx.kind, undefined);
      const value = ctxAt('---\nkind: |\n---\n');
      assert.equal(value.where, 'value');
      if (value.where !== 'value') return;
      assert.equal(value.kind, undefined);
      assert.equal(value.key, 'kind');
    });

    it('an unknown kind is no kind', () => {
      assert.equal(ctxAt('---\nkind: acount\nid: |\n---\n').kind, undefined);
    });

    it('works on a frontmatter whose closing fence is not typed yet', () => {
      const ctx = ctxAt('---\nkind: person\nstance: sk|');
      assert.equal(ctx.where, 'value');
      if (ctx.where !== 'value') return;
      assert.deepEqual(ctx.path, ['stance']);
      assert.equal(ctx.prefix, 'sk');
    });
  });

  describe('nested objects', () => {
    it('a key typed under `period:` is a key of period', () => {
      const ctx = ctxAt('---\nkind: account\nperiod:\n  en|\n---\n');
      assert.equal(ctx.where, 'key');
      if (ctx.where !== 'key') return;
      assert.deepEqual(ctx.path, ['period']);
      assert.equal(ctx.prefix, 'en');
      assert.deepEqual(ctx.siblings, []);
    });

    it('siblings are the keys of the same nested object only', () => {
      const ctx = ctxAt('---\nkind: account\nid: a\nperiod:\n  start: 2026-01-01\n  en|\ntier: A\n---\n');
      assert.equal(ctx.where, 'key');
      if (ctx.where !== 'key') return;
      assert.deepEqual(ctx.path, ['period']);
      assert.deepEqual(ctx.siblings, ['start']);
    });

    it('a value two levels deep has the full data path', () => {
      const ctx = ctxAt('---\nkind: org-portrait\nprocurement:\n  approval_threshold:\n    approver: zh|\n---\n');
      assert.equal(ctx.where, 'value');
      if (ctx.where !== 'value') return;
      assert.deepEqual(ctx.path, ['procurement', 'approval_threshold', 'approver']);
      assert.equal(ctx.prefix, 'zh');
    });

    it('after a nested block ends, the cursor is back at the top level', () => {
      const ctx = ctxAt('---\nkind: account\nperiod:\n  start: 2026-01-01\nti|\n---\n');
      assert.equal(ctx.where, 'key');
      if (ctx.where !== 'key') return;
      assert.deepEqual(ctx.path, []);
      assert.ok(ctx.siblings.includes('period') && ctx.siblings.includes('kind'));
    });
  });

  describe('lists', () => {
    it('a key in the second line of a list item of objects', () => {
      const ctx = ctxAt('---\nkind: relationship-plan\ncontacts:\n  - person: x\n    sta|\n---\n');
      assert.equal(ctx.where, 'key');
      if (ctx.where !== 'key') return;
      assert.deepEqual(ctx.path, ['contacts', '*']);
      assert.equal(ctx.prefix, 'sta');
      assert.deepEqual(ctx.siblings, ['person']);
    });

    it('a value in a list item of objects', () => {
      const ctx = ctxAt('---\nkind: relationship-plan\ncontacts:\n  - person: x\n    stage: aw|\n---\n');
      assert.equal(ctx.where, 'value');
      if (ctx.where !== 'value') return;
      assert.deepEqual(ctx.path, ['contacts', '*', 'stage']);
    });

    it('the value of the first key after `- `', () => {
      const ctx = ctxAt('---\nkind: relationship-plan\ncontacts:\n  - person: zh|\n---\n');
      assert.equal(ctx.where, 'value');
      if (ctx.where !== 'value') return;
      assert.deepEqual(ctx.path, ['contacts', '*', 'person']);
      assert.equal(ctx.key, 'person');
    });

    it('a second item keeps its own siblings, not the first item\'s', () => {
      const ctx = ctxAt('---\nkind: relationship-plan\ncontacts:\n  - person: x\n    layer: key\n  - person: y\n    la|\n---\n');
      assert.equal(ctx.where, 'key');
      if (ctx.where !== 'key') return;
      assert.deepEqual(ctx.path, ['contacts', '*']);
      assert.deepEqual(ctx.siblings, ['person']);
    });

    it('the `- ` of a new list item is a key position in a fresh item', () => {
      const ctx = ctxAt('---\nkind: relationship-plan\ncontacts:\n  - person: x\n    layer: key\n  - |\n---\n');
      assert.equal(ctx.where, 'key');
      if (ctx.where !== 'key') return;
      assert.deepEqual(ctx.path, ['contacts', '*']);
      assert.equal(ctx.key, 'contacts');
      assert.equal(ctx.prefix, '');
      assert.deepEqual(ctx.siblings, [], 'a new item has no keys yet: the previous item\'s keys are not its siblings');
    });

    it('the first line of an item sees the keys on its following lines', () => {
      const ctx = ctxAt('---\nkind: relationship-plan\ncontacts:\n  - per|\n    layer: key\n---\n');
      assert.equal(ctx.where, 'key');
      if (ctx.where !== 'key') return;
      assert.deepEqual(ctx.path, ['contacts', '*']);
      assert.deepEqual(ctx.siblings, ['layer']);
    });

    it('a list written at the same indentation as its key', () => {
      const key = ctxAt('---\nkind: relationship-plan\ncontacts:\n- person: x\n  sta|\n---\n');
      assert.equal(key.where, 'key');
      if (key.where !== 'key') return;
      assert.deepEqual(key.path, ['contacts', '*']);
      assert.deepEqual(key.siblings, ['person']);
      const item = ctxAt('---\nkind: relationship-plan\ncontacts:\n- person: x\n- |\n---\n');
      assert.equal(item.where, 'key');
      if (item.where !== 'key') return;
      assert.deepEqual(item.path, ['contacts', '*']);
      assert.deepEqual(item.siblings, []);
    });

    it('an object nested in a list item, and the item\'s keys after it', () => {
      const nested = ctxAt('---\nkind: relationship-plan\ncontacts:\n  - person: x\n    cadence:\n      ideal: 3\n      m|\n---\n');
      assert.equal(nested.where, 'key');
      if (nested.where !== 'key') return;
      assert.deepEqual(nested.path, ['contacts', '*', 'cadence']);
      assert.deepEqual(nested.siblings, ['ideal']);
      const back = ctxAt('---\nkind: relationship-plan\ncontacts:\n  - person: x\n    cadence:\n      ideal: 3\n\n    # note\n    sta|\n---\n');
      assert.equal(back.where, 'key');
      if (back.where !== 'key') return;
      assert.deepEqual(back.path, ['contacts', '*']);
      assert.deepEqual([...back.siblings].sort(), ['cadence', 'person']);
    });

    it('a flow list: the current item is the prefix and the path ends with `*`', () => {
      const ctx = ctxAt('---\nkind: person\ninfluences: [a, zh|]\n---\n');
      assert.equal(ctx.where, 'value');
      if (ctx.where !== 'value') return;
      assert.deepEqual(ctx.path, ['influences', '*']);
      assert.equal(ctx.key, 'influences');
      assert.equal(ctx.prefix, 'zh');
      assert.equal(ctx.covered, 'zh');
    });

    it('a flow list right after `[`', () => {
      const ctx = ctxAt('---\nkind: person\nroles: [|\n---\n');
      assert.equal(ctx.where, 'value');
      if (ctx.where !== 'value') return;
      assert.deepEqual(ctx.path, ['roles', '*']);
      assert.equal(ctx.prefix, '');
    });

    it('a flow list inside a list item of objects', () => {
      const ctx = ctxAt('---\nkind: relationship-plan\ncontacts:\n  - person: x\n    channels: [visit, we|\n---\n');
      assert.equal(ctx.where, 'value');
      if (ctx.where !== 'value') return;
      assert.deepEqual(ctx.path, ['contacts', '*', 'channels', '*']);
      assert.equal(ctx.prefix, 'we');
    });

    it('a scalar block-list item: `- ` plus a word, under the list key (the schema decides it is a value)', () => {
      const ctx = ctxAt('---\nkind: person\ninfluences:\n  - zh|\n---\n');
      assert.equal(ctx.where, 'key');
      if (ctx.where !== 'key') return;
      assert.deepEqual(ctx.path, ['influences', '*']);
      assert.equal(ctx.key, 'influences');
      assert.equal(ctx.prefix, 'zh');
      assert.equal(ctx.covered, 'zh');
    });
  });

  describe('line endings', () => {
    it('CRLF text gives the same contexts and offsets as LF text', () => {
      const marked = '---\nkind: relationship-plan\ncontacts:\n  - person: x\n    sta|\nperiod:\n  en\n---\n';
      const crlf = marked.replace(/\n/g, '\r\n');
      const lf = ctxAt(marked);
      const cr = ctxAt(crlf);
      assert.equal(cr.where, 'key');
      if (cr.where !== 'key' || lf.where !== 'key') return;
      assert.deepEqual(cr.path, ['contacts', '*']);
      assert.deepEqual(cr.siblings, ['person']);
      assert.equal(cr.covered, 'sta');
      assert.equal(cr.prefix, lf.prefix);
    });

    it('CRLF: a nested key and a value', () => {
      const key = ctxAt('---\r\nkind: account\r\nperiod:\r\n  start: 2026-01-01\r\n  en|\r\n---\r\n');
      assert.equal(key.where, 'key');
      if (key.where !== 'key') return;
      assert.deepEqual(key.path, ['period']);
      assert.deepEqual(key.siblings, ['start']);
      const value = ctxAt('---\r\nkind: person\r\nstance: sup|\r\n---\r\n');
      assert.equal(value.where, 'value');
      if (value.where !== 'value') return;
      assert.equal(value.covered, 'sup');
      assert.deepEqual(value.path, ['stance']);
    });

    it('lone CR line endings work too', () => {
      const ctx = ctxAt('---\rkind: account\rperiod:\r  en|\r---\r');
      assert.equal(ctx.where, 'key');
      if (ctx.where !== 'key') return;
      assert.deepEqual(ctx.path, ['period']);
    });
  });

  describe('interaction-log bodies', () => {
    const head = '---\nkind: interaction-log\naccount: acme\n---\n\n';

    it('`@zh|` in an entry is a mention; the range excludes the `@`', () => {
      const ctx = ctxAt(`${head}- 2026-11-02 meeting @zh|\n`);
      assert.equal(ctx.where, 'mention');
      if (ctx.where !== 'mention') return;
      assert.equal(ctx.kind, 'interaction-log');
      assert.equal(ctx.prefix, 'zh');
      assert.equal(ctx.covered, 'zh');
    });

    it('a second mention, and a mention in the summary', () => {
      const second = ctxAt(`${head}- 2026-11-02 meeting @zhang-wei @wa|ng: x\n`);
      assert.equal(second.where, 'mention');
      assert.equal(second.covered, 'wang');
      const inSummary = ctxAt(`${head}- 2026-11-02 meeting @zhang-wei: asked @li|\n`);
      assert.equal(inSummary.where, 'mention');
    });

    it('a bare `@` is a mention with an empty prefix', () => {
      const ctx = ctxAt(`${head}- 2026-11-02 visit @|\n`);
      assert.equal(ctx.where, 'mention');
      if (ctx.where !== 'mention') return;
      assert.equal(ctx.prefix, '');
    });

    it('an `@` inside an e-mail address is not a mention', () => {
      assert.equal(ctxAt(`${head}- 2026-11-02 email @x: wrote to li@exa|\n`).where, 'none');
    });

    it('the word after a date is the channel', () => {
      const ctx = ctxAt(`${head}- 2026-11-02 mee|\n`);
      assert.equal(ctx.where, 'channel');
      if (ctx.where !== 'channel') return;
      assert.equal(ctx.prefix, 'mee');
      assert.equal(ctx.covered, 'mee');
      const empty = ctxAt(`${head}- 2026-11-02 |\n`);
      assert.equal(empty.where, 'channel');
    });

    it('a channel after a date in a CRLF file, on a later line', () => {
      const ctx = ctxAt(`${head}- 2026-11-01 visit @a: x\n- 2026-11-02 we|\n`.replace(/\n/g, '\r\n'));
      assert.equal(ctx.where, 'channel');
      if (ctx.where !== 'channel') return;
      assert.equal(ctx.covered, 'we');
    });

    it('the summary of an entry, prose and headings are no position', () => {
      assert.equal(ctxAt(`${head}- 2026-11-02 visit @a: disc|ussed\n`).where, 'none');
      assert.equal(ctxAt(`${head}# Log 20|26\n`).where, 'none');
      assert.equal(ctxAt(`${head}Some no|tes\n`).where, 'none');
      assert.equal(ctxAt(`${head}- 2026-11 visi|\n`).where, 'none', 'not a full date');
    });
  });

  describe('outside any of these', () => {
    it('before the opening fence, on the fences and in a file without frontmatter', () => {
      assert.equal(ctxAt('|---\nkind: person\n---\n').where, 'none');
      assert.equal(ctxAt('# Notes @zh|\n').where, 'none');
      assert.equal(ctxAt('|').where, 'none');
      assert.equal(ctxAt('---\nkind: person\n--|-\n\nbody\n').where, 'none');
    });

    it('a comment line in the frontmatter is no position', () => {
      assert.equal(ctxAt('---\nkind: person\n# a comm|ent\n---\n').where, 'none');
    });

    it('inside a free-text value that is not a word', () => {
      const ctx = ctxAt('---\nkind: person\nname: 张伟 |\n---\n');
      assert.equal(ctx.where, 'value');
      if (ctx.where !== 'value') return;
      assert.equal(ctx.prefix, '');
    });
  });
});
