#!/usr/bin/env node
// Writes a synthetic Keyplan workspace of about N documents, deterministic from a seed:
// accounts of tiers A/B/C with 5–20 people (Chinese and English names), org portraits,
// relationship plans, interaction logs with 20–200 entries, and ~1 % deliberately broken
// documents of each error kind. Usage: node scripts/gen-workspace.mjs <dir> <documents> [seed]
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const BROKEN_KINDS = ['enum-typo', 'unknown-field', 'broken-reference', 'malformed-entry', 'yaml-syntax', 'missing-field'];

/** Mulberry32: small, fast, good enough for test data. */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SURNAMES = [['zhang', '张'], ['wang', '王'], ['li', '李'], ['zhao', '赵'], ['chen', '陈'], ['liu', '刘'], ['yang', '杨'], ['huang', '黄'], ['zhou', '周'], ['wu', '吴'], ['xu', '徐'], ['sun', '孙'], ['ma', '马'], ['hu', '胡'], ['guo', '郭'], ['lin', '林']];
const GIVEN = [['wei', '伟'], ['fang', '芳'], ['min', '敏'], ['jing', '静'], ['qiang', '强'], ['lei', '磊'], ['jun', '军'], ['yang', '洋'], ['yong', '勇'], ['yan', '艳'], ['jie', '杰'], ['tao', '涛'], ['ming', '明'], ['chao', '超'], ['xia', '霞'], ['ping', '平']];
const ENGLISH = ['anna', 'brian', 'chloe', 'david', 'emma', 'frank', 'grace', 'henry', 'irene', 'jack'];
const TITLES = ['首席技术官 CTO', '采购总监 Procurement Director', '信息中心主任', 'CIO 首席信息官', '财务总监 CFO', '运维经理', '生产总监', '副总经理', 'IT 架构师', '项目经理 Project Manager'];
const INDUSTRIES = ['电信运营商', '汽车制造', '民营医院集团', '城市商业银行', '物流', '能源', '零售连锁', '高校'];
const STANCES = ['champion', 'supporter', 'neutral', 'skeptic', 'opponent', 'unknown'];
const COVERAGE = ['unknown', 'none', 'brief', 'multiple', 'in-depth'];
const CHANNELS = ['visit', 'meeting', 'call', 'wechat', 'email', 'event', 'executive-exchange', 'dinner'];
const STAGES = ['awareness', 'recognition', 'purchase', 'advocacy'];

const pick = (r, list) => list[Math.floor(r() * list.length)];
const pad = (n) => String(n).padStart(2, '0');
const dateIn2026 = (r) => `2026-${pad(1 + Math.floor(r() * 10))}-${pad(1 + Math.floor(r() * 28))}`;

export function generate(dir, target, seed = 1) {
  const r = rng(seed);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'keyplan.yaml'), 'locale: en\ndark_after: 60\n');
  let count = 0;
  let broken = 0;
  const brokenKinds = {};
  const write = (rel, text) => {
    const file = path.join(dir, rel);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
    count++;
  };
  // About 1 % of documents carry one deliberate problem, cycling through the kinds.
  const maybeBreak = () => {
    if (r() >= 0.01) return undefined;
    const kind = BROKEN_KINDS[broken++ % BROKEN_KINDS.length];
    brokenKinds[kind] = (brokenKinds[kind] ?? 0) + 1;
    return kind;
  };
  for (let a = 0; count < target; a++) {
    const id = `account-${a}`;
    const tier = r() < 0.2 ? 'A' : r() < 0.6 ? 'B' : 'C';
    const base = `accounts/${id}`;
    const peopleCount = 5 + Math.floor(r() * 16);
    const people = [];
    for (let p = 0; p < peopleCount; p++) {
      const english = r() < 0.15;
      const [sp, sz] = pick(r, SURNAMES);
      const [gp, gz] = pick(r, GIVEN);
      const pid = english ? `${pick(r, ENGLISH)}-${a}-${p}` : `${sp}-${gp}-${a}-${p}`;
      people.push({ id: pid, name: english ? pid.split('-')[0].replace(/^./, (c) => c.toUpperCase()) + ' ' + sz : sz + gz });
    }
    const owner = `kam-${a % 97}`;
    write(`${base}/account.md`, [
      '---', 'kind: account', `id: ${id}`, `name: 客户${a} Customer ${a}`, `tier: ${tier}`, `owner: ${owner}`, `industry: ${pick(r, INDUSTRIES)}`,
      'lifecycle: stability', 'relationship_level: partnership', 'value: { financial: 4, strategic: 3, structural: 3, current: 60, potential: 80 }',
      'period: { start: 2026-01-01, end: 2026-12-31 }', 'review:', '  status: approved', '  next: 2027-01-15',
      `health: { nps: ${Math.floor(r() * 120) - 30}, csat: ${60 + Math.floor(r() * 40)}, revenue: ${Math.floor(r() * 1e7)}, currency: CNY, churn_risk: low }`,
      'objectives:', `  - id: obj-${a}-1`, '    title: 扩大合作 expand footprint', '    due: 2026-12-15', '    status: on-track', '---', '', '## Summary', '', 'Generated account.', '',
    ].join('\n'));
    write(`${base}/org-portrait.md`, ['---', 'kind: org-portrait', `account: ${id}`, 'procurement:', '  process: [需求, 招标, 评标, 签约]', '  budget_cycle: annual', `  approval_threshold: { amount: 1000000, currency: CNY, approver: ${people[0].id} }`, 'pain_points: [成本, 稳定性]', 'goals: [数字化转型]', '---', '', '组织画像。', ''].join('\n'));
    for (let p = 0; p < people.length && count < target; p++) {
      const person = people[p];
      const fault = maybeBreak();
      const lines = ['---', 'kind: person', `id: ${person.id}`, `account: ${id}`, `name: ${person.name}`, `title: ${pick(r, TITLES)}`];
      if (p > 0) lines.push(fault === 'broken-reference' ? `reports_to: nobody-${a}-${p}` : `reports_to: ${people[Math.floor(r() * p)].id}`);
      lines.push(`roles: [${p === 0 ? 'EB' : p === 1 ? 'Coach' : r() < 0.3 ? 'TB' : r() < 0.3 ? 'UB' : ''}]`.replace('[]', '[]'));
      lines.push(`${fault === 'unknown-field' ? 'influense' : 'influence'}: ${1 + Math.floor(r() * 5)}`);
      lines.push(`stance: ${fault === 'enum-typo' ? 'suportive' : pick(r, STANCES)}`);
      lines.push(`coverage: ${pick(r, COVERAGE)}`);
      if (fault === 'yaml-syntax') lines.push('needs: [unclosed');
      if (fault === 'missing-field') lines.splice(lines.indexOf(`name: ${person.name}`), 1);
      lines.push('needs: 稳定交付', '---', '', '个人画像笔记。', '');
      write(`${base}/people/${person.id}.md`, lines.join('\n'));
    }
    if (count >= target) break;
    const contacts = people.slice(0, Math.min(people.length, 8)).flatMap((p) => [
      `  - person: ${p.id}`, '    layer: key', `    stage: ${pick(r, STAGES.slice(0, 3))}`, '    target_stage: advocacy', '    target_stance: champion', `    next: ${dateIn2026(r)}`, `    owner: ${owner}`,
    ]);
    write(`${base}/relationship-plan-2026.md`, ['---', 'kind: relationship-plan', `account: ${id}`, 'period: { start: 2026-01-01, end: 2026-12-31 }', 'budget: { amount: 200000, currency: CNY, expected_return: renewal }', 'contacts:', ...contacts, '---', '', '关系策略。', ''].join('\n'));
    if (count >= target) break;
    const entries = 20 + Math.floor(r() * 181);
    const fault = maybeBreak();
    const body = [];
    for (let e = 0; e < entries; e++) {
      const who = [pick(r, people).id, ...(r() < 0.3 ? [pick(r, people).id] : [])];
      body.push(`- ${dateIn2026(r)} ${pick(r, CHANNELS)} ${[...new Set(who)].map((w) => `@${w}`).join(' ')}: 沟通项目进展 discussed progress`);
    }
    if (fault === 'malformed-entry') body.push('- 2026-13-05 call @nobody 没有冒号');
    write(`${base}/interactions-2026.md`, ['---', 'kind: interaction-log', `account: ${id}`, 'year: 2026', '---', '', '# 2026', '', ...body, ''].join('\n'));
  }
  return { documents: count, broken, brokenKinds };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [dir, n, seed] = process.argv.slice(2);
  if (!dir || !n) {
    console.error('usage: node scripts/gen-workspace.mjs <dir> <documents> [seed]');
    process.exit(2);
  }
  console.log(JSON.stringify(generate(dir, Number(n), Number(seed ?? 1))));
}
