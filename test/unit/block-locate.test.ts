/**
 * The AST-free locator of nested keys (src/core/parse/block-locate.ts) against the exact one
 * (locateInYaml over the `yaml` package's AST): wherever it answers, the same range, for every
 * key and value path of generated plan files, people and accounts in every style, and of soup.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseDocument } from 'yaml';
import { locateBlock } from '../../src/core/parse/block-locate.js';
import { parseKeyplanDocument } from '../../src/core/parse/document.js';
import { locateInYaml, type DataPath } from '../../src/core/parse/yaml-locate.js';
import { YAML_OPTIONS } from '../../src/core/parse/yaml-options.js';
import { arbWorkspace, params, soup, workspaceFiles } from './helpers/generators.js';

/** Every path into the data (keys of mappings nested in mappings and lists, any depth), plus some that do not exist. */
function pathsOf(data: Record<string, unknown>): DataPath[] {
  const out: DataPath[] = [];
  const walk = (prefix: DataPath, v: unknown, depth: number) => {
    if (depth > 5) return;
    if (Array.isArray(v)) {
      out.push([...prefix, 0, 'missing'], [...prefix, v.length, 'person']);
      v.forEach((item, i) => walk([...prefix, i], item, depth + 1));
    } else if (v && typeof v === 'object') {
      // Keys other mappings have (a sibling's key must never be found in this one).
      if (prefix.length) for (const other of ['missing', 'next', 'end', 'start', 'person', 'due', 'score', 'status', 'last']) out.push([...prefix, other]);
      for (const [k, child] of Object.entries(v)) {
        if (prefix.length) out.push([...prefix, k]);
        else out.push([k, 'missing'], [k, 0, 'missing']);
        walk([...prefix, k], child, depth + 1);
      }
    }
  };
  walk([], data, 0);
  return out;
}

/** Answers given for a key of a mapping nested in a mapping (two names in a row in the path). */
let nestedAnswered = 0;

function compare(yamlText: string, paths: DataPath[]): number {
  let answered = 0;
  let ast: ReturnType<typeof parseDocument> | undefined;
  for (const path of paths) {
    for (const target of ['key', 'value'] as const) {
      const quick = locateBlock(yamlText, path, target);
      if (quick === undefined) continue;
      answered++;
      if (path.some((p, i) => i > 0 && typeof p === 'string' && typeof path[i - 1] === 'string')) nestedAnswered++;
      ast ??= parseDocument(yamlText.replace(/\r(?!\n)/g, '\n'), YAML_OPTIONS);
      assert.deepEqual(quick, locateInYaml(ast, yamlText, path, target), `${JSON.stringify(path)} ${target} in ${JSON.stringify(yamlText)}`);
    }
  }
  return answered;
}

const arbValue = fc.oneof(
  fc.constantFrom('li-na', 'zhang-wei', '2026-10-01', 'key', '"quoted"', "'single'", '"with # hash"', 'a b c', 'x # comment', '张伟', '[a, b]', '{a: 1}', '|\n{deeper}first\n{deeper}second', '>-\n{deeper}folded', 'plain\n{deeper}continued', '', '"two\n{deeper}lines"', '1e3', 'null', 'true', 'R&D', 'Network & IT', '≥ 50%', 'go! *now*', '&x anchored', '*x', '!!str 1', 'a, &b', 'x: *y'),
);
const arbItem = fc.uniqueArray(fc.constantFrom('person', 'layer', 'stage', 'next', 'content', 'owner', 'target_stance'), { minLength: 1, maxLength: 6 }).chain((keys) => fc.tuple(fc.constant(keys), fc.array(arbValue, { minLength: keys.length, maxLength: keys.length }), fc.array(fc.constantFrom('', '', '', '  # c', '\n', '\n    # between'), { minLength: keys.length, maxLength: keys.length })));
/** A relationship plan with a block list of contacts, in the layouts people write by hand. */
const arbBlockPlan = fc
  .tuple(fc.constantFrom(0, 2, 4), fc.constantFrom(1, 2, 3), fc.array(arbItem, { minLength: 1, maxLength: 4 }), fc.constantFrom('\n', '\r\n', '\r'), fc.boolean())
  .map(([dash, gap, items, eol, commentAfterKey]) => {
    const keyColumn = dash + 1 + gap;
    const lines = ['kind: relationship-plan', 'account: acme', `contacts:${commentAfterKey ? '  # who' : ''}`];
    for (const [keys, values, extras] of items) {
      keys.forEach((k, i) => {
        const value = values[i].replaceAll('{deeper}', ' '.repeat(keyColumn + 2));
        const prefix = i === 0 ? `${' '.repeat(dash)}-${' '.repeat(gap)}` : ' '.repeat(keyColumn);
        lines.push(`${prefix}${k}:${value ? ` ${value}` : ''}${extras[i]}`);
      });
    }
    lines.push('owner: li-na');
    return lines.join('\n').replace(/\n/g, eol) + eol;
  });

/** Whether the `yaml` package reads a text without an error (the locators answer only for such texts). */
function parsesCleanly(text: string): boolean {
  try {
    return parseDocument(text, YAML_OPTIONS).errors.length === 0;
  } catch {
    return false;
  }
}

/** A flow-mapping value: what plan files hold, and what the locator must leave to the AST. */
const arbFlowValue = fc.constantFrom('nps', '2026-03-20', '30', '-5', '1.5', '张伟', 'a b', 'not-started', 'x ', ' y', '"q"', "'s'", 'a:b', 'a: b', '[1]', '{}', '', '~', 'null', '# c', 'R&D', '-', '- a', '?', '60%');
const arbFlowEntries = fc.uniqueArray(fc.tuple(fc.constantFrom('kind', 'date', 'score', 'end', 'start', 'person', 'next'), fc.oneof(arbFlowValue, fc.constantFrom('nps', '2026-09-20', '72', 'ok')), fc.constantFrom(' ', '', '  '), fc.constantFrom(': ', ': ', ':', ' : ', ':  ')), { minLength: 1, maxLength: 5, selector: ([k]) => k })
  .map((entries) => `{${entries.map(([k, v, gap, colon]) => `${gap}${k}${v === '' ? ':' : `${colon}${v}`}`).join(',')}}`);
/** Lists of flow mappings and flow mappings as values, as account plans write them. */
const arbFlowDoc = fc
  .tuple(fc.array(arbFlowEntries, { minLength: 1, maxLength: 3 }), arbFlowEntries, fc.constantFrom('', '  # c', '#c', ' '), fc.constantFrom(0, 2))
  .map(([items, value, after, dash]) => ['kind: account', 'surveys:', ...items.map((i) => `${' '.repeat(dash)}- ${i}${after}`), `contract: ${value}${after}`, 'owner: li-na', ''].join('\n'));

describe('block locator: the same ranges as the YAML AST', function () {
  this.timeout(120_000);

  it('never disagrees on a path of generated documents in every style', () => {
    let answered = 0;
    fc.assert(
      fc.property(arbWorkspace, (w) => {
        for (const [path, text] of Object.entries(workspaceFiles(w))) {
          const outcome = parseKeyplanDocument(path, text, 'en');
          if (outcome.status !== 'document') continue;
          answered += compare(outcome.document.yamlText, pathsOf(outcome.document.data));
        }
      }),
      params(300),
    );
    // The generated documents write their lists in flow style: nested mappings' keys are answered
    // (review.next, period.end…), so the comparison above is not empty.
    assert.ok(nestedAnswered > 100, `nested mapping keys answered: ${nestedAnswered}`);
  });

  it('agrees on every contact path of block-style plans written by hand', () => {
    let answered = 0;
    fc.assert(
      fc.property(arbBlockPlan, (text) => {
        if (!parsesCleanly(text.replace(/\r(?!\n)/g, '\n'))) return;
        const paths: DataPath[] = [];
        for (let i = 0; i < 5; i++) for (const k of ['person', 'layer', 'stage', 'next', 'content', 'owner', 'target_stance', 'missing']) paths.push(['contacts', i, k]);
        answered += compare(text, paths);
      }),
      params(3000),
    );
    assert.ok(answered > 3000, `only ${answered} paths answered`);
  });

  it('agrees on flow mappings in lists and as values (never a different range)', () => {
    let answered = 0;
    fc.assert(
      fc.property(arbFlowDoc, (text) => {
        if (!parsesCleanly(text)) return;
        const paths: DataPath[] = [];
        for (const k of ['kind', 'date', 'score', 'end', 'start', 'person', 'next', 'missing']) {
          for (let i = 0; i < 4; i++) paths.push(['surveys', i, k]);
          paths.push(['contract', k]);
        }
        answered += compare(text, paths);
      }),
      params(3000),
    );
    assert.ok(answered > 1500, `only ${answered} paths answered`);
  });

  it('agrees on soup lists (never a different range)', () => {
    let answered = 0;
    const item = fc.array(fc.constantFrom('person: a', 'next: 2026-01-02', ' # c', '"q"', "'s'", '|', '>-', '\n', '\n  ', '\n    ', '\n      ', '- ', '-', 'x', ': ', '[a]', '{b: 1}', '#', ' ', '"', 'person:', 'next:', '&', ' & ', '*', ' *', '!', '%', 'R&D', '&a ', '*a'), { maxLength: 30 });
    fc.assert(
      fc.property(item, soup, (parts, tail) => {
        for (const text of [`kind: relationship-plan\ncontacts:\n  - ${parts.join('')}\n`, `contacts:\n- ${parts.join('')}\n${tail}`]) {
          if (!parsesCleanly(text)) continue;
          answered += compare(text, [['contacts', 0, 'person'], ['contacts', 0, 'next'], ['contacts', 1, 'person'], ['contacts', 1, 'next']]);
        }
      }),
      params(3000),
    );
    assert.ok(answered > 100, `only ${answered} paths answered`);
  });
});
