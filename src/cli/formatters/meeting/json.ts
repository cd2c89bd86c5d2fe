/** `keyplan brief --format json`: the meeting brief's data (`personal` only in the local brief). */
import type { MeetingBrief } from '../../../core/report/meeting.js';
import type { Formatter } from '../formatter.js';

export const json: Formatter<MeetingBrief> = (brief) => JSON.stringify(brief, null, 2) + '\n';
