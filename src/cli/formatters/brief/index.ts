/** The formats of `keyplan export`, in the order `--format` lists them (the first is the default). */
import type { BriefExport } from '../../../core/report/brief.js';
import type { FormatterTable } from '../formatter.js';
import { json } from './json.js';
import { BRIEF_MARKER, markdown } from './markdown.js';

export const BRIEF_FORMATS: FormatterTable<BriefExport> = { markdown, json };

/** Whether existing output is an earlier brief (so `--out` may replace it without --force). */
export function isKeyplanBrief(text: string): boolean {
  if (text.startsWith(BRIEF_MARKER)) return true;
  try {
    return (JSON.parse(text) as { generator?: unknown }).generator === 'keyplan export';
  } catch {
    return false;
  }
}
