/** Small builders shared by the unit tests. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkWorkspace, type CheckResult, type SourceFile } from '../src/core/check/pipeline.js';
import type { Diagnostic } from '../src/core/diagnostic.js';
import type { Locale } from '../src/core/i18n/catalogue.js';
import { ruleInfo } from '../src/core/rules/index.js';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const FIXTURES = path.join(REPO_ROOT, 'test', 'fixtures');
export const SAMPLES = path.join(REPO_ROOT, 'samples');

/** Frontmatter document from YAML lines (the opening `---` is line 1, so `lines[0]` is line 2). */
export function md(yamlLines: string[], body = ''): string {
  return `---\n${yamlLines.join('\n')}\n---\n${body}`;
}

export const account = (id = 'acme', tier = 'A', extra: string[] = []) =>
  md(['kind: account', `id: ${id}`, 'name: Acme 公司', `tier: ${tier}`, 'owner: li-na', ...extra]);

export const person = (id: string, accountId = 'acme', extra: string[] = []) =>
  md(['kind: person', `id: ${id}`, `account: ${accountId}`, 'name: 张伟', ...extra]);

export const log = (accountId: string, body: string) => md(['kind: interaction-log', `account: ${accountId}`], body);

/** The foundation's rules: file format and references (cadence and methodology rules are tested elsewhere). */
export function isValidationRule(rule: string): boolean {
  const category = ruleInfo(rule)?.category;
  return category === 'format' || category === 'references';
}

/** Every finding of a check over in-memory files. */
export function checkAll(files: Record<string, string | Uint8Array>, locale?: Locale): CheckResult {
  const sources: SourceFile[] = Object.entries(files).map(([p, content]) => ({ path: p, content }));
  return checkWorkspace(sources, { asOf: '2026-11-20', ...(locale ? { locale } : {}) });
}

/** A check over in-memory files, keeping only the format and reference findings. */
export function check(files: Record<string, string | Uint8Array>, locale?: Locale): CheckResult {
  const result = checkAll(files, locale);
  return { ...result, diagnostics: result.diagnostics.filter((d) => isValidationRule(d.rule)) };
}

/** `file:line:col rule` for compact assertions. */
export const where = (d: Diagnostic) => `${d.file}:${d.range.start.line}:${d.range.start.column}`;
export const span = (d: Diagnostic) => `${d.range.start.line}:${d.range.start.column}-${d.range.end.line}:${d.range.end.column}`;

export function only(diagnostics: Diagnostic[], rule: string): Diagnostic[] {
  return diagnostics.filter((d) => d.rule === rule);
}

/** Writes a workspace into a fresh temp folder; returns its path. Remove it with `removeDir`. */
export function writeTempWorkspace(files: Record<string, string | Uint8Array>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'keyplan-test-'));
  for (const [rel, content] of Object.entries(files)) {
    const file = path.join(dir, rel);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, content);
  }
  return dir;
}

export function removeDir(dir: string | undefined): void {
  if (dir) rmSync(dir, { recursive: true, force: true });
}

/** The ajv phrasings that must never reach a user. */
export const AJV_JARGON = [
  'must have required property',
  'must be equal to one of the allowed values',
  'must NOT have additional properties',
  'must be integer',
  'must be string',
  'must be array',
  'must match format',
  'must match pattern',
  'must be <=',
  'must be >=',
  'instancePath',
  '#/',
];

/**
 * How to run a command without root's power to read and write anything, for the tests of
 * permission errors: as root with `setpriv` (util-linux), the command runs as `nobody`; as anyone
 * else it runs as it is. Undefined when the tests run as root and cannot drop privileges. The
 * folders the command reads must then be readable by others (mkdtemp makes them 0700).
 */
export function unprivileged(command: string[]): string[] | undefined {
  if (process.getuid?.() !== 0) return command;
  const probe = spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', 'true']);
  return probe.status === 0 ? ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups', ...command] : undefined;
}
