/**
 * Issue #17, channels in Chinese: the built-in Chinese names and the aliases a team configures in
 * keyplan.yaml count as their channel everywhere after parsing; an unknown channel's "did you mean"
 * considers aliases too; a bad alias degrades alone, with a finding.
 */
import assert from 'node:assert/strict';
import { checkWorkspace, type SourceFile } from '../../src/core/check/pipeline.js';
import { parseNext } from '../../src/core/parse/interaction-log.js';
import { md } from '../helpers.js';

const PIN = '2026-11-20';

function check(files: Record<string, string>) {
  const sources: SourceFile[] = Object.entries(files).map(([p, content]) => ({ path: p, content }));
  return checkWorkspace(sources, { asOf: PIN, locale: 'en' });
}

function workspace(config: string | undefined, entries: string[]): Record<string, string> {
  return {
    ...(config === undefined ? {} : { 'keyplan.yaml': config }),
    'accounts/acme/account.md': md(['kind: account', 'id: acme', 'name: Acme', 'tier: B', 'owner: li-na']),
    'accounts/acme/people/zhang-wei.md': md(['kind: person', 'id: zhang-wei', 'account: acme', 'name: 张伟']),
    'accounts/acme/interactions-2026.md': md(['kind: interaction-log', 'account: acme', 'year: 2026'], `\n${entries.map((e) => `- ${e}\n`).join('')}`),
  };
}

describe('channels in Chinese and configured aliases (#17)', () => {
  it('accepts every built-in Chinese channel name as its channel, and cadence sees the canonical channel', () => {
    const names: Record<string, string> = { 拜访: 'visit', 会议: 'meeting', 电话: 'call', 微信: 'wechat', 邮件: 'email', 活动: 'event', 高层互访: 'executive-exchange', 礼品: 'gift', 宴请: 'dinner' };
    for (const [zh, channel] of Object.entries(names)) {
      const r = check(workspace(undefined, [`2026-11-02 ${zh} @zhang-wei: 讨论`]));
      assert.deepEqual(r.diagnostics.filter((d) => d.rule === 'unknown-channel'), [], zh);
      assert.equal(r.workspace.accounts.get('acme')!.interactions[0].channel, channel, zh);
      assert.equal(r.cadences.find((c) => c.person.id === 'zhang-wei')!.last!.channel, channel, zh);
    }
  });

  it('accepts an alias configured in keyplan.yaml, and suggests an alias for a near miss', () => {
    const r = check(workspace('channel_aliases: {视频会议: meeting, 飞书: wechat}\n', ['2026-11-02 视频会议 @zhang-wei: 线上评审', '2026-11-03 飞书 @zhang-wei: 消息', '2026-11-04 视频会 @zhang-wei: typo']));
    assert.deepEqual(r.workspace.accounts.get('acme')!.interactions.map((i) => i.channel), ['视频会', 'wechat', 'meeting']);
    const unknown = r.diagnostics.filter((d) => d.rule === 'unknown-channel');
    assert.equal(unknown.length, 1);
    assert.equal(unknown[0].data?.suggestion, '视频会议');
    assert.match(unknown[0].message, /Did you mean `视频会议`\?/);
    assert.deepEqual(r.diagnostics.filter((d) => d.file === 'keyplan.yaml'), []);
  });

  it("a person's and a plan contact's `channels:` accept aliases as channels; a near miss is a finding with a did-you-mean", () => {
    const files = workspace('channel_aliases: {视频会议: meeting}\n', ['2026-11-02 拜访 @zhang-wei: ok']);
    files['accounts/acme/people/zhang-wei.md'] = md(['kind: person', 'id: zhang-wei', 'account: acme', 'name: 张伟', 'channels: [拜访, 视频会议, call]']);
    files['accounts/acme/relationship-plan-2026.md'] = md(['kind: relationship-plan', 'account: acme', 'period: {start: 2026-01-01, end: 2026-12-31}', 'contacts:', '  - {person: zhang-wei, layer: key, channels: [微信, 视频会议]}']);
    assert.deepEqual(check(files).diagnostics.filter((d) => d.file.includes('zhang-wei') || d.file.includes('relationship-plan')).filter((d) => d.severity === 'error' || d.rule === 'schema'), []);
    files['accounts/acme/people/zhang-wei.md'] = md(['kind: person', 'id: zhang-wei', 'account: acme', 'name: 张伟', 'channels: [视频会]']);
    const near = check(files).diagnostics.filter((d) => d.file === 'accounts/acme/people/zhang-wei.md' && d.rule === 'schema');
    assert.equal(near.length, 1, JSON.stringify(near));
    assert.match(near[0].message, /视频会议/);
  });

  it('an alias of a channel that is not configured falls back alone, with a finding that names the fallback', () => {
    const r = check(workspace('channels: [visit, call, other]\nchannel_aliases: {走访: visit, 视频会议: meeting, call: visit}\n', ['2026-11-02 走访 @zhang-wei: ok', '2026-11-03 视频会议 @zhang-wei: no', '2026-11-04 微信 @zhang-wei: wechat is not configured']));
    const config = r.diagnostics.filter((d) => d.file === 'keyplan.yaml');
    assert.equal(config.length, 2, JSON.stringify(config));
    assert.match(config.find((d) => d.message.includes('视频会议'))!.message, /not a configured channel.*This entry is ignored/);
    assert.match(config.find((d) => d.message.includes('`call`'))!.message, /is a channel itself/);
    const unknown = r.diagnostics.filter((d) => d.rule === 'unknown-channel').map((d) => d.data?.value);
    assert.deepEqual(unknown.sort(), ['微信', '视频会议'].sort());
    assert.equal(r.workspace.accounts.get('acme')!.interactions.at(-1)!.channel, 'visit');
  });

  it('an alias that is not a single token is a schema finding on that value only', () => {
    const r = check(workspace('channel_aliases: {"视频 会议": meeting, 飞书: wechat}\ndark_after: 30\n', ['2026-11-02 飞书 @zhang-wei: ok']));
    assert.equal(r.config.darkAfter, 30);
    assert.equal(r.config.channelAliases.get('飞书'), 'wechat');
    assert.equal(r.config.channelAliases.has('视频 会议'), false);
    assert.equal(r.diagnostics.filter((d) => d.file === 'keyplan.yaml').length, 1);
  });
});

describe('follow-ups written in an entry (#17)', () => {
  it('reads `Next: …` and `Next (YYYY-MM-DD): …`, in English or Chinese punctuation', () => {
    assert.deepEqual(parseNext('Reviewed TCO. Next: revised quote'), { text: 'revised quote' });
    assert.deepEqual(parseNext('Reviewed TCO. Next (2026-12-05): revised quote'), { text: 'revised quote', due: '2026-12-05' });
    assert.deepEqual(parseNext('提交报价。下一步（2026-12-05）：等待答复'), { text: '等待答复', due: '2026-12-05' });
    assert.deepEqual(parseNext('next: call back'), { text: 'call back' });
    assert.deepEqual(parseNext('Next (12-05): x'), { text: 'x', badDue: '12-05' });
    assert.equal(parseNext('The next meeting is on Friday'), undefined);
    assert.equal(parseNext('Context: nothing next'), undefined);
    assert.equal(parseNext('Next:'), undefined);
  });

  it('a due date that is not a date is reported, and the entry still counts', () => {
    const r = check(workspace(undefined, ['2026-11-02 visit @zhang-wei: quote. Next (2026-11-31): answer']));
    const bad = r.diagnostics.filter((d) => d.rule === 'log-entry-malformed');
    assert.equal(bad.length, 1);
    assert.match(bad[0].message, /`2026-11-31` is not a date/);
    assert.equal(r.workspace.accounts.get('acme')!.interactions.length, 1);
  });
});
