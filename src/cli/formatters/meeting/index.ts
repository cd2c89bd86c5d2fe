/** The formats of `keyplan brief`, in the order `--format` lists them. */
import type { MeetingBrief } from '../../../core/report/meeting.js';
import type { FormatterTable } from '../formatter.js';
import { json } from './json.js';
import { markdown } from './markdown.js';

export const MEETING_FORMATS: FormatterTable<MeetingBrief> = { markdown, json };
