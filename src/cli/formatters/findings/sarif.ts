/**
 * `keyplan check --format sarif`: SARIF 2.1.0 for code-scanning tools (GitHub code scanning, Azure
 * DevOps, IDE viewers). Every rule is described with its help text from docs/rules.md; every finding
 * has a region (1-based lines, UTF-16 columns, end column exclusive, as SARIF defines them) and a
 * fingerprint that survives line moves.
 */
import type { Diagnostic, Severity } from '../../../core/diagnostic.js';
import { RULES } from '../../../core/rules/index.js';
import { inPieces } from '../formatter.js';
import { jsonPieces, streamed } from '../json-pieces.js';
import type { Findings } from './model.js';
import { RULE_HELP } from './rule-help.js';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

/** Markdown of docs/rules.md as plain text: emphasis and code marks dropped. */
function plainText(markdown: string): string {
  return markdown.replace(/\*\*([^*]+)\*\*/g, '$1').replace(/`([^`]+)`/g, '$1').replace(/\s*\n\s*/g, ' ').trim();
}

/** A relative path as a URI reference: each segment percent-encoded, slashes kept. */
export function uriOf(relPath: string): string {
  return relPath.split('/').map(encodeURIComponent).join('/');
}

export interface SarifInput {
  diagnostics: Diagnostic[];
  /** Path of a finding's file relative to the repository (or current folder), forward slashes. */
  displayPath: (file: string) => string;
  version: string;
  /** Stable identity of a finding (rule, file, subject), for partialFingerprints. */
  fingerprint: (d: Diagnostic) => string;
}

export function formatSarif(input: SarifInput): string {
  return [...sarifPieces(input)].join('');
}

/** The SARIF log in pieces, each result made when it is written (see json-pieces.ts). */
function* sarifPieces({ diagnostics, displayPath, version, fingerprint }: SarifInput): Generator<string> {
  const index = new Map<string, number>(RULES.map((r, i) => [r.id, i]));
  const rules = RULES.map((r) => {
    const help = RULE_HELP[r.id] ?? r.summary.en;
    const defaults = typeof r.severity === 'string' ? r.severity : r.severity.A === 'off' ? 'info' : r.severity.A;
    return {
      id: r.id,
      name: r.id.replace(/(^|-)([a-z0-9])/g, (_m, _dash, c: string) => c.toUpperCase()),
      shortDescription: { text: r.summary.en },
      fullDescription: { text: plainText(help) },
      help: { text: plainText(help), markdown: help },
      defaultConfiguration: { level: LEVEL[defaults as Severity] },
      properties: { category: r.category, tags: ['keyplan', r.category] },
    };
  });
  const results = streamed(diagnostics, (d) => {
    const ruleIndex = index.get(d.rule);
    return {
      ruleId: d.rule,
      ...(ruleIndex === undefined ? {} : { ruleIndex }),
      level: LEVEL[d.severity],
      message: { text: d.message },
      locations: [{
        physicalLocation: {
          artifactLocation: { uri: uriOf(displayPath(d.file)), uriBaseId: '%SRCROOT%' },
          region: { startLine: d.range.start.line, startColumn: d.range.start.column, endLine: d.range.end.line, endColumn: Math.max(d.range.end.column, d.range.start.column + (d.range.end.line === d.range.start.line ? 1 : 0)) },
        },
      }],
      partialFingerprints: { 'keyplanFinding/v1': process.getBuiltinModule('node:crypto').createHash('sha256').update(fingerprint(d)).digest('hex').slice(0, 32) },
    };
  });
  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [{
      tool: { driver: { name: 'Keyplan', version, ...(/^\d+\.\d+\.\d+/.test(version) ? { semanticVersion: version } : {}), rules } },
      columnKind: 'utf16CodeUnits',
      results,
    }],
  };
  yield* jsonPieces(log);
  yield '\n';
}

export const sarif = inPieces<Findings>((f, { version }) => {
  const ci = f.ci();
  return sarifPieces({ diagnostics: ci.diagnostics, displayPath: ci.path, version, fingerprint: ci.fingerprint });
});
