/**
 * Issue #17, `keyplan brief <person>`: the meeting brief. The local brief carries the personal
 * notes in a section marked private; `--share` leaves every one of them out (canary values in each
 * sensitive field, as lists and as text, must appear nowhere in any format). Plan text is escaped.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { main, type Io } from '../../src/cli/main.js';
import { SENSITIVE_FIELDS } from '../../src/core/analysis/redact.js';
import { md, removeDir, writeTempWorkspace } from '../helpers.js';

const AS_OF = '2026-11-20';
const CANARIES = ['CANARY-NEEDS-1', 'CANARY-NEEDS-2', 'CANARY-CAREER', 'CANARY-PREFERENCES', 'CANARY-STYLE'];

const WORKSPACE = {
  'keyplan.yaml': 'locale: en\n',
  'accounts/acme/account.md': md(['kind: account', 'id: acme', 'name: Acme', 'tier: A', 'owner: li-na', 'objectives:',
    '  - {id: win-core, title: "Win the core deal with 张伟", status: on-track, due: 2026-12-20}', '  - {id: nps, title: NPS up, status: on-track}']),
  'accounts/acme/org-portrait.md': md(['kind: org-portrait', 'account: acme', 'pain_points: ["张伟 worries about lock-in", "Short cut-over windows"]']),
  'accounts/acme/people/sun.md': md(['kind: person', 'id: sun', 'account: acme', 'name: 孙建国', 'title: GM', 'roles: [EB]', 'influences: [zhang-wei]']),
  'accounts/acme/people/zhang-wei.md': md(['kind: person', 'id: zhang-wei', 'account: acme', 'name: 张伟', 'title: "CTO <script>alert(1)</script>"', 'roles: [TB]',
    'reports_to: sun', 'influences: [sun]', 'stance: supporter', 'influence: 4',
    `needs: [${CANARIES[0]}, ${CANARIES[1]}]`, `career: ${CANARIES[2]}`, `preferences: ${CANARIES[3]}`, `communication_style: [${CANARIES[4]}]`],
  '\nBody notes: BODY-CANARY\n'),
  'accounts/acme/people/li-ming.md': md(['kind: person', 'id: li-ming', 'account: acme', 'name: 李明', 'reports_to: zhang-wei', 'influences: [{person: zhang-wei, strength: strong}]']),
  'accounts/acme/relationship-plan-2026.md': md(['kind: relationship-plan', 'account: acme', 'period: {start: 2026-01-01, end: 2026-12-31}',
    'contacts:', '  - {person: zhang-wei, layer: key, stage: recognition, target_stage: purchase, target_stance: champion, next: 2026-12-01}']),
  'accounts/acme/interactions-2026.md': md(['kind: interaction-log', 'account: acme', 'year: 2026'], [
    '', ...[1, 2, 3, 4, 5, 6].map((d) => `- 2026-11-0${d} 拜访 @zhang-wei: visit ${d} [link](https://evil.example)`),
    '- 2026-11-10 meeting @zhang-wei @li-ming: review. Next (2026-11-15): send TCO', '- 2026-11-12 call @sun: unrelated. Next: other', '- 2026-11-25 call @zhang-wei: future', ''].join('\n')),
};

async function cli(args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: Io = { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) }, cwd, env: {} };
  return { code: await main([...args, '--as-of', AS_OF], io), stdout, stderr };
}

describe('keyplan brief (#17)', function () {
  this.timeout(60_000);
  let dir: string;
  before(() => {
    dir = writeTempWorkspace(WORKSPACE);
  });
  after(() => removeDir(dir));

  it('the canaries cover every sensitive person field', () => {
    assert.deepEqual([...SENSITIVE_FIELDS.person].sort(), ['career', 'communication_style', 'needs', 'preferences']);
  });

  it('the local brief: decision chain, plan, cadence, last five interactions, follow-ups, related objectives and pain points, private notes', async () => {
    const r = await cli(['brief', 'zhang-wei'], dir);
    assert.equal(r.code, 0, r.stderr);
    const out = r.stdout;
    assert.match(out, /^# Meeting brief: 张伟 · CTO \\<script\\>alert\\\(1\\\)\\<\/script\\>/);
    assert.match(out, /- Reports to: 孙建国 \(sun\), GM/);
    assert.match(out, /- Reports to them: 李明 \(li-ming\)/);
    assert.match(out, /- Influences informally: 孙建国 \(sun\)/);
    // Names in pinyin order (li before sun), not by code point.
    assert.match(out, /- Influenced by: 李明 \(li-ming\); 孙建国 \(sun\), GM\n/);
    assert.match(out, /stage: recognition → purchase · target stance: champion · layer: key · next planned: 2026-12-01/);
    assert.match(out, /## Cadence\n\n\*\*ok\*\*/);
    const interactions = out.split('## Last 5 interactions\n\n')[1].split('\n\n')[0].split('\n');
    assert.deepEqual(interactions.map((l) => l.slice(2, 12)), ['2026-11-10', '2026-11-06', '2026-11-05', '2026-11-04', '2026-11-03']);
    assert.match(interactions[1], /visit 6 \\\[link\\\]\\\(https:\/\u200b\/evil\.example\\\)/);
    assert.match(out, /## Open follow-ups\n\n- send TCO — due 2026-11-15, overdue by 5 days; logged 2026-11-10 \(with 李明\)\n\n/);
    assert.match(out, /Objective: Win the core deal with 张伟 \(win-core\)/);
    assert.match(out, /Pain point: 张伟 worries about lock-in/);
    assert.doesNotMatch(out, /NPS up|Short cut-over/);
    assert.match(out, /## PRIVATE: personal notes/);
    for (const c of CANARIES) assert.ok(out.includes(c), c);
    assert.doesNotMatch(out, /BODY-CANARY/);
  });

  it('--share leaves every personal note out, in Markdown, JSON and a written file', async () => {
    const shared = await cli(['brief', '张伟', '.', '--share'], dir);
    const json = await cli(['brief', 'zhang-wei', '--share', '--format', 'json'], dir);
    const written = await cli(['brief', 'zhang-wei', '--share', '--out', 'brief.md'], dir);
    assert.equal(written.code, 0, written.stderr);
    assert.match(written.stdout, /personal notes left out/);
    const file = readFileSync(path.join(dir, 'brief.md'), 'utf8');
    for (const out of [shared.stdout, json.stdout, file]) {
      for (const c of [...CANARIES, 'BODY-CANARY']) assert.ok(!out.includes(c), `${c} leaked`);
      assert.doesNotMatch(out, /PRIVATE/);
    }
    assert.match(shared.stdout, /Shared version: personal notes .* are left out/);
    assert.equal(JSON.parse(json.stdout).audience, 'shared');
    assert.equal(JSON.parse(json.stdout).personal, undefined);
    const local = JSON.parse((await cli(['brief', 'zhang-wei', '--format', 'json'], dir)).stdout);
    assert.deepEqual(local.personal, { needs: [CANARIES[0], CANARIES[1]], career: CANARIES[2], preferences: CANARIES[3], communication_style: [CANARIES[4]] });
  });

  it('an unknown person is a usage error with a suggestion', async () => {
    const r = await cli(['brief', 'zhang-we'], dir);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /no person 'zhang-we' in this workspace; did you mean 'zhang-wei \(张伟\)'\?/);
  });

  it('in Chinese', async () => {
    const r = await cli(['brief', 'zhang-wei', '--locale', 'zh-cn'], dir);
    assert.match(r.stdout, /^# 会前简报：张伟/);
    assert.match(r.stdout, /## 私密：个人信息/);
    assert.match(r.stdout, /2026-11-06 拜访: visit 6/);
  });
});
