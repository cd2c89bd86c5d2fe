/**
 * `keyplan check --format junit`: JUnit XML for CI systems that show test reports. One test suite
 * per checked document, one test case per finding; errors are failures (they fail the check),
 * warnings and infos are passing cases that carry their message. The XML is always well-formed:
 * text is escaped and characters XML 1.0 does not allow are removed.
 */
import type { Diagnostic } from '../../../core/diagnostic.js';
import { ruleInfo } from '../../../core/rules/index.js';
import { inPieces } from '../formatter.js';
import type { Findings } from './model.js';

// Tab, LF, CR and the Unicode ranges XML 1.0 allows; everything else (other control characters,
// lone surrogates, U+FFFE/U+FFFF) is dropped.
const ILLEGAL_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export function xmlText(text: string): string {
  return String(text)
    .replace(ILLEGAL_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** Attribute values also keep their line breaks (a raw newline would be normalised to a space). */
function xmlAttr(text: string): string {
  return xmlText(text).replace(/\t/g, '&#9;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;');
}

export interface JunitInput {
  /** Every document checked (passing ones get one passing test case). */
  files: string[];
  diagnostics: Diagnostic[];
  displayPath: (file: string) => string;
}

export function formatJunit(input: JunitInput): string {
  return [...junitPieces(input)].join('');
}

/** The report in pieces: the totals first (counted without writing), then one test suite per piece. */
function* junitPieces({ files, diagnostics, displayPath }: JunitInput): Generator<string> {
  const byFile = new Map<string, Diagnostic[]>();
  for (const f of files) byFile.set(f, []);
  for (const d of diagnostics) {
    const list = byFile.get(d.file);
    if (list) list.push(d);
    else byFile.set(d.file, [d]);
  }
  const suites = [...byFile].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  let tests = 0;
  let failures = 0;
  for (const [, list] of suites) {
    tests += Math.max(1, list.length);
    failures += list.filter((d) => d.severity === 'error').length;
  }
  yield `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="keyplan check" tests="${tests}" failures="${failures}" errors="0" time="0">\n`;
  for (const [file, list] of suites) {
    const name = displayPath(file);
    const cases: string[] = [];
    if (!list.length) cases.push(`    <testcase classname="${xmlAttr(name)}" name="valid" file="${xmlAttr(name)}" time="0"/>`);
    for (const d of list) {
      const where = `${d.range.start.line}:${d.range.start.column}`;
      const open = `    <testcase classname="${xmlAttr(name)}" name="${xmlAttr(`${d.rule} at ${where}`)}" file="${xmlAttr(name)}" line="${d.range.start.line}" time="0">`;
      const detail = `${name}:${where} ${d.severity} ${d.rule}\n${d.message}\n\n${ruleInfo(d.rule)?.summary.en ?? ''}`.trim();
      if (d.severity === 'error') cases.push(`${open}\n      <failure type="${xmlAttr(d.rule)}" message="${xmlAttr(d.message)}">${xmlText(detail)}</failure>\n    </testcase>`);
      else cases.push(`${open}\n      <system-out>${xmlText(detail)}</system-out>\n    </testcase>`);
    }
    const failed = list.filter((d) => d.severity === 'error').length;
    const count = Math.max(1, list.length);
    yield `  <testsuite name="${xmlAttr(name)}" tests="${count}" failures="${failed}" errors="0" skipped="0" time="0">\n${cases.join('\n')}\n  </testsuite>\n`;
  }
  yield '</testsuites>\n';
}

export const junit = inPieces<Findings>((f) => {
  const ci = f.ci();
  return junitPieces({ files: f.documents, diagnostics: ci.diagnostics, displayPath: ci.path });
});
