import assert from 'node:assert/strict';
import type { Diagnostic } from '../../src/core/diagnostic.js';
import { suggestId } from '../../src/core/schema/validate.js';
import { account, AJV_JARGON, check, md, person, span } from '../helpers.js';

/** Checks one document (plus an account so that references resolve) and returns its findings. */
function findings(doc: string, locale?: 'en' | 'zh-cn'): Diagnostic[] {
  const files: Record<string, string> = { 'doc.md': doc };
  if (!doc.includes('kind: account')) files['acme.md'] = account();
  return check(files, locale).diagnostics.filter((d) => d.file === 'doc.md');
}

function single(doc: string, locale?: 'en' | 'zh-cn'): Diagnostic {
  const all = findings(doc, locale);
  assert.equal(all.length, 1, `expected one finding, got:\n${all.map((d) => `${span(d)} ${d.rule} ${d.message}`).join('\n')}`);
  return all[0];
}

function assertNoJargon(d: Diagnostic): void {
  for (const phrase of AJV_JARGON) assert.ok(!d.message.includes(phrase), `message contains ajv jargon "${phrase}": ${d.message}`);
}

describe('schema messages and positions', () => {
  it('missing top-level field: names the field, explains it, points at `kind:`', () => {
    const d = single(md(['kind: account', 'id: acme', 'name: Acme', 'tier: A']));
    assert.equal(d.rule, 'schema');
    assert.equal(d.severity, 'error');
    assert.equal(span(d), '2:1-2:5');
    assert.match(d.message, /^Missing required field `owner` \(.+\)\.$/);
    assert.match(d.message, /key-account manager/);
    assert.deepEqual(d.data?.missingProperty, 'owner');
    assertNoJargon(d);
  });

  it('missing field explanation is the first sentence of the description, not cut short', () => {
    // The description reads "User id of the key-account manager … (客户负责人), e.g. `li-na`. …": an
    // abbreviation's dot does not end the sentence.
    const d = single(md(['kind: account', 'id: acme', 'name: Acme', 'tier: A']));
    assert.match(d.message, /`li-na`\)\.$/);
  });

  it('missing nested field: names the field and its group, range on the parent key', () => {
    const d = single(account('acme', 'A', ['period:', '  start: 2026-01-01']));
    assert.equal(d.rule, 'schema');
    assert.equal(span(d), '7:1-7:7');
    assert.match(d.message, /^Missing required field `end` in Period/);
    assertNoJargon(d);
  });

  it('missing field inside a list item: range on the list item', () => {
    const d = single(md(['kind: relationship-plan', 'account: acme', 'period: {start: 2026-01-01, end: 2026-12-31}', 'contacts:', '  - layer: key']));
    assert.match(d.message, /Missing required field `person` in Contact plan/);
    assert.equal(d.range.start.line, 6);
    assert.equal(d.range.start.column, 5);
    assertNoJargon(d);
  });

  it('unknown field: "Did you mean", range exactly on the key', () => {
    const d = single(person('zhang-wei', 'acme', ['stanse: champion']));
    assert.equal(d.rule, 'unknown-field');
    assert.equal(span(d), '6:1-6:7');
    assert.equal(d.message, '`stanse` is not a field of Keyplan personal portrait. Did you mean `stance`?');
    assert.equal(d.data?.suggestion, 'stance');
    assertNoJargon(d);
  });

  it('unknown nested field: range on the nested key', () => {
    const d = single(person('zhang-wei', 'acme', ['cadence:', '  ideal: 30', '  max: 45', '  maxx: 50']));
    assert.equal(d.rule, 'unknown-field');
    assert.equal(span(d), '9:3-9:7');
    assert.match(d.message, /`maxx` is not a field of Cadence\. Did you mean `max`\?/);
  });

  it('unknown field without a close match: no suggestion', () => {
    const d = single(person('zhang-wei', 'acme', ['shoe_size: 42']));
    assert.equal(d.rule, 'unknown-field');
    assert.doesNotMatch(d.message, /Did you mean/);
  });

  it('enum typo: suggestion, allowed values, range exactly on the value', () => {
    const d = single(person('zhang-wei', 'acme', ['stance: suportive']));
    assert.equal(d.rule, 'schema');
    assert.equal(span(d), '6:9-6:18');
    assert.equal(d.message, '`suportive` is not an allowed value for `stance`. Did you mean `supporter`? Allowed: champion, supporter, neutral, skeptic, opponent, unknown.');
    assert.deepEqual(d.data?.allowed, ['champion', 'supporter', 'neutral', 'skeptic', 'opponent', 'unknown']);
    assertNoJargon(d);
  });

  it('enum typo in a list: range on the list item value', () => {
    const d = single(person('zhang-wei', 'acme', ['roles: [TB, Coch]']));
    assert.equal(span(d), '6:13-6:17');
    assert.match(d.message, /`Coch` is not an allowed value for `roles`\. Did you mean `Coach`\?/);
  });

  it('a group value where an enum is expected gets one message, never `[object Object]`', () => {
    const all = findings(md(['kind: account', 'id: acme', 'name: Acme', 'tier: {level: A}', 'owner: li-na']));
    const tier = all.filter((d) => (d.data?.path as unknown[] | undefined)?.[0] === 'tier');
    assert.deepEqual(tier.map((d) => d.message), ['`tier` must be text; found a group of fields.']);
    for (const x of all) assert.doesNotMatch(x.message, /\[object Object\]/);
  });

  it('wrong type: says what was expected and what was found, on the value', () => {
    const d = single(person('zhang-wei', 'acme', ['influence: high']));
    assert.equal(span(d), '6:12-6:16');
    assert.equal(d.message, '`influence` must be a whole number; found the text "high".');
    assertNoJargon(d);
    const list = single(person('zhang-wei', 'acme', ['roles: TB']));
    assert.equal(list.message, '`roles` must be a list; found the text "TB".');
  });

  it('out-of-range integer (influence 7): gives the range', () => {
    const d = single(person('zhang-wei', 'acme', ['influence: 7']));
    assert.equal(d.rule, 'schema');
    assert.equal(span(d), '6:12-6:13');
    assert.equal(d.message, '`influence` must be a whole number from 1 to 5; found 7.');
    assertNoJargon(d);
  });

  it('invalid calendar date (2026-02-30): on the value, with the expected form', () => {
    const d = single(account('acme', 'A', ['period:', '  start: 2026-02-30', '  end: 2026-12-31']));
    assert.equal(span(d), '8:10-8:20');
    assert.equal(d.message, '`2026-02-30` in `start` is not a valid date. Write dates as YYYY-MM-DD, e.g. 2026-11-20.');
    assertNoJargon(d);
  });

  it('invalid id pattern: explains the rule and proposes an id', () => {
    const d = single(md(['kind: account', 'id: Zhang_Wei', 'name: Acme', 'tier: A', 'owner: li-na']));
    assert.equal(span(d), '3:5-3:14');
    assert.equal(d.message, '`Zhang_Wei` is not a valid id for `id`: use lowercase letters, digits and single hyphens, e.g. `zhang-wei`.');
    assertNoJargon(d);
    assert.equal(suggestId('East China Telecom'), 'east-china-telecom');
    assert.equal(suggestId('张伟'), 'zhang-wei', 'a non-Latin value falls back to a generic example');
  });

  it('cadence max below ideal: on `max`', () => {
    const d = single(person('zhang-wei', 'acme', ['cadence:', '  ideal: 60', '  max: 30']));
    assert.equal(d.rule, 'schema');
    assert.equal(span(d), '8:8-8:10');
    assert.equal(d.message, 'The maximum interval (30 days) is shorter than the ideal one (60 days).');
  });

  it('cadence max below ideal in a relationship-plan contact', () => {
    const plan = md(['kind: relationship-plan', 'account: acme', 'period: {start: 2026-01-01, end: 2026-12-31}', 'contacts:',
      '  - person: zhang-wei', '    cadence: {ideal: 30, max: 20}']);
    const all = check({ 'acme.md': account(), 'p.md': person('zhang-wei'), 'doc.md': plan }).diagnostics;
    assert.deepEqual(all.map((d) => `${d.file} ${span(d)} ${d.message}`), ['doc.md 7:31-7:33 The maximum interval (20 days) is shorter than the ideal one (30 days).']);
  });

  it('equal cadence ideal and max is fine', () => {
    assert.deepEqual(findings(person('zhang-wei', 'acme', ['cadence: {ideal: 30, max: 30}'])), []);
  });

  it('period end before start: on `end`', () => {
    const d = single(account('acme', 'A', ['period:', '  start: 2026-12-31', '  end: 2026-01-01']));
    assert.equal(span(d), '9:8-9:18');
    assert.equal(d.message, 'The period ends (2026-01-01) before it starts (2026-12-31).');
  });

  it('reports each problem of a document, sorted by position', () => {
    const all = findings(person('zhang-wei', 'acme', ['influence: 7', 'stance: suportive', 'stanse: x']));
    assert.deepEqual(all.map((d) => `${span(d)} ${d.rule}`), ['6:12-6:13 schema', '7:9-7:18 schema', '8:1-8:7 unknown-field']);
    all.forEach(assertNoJargon);
  });

  it('no message anywhere uses ajv wording', () => {
    const docs = [
      md(['kind: account']),
      md(['kind: account', 'id: 1', 'name: [a]', 'tier: D', 'owner: Li Na', 'team: li-na', 'value: {financial: 0}', 'health: {nps: 200, currency: cny}', 'objectives: [{id: a}, {title: b, status: late}]', 'review: {next: tomorrow}']),
      md(['kind: person', 'id: a', 'account: acme', 'name: A', 'roles: [EB, EB]', 'channels: [golf]', 'needs: 3', 'status: gone']),
      md(['kind: relationship-plan', 'account: acme', 'period: 2026', 'contacts: {}']),
      md(['kind: org-portrait', 'account: acme', 'procurement: {approval_threshold: {amount: -1}}', 'pain_points: painful']),
      md(['kind: interaction-log', 'account: acme', 'year: twenty']),
    ];
    let count = 0;
    for (const doc of docs) {
      for (const d of findings(doc)) {
        assertNoJargon(d);
        assert.doesNotMatch(d.message, /\bmust (?:have|be equal|NOT|match)\b/);
        count++;
      }
    }
    assert.ok(count >= 15, `expected many findings, got ${count}`);
  });

  describe('in Chinese (locale zh-cn)', () => {
    it('enum typo', () => {
      const d = single(person('zhang-wei', 'acme', ['stance: suportive']), 'zh-cn');
      assert.equal(d.message, '`suportive` 不是 `stance` 的可用取值。是否应为 `supporter`？可用取值：champion、supporter、neutral、skeptic、opponent、unknown。');
      assert.equal(span(d), '6:9-6:18');
    });

    it('missing field uses the Chinese description', () => {
      const d = single(md(['kind: account', 'id: acme', 'name: Acme', 'tier: A']), 'zh-cn');
      assert.match(d.message, /^缺少必填字段 `owner`（.*客户经理.*）。$/);
      assert.doesNotMatch(d.message, /[a-z]{5,} [a-z]{5,}/, 'no English prose in the Chinese message');
    });

    it('out-of-range integer', () => {
      const d = single(person('zhang-wei', 'acme', ['influence: 7']), 'zh-cn');
      assert.equal(d.message, '`influence` 应为 1 到 5 之间的整数，实际为 7。');
    });
  });
});
