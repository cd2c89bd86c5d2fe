import assert from 'node:assert/strict';
import { completionsAt, type CompletionItem } from '../../src/core/language/completion.js';
import type { LanguageModel } from '../../src/core/language/model.js';
import { languageModel } from '../../src/core/language/model.js';
import { checkWorkspace } from '../../src/core/check/pipeline.js';
import { AS_OF, cursor, doc, modelOf, sampleTexts, sources, type Files } from './helpers/language.js';

/** A small workspace: two accounts, three people at acme (one who left), one at beta. */
const FILES: Files = {
  'accounts/acme/account.md': doc(['kind: account', 'id: acme', 'name: Acme 公司', 'tier: A', 'owner: li-na']),
  'accounts/beta/account.md': doc(['kind: account', 'id: beta', 'name: Beta 集团', 'tier: B', 'owner: li-na']),
  'accounts/acme/people/zhang-wei.md': doc(['kind: person', 'id: zhang-wei', 'account: acme', 'name: 张伟', 'title: CTO', 'roles: [EB]']),
  'accounts/acme/people/wang-fang.md': doc(['kind: person', 'id: wang-fang', 'account: acme', 'name: 王芳', 'roles: [TB, Coach]']),
  'accounts/acme/people/li-ming.md': doc(['kind: person', 'id: li-ming', 'account: acme', 'name: 李明', 'status: left']),
  'accounts/beta/people/zhao-lei.md': doc(['kind: person', 'id: zhao-lei', 'account: beta', 'name: 赵磊']),
};

function complete(marked: string, model: LanguageModel): CompletionItem[] {
  const { text, offset } = cursor(marked);
  return completionsAt(text, offset, model);
}

const labels = (items: CompletionItem[]) => items.map((i) => i.label);
const sorted = (items: CompletionItem[]) => [...items].sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label)).map((i) => i.label);

describe('language: completion', () => {
  let model: LanguageModel;
  before(() => {
    model = modelOf(FILES);
  });

  describe('keys', () => {
    it('offers the keys of the kind with title, description and required first; existing keys are not offered again', () => {
      const items = complete(doc(['kind: person', 'id: x', '|']), model);
      const names = labels(items);
      assert.ok(!names.includes('kind') && !names.includes('id'), 'already present');
      for (const k of ['account', 'name', 'title', 'reports_to', 'influences', 'roles', 'stance', 'channels', 'needs']) assert.ok(names.includes(k), k);
      assert.ok(!names.includes('tier'), 'an account key is not a person key');
      const order = sorted(items);
      assert.deepEqual(order.slice(0, 2).sort(), ['account', 'name'], 'the required keys come first');
      const stance = items.find((i) => i.label === 'stance')!;
      assert.equal(stance.kind, 'field');
      assert.equal(stance.detail, 'Stance');
      assert.match(stance.documentation ?? '', /Stance toward us/);
      assert.equal(stance.insertText, 'stance: ');
      const name = items.find((i) => i.label === 'name')!;
      assert.equal(name.detail, 'Name (required)');
    });

    it('a field holding a reference keeps its own title and description, not the reference type\'s', () => {
      const items = complete(doc(['kind: person', 'id: x', '|']), model);
      const reportsTo = items.find((i) => i.label === 'reports_to')!;
      assert.equal(reportsTo.detail, 'Reports to');
      assert.match(reportsTo.documentation ?? '', /line manager/);
      const account = items.find((i) => i.label === 'account')!;
      assert.equal(account.detail, 'Account (required)');
      assert.match(account.documentation ?? '', /works at/);
    });

    it('sensitive fields say so in the detail', () => {
      const items = complete(doc(['kind: person', '|']), model);
      assert.match(items.find((i) => i.label === 'needs')!.detail ?? '', /sensitive personal data/);
      assert.doesNotMatch(items.find((i) => i.label === 'channels')!.detail ?? '', /sensitive/);
    });

    it('the completion replaces the typed prefix', () => {
      const { text, offset } = cursor(doc(['kind: person', 'sta|']));
      const item = completionsAt(text, offset, model).find((i) => i.label === 'stance')!;
      assert.equal(text.slice(item.start, item.end), 'sta');
      assert.equal(text.slice(0, item.start) + item.insertText + text.slice(item.end), doc(['kind: person', 'stance: ']));
    });

    it('a key that opens a block is inserted without the trailing space', () => {
      const items = complete(doc(['kind: account', '|']), model);
      assert.equal(items.find((i) => i.label === 'period')!.insertText, 'period:');
      assert.equal(items.find((i) => i.label === 'objectives')!.insertText, 'objectives:');
      assert.equal(items.find((i) => i.label === 'tier')!.insertText, 'tier: ');
      assert.deepEqual(sorted(items).slice(0, 4).sort(), ['id', 'name', 'owner', 'tier']);
    });

    it('keys of a nested object: `period` offers start and end, without the one already there', () => {
      assert.deepEqual(labels(complete(doc(['kind: account', 'period:', '  |']), model)).sort(), ['end', 'start']);
      assert.deepEqual(labels(complete(doc(['kind: account', 'period:', '  start: 2026-01-01', '  en|']), model)), ['end']);
    });

    it('keys of a list item of objects, without the keys the item already has', () => {
      const items = complete(doc(['kind: relationship-plan', 'account: acme', 'contacts:', '  - person: x', '    sta|']), model);
      const names = labels(items);
      assert.ok(names.includes('stage') && names.includes('target_stage') && names.includes('layer'));
      assert.ok(!names.includes('person'));
      assert.ok(!names.includes('account'), 'top-level keys are not contact keys');
    });

    it('the `- ` of a new list item offers the item keys, the required `person` first', () => {
      const items = complete(doc(['kind: relationship-plan', 'account: acme', 'contacts:', '  - person: x', '    layer: key', '  - |']), model);
      const names = labels(items);
      assert.ok(names.includes('person'), 'a new contact needs its person');
      assert.ok(names.includes('layer'));
      assert.equal(sorted(items)[0], 'person');
    });

    it('`- ` in a list of objects in an account plan offers objective keys', () => {
      const items = complete(doc(['kind: account', 'objectives:', '  - |']), model);
      assert.deepEqual(sorted(items).slice(0, 2).sort(), ['id', 'title']);
    });
  });

  describe('enum values', () => {
    it('tier, with descriptions', () => {
      const items = complete(doc(['kind: account', 'tier: |']), model);
      assert.deepEqual(labels(items), ['A', 'B', 'C']);
      assert.ok(items.every((i) => i.kind === 'value'));
      assert.match(items[0].documentation ?? '', /Strategic account/);
    });

    it('stance, in the schema order', () => {
      assert.deepEqual(labels(complete(doc(['kind: person', 'stance: s|']), model)), ['champion', 'supporter', 'neutral', 'skeptic', 'opponent', 'unknown']);
    });

    it('stage and layer in a relationship-plan contact', () => {
      const plan = (line: string) => doc(['kind: relationship-plan', 'account: acme', 'contacts:', '  - person: zhang-wei', line]);
      assert.deepEqual(labels(complete(plan('    stage: |'), model)), ['awareness', 'recognition', 'purchase', 'advocacy']);
      assert.deepEqual(labels(complete(plan('    target_stage: |'), model)), ['awareness', 'recognition', 'purchase', 'advocacy']);
      assert.deepEqual(labels(complete(plan('    layer: |'), model)), ['key', 'general', 'organizational', 'ecosystem']);
    });

    it('roles in a flow list', () => {
      const items = complete(doc(['kind: person', 'roles: [EB, |]']), model);
      assert.deepEqual(labels(items), ['EB', 'TB', 'UB', 'Coach']);
      const { text, offset } = cursor(doc(['kind: person', 'roles: [EB, T|]']));
      const tb = completionsAt(text, offset, model).find((i) => i.label === 'TB')!;
      assert.equal(text.slice(tb.start, tb.end), 'T');
    });

    it('channels in a person\'s `channels`, flow and block', () => {
      // The channels, then their Chinese names (built-in aliases), which are accepted here too.
      const builtIn = ['visit', 'meeting', 'call', 'wechat', 'email', 'event', 'executive-exchange', 'gift', 'dinner', 'other', '拜访', '会议', '电话', '微信', '邮件', '活动', '高层互访', '礼品', '宴请'];
      assert.deepEqual(labels(complete(doc(['kind: person', 'channels: [|]']), model)), builtIn);
      assert.deepEqual(labels(complete(doc(['kind: person', 'channels:', '  - |']), model)), builtIn);
      const wechat = complete(doc(['kind: person', 'channels: [we|]']), model).find((i) => i.label === 'wechat')!;
      assert.match(wechat.documentation ?? '', /WeChat/);
    });

    it('channels in a relationship-plan contact', () => {
      const items = complete(doc(['kind: relationship-plan', 'contacts:', '  - person: x', '    channels: [visit, |']), model);
      assert.ok(labels(items).includes('executive-exchange'));
    });
  });

  describe('ids', () => {
    it('reports_to: people of the same account, not the person themselves', () => {
      const items = complete(doc(['kind: person', 'id: zhang-wei', 'account: acme', 'reports_to: |']), model);
      assert.deepEqual(labels(items).sort(), ['li-ming', 'wang-fang']);
      const wang = items.find((i) => i.label === 'wang-fang')!;
      assert.equal(wang.kind, 'person');
      assert.equal(wang.detail, '王芳');
      assert.equal(wang.documentation, 'TB, Coach');
    });

    it('influences, flow and block: same account, not the person themselves', () => {
      const flow = complete(doc(['kind: person', 'id: wang-fang', 'account: acme', 'influences: [|]']), model);
      assert.deepEqual(labels(flow).sort(), ['li-ming', 'zhang-wei']);
      const block = complete(doc(['kind: person', 'id: wang-fang', 'account: acme', 'influences:', '  - |']), model);
      assert.deepEqual(labels(block).sort(), ['li-ming', 'zhang-wei']);
      assert.equal(block.find((i) => i.label === 'zhang-wei')!.detail, '张伟 · CTO');
    });

    it('influences with a strength: the person completes from the account, the strength from its values', () => {
      const person = complete(doc(['kind: person', 'id: wang-fang', 'account: acme', 'influences:', '  - person: |']), model);
      assert.deepEqual(labels(person).sort(), ['li-ming', 'zhang-wei']);
      const flow = complete(doc(['kind: person', 'id: wang-fang', 'account: acme', 'influences: [{person: |}]']), model);
      assert.deepEqual(labels(flow).sort(), ['li-ming', 'zhang-wei']);
      const strength = complete(doc(['kind: person', 'id: wang-fang', 'account: acme', 'influences:', '  - person: zhang-wei', '    strength: |']), model);
      assert.deepEqual(labels(strength), ['weak', 'medium', 'strong']);
    });

    it('a person of another account only sees their own colleagues', () => {
      assert.deepEqual(labels(complete(doc(['kind: person', 'id: new-one', 'account: beta', 'reports_to: |']), model)), ['zhao-lei']);
    });

    it('relationship-plan contacts[].person and org-portrait approver: the account\'s people', () => {
      const contact = complete(doc(['kind: relationship-plan', 'account: beta', 'contacts:', '  - person: |']), model);
      assert.deepEqual(labels(contact), ['zhao-lei']);
      const approver = complete(doc(['kind: org-portrait', 'account: acme', 'procurement:', '  approval_threshold:', '    approver: |']), model);
      assert.deepEqual(labels(approver).sort(), ['li-ming', 'wang-fang', 'zhang-wei']);
    });

    it('account: the account ids with name and tier', () => {
      const items = complete(doc(['kind: person', 'account: |']), model);
      assert.deepEqual(labels(items).sort(), ['acme', 'beta']);
      const acme = items.find((i) => i.label === 'acme')!;
      assert.equal(acme.kind, 'account');
      assert.equal(acme.detail, 'Acme 公司 · A');
    });

    it('a date for date fields', () => {
      const items = complete(doc(['kind: account', 'review:', '  next: |']), model);
      assert.deepEqual(items.map((i) => [i.label, i.kind, i.insertText]), [[AS_OF, 'date', AS_OF]]);
      assert.equal(labels(complete(doc(['kind: relationship-plan', 'contacts:', '  - person: x', '    next: |']), model))[0], AS_OF);
      assert.equal(labels(complete(doc(['kind: account', 'period:', '  end: |']), model))[0], AS_OF);
    });

    it('free-text values offer nothing', () => {
      assert.deepEqual(complete(doc(['kind: person', 'name: |']), model), []);
    });
  });

  describe('interaction-log bodies', () => {
    const log = (account: string, line: string) => doc(['kind: interaction-log', `account: ${account}`], `\n${line}\n`);

    it('`@` completes the account\'s people only; a person who left sorts last', () => {
      const items = complete(log('acme', '- 2026-11-02 meeting @|'), model);
      assert.deepEqual(labels(items).sort(), ['li-ming', 'wang-fang', 'zhang-wei']);
      assert.ok(items.every((i) => i.kind === 'person'));
      assert.equal(sorted(items).at(-1), 'li-ming');
      assert.deepEqual(labels(complete(log('beta', '- 2026-11-02 meeting @zh|'), model)), ['zhao-lei']);
    });

    it('an @mention completion replaces the typed id, not the `@`', () => {
      const { text, offset } = cursor(log('acme', '- 2026-11-02 meeting @zh|: x'));
      const item = completionsAt(text, offset, model).find((i) => i.label === 'zhang-wei')!;
      assert.equal(text.slice(item.start, item.end), 'zh');
      assert.equal(text[item.start - 1], '@');
    });

    it('the channel after a date, inserted with the `@` that follows it; then the Chinese names (aliases), each naming its channel', () => {
      const items = complete(log('acme', '- 2026-11-02 |'), model);
      assert.deepEqual(labels(items), ['visit', 'meeting', 'call', 'wechat', 'email', 'event', 'executive-exchange', 'gift', 'dinner', 'other', '拜访', '会议', '电话', '微信', '邮件', '活动', '高层互访', '礼品', '宴请']);
      const visit = items.find((i) => i.label === 'visit')!;
      assert.equal(visit.kind, 'channel');
      assert.equal(visit.insertText, 'visit @');
      assert.match(visit.documentation ?? '', /Visit/);
      const alias = items.find((i) => i.label === '拜访')!;
      assert.equal(alias.insertText, '拜访 @');
      assert.match(alias.documentation ?? '', /Another name for `visit`/);
    });

    it('changing the channel of an existing entry replaces the word only (no second `@`)', () => {
      const { text, offset } = cursor(log('acme', '- 2026-11-02 vi|sit @zhang-wei: x'));
      const call = completionsAt(text, offset, model).find((i) => i.label === 'call')!;
      assert.equal(text.slice(call.start, call.end), 'visit');
      const edited = text.slice(0, call.start) + call.insertText + text.slice(call.end);
      assert.match(edited, /\n- 2026-11-02 call @zhang-wei: x\n/);
      const typed = cursor(log('acme', '- 2026-11-02 vi|   ').replace(/\n/g, '\r\n'));
      assert.equal(completionsAt(typed.text, typed.offset, model).find((i) => i.label === 'visit')!.insertText, 'visit @', 'only spaces after it: a new entry');
    });

    it('prose offers nothing', () => {
      assert.deepEqual(complete(log('acme', 'Some no|tes'), model), []);
    });
  });

  describe('a new file', () => {
    it('offers `kind` first, then the kinds', () => {
      const key = complete('---\n|\n---\n', model);
      assert.deepEqual(labels(key), ['kind']);
      assert.equal(key[0].insertText, 'kind: ');
      assert.deepEqual(labels(complete('---\nkind: |\n---\n', model)), ['account', 'org-portrait', 'person', 'relationship-plan', 'interaction-log']);
      assert.deepEqual(labels(complete('---\nkind: per|\n', model)), ['account', 'org-portrait', 'person', 'relationship-plan', 'interaction-log']);
    });

    it('and nothing else until the kind is known', () => {
      assert.deepEqual(complete('---\nkind: xyz\nname: |\n---\n', model), []);
    });
  });

  describe('locale and workspace vocabulary', () => {
    it('zh-cn: Chinese titles, descriptions and value descriptions', () => {
      const zh = modelOf(FILES, { locale: 'zh-cn' });
      assert.equal(zh.locale, 'zh-cn');
      const keys = complete(doc(['kind: person', '|']), zh);
      assert.equal(keys.find((i) => i.label === 'name')!.detail, '姓名（必填）');
      assert.equal(keys.find((i) => i.label === 'reports_to')!.detail, '汇报对象');
      assert.match(keys.find((i) => i.label === 'needs')!.detail ?? '', /敏感个人信息/);
      assert.match(keys.find((i) => i.label === 'stance')!.documentation ?? '', /立场/);
      const tiers = complete(doc(['kind: account', 'tier: |']), zh);
      assert.match(tiers[0].documentation ?? '', /^战略客户/);
      const channels = complete(doc(['kind: interaction-log', 'account: acme'], '\n- 2026-11-02 |\n'), zh);
      assert.match(channels.find((i) => i.label === 'visit')!.documentation ?? '', /拜访/);
      const dates = complete(doc(['kind: account', 'review:', '  next: |']), zh);
      assert.equal(dates[0].detail, '今天');
    });

    it('keyplan.yaml `locale: zh-cn` is used when the caller gives no locale', () => {
      const zh = modelOf({ ...FILES, 'keyplan.yaml': 'locale: zh-cn\n' });
      assert.equal(complete(doc(['kind: person', '|']), zh).find((i) => i.label === 'name')!.detail, '姓名（必填）');
    });

    it('a custom channel from keyplan.yaml `channels:` appears in logs and channel fields; a removed one does not', () => {
      const custom = modelOf({ ...FILES, 'keyplan.yaml': 'channels: [visit, wechat, feishu]\nroles: [Gatekeeper]\n' });
      const inLog = complete(doc(['kind: interaction-log', 'account: acme'], '\n- 2026-11-02 fe|\n'), custom);
      assert.deepEqual(labels(inLog), ['visit', 'wechat', 'feishu', '拜访', '微信']);
      assert.match(inLog.find((i) => i.label === 'feishu')!.documentation ?? '', /keyplan\.yaml/);
      assert.deepEqual(labels(complete(doc(['kind: person', 'channels: [|]']), custom)), ['visit', 'wechat', 'feishu', '拜访', '微信']);
      assert.deepEqual(labels(complete(doc(['kind: relationship-plan', 'contacts:', '  - person: x', '    channels:', '      - |']), custom)), ['visit', 'wechat', 'feishu', '拜访', '微信']);
      assert.ok(labels(complete(doc(['kind: person', 'roles: [|]']), custom)).includes('Gatekeeper'));
    });
  });

  describe('on the samples', () => {
    let samples: LanguageModel;
    let texts: Files;
    before(async () => {
      texts = await sampleTexts();
      samples = languageModel(checkWorkspace(sources(texts), { asOf: AS_OF }));
    });

    it('reports_to in zhang-wei.md offers his six colleagues at east-china-telecom, not himself', () => {
      const path = 'accounts/east-china-telecom/people/zhang-wei.md';
      const text = texts[path];
      const offset = text.indexOf('reports_to: ') + 'reports_to: '.length;
      const items = completionsAt(text, offset, samples);
      assert.deepEqual(labels(items).sort(), ['chen-jing', 'li-ming', 'sun-jianguo', 'wang-fang', 'zhao-min', 'zhou-yang']);
      assert.deepEqual({ start: items[0].start, end: items[0].end }, { start: offset, end: offset + 'sun-jianguo'.length }, 'replaces the whole current value');
    });

    it('@ in the qinghe-medical log offers its two people', () => {
      const text = texts['accounts/qinghe-medical/interactions-2026.md'] + '- 2026-11-20 visit @';
      assert.deepEqual(labels(completionsAt(text, text.length, samples)).sort(), ['lin-guohua', 'xie-wen']);
    });
  });
});

describe('language: completion speaks Chinese (issue #18)', () => {
  const model = modelOf(FILES);
  const zh = modelOf(FILES, { locale: 'zh-cn' });

  it('influence: offers 1–5 with what each means, not words from the file', () => {
    const items = complete(doc(['kind: person', 'id: x', 'account: acme', 'name: X', 'influence: |']), model);
    assert.deepEqual(labels(items), ['1', '2', '3', '4', '5']);
    assert.equal(items[2].detail, 'is heard in the decision');
    assert.equal(items[4].detail, 'decisive');
    const inZh = complete(doc(['kind: person', 'id: x', 'account: acme', 'name: X', 'influence: |']), zh);
    assert.equal(inZh[2].detail, '有发言权');
  });

  it('a person reference found by a Chinese name: typing 张 finds 张伟, filtered on the name', () => {
    const items = complete(doc(['kind: person', 'id: x', 'account: acme', 'name: X', 'reports_to: 张|']), model);
    assert.deepEqual(labels(items), ['zhang-wei']);
    assert.equal(items[0].insertText, 'zhang-wei');
    assert.match(items[0].filterText ?? '', /^张伟/);
    // Typing an id filters on the id, as before.
    const byId = complete(doc(['kind: person', 'id: x', 'account: acme', 'name: X', 'reports_to: zh|']), model);
    assert.ok(labels(byId).includes('zhang-wei'));
    assert.match(byId.find((i) => i.label === 'zhang-wei')!.filterText ?? '', /^zhang-wei/);
  });

  it('an @mention found by a Chinese name', () => {
    const log = ['---', 'kind: interaction-log', 'account: acme', '---', '', '- 2026-11-02 visit @王|'].join('\n');
    const items = complete(log, model);
    assert.deepEqual(labels(items), ['wang-fang']);
  });
});
