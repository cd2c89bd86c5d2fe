/**
 * The deliberate problems of samples/ (samples/README.md, "Deliberate validation problems") show
 * up in the Problems view: source `keyplan`, code = rule id, 0-based positions.
 */
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { ruleInfo } from '../../src/core/rules/index.js';
import { codeOf, describeDiagnostics, keyplan, keyplanDiagnostics, sampleUri, waitForDiagnostics } from './helpers.js';

/** As samples/README.md lists them: 1-based line:column, as the CLI prints them. */
const DELIBERATE = [
  { file: 'accounts/east-china-telecom/people/zhao-min.md', line: 10, column: 9, rule: 'schema', severity: vscode.DiagnosticSeverity.Error, mentions: 'suportive' },
  { file: 'accounts/yuanhang-auto/people/he-ping.md', line: 7, column: 13, rule: 'unknown-reference', severity: vscode.DiagnosticSeverity.Error, mentions: 'liu-qiang' },
  { file: 'accounts/qinghe-medical/people/xie-wen.md', line: 9, column: 1, rule: 'unknown-field', severity: vscode.DiagnosticSeverity.Error, mentions: 'influense' },
  { file: 'accounts/east-china-telecom/interactions-2026.md', line: 35, column: 3, rule: 'log-entry-malformed', severity: vscode.DiagnosticSeverity.Error, mentions: ':' },
  { file: 'accounts/yuanhang-auto/interactions-2026.md', line: 26, column: 14, rule: 'unknown-channel', severity: vscode.DiagnosticSeverity.Warning, mentions: 'golf' },
];

/** Format and reference rules: the checks that do not depend on today's date. */
const isValidationRule = (rule: string) => ['format', 'references'].includes(ruleInfo(rule)?.category ?? '');

describe('Problems from the samples', () => {
  before(async () => {
    await keyplan();
  });

  for (const expected of DELIBERATE) {
    it(`${expected.file}:${expected.line} ${expected.rule}`, async () => {
      const uri = sampleUri(expected.file);
      const shown = await waitForDiagnostics(uri, (list) => list.some((d) => codeOf(d) === expected.rule), `a ${expected.rule} diagnostic appears`);
      const matching = shown.filter((d) => codeOf(d) === expected.rule);
      assert.equal(matching.length, 1, `one ${expected.rule} diagnostic in ${expected.file}:\n${describeDiagnostics(matching)}`);
      const diagnostic = matching[0]!;
      assert.deepEqual(
        { line: diagnostic.range.start.line, character: diagnostic.range.start.character },
        { line: expected.line - 1, character: expected.column - 1 },
        'the range starts at the README position, 0-based',
      );
      assert.equal(diagnostic.severity, expected.severity, 'severity');
      assert.equal(diagnostic.source, 'keyplan');
      assert.ok(diagnostic.message.includes(expected.mentions), `the message mentions ${expected.mentions}: ${diagnostic.message}`);
    });
  }

  it('has no other format or reference problem anywhere in the workspace', async () => {
    await keyplan();
    const found = vscode.languages.getDiagnostics().flatMap(([uri, list]) =>
      list.filter((d) => d.source === 'keyplan' && isValidationRule(codeOf(d)))
        .map((d) => `${vscode.workspace.asRelativePath(uri, false)}:${d.range.start.line + 1} ${codeOf(d)}`));
    assert.deepEqual(found.sort(), DELIBERATE.map((e) => `${e.file}:${e.line} ${e.rule}`).sort());
  });

  it('shows every finding of the core, at the same place', async () => {
    const api = await keyplan();
    const findings = api.result!.diagnostics;
    assert.ok(findings.length >= DELIBERATE.length);
    for (const finding of findings) {
      const shown = keyplanDiagnostics(sampleUri(finding.file));
      const match = shown.find((d) => codeOf(d) === finding.rule
        && d.range.start.line === finding.range.start.line - 1 && d.range.start.character === finding.range.start.column - 1
        && d.range.end.line === finding.range.end.line - 1 && d.range.end.character === finding.range.end.column - 1
        && d.message === finding.message);
      assert.ok(match, `${finding.file}:${finding.range.start.line}:${finding.range.start.column} ${finding.rule} is shown; shown for the file:\n${describeDiagnostics(shown)}`);
    }
  });
});
