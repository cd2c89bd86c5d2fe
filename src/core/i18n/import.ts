/**
 * Why a calendar cannot be imported, in English and Simplified Chinese: the errors of reading an
 * .ics file and of the import settings, and why one event is left out. Shared by `keyplan import`
 * and the editor's Import Calendar. A detail quoted from ical.js stays as ical.js wrote it.
 */
import { localize, type Locale, type Message, type Params } from './locale.js';

export const IMPORT_MESSAGES = {
  'too-large': { en: (p) => `the file is larger than ${p.mb} MB`, zh: (p) => `文件大于 ${p.mb} MB` },
  invalid: { en: (p) => `not a valid iCalendar file: ${p.detail}`, zh: (p) => `不是有效的 iCalendar 文件：${p.detail}` },
  'not-calendar': { en: () => 'not an iCalendar file: no BEGIN:VCALENDAR … END:VCALENDAR', zh: () => '不是 iCalendar 文件：没有 BEGIN:VCALENDAR … END:VCALENDAR' },
  'not-utf8': { en: () => 'not UTF-8 text', zh: () => '不是 UTF-8 文本' },
  'event-unreadable': { en: (p) => `cannot be read: ${p.detail}`, zh: (p) => `无法读取：${p.detail}` },
  'event-no-start': { en: () => 'has no DTSTART', zh: () => '没有 DTSTART（开始时间）' },
  'event-without-uid': { en: () => '(without UID)', zh: () => '（无 UID）' },
  'channel-not-configured': {
    en: (p) => `the channel '${p.channel}' for ${p.setting === 'online' ? 'online' : 'in-person'} meetings is not in this workspace's channels (${p.channels}); set import.${p.setting} in keyplan.yaml`,
    zh: (p) => `${p.setting === 'online' ? '线上' : '线下'}会议的渠道“${p.channel}”不在此工作区的渠道中（${p.channels}）；请在 keyplan.yaml 中设置 import.${p.setting}`,
  },
} satisfies Record<string, Message>;

export type ImportMessageId = keyof typeof IMPORT_MESSAGES;

/** An import message in a locale. */
export function importText(locale: Locale, id: ImportMessageId, params: Params = {}): string {
  return localize(IMPORT_MESSAGES[id], locale, params);
}

/** An error of the import whose message can be said in any locale (`message` is the English one). */
export class ImportProblem extends Error {
  constructor(readonly id: ImportMessageId, readonly params: Params = {}) {
    super(importText('en', id, params));
  }

  inLocale(locale: Locale): string {
    return importText(locale, this.id, this.params);
  }
}
