/**
 * The samples' two-commit history used by the README's pull-request example and the golden
 * outputs: samples/ on main (week 46) and the team's week-47 update on a branch.
 */
import assert from 'node:assert/strict';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { SAMPLES } from '../../helpers.js';
import { TempRepo } from './git-repo.js';

/** The week-47 update a KAM team might push: a stance move, a new EB, logged interactions, fixes. */
function weekOfChanges(repo: TempRepo): void {
  const edit = (file: string, ...pairs: [string, string][]) => {
    const full = path.join(repo.dir, file);
    let text = readFileSync(full, 'utf8');
    for (const [from, to] of pairs) {
      assert.ok(text.includes(from), `${file} no longer contains ${JSON.stringify(from)}`);
      text = text.replace(from, to);
    }
    writeFileSync(full, text);
  };
  const append = (file: string, lines: string[]) => writeFileSync(path.join(repo.dir, file), readFileSync(path.join(repo.dir, file), 'utf8') + lines.join('\n') + '\n');
  const ect = 'accounts/east-china-telecom/';
  const yh = 'accounts/yuanhang-auto/';
  const qh = 'accounts/qinghe-medical/';
  edit(`${ect}people/wang-fang.md`, ['stance: neutral', 'stance: supporter']);
  edit(`${ect}people/zhao-min.md`, ['stance: suportive', 'stance: supporter']);
  edit(`${ect}interactions-2026.md`, ['- 2026-10-21 call @li-ming 确认', '- 2026-10-21 call @li-ming: 确认']);
  append(`${ect}interactions-2026.md`, [
    '- 2026-11-18 meeting @zhang-wei @li-ming: 技术标预审，张总确认评分细则无异议。Next: 11-25 前提交修订报价',
    '- 2026-11-19 wechat @wang-fang: 王芳确认收到修订报价，商务标评审安排在 12 月第一周。',
  ]);
  edit(`${yh}people/gao-feng.md`,
    ['influence: 5\nstance: unknown\ncoverage: none', 'roles: [EB]\ninfluence: 5\nstance: neutral\ncoverage: brief'],
    ['Buying role not confirmed yet — very likely the new economic buyer. Nobody from our side has met him.', 'Confirmed on 2026-11-16: he signs the MES budget (EB). First met through 赵磊.']);
  // The decision chain: 唐丽's sway over 高峰 is strong; 何平 reports to 高峰 (liu-qiang was never written).
  edit(`${yh}people/tang-li.md`, ['influences: [gao-feng]', 'influences: [{person: gao-feng, strength: strong}]']);
  edit(`${yh}people/he-ping.md`, ['reports_to: liu-qiang', 'reports_to: gao-feng']);
  append(`${yh}interactions-2026.md`, [
    '- 2026-11-16 visit @gao-feng @zhao-lei: 赵磊引荐首次拜访高总，介绍试点成果；高总关注与原单位 MES 的对比。Next: 12 月安排参观试点产线',
    '- 2026-11-19 meeting @tang-li: 与唐总确认电池包产线试点范围（补上 11-12 未成行的拜访）。',
  ]);
  edit(`${yh}relationship-plan-2026.md`,
    ['  - person: ma-jun\n    layer: key\n    stage: advocacy\n    target_stage: advocacy\n    target_stance: champion\n    channels: [visit, dinner]\n    content: 项目发起人；季度高层拜访\n    owner: chen-hao\n', ''],
    ['    stage: awareness\n    target_stance: supporter\n    target_influence: 5\n    channels: [visit]\n    content: 通过赵磊引荐首次拜访，了解其对 MES 的判断\n    owner: chen-hao\n    next: 2026-11-27',
      '    stage: awareness\n    target_stage: recognition\n    target_stance: supporter\n    target_influence: 5\n    cadence: { ideal: 30, max: 45 }\n    channels: [visit, executive-exchange]\n    content: 参观试点产线；安排双方 CEO 会晤\n    owner: chen-hao\n    next: 2026-12-10']);
  edit(`${qh}people/lin-guohua.md`, ['stance: neutral', 'stance: skeptic'], ['needs: 控制成本，信息化投入要看得见回报', 'needs: 控制成本；要求先免费试用三个月']);
  edit(`${qh}account.md`, ['  status: draft', '  status: submitted'], ['  next: 2026-10-31', '  next: 2026-12-15'], ['    status: not-started', '    status: dropped']);
}

/** samples/ committed on main, the week's update on a branch. */
export function exampleRepository(): TempRepo {
  const repo = new TempRepo();
  cpSync(SAMPLES, repo.dir, { recursive: true, filter: (src) => !/[\\/]\.(github|githooks)(?:[\\/]|$)/.test(src) });
  repo.commit('Account plans, week 46');
  repo.git('checkout', '-q', '-b', 'plan-update-w47');
  weekOfChanges(repo);
  repo.commit('Week 47: new EB at 远航汽车, interactions logged, fixes');
  return repo;
}


/**
 * Four months of 华东电信's plan, for the README's `keyplan history` example: the samples as they
 * stood in August (张伟 and 孙建国 still neutral), then the commits that moved them, each with its
 * own date, author and message; the last commit is samples/ as it is.
 */
export function historyExampleRepository(): TempRepo {
  const repo = new TempRepo();
  cpSync(SAMPLES, repo.dir, { recursive: true, filter: (src) => !/[\\/]\.(github|githooks)(?:[\\/]|$)/.test(src) });
  const people = 'accounts/east-china-telecom/people/';
  const edit = (file: string, from: string, to: string) => {
    const full = path.join(repo.dir, people, file);
    const text = readFileSync(full, 'utf8');
    assert.ok(text.includes(from), `${file} no longer contains ${JSON.stringify(from)}`);
    writeFileSync(full, text.replace(from, to));
  };
  const commit = (date: string, author: string, message: string) => {
    const env = { GIT_AUTHOR_DATE: `${date}T18:00:00+08:00`, GIT_COMMITTER_DATE: `${date}T18:00:00+08:00`, GIT_AUTHOR_NAME: author, GIT_COMMITTER_NAME: author };
    repo.git('add', '-A');
    repo.gitWith(env, 'commit', '-q', '-m', message);
  };
  edit('zhang-wei.md', 'stance: champion', 'stance: neutral');
  edit('zhang-wei.md', 'coverage: in-depth', 'coverage: multiple');
  edit('sun-jianguo.md', 'stance: supporter', 'stance: neutral');
  edit('sun-jianguo.md', 'coverage: multiple', 'coverage: brief');
  commit('2026-08-03', '李娜', '华东电信下半年客户计划');
  edit('zhang-wei.md', 'stance: neutral', 'stance: supporter');
  commit('2026-09-15', '李娜', 'QBR 后更新立场');
  edit('sun-jianguo.md', 'stance: neutral', 'stance: supporter');
  edit('sun-jianguo.md', 'coverage: brief', 'coverage: multiple');
  commit('2026-10-12', '陈浩', '孙总确认预算，转为支持');
  edit('zhang-wei.md', 'stance: supporter', 'stance: champion');
  edit('zhang-wei.md', 'coverage: multiple', 'coverage: in-depth');
  commit('2026-11-03', '李娜', '张伟牵头技术评审，成为坚定支持者');
  return repo;
}
