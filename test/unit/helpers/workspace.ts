/**
 * Builders for small in-memory Keyplan workspaces, used by the relationship-intelligence tests
 * (cadence, methodology, temperature, health, placement, report). Each builder writes a document as
 * the string a user would type, so a failing test can be read as a workspace.
 */
import { checkWorkspace, type CheckResult, type SourceFile } from '../../../src/core/check/pipeline.js';
import type { PersonCadence } from '../../../src/core/analysis/cadence.js';
import type { Diagnostic } from '../../../src/core/diagnostic.js';
import type { Locale } from '../../../src/core/i18n/catalogue.js';

/** The as-of date the samples are documented at, used by most tests. */
export const AS_OF = '2026-11-20';

type Line = string | false | undefined | null;

/** A document: frontmatter lines between `---` fences (line 1 is the opening fence), then the body. */
export function frontmatter(lines: Line[], body = ''): string {
  return `---\n${lines.filter((l): l is string => typeof l === 'string').join('\n')}\n---\n${body}`;
}

const disableLines = (rules: string[] | undefined): Line[] => (rules ?? []).map((r) => `# keyplan-disable ${r}`);
const cadenceLine = (indent: string, c: [number, number] | undefined): Line => c && `${indent}cadence: { ideal: ${c[0]}, max: ${c[1]} }`;

export interface ObjectiveOpts {
  id: string;
  title?: string;
  due?: string;
  status?: string;
}

export interface AccountOpts {
  tier?: string;
  name?: string;
  owner?: string;
  period?: [string, string];
  review?: { status?: string; next?: string };
  objectives?: ObjectiveOpts[];
  health?: { nps?: number; csat?: number; churn_risk?: string };
  disable?: string[];
}

export function accountMd(id: string, o: AccountOpts = {}): string {
  const health = o.health && Object.entries(o.health).filter(([, v]) => v !== undefined);
  return frontmatter([
    ...disableLines(o.disable),
    'kind: account',
    `id: ${id}`,
    `name: ${o.name ?? `${id} 公司`}`,
    `tier: ${o.tier ?? 'A'}`,
    `owner: ${o.owner ?? 'li-na'}`,
    o.period && `period: { start: ${o.period[0]}, end: ${o.period[1]} }`,
    o.review && 'review:',
    o.review?.status && `  status: ${o.review.status}`,
    o.review?.next && `  next: ${o.review.next}`,
    health && health.length > 0 && 'health:',
    ...(health ?? []).map(([k, v]) => `  ${k}: ${v}`),
    o.objectives && 'objectives:',
    ...(o.objectives ?? []).flatMap((x) => [
      `  - id: ${x.id}`,
      `    title: ${x.title ?? x.id}`,
      x.due && `    due: ${x.due}`,
      x.status && `    status: ${x.status}`,
    ]),
  ]);
}

export interface PersonOpts {
  account?: string;
  name?: string;
  title?: string;
  roles?: string[];
  influence?: number;
  stance?: string;
  coverage?: string;
  cadence?: [number, number];
  status?: 'active' | 'left';
  /** `reports_to`. */
  reportsTo?: string;
  /** `influences`: ids, or `[id, strength]` for `{person, strength}`. */
  influences?: (string | [string, string])[];
  disable?: string[];
}

export function personMd(id: string, o: PersonOpts = {}): string {
  return frontmatter([
    ...disableLines(o.disable),
    'kind: person',
    `id: ${id}`,
    `account: ${o.account ?? 'acme'}`,
    `name: ${o.name ?? id}`,
    o.title && `title: ${o.title}`,
    o.roles && `roles: [${o.roles.join(', ')}]`,
    o.influence !== undefined && `influence: ${o.influence}`,
    o.stance && `stance: ${o.stance}`,
    o.coverage && `coverage: ${o.coverage}`,
    cadenceLine('', o.cadence),
    o.status && `status: ${o.status}`,
    o.reportsTo && `reports_to: ${o.reportsTo}`,
    o.influences && `influences: [${o.influences.map((i) => (typeof i === 'string' ? i : `{person: ${i[0]}, strength: ${i[1]}}`)).join(', ')}]`,
  ]);
}

export interface ContactOpts {
  person: string;
  layer?: string;
  stage?: string;
  target_stage?: string;
  target_stance?: string;
  target_influence?: number;
  cadence?: [number, number];
  owner?: string;
  next?: string;
}

export interface PlanOpts {
  account?: string;
  id?: string;
  period?: [string, string];
  contacts?: ContactOpts[];
  disable?: string[];
}

export function planMd(o: PlanOpts = {}): string {
  const [start, end] = o.period ?? ['2026-01-01', '2026-12-31'];
  return frontmatter([
    ...disableLines(o.disable),
    'kind: relationship-plan',
    o.id && `id: ${o.id}`,
    `account: ${o.account ?? 'acme'}`,
    `period: { start: ${start}, end: ${end} }`,
    'contacts:',
    ...(o.contacts ?? []).flatMap((c) => [
      `  - person: ${c.person}`,
      c.layer && `    layer: ${c.layer}`,
      c.stage && `    stage: ${c.stage}`,
      c.target_stage && `    target_stage: ${c.target_stage}`,
      c.target_stance && `    target_stance: ${c.target_stance}`,
      c.target_influence !== undefined && `    target_influence: ${c.target_influence}`,
      cadenceLine('    ', c.cadence),
      c.owner && `    owner: ${c.owner}`,
      c.next && `    next: ${c.next}`,
    ]),
  ]);
}

/** An interaction log; each entry is written as a list item, e.g. `2026-11-02 meeting @zhang-wei: TCO review`. */
export function logMd(account: string, entries: string[]): string {
  return frontmatter(['kind: interaction-log', `account: ${account}`], `\n# Interactions\n\n${entries.map((e) => `- ${e}`).join('\n')}\n`);
}

/** A workspace under construction: files keyed by workspace-relative path. */
export class WorkspaceBuilder {
  readonly files = new Map<string, string>();

  account(id: string, o: AccountOpts = {}): this {
    return this.set(`accounts/${id}/account.md`, accountMd(id, o));
  }

  person(id: string, o: PersonOpts = {}): this {
    return this.set(WorkspaceBuilder.personPath(id, o.account), personMd(id, o));
  }

  plan(o: PlanOpts = {}, file = 'relationship-plan.md'): this {
    return this.set(`accounts/${o.account ?? 'acme'}/${file}`, planMd(o));
  }

  log(account: string, entries: string[], file = 'interactions.md'): this {
    return this.set(`accounts/${account}/${file}`, logMd(account, entries));
  }

  /** keyplan.yaml at the workspace root, from YAML lines. */
  config(lines: string[]): this {
    return this.set('keyplan.yaml', lines.join('\n') + '\n');
  }

  set(path: string, content: string): this {
    this.files.set(path, content);
    return this;
  }

  get(path: string): string {
    const content = this.files.get(path);
    if (content === undefined) throw new Error(`no file ${path} in the test workspace`);
    return content;
  }

  /** Adds `# keyplan-disable <rule>` as the first frontmatter line of an existing file. */
  disable(path: string, rule: string): this {
    return this.set(path, this.get(path).replace(/^---\n/, `---\n# keyplan-disable ${rule}\n`));
  }

  sources(): SourceFile[] {
    return [...this.files].map(([path, content]) => ({ path, content }));
  }

  check(asOf = AS_OF, locale?: Locale): CheckResult {
    return checkWorkspace(this.sources(), locale ? { asOf, locale } : { asOf });
  }

  static personPath(id: string, account = 'acme'): string {
    return `accounts/${account}/people/${id}.md`;
  }
}

export const workspace = () => new WorkspaceBuilder();

export const PLAN = 'accounts/acme/relationship-plan.md';
export const ACCOUNT = 'accounts/acme/account.md';
export const LOG = 'accounts/acme/interactions.md';
export const personFile = (id: string, account = 'acme') => WorkspaceBuilder.personPath(id, account);

/** 1-based line of the first line containing `needle` (after `from`, a 1-based line). */
export function lineOf(content: string, needle: string, from = 1): number {
  const lines = content.split('\n');
  for (let i = from - 1; i < lines.length; i++) if (lines[i].includes(needle)) return i + 1;
  throw new Error(`"${needle}" not found in:\n${content}`);
}

/** The findings of one rule, optionally only those in one file. */
export function findings(result: CheckResult, rule: string, file?: string): Diagnostic[] {
  return result.diagnostics.filter((d) => d.rule === rule && (file === undefined || d.file === file));
}

/** The one finding of a rule in a file (fails when there is not exactly one). */
export function single(result: CheckResult, rule: string, file?: string): Diagnostic {
  const found = findings(result, rule, file);
  if (found.length !== 1) throw new Error(`expected exactly one ${rule}${file ? ` in ${file}` : ''}, got ${found.length}:\n${listFindings(result.diagnostics)}`);
  return found[0];
}

/** `file:line severity rule` per finding, for assertion messages. */
export function listFindings(diagnostics: Diagnostic[]): string {
  return diagnostics.map((d) => `${d.file}:${d.range.start.line}:${d.range.start.column} ${d.severity} ${d.rule}: ${d.message}`).join('\n');
}

export function cadenceOf(result: CheckResult, personId: string): PersonCadence {
  const c = result.cadences.find((x) => x.person.id === personId);
  if (!c) throw new Error(`no cadence for ${personId}`);
  return c;
}

/** The samples workspace (samples/), read as the CLI reads it; cached across tests. */
let samplesFiles: Promise<SourceFile[]> | undefined;
export async function sampleFiles(): Promise<SourceFile[]> {
  samplesFiles ??= (async () => {
    const { loadWorkspaceFiles } = await import('../../../src/disk/walk.js');
    const path = await import('node:path');
    const { fileURLToPath } = await import('node:url');
    const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../samples');
    const { files, failed } = await loadWorkspaceFiles(root);
    if (failed.length) throw new Error(`could not read samples: ${JSON.stringify(failed)}`);
    return files;
  })();
  return samplesFiles;
}

/** The samples checked at their documented as-of date (samples/README.md). */
export async function checkSamples(locale?: Locale): Promise<CheckResult> {
  return checkWorkspace(await sampleFiles(), locale ? { asOf: AS_OF, locale } : { asOf: AS_OF });
}

/** Text of a sample file, by workspace-relative path. */
export async function sampleText(rel: string): Promise<string> {
  const file = (await sampleFiles()).find((f) => f.path === rel);
  if (!file) throw new Error(`no sample file ${rel}`);
  return typeof file.content === 'string' ? file.content : Buffer.from(file.content).toString('utf8');
}
