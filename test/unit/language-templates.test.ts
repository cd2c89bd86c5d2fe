import assert from 'node:assert/strict';
import path from 'node:path';
import { parse } from 'yaml';
import type { CheckResult } from '../../src/core/check/pipeline.js';
import { checkNewId, newAccountFiles, newPersonFile, yamlText, type NewAccount } from '../../src/core/language/templates.js';
import { checkFiles, type Files } from './helpers/language.js';

const ACCOUNT: NewAccount = { id: 'east-china-telecom', name: '华东电信', tier: 'A', owner: 'li-na', industry: '电信运营商', created: '2026-11-30' };

/** Findings in the given files, as `file rule message` for readable failures. */
function findings(r: CheckResult, files: string[], severities = ['error', 'warning']): string[] {
  return r.diagnostics.filter((d) => files.includes(d.file) && severities.includes(d.severity)).map((d) => `${d.file} ${d.rule} ${d.message}`);
}

function assertInside(p: string, dir: string): void {
  const normal = path.posix.normalize(p);
  assert.equal(normal, p, `${p} is normalized`);
  assert.ok(normal.startsWith(`${dir}/`), `${p} is inside ${dir}/`);
  assert.ok(!normal.split('/').includes('..'));
  assert.ok(!path.posix.isAbsolute(normal));
}

describe('language: templates', () => {
  describe('checkNewId', () => {
    it('accepts kebab-case ids up to 64 characters', () => {
      for (const id of ['a', 'zhang-wei', 'east-china-telecom', 'plan-2026', '5g', 'a'.repeat(64), 'console', 'com', 'con-1']) assert.equal(checkNewId(id), undefined, id);
    });

    it('rejects what cannot be a file name or an id', () => {
      assert.equal(checkNewId(''), 'empty');
      assert.equal(checkNewId('a'.repeat(65)), 'too-long');
      for (const id of ['../../etc/passwd', '..', '.', 'a/b', 'a\\b', 'a b', 'Zhang', 'zhang_wei', 'zhang--wei', '-x', 'x-', '张伟', 'a.md', ' a', 'a\n']) {
        assert.equal(checkNewId(id), 'pattern', JSON.stringify(id));
      }
      for (const id of ['con', 'prn', 'aux', 'nul', 'com1', 'lpt9']) assert.equal(checkNewId(id), 'reserved', id);
    });
  });

  describe('yamlText', () => {
    it('leaves ordinary text plain, Chinese punctuation included', () => {
      for (const v of ['华东电信', 'Acme Corp', '痛点：OPEX 过高', '3M', 'R&D', 'a:b', 'C#', "it's"]) assert.equal(yamlText(v), v, v);
    });

    it('quotes whatever plain YAML would misread, and always reads back as the same string', () => {
      const tricky = [
        '华东 #1 客户', '痛点: OPEX 过高', '#1', '- x', '? x', ': x', '[a, b]', '{a: b}', '&a', '*a', '!tag', '|', '>', "'q'", '"q"', '%x', '@li-na', '`x`',
        'a:', 'a ', 'true', 'False', 'null', 'NULL', '~', 'yes', 'no', 'on', 'off', '2026', '2026-01-01', '12:30', '1.5',
        '1e3', '0x1F', '0o17', '+1', '.5', '.inf', '-.inf', '.NaN', '', '  ', 'a\nb', 'a\\b "c"',
      ];
      for (const v of tricky) {
        const y = yamlText(v);
        const back = parse(`k: ${y}`).k;
        const expected = v.replace(/[\r\n]+/g, ' ').trim();
        assert.equal(back, expected, `${JSON.stringify(v)} → ${y}`);
      }
    });
  });

  describe('newAccountFiles', () => {
    it('four documents inside accounts/<id>/ that check without errors or warnings', () => {
      const files = newAccountFiles(ACCOUNT);
      assert.deepEqual(files.map((f) => f.path), [
        'accounts/east-china-telecom/account.md',
        'accounts/east-china-telecom/org-portrait.md',
        'accounts/east-china-telecom/relationship-plan-2026.md',
        'accounts/east-china-telecom/interactions-2026.md',
      ]);
      for (const f of files) assertInside(f.path, 'accounts/east-china-telecom');
      const ws: Files = Object.fromEntries(files.map((f) => [f.path, f.content]));
      const r = checkFiles(ws);
      assert.equal(r.documents.length, 4);
      assert.deepEqual(r.documents.map((d) => d.kind).sort(), ['account', 'interaction-log', 'org-portrait', 'relationship-plan']);
      assert.deepEqual(findings(r, Object.keys(ws), ['error']), []);
      const account = r.workspace.accounts.get('east-china-telecom')!;
      assert.equal(account.data!.name, '华东电信');
      assert.equal(account.data!.industry, '电信运营商');
      assert.equal(account.tier, 'A');
      assert.deepEqual(account.data!.period, { start: '2026-01-01', end: '2026-12-31' });
      assert.equal(account.data!.created, '2026-11-30', 'created: the day it was added, so it starts onboarding');
      assert.equal(account.plans.length, 1);
      assert.equal(account.logs.length, 1);
      assert.equal(account.portraits.length, 1);
    });

    it('names and industries with `: `, `#` and other YAML specials are quoted and read back exactly', () => {
      for (const name of ['华东 #1: 客户', 'Acme: the "best" #1', '- dash', '[x](command:foo)', '2026', 'true', '1e3', '*star', "O'Brien & Co", 'back\\slash']) {
        const files = newAccountFiles({ ...ACCOUNT, id: 'acme', name, industry: `${name} industry #x` });
        const ws: Files = Object.fromEntries(files.map((f) => [f.path, f.content]));
        const r = checkFiles(ws);
        assert.deepEqual(findings(r, Object.keys(ws), ['error']), [], name);
        const data = r.workspace.accounts.get('acme')!.data!;
        assert.equal(data.name, name);
        assert.equal(data.industry, `${name} industry #x`);
      }
    });

    it('a name with a line break becomes one line', () => {
      const files = newAccountFiles({ ...ACCOUNT, name: '华东\n电信' });
      const r = checkFiles(Object.fromEntries(files.map((f) => [f.path, f.content])));
      assert.equal(r.workspace.accounts.get(ACCOUNT.id)!.data!.name, '华东 电信');
    });

    it('without an industry, for each tier', () => {
      for (const tier of ['A', 'B', 'C'] as const) {
        const files = newAccountFiles({ ...ACCOUNT, tier, industry: undefined });
        assert.ok(!files[0].content.includes('industry'));
        const r = checkFiles(Object.fromEntries(files.map((f) => [f.path, f.content])));
        assert.deepEqual(findings(r, files.map((f) => f.path), ['error']), []);
        assert.equal(r.workspace.accounts.get(ACCOUNT.id)!.tier, tier);
      }
    });

    it('a new account with its first person is onboarding until onboarding_days have passed since `created` (not since the plan year\'s start)', () => {
      const ws: Files = Object.fromEntries(newAccountFiles({ ...ACCOUNT, created: '2026-11-30' }).map((f) => [f.path, f.content]));
      const person = newPersonFile({ id: 'zhang-wei', account: ACCOUNT.id, name: '张伟', roles: ['EB'] });
      ws[person.path] = person.content;
      const rules = (files: Files, asOf: string) => checkFiles(files, { asOf }).diagnostics.filter((d) => d.file.startsWith('accounts/east-china-telecom/')).map((d) => d.rule);
      const early = rules(ws, '2026-12-20');
      assert.ok(early.includes('account-onboarding'), early.join());
      assert.ok(!early.includes('interaction-never'), early.join());
      const late = rules(ws, '2027-01-05');
      assert.ok(!late.includes('account-onboarding'), late.join());
      assert.ok(late.includes('interaction-never'), late.join());
      // Without `created:` the grace counts from the period's start (2026-01-01): long over.
      const account = 'accounts/east-china-telecom/account.md';
      const undated = rules({ ...ws, [account]: ws[account].replace(/^created: .*\n/m, '') }, '2026-12-20');
      assert.ok(!undated.includes('account-onboarding'), undated.join());
      assert.throws(() => newAccountFiles({ ...ACCOUNT, created: '2026-02-30' }), /invalid created date/);
    });

    it('refuses ids that would escape the folder or are not ids', () => {
      for (const id of ['../../etc/passwd', '..', 'a/b', 'con', '', 'A', 'a b', 'a'.repeat(65)]) {
        assert.throws(() => newAccountFiles({ ...ACCOUNT, id }), /invalid account id/, id);
      }
    });

    it('next to an existing workspace (the samples vocabulary), the new account adds no validation findings', () => {
      const files = newAccountFiles({ ...ACCOUNT, id: 'new-co', name: '新客户' });
      const r = checkFiles({ 'keyplan.yaml': 'channels: [visit, feishu]\n', ...Object.fromEntries(files.map((f) => [f.path, f.content])) });
      assert.deepEqual(findings(r, files.map((f) => f.path), ['error']), []);
    });
  });

  describe('newPersonFile', () => {
    const account = () => Object.fromEntries(newAccountFiles(ACCOUNT).map((f) => [f.path, f.content]));

    it('a person inside accounts/<account>/people/ that checks without errors', () => {
      const f = newPersonFile({ id: 'zhang-wei', account: ACCOUNT.id, name: '张伟', title: 'CTO: 首席技术官 #1', roles: ['EB', 'TB'] });
      assert.equal(f.path, 'accounts/east-china-telecom/people/zhang-wei.md');
      assertInside(f.path, 'accounts/east-china-telecom');
      const r = checkFiles({ ...account(), [f.path]: f.content });
      assert.deepEqual(findings(r, [f.path], ['error']), []);
      const p = r.workspace.people.get('zhang-wei')!;
      assert.equal(p.account, ACCOUNT.id);
      assert.equal(p.data.name, '张伟');
      assert.equal(p.data.title, 'CTO: 首席技术官 #1');
      assert.deepEqual(p.data.roles, ['EB', 'TB']);
      assert.equal(p.data.status, 'active');
    });

    it('without title and roles; with a tricky name', () => {
      const f = newPersonFile({ id: 'li-ming', account: ACCOUNT.id, name: '李明 #2: "Coach"' });
      assert.ok(!f.content.includes('title:'));
      const r = checkFiles({ ...account(), [f.path]: f.content });
      assert.deepEqual(findings(r, [f.path], ['error']), []);
      assert.equal(r.workspace.people.get('li-ming')!.data.name, '李明 #2: "Coach"');
      assert.deepEqual(r.workspace.people.get('li-ming')!.data.roles, []);
    });

    it('refuses a bad person id or account id', () => {
      for (const id of ['../x', 'con', 'Zhang', '', 'a b']) {
        assert.throws(() => newPersonFile({ id, account: ACCOUNT.id, name: 'x' }), /invalid person id/, id);
        assert.throws(() => newPersonFile({ id: 'zhang-wei', account: id, name: 'x' }), /invalid account id/, id);
      }
    });
  });
});
