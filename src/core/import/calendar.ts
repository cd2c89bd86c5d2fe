/**
 * Reading an iCalendar file (.ics) into the meetings `keyplan import` may turn into log entries:
 * one occurrence per held meeting, dated in the event's own time zone, with its attendees'
 * addresses, whether it was online, and a key that stays the same when the file is read again.
 *
 * The file is parsed by ical.js (Mozilla's RFC 5545 parser, also used by Thunderbird); nothing
 * here reads iCalendar syntax by hand. Recurring events are expanded only up to the as-of date
 * and never beyond {@link MAX_OCCURRENCES} occurrences per event; cancelled events and cancelled
 * occurrences are skipped.
 */
import { ICAL } from './ical-runtime.js';
import { isValidDate } from '../dates.js';
import { ImportProblem, importText, type ImportMessageId } from '../i18n/import.js';
import type { Locale, Params } from '../i18n/locale.js';

/** One meeting that took place (or would have, at or before the as-of date). */
export interface CalendarOccurrence {
  /** Stable across re-imports: the event's UID, plus `#` and the occurrence's RECURRENCE-ID for a recurring event. */
  key: string;
  uid: string;
  /** YYYY-MM-DD in the event's own time zone (see {@link occurrenceDate}). */
  date: string;
  /** The SUMMARY as written (unescaped; one line is made of it when the entry is written). */
  subject: string;
  /** Lower-case addresses of the attendees and the organizer, `mailto:` removed, in file order, no duplicates. */
  addresses: string[];
  /** Has an online-meeting link (or no location at all). */
  online: boolean;
  location?: string;
}

export interface CalendarReading {
  occurrences: CalendarOccurrence[];
  /** Events (or occurrences) with STATUS:CANCELLED. */
  cancelled: number;
  /** Events after the as-of date, and for a recurring event its next occurrence after it. */
  future: number;
  /** Occurrences before `since`. */
  beforeSince: number;
  /** UIDs of recurring events whose expansion stopped at {@link MAX_OCCURRENCES}. */
  truncated: string[];
  /** Events without a UID (a key is made from their start and subject instead). */
  withoutUid: number;
  /** Events that cannot be read (no DTSTART, a date or rule ical.js rejects): left out, each named with why. */
  unreadable: UnreadableEvent[];
  /** The calendar's time zone (X-WR-TIMEZONE) used for times given in UTC, if any. */
  calendarZone?: string;
}

export interface ReadOptions {
  asOf: string;
  /** Skip occurrences before this date (YYYY-MM-DD). */
  since?: string;
  maxOccurrences?: number;
}

/** The most occurrences of one recurring event looked at (a daily meeting for almost three years). */
export const MAX_OCCURRENCES = 1000;
/** The largest .ics file read (a busy calendar exported for years is a few megabytes). */
export const MAX_CALENDAR_BYTES = 20 * 1024 * 1024;

/** An event left out of the import: its UID (when it has one) and why (`reason` in English, `problem` in any locale). */
export interface UnreadableEvent {
  uid?: string;
  reason: string;
  problem: { id: ImportMessageId; params: Params };
}

/** How an unreadable event is named and why it is left out, in a locale. */
export function unreadableEventText(event: UnreadableEvent, locale: Locale): { uid: string; reason: string } {
  return { uid: event.uid ?? importText(locale, 'event-without-uid'), reason: importText(locale, event.problem.id, event.problem.params) };
}

/** The file is not an iCalendar file ical.js can read; the message says why (in any locale: inLocale). */
export class CalendarError extends ImportProblem {}

/** One event cannot be read; the message says why (the event is left out, the file is read). */
class EventError extends ImportProblem {}

/**
 * Reads `text` (the whole .ics file). Throws CalendarError for a file that is not a calendar; an
 * event that cannot be read is left out and listed in `unreadable`, the others are read.
 */
export function readCalendar(text: string, options: ReadOptions): CalendarReading {
  if (!isValidDate(options.asOf)) throw new Error(`invalid as-of date ${options.asOf}`);
  if (text.length > MAX_CALENDAR_BYTES) throw new CalendarError('too-large', { mb: MAX_CALENDAR_BYTES / 1024 / 1024 });
  const root = parseComponent(text);
  const limit = options.maxOccurrences ?? MAX_OCCURRENCES;
  const reading: CalendarReading = { occurrences: [], cancelled: 0, future: 0, beforeSince: 0, truncated: [], withoutUid: 0, unreadable: [] };
  const calendarZone = validZone(stringValue(root.getFirstPropertyValue('x-wr-timezone')));
  if (calendarZone) reading.calendarZone = calendarZone;

  // ical.js keeps time zones in one registry for the whole process: the file's VTIMEZONEs are
  // registered while it is read, and the registry is reset afterwards.
  try {
    for (const tz of root.getAllSubcomponents('vtimezone')) {
      try {
        ICAL.TimezoneService.register(tz);
      } catch {
        // A VTIMEZONE ical.js cannot use: times in it keep their wall-clock value, which is what dates need.
      }
    }
    const events = root.getAllSubcomponents('vevent');
    // A recurring event and its exceptions (the same UID with a RECURRENCE-ID) belong together.
    const masters = new Map<string, ICAL.Component>();
    const exceptions = new Map<string, ICAL.Component[]>();
    for (const ve of events) {
      const uid = stringValue(ve.getFirstPropertyValue('uid'));
      if (uid && ve.hasProperty('recurrence-id')) {
        const list = exceptions.get(uid) ?? [];
        list.push(ve);
        exceptions.set(uid, list);
      } else if (uid && !masters.has(uid)) masters.set(uid, ve);
    }
    for (const ve of events) {
      const uid = stringValue(ve.getFirstPropertyValue('uid'));
      if (uid && ve.hasProperty('recurrence-id') && masters.has(uid)) continue; // read with its series
      if (uid && !ve.hasProperty('recurrence-id') && masters.get(uid) !== ve) continue; // a repeated UID: the first one counts
      // One unreadable event (ical.js reads values lazily: a DTSTART of `notadate`, an RRULE it
      // cannot read) costs that event only; what it added before failing is taken back.
      const before = { occurrences: reading.occurrences.length, truncated: reading.truncated.length, withoutUid: reading.withoutUid, cancelled: reading.cancelled, future: reading.future, beforeSince: reading.beforeSince };
      try {
        readEvent(ve, uid ? exceptions.get(uid) ?? [] : [], options, limit, reading);
      } catch (err) {
        reading.occurrences.length = before.occurrences;
        reading.truncated.length = before.truncated;
        Object.assign(reading, { withoutUid: before.withoutUid, cancelled: before.cancelled, future: before.future, beforeSince: before.beforeSince });
        const problem = err instanceof EventError ? err : new EventError('event-unreadable', { detail: (err as Error).message });
        reading.unreadable.push({ ...(uid ? { uid } : {}), reason: problem.message, problem: { id: problem.id, params: problem.params } });
      }
    }
  } finally {
    ICAL.TimezoneService.reset();
  }
  reading.occurrences.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return reading;
}

function parseComponent(text: string): ICAL.Component {
  let jcal: unknown;
  try {
    jcal = ICAL.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    throw new CalendarError('invalid', { detail: (err as Error).message });
  }
  // Several VCALENDARs in one file come back as a list; the first one that is a calendar is read.
  const list = Array.isArray(jcal) && typeof jcal[0] === 'string' ? [jcal] : Array.isArray(jcal) ? jcal : [];
  const calendar = list.find((c) => Array.isArray(c) && c[0] === 'vcalendar');
  if (!calendar) throw new CalendarError('not-calendar');
  return new ICAL.Component(calendar as unknown[]);
}

function readEvent(ve: ICAL.Component, exceptions: ICAL.Component[], options: ReadOptions, limit: number, reading: CalendarReading): void {
  let uid = stringValue(ve.getFirstPropertyValue('uid'));
  if (!uid) {
    reading.withoutUid++;
    uid = `nouid-${fnv1a(`${ve.getFirstPropertyValue('dtstart')?.toString() ?? ''}|${stringValue(ve.getFirstPropertyValue('summary')) ?? ''}`)}`;
  }
  let event: ICAL.Event;
  try {
    event = new ICAL.Event(ve, { exceptions, strictExceptions: false });
  } catch (err) {
    throw new EventError('event-unreadable', { detail: (err as Error).message });
  }
  if (!event.startDate) throw new EventError('event-no-start');
  const zone = reading.calendarZone;
  const recurrenceIdOf = (c: ICAL.Component) => c.getFirstPropertyValue('recurrence-id') as ICAL.Time | null;
  const own = recurrenceIdOf(ve);

  if (!event.isRecurring()) {
    if (isCancelled(ve)) {
      reading.cancelled++;
      return;
    }
    const key = own ? `${uid}#${timeKey(own)}` : uid;
    take(occurrenceOf(ve, event.startDate, key, uid, zone), options, reading);
    return;
  }
  if (isCancelled(ve)) {
    reading.cancelled++;
    return;
  }
  const iterator = event.iterator();
  let seen = 0;
  for (let next = iterator.next(); next; next = iterator.next()) {
    if (++seen > limit) {
      reading.truncated.push(uid);
      break;
    }
    // The series is read in order of its original times: the first one after the as-of date ends it.
    if (occurrenceDate(next, zone) > options.asOf) {
      reading.future++;
      break;
    }
    const details = event.getOccurrenceDetails(next);
    const item = details.item.component;
    if (isCancelled(item)) {
      reading.cancelled++;
      continue;
    }
    // Keyed by the original time (as the series writes it), so a moved occurrence keeps its key.
    take(occurrenceOf(item, details.startDate, `${uid}#${timeKey(next)}`, uid, zone), options, reading);
  }
}

function take(o: CalendarOccurrence, options: ReadOptions, reading: CalendarReading): void {
  if (o.date > options.asOf) reading.future++;
  else if (options.since && o.date < options.since) reading.beforeSince++;
  else reading.occurrences.push(o);
}

function occurrenceOf(item: ICAL.Component, start: ICAL.Time, key: string, uid: string, zone: string | undefined): CalendarOccurrence {
  const addresses: string[] = [];
  for (const p of [...item.getAllProperties('attendee'), ...item.getAllProperties('organizer')]) {
    const address = addressOf(stringValue(p.getFirstValue()));
    if (address && !addresses.includes(address)) addresses.push(address);
  }
  const location = stringValue(item.getFirstPropertyValue('location'))?.trim() || undefined;
  return {
    key,
    uid,
    date: occurrenceDate(start, zone),
    subject: stringValue(item.getFirstPropertyValue('summary')) ?? '',
    addresses,
    online: isOnline(item, location),
    ...(location ? { location } : {}),
  };
}

/** `mailto:Zhang.Wei@ECT.cn` → `zhang.wei@ect.cn`; undefined for a value that is no address. */
export function addressOf(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const address = value.trim().replace(/^mailto:/i, '').trim().toLowerCase();
  return /^[^\s@<>]+@[^\s@<>]+$/.test(address) ? address : undefined;
}

const ONLINE_PROPERTIES = ['conference', 'x-google-conference', 'x-microsoft-onlinemeetingconflink', 'x-microsoft-skypeteamsmeetingurl', 'x-microsoft-onlinemeetinginformation'];
/** Hosts of online meetings, found in the location or the description. */
const MEETING_LINK = /\b(?:https?:\/\/)?(?:[a-z0-9-]+\.)*(?:zoom\.us|zoom\.com|teams\.microsoft\.com|teams\.live\.com|meet\.google\.com|webex\.com|gotomeeting\.com|meeting\.tencent\.com|voovmeeting\.com|vc\.feishu\.cn|meetings\.feishu\.cn|vc\.larksuite\.com|meeting\.dingtalk\.com|whereby\.com|meet\.jit\.si|bluejeans\.com|chime\.aws)\b/i;
/** A location that names an online meeting rather than a place. */
const ONLINE_LOCATION = /^(?:https?:\/\/\S+|(?:microsoft\s+)?teams(?:\s+meeting)?|zoom(?:\s+meeting)?|google\s+meet|webex|online|virtual|线上|在线|线上会议|网络会议|腾讯会议|飞书会议|钉钉会议|视频会议)$/i;

/**
 * An online meeting: an online-meeting property (RFC 7986 CONFERENCE, Google's and Microsoft's
 * own), a location that is a link or names an online service, a known meeting link in the
 * description, or no location at all. A physical location and no meeting link: in person.
 */
function isOnline(item: ICAL.Component, location: string | undefined): boolean {
  if (ONLINE_PROPERTIES.some((p) => item.hasProperty(p))) return true;
  if (!location) return true;
  if (ONLINE_LOCATION.test(location) || MEETING_LINK.test(location)) return true;
  const description = stringValue(item.getFirstPropertyValue('description')) ?? '';
  return MEETING_LINK.test(description);
}

function isCancelled(item: ICAL.Component): boolean {
  return String(item.getFirstPropertyValue('status') ?? '').toUpperCase() === 'CANCELLED';
}

/**
 * The date of a start time in the event's own time zone: the wall-clock date as written for a
 * time with a TZID (or a floating time, or an all-day date), and for a time in UTC the date in the
 * calendar's X-WR-TIMEZONE when it names a known zone, else the UTC date.
 */
export function occurrenceDate(time: ICAL.Time, calendarZone?: string): string {
  if (!time.isDate && calendarZone && time.zone === ICAL.Timezone.utcTimezone) {
    const ms = Date.UTC(time.year, time.month - 1, time.day, time.hour, time.minute, time.second);
    return new Intl.DateTimeFormat('en-CA', { timeZone: calendarZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(ms);
  }
  return `${String(time.year).padStart(4, '0')}-${String(time.month).padStart(2, '0')}-${String(time.day).padStart(2, '0')}`;
}

function timeKey(time: ICAL.Time): string {
  return time.toICALString();
}

function validZone(zone: string | undefined): string | undefined {
  if (!zone) return undefined;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return zone;
  } catch {
    return undefined;
  }
}

function stringValue(value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined;
  return typeof value === 'string' ? value : String(value);
}

/** A short stable hash (FNV-1a, 32 bits, hex) for keys of events without a UID. */
function fnv1a(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}
