/**
 * The data every `keyplan check` format is given: the findings shown, their counts, the documents
 * reported on, and two ways of naming a file: for the reader at the terminal (relative to the
 * current folder) and, for the CI formats read by others, relative to the repository with sensitive
 * personal fields redacted (computed only when such a format asks for it).
 */
import type { SkippedFile } from '../../../core/check/pipeline.js';
import type { Diagnostic } from '../../../core/diagnostic.js';

export interface Summary {
  errors: number;
  warnings: number;
  infos: number;
  files: number;
  documents: number;
}

/** The findings as CI systems see them (GitHub annotations, SARIF, JUnit). */
export interface CiFindings {
  /** The findings shown, sensitive details redacted unless --include-sensitive. */
  diagnostics: Diagnostic[];
  /** A file relative to the repository (GITHUB_WORKSPACE, else the git top folder, else the current folder). */
  path: (file: string) => string;
  /** Stable identity of a finding (rule, file, subject), for SARIF's partialFingerprints. */
  fingerprint: (d: Diagnostic) => string;
}

export interface Findings {
  diagnostics: Diagnostic[];
  summary: Summary;
  /** Files the check skipped (not Keyplan documents, binary, too large). */
  skipped: SkippedFile[];
  /** Whether a skipped file is among those the output is about (the text format notes those). */
  reported: (file: string) => boolean;
  /** Workspace-relative paths of the documents reported on. */
  documents: string[];
  /** A workspace-relative file as the reader names it (relative to the current folder). */
  displayPath: (file: string) => string;
  /** With --changed-since: what was checked (the JSON format includes it). */
  scope?: { changedSince: string; full: boolean; accounts: string[]; files: string[] };
  ci: () => CiFindings;
}

export function summarize(diagnostics: Diagnostic[], documents: number): Summary {
  const s: Summary = { errors: 0, warnings: 0, infos: 0, files: new Set(diagnostics.map((d) => d.file)).size, documents };
  for (const d of diagnostics) {
    if (d.severity === 'error') s.errors++;
    else if (d.severity === 'warning') s.warnings++;
    else s.infos++;
  }
  return s;
}
