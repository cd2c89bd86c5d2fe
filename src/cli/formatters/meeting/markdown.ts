/** `keyplan brief --format markdown` (the default): the core's Markdown, as the editor shows it; plan text escaped there. */
import { meetingBriefMarkdown, type MeetingBrief } from '../../../core/report/meeting.js';
import type { Formatter } from '../formatter.js';

export const markdown: Formatter<MeetingBrief> = (brief) => meetingBriefMarkdown(brief);
