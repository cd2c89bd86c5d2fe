/**
 * The words of `keyplan diff`, in English and Chinese: vocabulary values, field names and the
 * sentences that describe each change. Text and Markdown output share them; `esc` is applied to
 * every piece of plan text (names, titles, summaries) so the Markdown output can escape it.
 */
import type { Direction, FieldChange, PersonDiff, Value } from '../../../core/diff/diff.js';
import type { Headline } from '../../../core/diff/headlines.js';
import type { Locale } from '../../../core/i18n/catalogue.js';
import { EN_QUADRANT, FIELD_NAMES, TEXT_FIELDS, VOCABULARY_FIELDS, ZH_VALUES } from './vocabulary.js';

type Esc = (s: string) => string;

export function arrow(direction: Direction | undefined): string {
  return direction === 'improved' ? ' ▲' : direction === 'worsened' ? ' ▼' : '';
}

export function shorten(text: string, max = 120): string {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
}

export class DiffWords {
  readonly zh: boolean;

  constructor(readonly locale: Locale, readonly esc: Esc, readonly strong: (s: string) => string = (s) => s) {
    this.zh = locale === 'zh-cn';
  }

  private pick(en: string, zh: string): string {
    return this.zh ? zh : en;
  }

  /** A vocabulary value in the reader's language (English keeps the value itself). */
  word(v: Value | undefined): string {
    if (v === undefined || v === null || v === '') return this.pick('(none)', '（无）');
    if (Array.isArray(v)) return v.length ? v.map((x) => this.word(x)).join(this.zh ? '、' : ', ') : this.pick('(none)', '（无）');
    const s = String(v);
    if (this.zh) return ZH_VALUES[s] ?? this.esc(s);
    return EN_QUADRANT[s] ?? this.esc(s);
  }

  quadrant(q: string): string {
    return this.zh ? ZH_VALUES[q] ?? q : EN_QUADRANT[q] ?? q;
  }

  fieldName(field: string): string {
    const names = FIELD_NAMES[field];
    return names ? this.pick(names[0], names[1]) : field;
  }

  /** One side of a field change: vocabulary translated, plan text escaped and shortened, ids as they are. */
  side(change: FieldChange, which: 'from' | 'to'): string {
    const v = change[which];
    if (TEXT_FIELDS.has(change.field) && typeof v === 'string') return this.esc(shorten(v, 60));
    if (VOCABULARY_FIELDS.has(change.field) || v === undefined || v === null || v === '') return this.word(v);
    return Array.isArray(v) ? v.map((x) => this.esc(x)).join(this.zh ? '、' : ', ') : this.esc(String(v));
  }

  /** `from → to` for a field, with an arrow when it got better or worse. */
  fromTo(change: FieldChange): string {
    return `${this.side(change, 'from')} → ${this.side(change, 'to')}${arrow(change.direction)}`;
  }

  field(change: FieldChange): string {
    if (change.field === 'next' && change.to !== undefined) return this.pick(`next interaction planned ${change.to}`, `计划下次互动 ${change.to}`);
    if (change.field === 'content') return this.pick('content changed', '互动内容已修改');
    return `${this.fieldName(change.field)} ${this.fromTo(change)}`;
  }

  list(items: string[]): string {
    return items.join(this.zh ? '、' : ', ');
  }

  names(names: string[] | undefined, max = 6): string {
    const list = (names ?? []).map((n) => this.esc(n));
    const shown = list.slice(0, max);
    const more = list.length - shown.length;
    return this.list(shown) + (more > 0 ? this.pick(` and ${more} more`, ` 等 ${list.length} 人`) : '');
  }

  count(n: number, en: string, enPlural: string, zh: string): string {
    return this.zh ? `${n} ${zh}` : `${n} ${n === 1 ? en : enPlural}`;
  }

  /** Everything that changed about one person, as short clauses. */
  personClauses(p: PersonDiff): string[] {
    const out: string[] = [];
    const s = p.snapshot;
    if (p.change === 'added') {
      out.push(this.strong(this.pick('new', '新增')));
      if (s.roles.length) out.push(s.roles.map((r) => this.esc(r)).join('/'));
      out.push(this.pick(`influence ${s.influence ?? '?'}`, `影响力 ${s.influence ?? '?'}`));
      out.push(this.pick(`stance ${this.word(s.stance)}`, `立场 ${this.word(s.stance)}`));
      out.push(this.pick(`coverage ${this.word(s.coverage)}`, `覆盖 ${this.word(s.coverage)}`));
      if (s.quadrant !== 'unplaced') out.push(this.quadrant(s.quadrant));
      return out;
    }
    if (p.change === 'removed') {
      out.push(this.strong(this.pick('removed', '已删除')));
      if (s.roles.length) out.push(this.pick(`was ${s.roles.join('/')}`, `原为 ${s.roles.join('/')}`));
      return out;
    }
    if (p.renamed) out.push(this.pick(`renamed ${this.esc(p.renamed.from)} → ${this.esc(p.renamed.to)}`, `改名 ${this.esc(p.renamed.from)} → ${this.esc(p.renamed.to)}`));
    if (p.movedFrom) out.push(this.pick(`moved from account ${this.esc(p.movedFrom)}`, `从客户 ${this.esc(p.movedFrom)} 调入`));
    if (p.left) out.push(this.strong(this.pick('left the company', '已离职')));
    if (p.returned) out.push(this.pick('active again', '重新在职'));
    if (p.stance) {
      const steps = p.stance.steps && p.stance.steps > 1 ? this.pick(` (${p.stance.steps} steps)`, `（${p.stance.steps} 级）`) : '';
      out.push(`${this.pick('stance', '立场')} ${this.word(p.stance.from)} → ${this.word(p.stance.to)}${arrow(p.stance.direction)}${steps}`);
    }
    if (p.influence) out.push(`${this.pick('influence', '影响力')} ${p.influence.from ?? '?'} → ${p.influence.to ?? '?'}`);
    if (p.coverage) out.push(`${this.pick('coverage', '覆盖')} ${this.word(p.coverage.from)} → ${this.word(p.coverage.to)}${arrow(p.coverage.direction)}`);
    if (p.roles) out.push(`${this.pick('roles', '角色')} ${[...p.roles.added.map((r) => `+${this.esc(r)}`), ...p.roles.removed.map((r) => `−${this.esc(r)}`)].join(' ')}`);
    if (p.quadrant) out.push(`${this.quadrant(p.quadrant.from)} → ${this.quadrant(p.quadrant.to)}`);
    for (const f of p.fields) out.push(this.field(f));
    if (p.personalNotesChanged) out.push(this.pick('personal notes changed', '个人备注已修改'));
    return out;
  }

  /** `schema ×2, unknown-reference` */
  private rules(h: Headline): string {
    return this.list((h.rules ?? []).map((r) => `${r.rule}${r.count > 1 ? ` ×${r.count}` : ''}`));
  }

  /** One headline as a sentence. */
  headline(h: Headline): string {
    const acct = h.accountName ? this.esc(h.accountName) : '';
    const at = (s: string) => (acct ? `${acct}${this.zh ? '：' : ': '}${s}` : s);
    const names = this.names(h.names);
    const n = h.count ?? 0;
    switch (h.kind) {
      case 'account-added':
        return at(this.pick(`new account (${this.count(n, 'person', 'people', '人')})`, `新增客户（${n} 人）`));
      case 'account-removed':
        return at(this.pick(`account removed (${this.count(n, 'person', 'people', '人')})`, `客户已删除（${n} 人）`));
      case 'tier':
        return at(this.pick(`tier ${this.word(h.from)} → ${this.word(h.to)}`, `分级 ${h.from} → ${h.to}`));
      case 'stance': {
        if (h.from === 'unknown') return at(this.pick(`${names} assessed as ${this.word(h.to)}`, `${names} 立场评估为 ${this.word(h.to)}`));
        if (h.to === 'unknown') return at(this.pick(`${names}: stance no longer known (was ${this.word(h.from)})`, `${names} 立场变为未知（原为 ${this.word(h.from)}）`));
        const steps = h.steps && h.steps > 1 ? this.pick(` (${h.steps} steps)`, `（${h.steps} 级）`) : '';
        return at(this.pick(`${names} moved ${this.word(h.from)} → ${this.word(h.to)}${arrow(h.direction)}${steps}`, `${names} 立场 ${this.word(h.from)} → ${this.word(h.to)}${arrow(h.direction)}${steps}`));
      }
      case 'key-role-added':
        return at(this.pick(`new ${h.role}: ${names}`, `新增 ${h.role}：${names}`));
      case 'key-role-removed':
        return at(this.pick(`${names} is no longer ${h.role}`, `${names} 不再是 ${h.role}`));
      case 'person-left':
        return at(this.pick(`${names} left the company`, `${names} 已离职`));
      case 'person-added':
        return at(this.pick(`${this.count(n, 'person', 'people', '位联系人')} added: ${names}`, `新增 ${n} 位联系人：${names}`));
      case 'person-removed':
        return at(this.pick(`${this.count(n, 'person', 'people', '位联系人')} removed: ${names}`, `删除 ${n} 位联系人：${names}`));
      case 'findings-introduced': {
        const what = h.severity === 'error' ? this.pick(n === 1 ? 'new error' : 'new errors', '新增错误') : this.pick(n === 1 ? 'new warning' : 'new warnings', '新增警告');
        return at(`${what}${this.zh ? '：' : ': '}${this.rules(h)}`);
      }
      case 'findings-resolved':
        return at(`${this.pick('resolved', '已解决')}${this.zh ? '：' : ': '}${this.rules(h)}`);
      case 'became-overdue':
        return at(this.pick(`${this.count(n, 'contact', 'contacts', '位联系人')} became overdue: ${names}`, `${n} 位联系人变为逾期：${names}`));
      case 'planned-missed':
        return at(this.pick(`planned interaction missed: ${names}`, `错过计划互动：${names}`));
      case 'back-on-track':
        return at(this.pick(`back on track: ${names}`, `恢复正常节奏：${names}`));
      case 'health':
        return at(`${this.pick('health', '健康度')} ${this.word(h.fromBand ?? '')} ${h.from ?? '?'} → ${this.word(h.toBand ?? '')} ${h.to ?? '?'}${arrow(h.direction)}`);
      case 'review':
        return at(`${this.pick('review', '评审')} ${this.word(h.from)} → ${this.word(h.to)}${arrow(h.direction)}`);
      case 'owner':
        return at(`${this.pick('owner', '负责人')} ${this.word(h.from)} → ${this.word(h.to)}`);
      case 'objective-done':
        return at(`${this.pick('objective done', '目标已完成')}${this.zh ? '：' : ': '}${this.list((h.names ?? []).map((t) => this.esc(shorten(t, 60))))}`);
      case 'interactions':
        return at(this.pick(`${this.count(n, 'interaction', 'interactions', '')} logged (met ${names})`, `新增 ${n} 条互动记录（见了 ${names}）`));
      case 'config':
        return this.pick('keyplan.yaml changed: cadence defaults, rules or vocabularies may differ', 'keyplan.yaml 已修改：默认拜访频率、规则或词表可能不同');
    }
  }

  // Section titles and fixed phrases.
  get t() {
    const p = (en: string, zh: string) => this.pick(en, zh);
    return {
      title: p('Keyplan review', 'Keyplan 评审'),
      asOf: p('as of', '基准日'),
      workingTree: p('working tree', '工作区'),
      noChanges: p('No changes to the relationship picture.', '关系图景没有变化。'),
      highlights: p('Highlights', '要点'),
      account: p('Account', '客户'),
      before: p('Before', '之前'),
      after: p('After', '之后'),
      field: p('Field', '字段'),
      health: p('Health', '健康度'),
      people: p('People', '人员'),
      person: p('Person', '人员'),
      change: p('Change', '变化'),
      plan: p('Relationship plan', '关系规划'),
      contact: p('Contact', '联系人'),
      planAdded: p('plan added', '新增规划'),
      planRemoved: p('plan removed', '删除规划'),
      contactAdded: p('added to the plan', '加入规划'),
      contactRemoved: p('removed from the plan', '移出规划'),
      interactions: p('Interactions logged', '新增互动记录'),
      met: p('met', '见了'),
      edited: p('edited', '已修改'),
      removedEntries: p('removed', '已删除'),
      date: p('Date', '日期'),
      channel: p('Channel', '方式'),
      with: p('With', '参与人'),
      summary: p('Summary', '摘要'),
      cadence: p('Cadence', '互动节奏'),
      objectives: p('Objectives', '目标'),
      objective: p('Objective', '目标'),
      added: p('added', '新增'),
      removed: p('removed', '删除'),
      done: p('done', '已完成'),
      findings: p('Findings', '检查结果'),
      introduced: p('introduced', '新增'),
      resolved: p('resolved', '已解决'),
      severityChanged: p('severity changed', '级别变化'),
      rule: p('Rule', '规则'),
      severity: p('Severity', '级别'),
      where: p('Where', '位置'),
      message: p('Message', '说明'),
      files: p('Files', '文件'),
      renamed: p('renamed', '重命名'),
      modified: p('modified', '修改'),
      tier: p('tier', '分级'),
      owner: p('owner', '负责人'),
      more: p('more', '更多'),
      accountsChanged: p('accounts changed', '个客户有变化'),
      workspace: p('Workspace', '工作区'),
      newAccount: p('new account', '新增客户'),
      removedAccount: p('account removed', '客户已删除'),
      generated: p('Generated by keyplan diff', '由 keyplan diff 生成'),
      infoHidden: p('info not listed', '条提示未列出'),
    };
  }

  severity(s: string): string {
    return this.zh ? ({ error: '错误', warning: '警告', info: '提示' } as Record<string, string>)[s] ?? s : s;
  }

  totals(t: { accounts: number; people: { added: number; removed: number; changed: number }; interactions: number; findings: { introduced: number; resolved: number } }): string {
    if (this.zh) {
      return [`${t.accounts} 个客户有变化`, `人员：新增 ${t.people.added}、变化 ${t.people.changed}、删除 ${t.people.removed}`, `新增互动 ${t.interactions} 条`, `检查结果：新增 ${t.findings.introduced}、已解决 ${t.findings.resolved}`].join(' · ');
    }
    return [
      this.count(t.accounts, 'account changed', 'accounts changed', ''),
      `people: ${t.people.added} added, ${t.people.changed} changed, ${t.people.removed} removed`,
      this.count(t.interactions, 'interaction logged', 'interactions logged', ''),
      `findings: ${t.findings.introduced} introduced, ${t.findings.resolved} resolved`,
    ].join(' · ');
  }
}
