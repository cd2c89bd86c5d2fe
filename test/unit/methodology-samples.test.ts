import assert from 'node:assert/strict';
import type { CheckResult } from '../../src/core/check/pipeline.js';
import { ruleInfo } from '../../src/core/rules/index.js';
import { checkSamples, lineOf, sampleText } from './helpers/workspace.js';

const A = 'accounts/east-china-telecom';
const B = 'accounts/yuanhang-auto';
const C = 'accounts/qinghe-medical';

describe('samples at 2026-11-20: methodology findings (samples/README.md)', () => {
  let r: CheckResult;
  before(async () => {
    r = await checkSamples();
  });

  it('reports exactly the documented methodology findings, at the documented places', async () => {
    // Places the README gives as file:line, and the rest where the rule places them.
    const expected = [
      `${A}/account.md:42 warning objective-overdue`,
      `${B}/account.md:${lineOf(await sampleText(`${B}/account.md`), 'tier:')} warning missing-economic-buyer`,
      `${B}/people/gao-feng.md:${lineOf(await sampleText(`${B}/people/gao-feng.md`), 'coverage:')} warning key-player-uncovered`,
      `${B}/relationship-plan-2026.md:21 warning stage-target-missing`,
      `${B}/account.md:35 warning objective-overdue`,
      `${C}/people/lin-guohua.md:${lineOf(await sampleText(`${C}/people/lin-guohua.md`), 'stance:')} info economic-buyer-not-supportive`,
      `${C}/account.md:${lineOf(await sampleText(`${C}/account.md`), 'name:')} info single-threaded`,
      `${C}/relationship-plan-2026.md:20 info stage-target-missing`,
      `${C}/relationship-plan-2026.md:7 warning plan-period-ended`,
      `${C}/account.md:23 warning review-overdue`,
      `${C}/account.md:35 warning objective-overdue`,
    ];
    const actual = r.diagnostics
      .filter((d) => ruleInfo(d.rule)?.category === 'methodology')
      .map((d) => `${d.file}:${d.range.start.line} ${d.severity} ${d.rule}`);
    assert.deepEqual(actual.sort(), expected.sort());
  });

  it('the documented details: objectives, days, the lapsed H1 plan, the review status', () => {
    const msg = (rule: string, file: string) => r.diagnostics.filter((d) => d.rule === rule && d.file === file).map((d) => d.message);
    assert.match(msg('objective-overdue', `${A}/account.md`)[0], /lab-phase-2 .* due on 2026-10-31 \(20 days ago\) and is at-risk/);
    assert.match(msg('objective-overdue', `${B}/account.md`)[0], /phase1-contract .* due on 2026-10-31 \(20 days ago\) and is at-risk/);
    assert.match(msg('objective-overdue', `${C}/account.md`)[0], /branch-pilot .* due on 2026-09-30 \(51 days ago\) and is not-started/);
    assert.match(msg('plan-period-ended', `${C}/relationship-plan-2026.md`)[0], /ended on 2026-06-30 \(143 days ago\)/);
    assert.match(msg('review-overdue', `${C}/account.md`)[0], /due on 2026-10-31 \(20 days ago\); review status is draft/);
    assert.match(msg('single-threaded', `${C}/account.md`)[0], /only 2 active contacts/);
    assert.match(msg('stage-target-missing', `${C}/relationship-plan-2026.md`)[0], /recognition .* below the current stage purchase/);
  });
});
