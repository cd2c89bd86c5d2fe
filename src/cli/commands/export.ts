/**
 * `keyplan export [account] [paths] [--format markdown|json] [--redact | --include-sensitive]
 * [--out FILE [--force]]`: the shareable account brief.
 *
 * Safe by default: sensitive personal notes are left out unless `--include-sensitive` is given
 * (`--redact` says the default explicitly). A brief is made to be passed on — to a manager, a
 * delivery team, a partner — and a command whose plain form is the one that leaks personal data
 * would leak it the first time someone forgets a flag.
 */
import path from 'node:path';
import { buildBriefs } from '../../core/report/brief.js';
import type { CheckResult } from '../../core/check/pipeline.js';
import { closest } from '../../core/suggest.js';
import { UsageError } from '../errors.js';
import { formatBriefJson, formatBriefMarkdown, isKeyplanBrief } from '../formats/brief.js';
import { writeOutputFile } from '../write.js';

export interface ExportOptions {
  account?: string;
  format: 'markdown' | 'json';
  includeSensitive: boolean;
  out?: string;
  force?: boolean;
  cwd: string;
}

/** Returns what to print on stdout (the brief, or a line saying where it was written). */
export async function runExport(result: CheckResult, options: ExportOptions): Promise<string> {
  if (options.account && !result.workspace.accounts.get(options.account)?.doc) {
    const suggestion = closest(options.account, [...result.workspace.accounts.values()].filter((a) => a.doc).map((a) => a.id));
    throw new UsageError(`no account '${options.account}' in this workspace${suggestion ? `; did you mean '${suggestion}'?` : ''}`);
  }
  const brief = buildBriefs(result, { accounts: options.account ? [options.account] : undefined, includeSensitive: options.includeSensitive });
  const text = options.format === 'json' ? formatBriefJson(brief) : formatBriefMarkdown(brief);
  if (!options.out) return text;
  await writeOutputFile(path.resolve(options.cwd, options.out), text, { force: options.force, isOurs: isKeyplanBrief, what: 'the brief' });
  const n = brief.accounts.length;
  return `Wrote ${options.out} (${n} account${n === 1 ? '' : 's'}${brief.sensitive === 'included' ? ', WITH sensitive personal notes' : ', sensitive personal notes left out'})\n`;
}
