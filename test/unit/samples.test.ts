import assert from 'node:assert/strict';
import { checkWorkspace, type CheckResult } from '../../src/core/check/pipeline.js';
import { loadWorkspaceFiles } from '../../src/disk/walk.js';
import { isValidationRule, SAMPLES, where } from '../helpers.js';

/** The five deliberate problems documented in samples/README.md ("Deliberate validation problems"). */
const DOCUMENTED = [
  { rule: 'log-entry-malformed', severity: 'error', at: 'accounts/east-china-telecom/interactions-2026.md:35:3', says: /the `:` between the people and the summary is missing/ },
  { rule: 'schema', severity: 'error', at: 'accounts/east-china-telecom/people/zhao-min.md:10:9', says: /^`suportive` is not an allowed value for `stance`\..* Allowed: champion, supporter, neutral, skeptic, opponent, unknown\.$/ },
  { rule: 'unknown-field', severity: 'error', at: 'accounts/qinghe-medical/people/xie-wen.md:9:1', says: /^`influense` is not a field of Keyplan personal portrait\. Did you mean `influence`\?$/ },
  { rule: 'unknown-channel', severity: 'warning', at: 'accounts/yuanhang-auto/interactions-2026.md:26:14', says: /^`golf` is not a configured interaction channel\. Allowed: visit, meeting, call, wechat, email, event, executive-exchange, gift, dinner, other\.$/ },
  { rule: 'unknown-reference', severity: 'error', at: 'accounts/yuanhang-auto/people/he-ping.md:7:13', says: /^No person with the id `liu-qiang` exists in account `yuanhang-auto`\.$/ },
];

/** The as-of date the samples are documented at (samples/README.md). */
const AS_OF = '2026-11-20';

describe('the samples workspace', () => {
  let result: CheckResult;
  let fileCount: number;

  before(async () => {
    const { files, failed } = await loadWorkspaceFiles(SAMPLES);
    assert.deepEqual(failed, []);
    fileCount = files.length;
    result = checkWorkspace(files, { asOf: AS_OF });
  });

  it('reads keyplan.yaml and every Markdown file, and finds 26 Keyplan documents', () => {
    assert.equal(fileCount, 1 + 26 + 2, 'keyplan.yaml, 26 documents, README.md and notes/meeting-template.md');
    assert.equal(result.documents.length, 26);
    assert.ok(!result.documents.some((d) => d.path === 'notes/meeting-template.md' || d.path === 'README.md'));
    assert.deepEqual(result.skipped, []);
  });

  it('applies keyplan.yaml (C-tier EB cadence 60/120)', () => {
    assert.deepEqual(result.config.cadence.C.EB, { ideal: 60, max: 120 });
  });

  it('yields exactly the five documented validation problems, with rule, file and line:column', () => {
    const validation = result.diagnostics.filter((d) => isValidationRule(d.rule));
    assert.deepEqual(
      validation.map((d) => `${where(d)} ${d.severity} ${d.rule}`),
      DOCUMENTED.map((p) => `${p.at} ${p.severity} ${p.rule}`),
    );
    validation.forEach((d, i) => assert.match(d.message, DOCUMENTED[i].says, d.message));
  });

  it('has three accounts with their people and interactions', () => {
    const ws = result.workspace;
    assert.deepEqual([...ws.accounts.keys()].sort(), ['east-china-telecom', 'qinghe-medical', 'yuanhang-auto']);
    assert.deepEqual(['east-china-telecom', 'yuanhang-auto', 'qinghe-medical'].map((id) => ws.accounts.get(id)!.people.length), [7, 5, 2]);
    assert.deepEqual(['east-china-telecom', 'yuanhang-auto', 'qinghe-medical'].map((id) => ws.accounts.get(id)!.tier), ['A', 'B', 'C']);
    // Line 23 of the A log uses the full-width colon and is a valid entry.
    const fullWidth = ws.accounts.get('east-china-telecom')!.interactions.find((i) => i.date === '2026-08-25');
    assert.ok(fullWidth, 'the 2026-08-25 entry (full-width colon) is read');
    assert.equal(fullWidth.channel, 'wechat');
    assert.deepEqual(fullWidth.people, ['li-ming']);
  });
});
