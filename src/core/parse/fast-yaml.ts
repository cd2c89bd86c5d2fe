/**
 * The fast way to the data of a frontmatter: js-yaml (about ten times faster than the `yaml`
 * package, and it builds no AST) with a schema that resolves plain scalars exactly as the `yaml`
 * package's YAML 1.2 core schema does. It only ever answers for the plain subset of YAML plan
 * files are written in; for anything else it answers `undefined`, and the caller takes the exact
 * way (the `yaml` package, which also gives the findings and their positions):
 *
 * - a text holding a tag, anchor, alias or directive character (`! & * %`) where a node can start
 *   (at a line's start or after `- : ? , [ ] { }` and spaces: "R&D", "60%", "Network & IT" inside a
 *   plain scalar are text to both parsers), a merge key (`<<`),
 *   an explicit key (`? `), a flow collection used as a key (`]:`, `}:`), a tab, a byte-order mark,
 *   a line starting with a document marker (`---`, `...`), a line of spaces only (a block scalar's
 *   indentation rules differ there), a list entry empty on its own line (js-yaml is laxer about the
 *   indentation of what follows), or a `#` right after a quote, bracket, brace, comma or colon;
 * - anything js-yaml reports: an error or a warning (duplicate keys included);
 * - a result that is not a mapping, or a mapping with a key js-yaml spells differently from the
 *   `yaml` package (a `null` key: `yaml` turns it into "").
 *
 * test/unit/fast-yaml.test.ts proves the two ways give the same data over the YAML test suite and
 * generated plan files, and that the fast way never accepts what the `yaml` package rejects.
 */
import { FAILSAFE_SCHEMA, load, Type } from 'js-yaml';
import { intern } from './intern.js';
import { lineYamlMapping } from './line-yaml.js';

/**
 * Plain-scalar resolution of the `yaml` package's core schema (yaml/dist/schema/core), in its
 * order. One js-yaml type per tag (js-yaml keeps only the last type of a tag), so the int and float
 * forms are tried inside one type each.
 */
const plain = (tag: string, forms: [RegExp, (s: string) => unknown][]) => {
  let construct: (s: string) => unknown = String;
  return new Type(`tag:yaml.org,2002:${tag}`, {
    kind: 'scalar',
    resolve: (s) => {
      if (typeof s !== 'string') return false;
      for (const [test, make] of forms) {
        if (test.test(s)) {
          construct = make;
          return true;
        }
      }
      return false;
    },
    construct: (s) => construct(s as string),
  });
};

const CORE_SCHEMA = FAILSAFE_SCHEMA.extend({
  implicit: [
    plain('null', [[/^(?:~|[Nn]ull|NULL)?$/, () => null]]),
    plain('bool', [[/^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/, (s) => s[0] === 't' || s[0] === 'T']]),
    plain('int', [
      [/^0o[0-7]+$/, (s) => parseInt(s.substring(2), 8)],
      [/^[-+]?[0-9]+$/, (s) => parseInt(s, 10)],
      [/^0x[0-9a-fA-F]+$/, (s) => parseInt(s.substring(2), 16)],
    ]),
    plain('float', [
      [/^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/, (s) => (s.slice(-3).toLowerCase() === 'nan' ? NaN : s[0] === '-' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY)],
      [/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/, (s) => parseFloat(s)],
      [/^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/, (s) => parseFloat(s)],
    ]),
  ],
});

/** What the fast way leaves to the `yaml` package (see above). */
const EXACT_ONLY = /[\t\uFEFF]|(?:^ *|[-:?,[\]{}] *)[&*!%]|<<|[\]}][ \t]*:|\?(?:[ \t\r\n]|$)|^(?:---|\.\.\.)|^ +\r?$|(?:^| )-[ ]*\r?$|["'\]}{[,:]#/m;

const warn = (warning: Error): never => {
  throw warning;
};

let enabled = true;

let lineReader = true;

/** Turns the fast way off (and on again): for the differential tests and the before/after comparison only. */
export function setFastYaml(on: boolean, options: { lineReader?: boolean } = {}): void {
  enabled = on;
  lineReader = options.lineReader ?? true;
}

/** True for a text in the plain subset the fast ways answer for (no anchors, tags, explicit keys, tabs…). */
export function plainYaml(source: string): boolean {
  return !EXACT_ONLY.test(source);
}

/**
 * The data of a YAML text that must hold one mapping, or undefined when the exact way has to
 * decide. `source` is the text as the `yaml` package is given it (lone CRs already made LFs).
 */
export function fastYamlMapping(source: string): Record<string, unknown> | undefined {
  if (!enabled || EXACT_ONLY.test(source)) return undefined;
  if (lineReader) {
    const lines = lineYamlMapping(source);
    if (lines !== undefined) return lines;
  }
  let data: unknown;
  try {
    data = load(source, { schema: CORE_SCHEMA, onWarning: warn });
  } catch {
    return undefined;
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data) || !sameKeys(data, 0)) return undefined;
  return data as Record<string, unknown>;
}

/**
 * False where js-yaml's keys may differ from the `yaml` package's (a null key), or the nesting is
 * deeper than any plan file's. On the way it keeps one copy of each short text (see `intern`) and
 * gives each list exactly the room it holds: js-yaml grows lists item by item, which leaves room
 * for 17 items in a list of one or two (`roles: [EB]`), and 10,000 documents keep their lists.
 */
function sameKeys(value: unknown, depth: number): boolean {
  if (value === null || typeof value !== 'object') return true;
  if (depth > 64) return false;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      if (typeof item === 'string') value[i] = intern(item);
      else if (!sameKeys(item, depth + 1)) return false;
      else if (Array.isArray(item)) value[i] = item.slice();
    }
    return true;
  }
  const record = value as Record<string, unknown>;
  for (const key in record) {
    if (key === 'null') return false;
    const item = record[key];
    if (typeof item === 'string') record[key] = intern(item);
    else if (!sameKeys(item, depth + 1)) return false;
    else if (Array.isArray(item)) record[key] = item.slice();
  }
  return true;
}
