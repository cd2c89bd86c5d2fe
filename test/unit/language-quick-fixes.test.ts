import assert from 'node:assert/strict';
import type { CheckResult } from '../../src/core/check/pipeline.js';
import type { Diagnostic } from '../../src/core/diagnostic.js';
import { languageModel } from '../../src/core/language/model.js';
import { quickFixes, type QuickFix } from '../../src/core/language/quick-fixes.js';
import { applyFileEdits, checkFiles, doc, sampleTexts, type Files } from './helpers/language.js';

const ACME = doc(['kind: account', 'id: acme', 'name: Acme', 'tier: B', 'owner: li-na']);
const ZHANG = doc(['kind: person', 'id: zhang-wei', 'account: acme', 'name: 张伟']);

function findingsIn(result: CheckResult, file: string, rule: string): Diagnostic[] {
  return result.diagnostics.filter((d) => d.file === file && d.rule === rule);
}

function only(result: CheckResult, file: string, rule: string, where: (d: Diagnostic) => boolean = () => true): Diagnostic {
  const found = findingsIn(result, file, rule).filter(where);
  assert.equal(found.length, 1, `one ${rule} in ${file}: ${JSON.stringify(result.diagnostics.filter((d) => d.file === file).map((d) => d.message))}`);
  return found[0];
}

function fixesFor(files: Files, result: CheckResult, d: Diagnostic, locale?: 'en' | 'zh-cn'): QuickFix[] {
  return quickFixes(d, files[d.file], languageModel(result, locale));
}

/** Applies a fix and re-checks. */
function applyFix(files: Files, fix: QuickFix): { files: Files; result: CheckResult } {
  const edited = applyFileEdits(files, fix.edits);
  return { files: edited, result: checkFiles(edited) };
}

describe('language: quick fixes', () => {
  describe('on the samples', () => {
    let texts: Files;
    let result: CheckResult;
    before(async () => {
      texts = await sampleTexts();
      result = checkFiles(texts);
    });

    it('an enum typo: the suggestion first (preferred), then the other allowed values', () => {
      const file = 'accounts/east-china-telecom/people/zhao-min.md';
      const d = only(result, file, 'schema');
      const fixes = fixesFor(texts, result, d);
      assert.deepEqual(fixes.map((f) => f.title), ["Change to 'supporter'", "Change to 'champion'", "Change to 'neutral'", "Change to 'skeptic'", "Change to 'opponent'", "Change to 'unknown'"]);
      assert.deepEqual(fixes.map((f) => f.preferred), [true, false, false, false, false, false]);
      assert.ok(fixes.every((f) => f.edits.length === 1 && f.edits[0].file === file));
      const after = applyFix(texts, fixes[0]);
      assert.match(after.files[file], /\nstance: supporter\n/);
      assert.deepEqual(findingsIn(after.result, file, 'schema'), []);
      assert.equal(after.result.workspace.people.get('zhao-min')!.data.stance, 'supporter');
      const other = applyFix(texts, fixes[2]);
      assert.match(other.files[file], /\nstance: neutral\n/);
      assert.deepEqual(findingsIn(other.result, file, 'schema'), []);
    });

    it('an unknown field: rename the key to the suggestion', () => {
      const file = 'accounts/qinghe-medical/people/xie-wen.md';
      const d = only(result, file, 'unknown-field');
      const fixes = fixesFor(texts, result, d);
      assert.equal(fixes.length, 1);
      assert.equal(fixes[0].title, "Rename the field to 'influence'");
      assert.equal(fixes[0].preferred, true);
      const after = applyFix(texts, fixes[0]);
      assert.match(after.files[file], /\ninfluence: 3\n/);
      assert.deepEqual(findingsIn(after.result, file, 'unknown-field'), []);
      assert.equal(after.result.workspace.people.get('xie-wen')!.data.influence, 3);
    });

    it('an unknown channel without a close match and an unknown reference without one: no fix', () => {
      const channel = only(result, 'accounts/yuanhang-auto/interactions-2026.md', 'unknown-channel');
      assert.deepEqual(fixesFor(texts, result, channel), []);
      const reference = only(result, 'accounts/yuanhang-auto/people/he-ping.md', 'unknown-reference');
      assert.deepEqual(fixesFor(texts, result, reference), []);
    });

    it('cadence findings offer the keyplan.logInteraction command with the account and the person', () => {
      const cases: [string, string, string][] = [
        ['interaction-overdue', 'zhang-wei', 'east-china-telecom'],
        ['interaction-never', 'gao-feng', 'yuanhang-auto'],
        ['planned-interaction-missed', 'tang-li', 'yuanhang-auto'],
        ['interaction-due-soon', 'li-ming', 'east-china-telecom'],
      ];
      for (const [rule, person, account] of cases) {
        const ds = result.diagnostics.filter((d) => d.rule === rule && d.data?.person === person);
        assert.ok(ds.length > 0, `${rule} for ${person}`);
        for (const d of ds) {
          const fixes = fixesFor(texts, result, d);
          assert.equal(fixes.length, 1, rule);
          assert.deepEqual(fixes[0].edits, []);
          assert.deepEqual(fixes[0].command, { id: 'keyplan.logInteraction', args: { account, people: [person] } });
          assert.equal(fixes[0].preferred, true);
        }
      }
      const zh = fixesFor(texts, result, result.diagnostics.find((d) => d.rule === 'interaction-overdue')!, 'zh-cn');
      assert.equal(zh[0].title, '记录今天的互动…');
    });

    it('findings about the account as a whole have no fix', () => {
      const dark = result.diagnostics.find((d) => d.rule === 'account-dark')!;
      assert.deepEqual(fixesFor(texts, result, dark), []);
    });
  });

  describe('typos with a suggestion', () => {
    const FILES: Files = {
      'accounts/acme/account.md': ACME,
      'accounts/acme/people/zhang-wei.md': ZHANG,
      'accounts/acme/people/wang-fang.md': doc(['kind: person', 'id: wang-fang', 'account: acme', 'name: 王芳', 'reports_to: zhang-wie', 'tier: A']),
      'accounts/acme/interactions-2026.md': doc(['kind: interaction-log', 'account: acme'], '\n- 2026-11-02 visti @zhang-wei: x\n- 2026-11-03 call @zhang-wie: y\n'),
    };
    let result: CheckResult;
    before(() => {
      result = checkFiles(FILES);
    });

    it('an unknown reference in reports_to', () => {
      const file = 'accounts/acme/people/wang-fang.md';
      const d = only(result, file, 'unknown-reference');
      const fixes = fixesFor(FILES, result, d);
      assert.deepEqual(fixes.map((f) => [f.title, f.preferred, f.edits[0].newText]), [["Change to 'zhang-wei'", true, 'zhang-wei']]);
      const after = applyFix(FILES, fixes[0]);
      assert.match(after.files[file], /\nreports_to: zhang-wei\n/);
      assert.deepEqual(findingsIn(after.result, file, 'unknown-reference'), []);
    });

    it('an unknown @mention: replaces the id, keeps the `@`', () => {
      const file = 'accounts/acme/interactions-2026.md';
      const d = only(result, file, 'unknown-reference');
      const fixes = fixesFor(FILES, result, d);
      assert.equal(fixes.length, 1);
      const after = applyFix(FILES, fixes[0]);
      assert.match(after.files[file], /- 2026-11-03 call @zhang-wei: y\n/);
      assert.deepEqual(findingsIn(after.result, file, 'unknown-reference'), []);
    });

    it('an unknown channel', () => {
      const file = 'accounts/acme/interactions-2026.md';
      const d = only(result, file, 'unknown-channel');
      const fixes = fixesFor(FILES, result, d);
      assert.deepEqual(fixes.map((f) => [f.title, f.preferred]), [["Change to 'visit'", true]]);
      const after = applyFix(FILES, fixes[0]);
      assert.match(after.files[file], /- 2026-11-02 visit @zhang-wei: x\n/);
      assert.deepEqual(findingsIn(after.result, file, 'unknown-channel'), []);
    });

    it('an unknown field without a close match has no fix; titles in Chinese', () => {
      const d = only(result, 'accounts/acme/people/wang-fang.md', 'unknown-field');
      assert.deepEqual(fixesFor(FILES, result, d), []);
      const channel = only(result, 'accounts/acme/interactions-2026.md', 'unknown-channel');
      assert.equal(fixesFor(FILES, result, channel, 'zh-cn')[0].title, "改为 'visit'");
    });
  });

  describe('a missing required field', () => {
    const missing = (result: CheckResult, file: string, field: string) => only(result, file, 'schema', (d) => d.data?.missingProperty === field);

    function fixMissing(files: Files, file: string, field: string): { fix: QuickFix; files: Files; result: CheckResult } {
      const result = checkFiles(files);
      const fixes = fixesFor(files, result, missing(result, file, field));
      assert.equal(fixes.length, 1, `a fix for ${field}`);
      assert.equal(fixes[0].preferred, true);
      assert.equal(fixes[0].title, `Add the required field '${field}'`);
      const after = applyFix(files, fixes[0]);
      assert.deepEqual(findingsIn(after.result, file, 'schema').filter((d) => d.data?.missingProperty === field), [], 'the finding is gone');
      return { fix: fixes[0], ...after };
    }

    it('`id` is guessed from the file name and inserted before the closing fence', () => {
      const file = 'accounts/acme/people/wang-fang.md';
      const files = { 'accounts/acme/account.md': ACME, [file]: doc(['kind: person', 'account: acme', 'name: 王芳'], '\nNotes\n') };
      const after = fixMissing(files, file, 'id');
      assert.equal(after.files[file], doc(['kind: person', 'account: acme', 'name: 王芳', 'id: wang-fang'], '\nNotes\n'));
      assert.deepEqual(after.result.diagnostics.filter((d) => d.file === file && d.severity === 'error'), []);
      assert.ok(after.result.workspace.people.has('wang-fang'));
    });

    it('a file name that is not an id gives a kebab-case id', () => {
      const file = 'accounts/acme/people/Wang Fang.md';
      const files = { 'accounts/acme/account.md': ACME, [file]: doc(['kind: person', 'account: acme', 'name: 王芳']) };
      assert.match(fixMissing(files, file, 'id').files[file], /\nid: wang-fang\n---\n$/);
    });

    it('`account` is taken from the accounts/<id>/ folder', () => {
      const file = 'accounts/acme/people/wang-fang.md';
      const files = { 'accounts/acme/account.md': ACME, [file]: doc(['kind: person', 'id: wang-fang', 'name: 王芳']) };
      const after = fixMissing(files, file, 'account');
      assert.equal(after.files[file], doc(['kind: person', 'id: wang-fang', 'name: 王芳', 'account: acme']));
      assert.deepEqual(after.result.diagnostics.filter((d) => d.file === file && d.severity === 'error'), []);
      const log = 'accounts/acme/interactions-2026.md';
      assert.match(fixMissing({ 'accounts/acme/account.md': ACME, [log]: doc(['kind: interaction-log', 'year: 2026']) }, log, 'account').files[log], /\nyear: 2026\naccount: acme\n---\n$/);
    });

    it('after a last field that is a block (list, nested object, multi-line text), at the top-level indentation', () => {
      const file = 'accounts/acme/people/li-ming.md';
      const files = { 'accounts/acme/account.md': ACME, 'accounts/acme/people/zhang-wei.md': ZHANG, [file]: doc(['kind: person', 'id: li-ming', 'account: acme', 'influences:', '  - zhang-wei', 'cadence:', '  ideal: 10', '  max: 20', 'needs: |', '  line one', '  line two']) };
      const after = fixMissing(files, file, 'name');
      assert.equal(after.files[file], doc(['kind: person', 'id: li-ming', 'account: acme', 'influences:', '  - zhang-wei', 'cadence:', '  ideal: 10', '  max: 20', 'needs: |', '  line one', '  line two', 'name: ""']));
    });

    it('keeps CRLF line endings', () => {
      const file = 'accounts/acme/people/wang-fang.md';
      const crlf = doc(['kind: person', 'id: wang-fang', 'name: 王芳'], '\nNotes\n').replace(/\n/g, '\r\n');
      const after = fixMissing({ 'accounts/acme/account.md': ACME, [file]: crlf }, file, 'account');
      assert.equal(after.files[file], doc(['kind: person', 'id: wang-fang', 'name: 王芳', 'account: acme'], '\nNotes\n').replace(/\n/g, '\r\n'));
      assert.ok(!/[^\r]\n/.test(after.files[file]), 'no bare LF');
    });

    it('keeps lone-CR line endings', () => {
      const file = 'accounts/acme/people/wang-fang.md';
      const cr = doc(['kind: person', 'id: wang-fang', 'name: 王芳']).replace(/\n/g, '\r');
      const after = fixMissing({ 'accounts/acme/account.md': ACME, [file]: cr }, file, 'account');
      assert.equal(after.files[file], doc(['kind: person', 'id: wang-fang', 'name: 王芳', 'account: acme']).replace(/\n/g, '\r'));
    });

    it('a contact without `person`: inserted into that list item at its indentation', () => {
      const file = 'accounts/acme/relationship-plan-2026.md';
      const lines = (extra: string[]) => ['kind: relationship-plan', 'account: acme', 'period:', '  start: 2026-01-01', '  end: 2026-12-31', 'contacts:', '  - layer: key', '    cadence:', '      ideal: 10', '      max: 20', ...extra, '  - person: zhang-wei'];
      const files = { 'accounts/acme/account.md': ACME, 'accounts/acme/people/zhang-wei.md': ZHANG, [file]: doc(lines([])) };
      const after = fixMissing(files, file, 'person');
      assert.equal(after.files[file], doc(lines(['    person: ""'])));
    });

    it('`period` without `end`, in CRLF and in lone-CR files', () => {
      const file = 'accounts/acme/relationship-plan-2026.md';
      const lines = (extra: string[]) => ['kind: relationship-plan', 'account: acme', 'period:', '  start: 2026-01-01', ...extra, 'contacts: []'];
      for (const eol of ['\n', '\r\n', '\r']) {
        const files = { 'accounts/acme/account.md': ACME, [file]: doc(lines([])).replace(/\n/g, eol) };
        const after = fixMissing(files, file, 'end');
        assert.equal(after.files[file], doc(lines(['  end: ""'])).replace(/\n/g, eol), JSON.stringify(eol));
      }
    });

    it('a nested object inside a list item, in a lone-CR file', () => {
      const file = 'accounts/acme/relationship-plan-2026.md';
      const lines = (extra: string[]) => ['kind: relationship-plan', 'account: acme', 'period: {start: 2026-01-01, end: 2026-12-31}', 'contacts:', '  - person: zhang-wei', '    cadence:', '      ideal: 10', ...extra];
      const files = { 'accounts/acme/account.md': ACME, 'accounts/acme/people/zhang-wei.md': ZHANG, [file]: doc(lines([])).replace(/\n/g, '\r') };
      const after = fixMissing(files, file, 'max');
      assert.equal(after.files[file], doc(lines(['      max: 1'])).replace(/\n/g, '\r'));
    });

    it('in Chinese', () => {
      const file = 'accounts/acme/people/wang-fang.md';
      const files = { 'accounts/acme/account.md': ACME, [file]: doc(['kind: person', 'id: wang-fang', 'name: 王芳']) };
      const result = checkFiles(files);
      assert.equal(fixesFor(files, result, missing(result, file, 'account'), 'zh-cn')[0].title, "添加必填字段 'account'");
    });
  });
});
