/**
 * JSON-Schema validation of frontmatter, with ajv errors turned into messages a key-account manager
 * understands, placed on the exact key or value. Schemas are compiled once per configuration.
 */
import type { ErrorObject, ValidateFunction } from 'ajv/dist/2020.js';
import { createAjv, type Ajv2020 } from './ajv-runtime.js';
import accountSchema from '../../../schemas/account.schema.json';
import configSchema from '../../../schemas/keyplan-config.schema.json';
import defsSchema from '../../../schemas/defs.schema.json';
import logSchema from '../../../schemas/interaction-log.schema.json';
import orgSchema from '../../../schemas/org-portrait.schema.json';
import personSchema from '../../../schemas/person.schema.json';
import planSchema from '../../../schemas/relationship-plan.schema.json';
import type { KeyplanConfig } from '../parse/config.js';
import type { Diagnostic } from '../diagnostic.js';
import type { YamlFile } from '../parse/document.js';
import type { Locale, Params } from '../i18n/catalogue.js';
import { channelAliasText, SCHEMA_TEXT_KEYWORDS, schemaDescription, schemaTitle, withEnumValues } from '../i18n/schema-text.js';
import type { DocumentKind } from '../kinds.js';
import { schema } from '../rules/format/schema.js';
import { unknownField } from '../rules/format/unknown-field.js';
import { closest } from '../suggest.js';
import type { DataPath } from '../parse/yaml-locate.js';
import * as precompiled from './validators.generated.cjs';

/** Validators compiled at build time for the built-in vocabulary (scripts/precompile-schemas.ts). */
const PRECOMPILED = precompiled as unknown as { fingerprint: string } & Record<string, unknown>;

export type JsonSchema = Record<string, any>;

export const KIND_SCHEMAS: Record<DocumentKind, JsonSchema> = {
  account: accountSchema,
  'org-portrait': orgSchema,
  person: personSchema,
  'relationship-plan': planSchema,
  'interaction-log': logSchema,
};
export const DEFS_SCHEMA: JsonSchema = defsSchema;
export const CONFIG_SCHEMA: JsonSchema = configSchema;

/** Annotation keywords of our schemas; registered so ajv's strict mode still catches real typos. */
const ANNOTATIONS = ['x-sensitive', ...SCHEMA_TEXT_KEYWORDS];

/** The options every Keyplan validator is compiled with (at build time too: scripts/precompile-schemas.ts). */
export const AJV_OPTIONS = { allErrors: true, verbose: true, strict: true, allowUnionTypes: true } as const;

/** A new Ajv with Keyplan's formats and annotation keywords. */
export function newAjv(options: Record<string, unknown> = {}): Ajv2020 {
  return createAjv({ ...AJV_OPTIONS, ...options }, ANNOTATIONS);
}

/** Every schema a SchemaSet compiles, by name. */
export const COMPILED_SCHEMAS: [DocumentKind | 'config', JsonSchema][] = [...(Object.entries(KIND_SCHEMAS) as [DocumentKind, JsonSchema][]), ['config', CONFIG_SCHEMA]];

/** What the compiled schemas depend on of keyplan.yaml. */
type Vocabulary = Pick<KeyplanConfig, 'roles' | 'channels' | 'channelAliases'>;

/**
 * The definitions for a vocabulary: roles and channels are open, the workspace's keyplan.yaml
 * extends the enums; a channel's aliases are accepted wherever a channel is (a person's or a plan
 * contact's `channels:`), as in log entries.
 */
export function defsFor(config: Vocabulary): JsonSchema {
  const defs = structuredClone(DEFS_SCHEMA);
  const $defs = defs.$defs as Record<string, JsonSchema>;
  $defs.role = withEnumValues($defs.role, config.roles, { en: 'Role defined in keyplan.yaml.', zh: 'keyplan.yaml 中定义的角色。' });
  const aliasOf = (name: string) => (config.channels.includes(name) ? undefined : config.channelAliases.get(name));
  $defs.channel = withEnumValues($defs.channel, [...config.channels, ...config.channelAliases.keys()], { en: 'Channel defined in keyplan.yaml.', zh: 'keyplan.yaml 中定义的互动方式。' }, (v) => {
    const channel = aliasOf(v);
    return channel === undefined ? undefined : channelAliasText(channel);
  });
  // Extra roles may have their own cadence defaults per tier.
  const tierCadence = $defs.tier_cadence;
  for (const role of config.roles) {
    if (!tierCadence.properties[role]) tierCadence.properties[role] = { $ref: '#/$defs/cadence', title: `${role} cadence`, description: `Default cadence for people holding the ${role} role.` };
  }
  return defs;
}

/**
 * A fingerprint of everything a compiled validator depends on: the schemas (definitions for the
 * vocabulary included) and the compile options. Precompiled validators are used only when theirs
 * equals the running one, so a schema edited without regenerating them is compiled at run time.
 */
export function schemaFingerprint(defs: JsonSchema): string {
  const text = JSON.stringify([AJV_OPTIONS, ANNOTATIONS, defs, COMPILED_SCHEMAS]);
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
  }
  return `${text.length}-${(h1 >>> 0).toString(16)}-${(h2 >>> 0).toString(16)}`;
}

export class SchemaSet {
  private readonly validators = new Map<string, ValidateFunction>();
  private readonly roots = new Map<string, JsonSchema>();
  private ajv?: Ajv2020;
  readonly defs: JsonSchema;

  constructor(config: Vocabulary) {
    this.defs = defsFor(config);
    // The built-in vocabulary's validators are compiled at build time (compiling them took most of
    // a small workspace's check); any other vocabulary compiles each kind on first use.
    const pre = PRECOMPILED.fingerprint === schemaFingerprint(this.defs) ? PRECOMPILED : undefined;
    for (const [kind, schema] of COMPILED_SCHEMAS) {
      this.roots.set(kind, schema);
      if (pre) this.validators.set(kind, pre[kind] as ValidateFunction);
    }
  }

  private compile(kind: DocumentKind | 'config'): ValidateFunction {
    if (!this.ajv) {
      this.ajv = newAjv();
      this.ajv.addSchema(this.defs);
    }
    const v = this.ajv.compile(this.roots.get(kind)!);
    this.validators.set(kind, v);
    return v;
  }

  /** The root schema of a kind (for completion and hover). */
  schema(kind: DocumentKind | 'config'): JsonSchema {
    return this.roots.get(kind)!;
  }

  validate(kind: DocumentKind | 'config', data: unknown): ErrorObject[] {
    const v = this.validators.get(kind) ?? this.compile(kind);
    return v(data) ? [] : [...(v.errors ?? [])];
  }
}

const cache = new Map<string, SchemaSet>();
const byConfig = new WeakMap<Vocabulary, SchemaSet>();

/** One compiled SchemaSet per distinct roles/channels vocabulary (compiling costs milliseconds). */
export function schemaSetFor(config: Vocabulary): SchemaSet {
  // Asked once per document: the config object is the same for a whole check, its key is not free.
  let set = byConfig.get(config);
  if (set) return set;
  const key = JSON.stringify([config.roles, config.channels, [...config.channelAliases]]);
  set = cache.get(key);
  if (!set) {
    set = new SchemaSet(config);
    cache.set(key, set);
  }
  byConfig.set(config, set);
  return set;
}

/**
 * A copy of `data` without the values that failed validation, so that rules downstream only ever
 * see well-typed data: an invalid value is treated as unknown, never guessed at.
 */
export function withoutInvalid(data: Record<string, unknown>, errors: ErrorObject[]): Record<string, unknown> {
  if (!errors.length) return data;
  const copy = structuredClone(data);
  const doomed: (string | number)[][] = [];
  for (const e of errors) {
    const path = pointerToPath(e.instancePath);
    if (e.keyword === 'required') continue;
    if (e.keyword === 'additionalProperties') path.push((e.params as { additionalProperty: string }).additionalProperty);
    if (path.length) doomed.push(path);
  }
  // Deepest first, and array items from the end, so that earlier removals do not shift later paths.
  doomed.sort((a, b) => b.length - a.length || compareLast(b, a));
  for (const path of doomed) {
    let parent: any = copy;
    for (const seg of path.slice(0, -1)) parent = parent?.[seg];
    const last = path[path.length - 1];
    if (Array.isArray(parent) && typeof last === 'number') parent.splice(last, 1);
    else if (parent && typeof parent === 'object') delete parent[last];
  }
  return copy;
}

function compareLast(a: (string | number)[], b: (string | number)[]): number {
  const x = a[a.length - 1];
  const y = b[b.length - 1];
  return typeof x === 'number' && typeof y === 'number' ? x - y : 0;
}

function pointerToPath(pointer: string): (string | number)[] {
  if (!pointer) return [];
  return pointer.slice(1).split('/').map((s) => {
    const u = s.replace(/~1/g, '/').replace(/~0/g, '~');
    return /^\d+$/.test(u) ? Number(u) : u;
  });
}

function fieldName(path: DataPath): string {
  for (let i = path.length - 1; i >= 0; i--) if (typeof path[i] === 'string') return String(path[i]);
  return 'kind';
}

function firstSentence(text: unknown): string | undefined {
  if (typeof text !== 'string') return undefined;
  // A sentence ends at `。`, or at `.` followed by a space, except in abbreviations such as `e.g.`.
  const s = text.split(/(?<=。)|(?<=(?<!\b(?:e\.g|i\.e|etc|vs))\.)\s+/)[0];
  return s.length > 90 ? `${s.slice(0, 87)}…` : s.replace(/[.。]$/, '');
}

/** The JSON type of a value that failed validation (`null` for nothing), as the schema message's `foundType`. */
function typeOf(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'object' || typeof value === 'number' || typeof value === 'boolean') return typeof value;
  return 'string';
}

/** A value as the user wrote it: a list or group of fields in YAML flow style, not `[object Object]`. */
function shown(value: unknown): string {
  if (value === null || typeof value !== 'object') return String(value);
  return truncate(JSON.stringify(value).replace(/"([^"]*)"/g, '$1').replace(/([:,])/g, '$1 '));
}

function truncate(s: string): string {
  return s.length > 40 ? `${s.slice(0, 39)}…` : s;
}

const ID_PATTERN_SOURCE = '^[a-z0-9]+(?:-[a-z0-9]+)*$';

/** Words people write for a severity (`no`, `warn`…): "did you mean" where spelling is no help. */
const SEVERITY_SYNONYMS: Record<string, string> = { no: 'off', none: 'off', false: 'off', disabled: 'off', disable: 'off', ignore: 'off', warn: 'warning', err: 'error', fail: 'error', information: 'info', notice: 'info' };

function synonym(value: string, allowed: string[]): string | undefined {
  const s = SEVERITY_SYNONYMS[value.toLowerCase()];
  return s && allowed.includes(s) ? s : undefined;
}

/**
 * The errors of a value that failed an `anyOf`/`oneOf` of which one branch has the value's type
 * (a per-tier group of fields given for "a severity or a group per tier"): only that branch's
 * errors, so the message is about the bad leaf, not "should be text". Other union failures are
 * kept as they are (one "must be text or a group of fields" message).
 */
const GROUP_KEYWORDS = new Set(['additionalProperties', 'required', 'minProperties', 'maxProperties', 'propertyNames', 'dependentRequired']);

export function branchErrors(errors: ErrorObject[]): ErrorObject[] {
  const unions = errors.filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf');
  if (!unions.length) return errors;
  const drop = new Set<ErrorObject>();
  for (const u of unions) {
    const at = u.instancePath;
    const inside = (e: ErrorObject) => e !== u && (e.instancePath === at || e.instancePath.startsWith(`${at}/`));
    // A group of fields is judged by the branch for groups (errors below it, or about its keys);
    // a scalar by the branches for scalars (errors at its own path other than "wrong type").
    const group = u.data !== null && typeof u.data === 'object' && !Array.isArray(u.data);
    const fits = (e: ErrorObject) => (group ? e.instancePath !== at || GROUP_KEYWORDS.has(e.keyword) : e.instancePath === at && e.keyword !== 'type');
    const mine = errors.filter(inside);
    if (!mine.some(fits)) continue;
    drop.add(u);
    for (const e of mine) if (!fits(e)) drop.add(e);
  }
  return errors.filter((e) => !drop.has(e));
}

/** Converts ajv errors of one document into diagnostics. */
export function schemaDiagnostics(doc: YamlFile, kindLabel: string, errors: ErrorObject[], locale: Locale): Diagnostic[] {
  const out: Diagnostic[] = [];
  const seen = new Set<string>();
  // An anyOf/oneOf failure explains itself better as one message than as each branch's complaint.
  const unionPaths = new Set(errors.filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf').map((e) => e.instancePath));
  // A value of the wrong type needs one message, not also "not an allowed value".
  const typePaths = new Set(errors.filter((e) => e.keyword === 'type').map((e) => e.instancePath));
  for (const e of errors) {
    if (e.keyword === 'if') continue;
    if (e.keyword === 'enum' && typePaths.has(e.instancePath)) continue;
    if (unionPaths.has(e.instancePath) && e.keyword !== 'anyOf' && e.keyword !== 'oneOf') continue;
    const d = convert(doc, kindLabel, e, locale);
    if (!d) continue;
    const key = `${d.rule}|${d.range.start.line}:${d.range.start.column}|${d.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(d);
  }
  return out;
}

function convert(doc: YamlFile, kindLabel: string, e: ErrorObject, locale: Locale): Diagnostic | null {
  const path = pointerToPath(e.instancePath);
  const field = fieldName(path);
  const parent = (e.parentSchema ?? {}) as JsonSchema;
  const make = (variant: keyof typeof schema.messages, at: DataPath, target: 'key' | 'value', params: Params, data?: Record<string, unknown>): Diagnostic =>
    doc.diagnostic(schema, variant, doc.locate(at, target), locale, params, { path: at, ...data });

  switch (e.keyword) {
    case 'required': {
      const missing = String((e.params as { missingProperty: string }).missingProperty);
      const prop = parent.properties?.[missing] ?? {};
      const about = firstSentence(schemaDescription(prop, locale, { fallback: false }));
      const where = path.length ? schemaTitle(parent, locale) : undefined;
      return make('required', path, 'key', { field: missing, about, where }, { missingProperty: missing });
    }
    case 'additionalProperties': {
      const extra = String((e.params as { additionalProperty: string }).additionalProperty);
      const allowed = Object.keys(parent.properties ?? {});
      const suggestion = closest(extra, allowed);
      const where = schemaTitle(parent, locale) ?? kindLabel;
      return doc.diagnostic(unknownField, 'default', doc.locate([...path, extra], 'key'), locale, { field: extra, where, suggestion }, { path: [...path, extra], field: extra, suggestion, allowed });
    }
    case 'enum': {
      const allowed = ((e.params as { allowedValues: unknown[] }).allowedValues ?? []).map(String);
      const value = shown(e.data);
      const suggestion = typeof e.data === 'string' ? closest(value, allowed) ?? synonym(value, allowed) : undefined;
      return make('enum', path, 'value', { field, value, suggestion, allowed: allowed.join('|') }, { value, suggestion, allowed });
    }
    case 'type':
    case 'anyOf':
    case 'oneOf': {
      const types = e.keyword === 'type' ? [(e.params as { type: string | string[] }).type].flat() : unionTypes(e.schema);
      const foundType = typeOf(e.data);
      const found = foundType === 'string' ? truncate(String(e.data)) : String(e.data);
      return make('type', path, 'value', { field, expected: types.join('|'), foundType, found }, { expected: types });
    }
    case 'format':
      return make('date', path, 'value', { field, value: String(e.data) }, { format: (e.params as { format: string }).format });
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum': {
      const lo = parent.minimum;
      const hi = parent.maximum;
      return make('range', path, 'value', { field, minimum: lo, maximum: hi, type: parent.type === 'integer' ? 'integer' : 'number', value: String(e.data) }, { minimum: lo, maximum: hi });
    }
    case 'pattern': {
      const pattern = (e.params as { pattern: string }).pattern;
      if (pattern === ID_PATTERN_SOURCE) {
        return make('id-pattern', path, 'value', { field, value: String(e.data), example: suggestId(String(e.data)) }, { suggestion: suggestId(String(e.data)) });
      }
      const about = firstSentence(schemaDescription(parent, locale, { fallback: false }));
      return make('pattern', path, 'value', { field, value: String(e.data), about }, { pattern });
    }
    case 'uniqueItems': {
      const { i } = e.params as { i: number; j: number };
      const value = Array.isArray(e.data) ? shown(e.data[i]) : '';
      return make('unique-items', [...path, i], 'value', { field, value });
    }
    case 'minItems':
      return make('min-items', path, 'key', { field, limit: (e.params as { limit: number }).limit });
    default:
      return make('other', path, 'value', { field, detail: e.message ?? e.keyword });
  }
}

function unionTypes(branches: unknown): string[] {
  if (!Array.isArray(branches)) return ['string'];
  const types = new Set<string>();
  for (const b of branches as JsonSchema[]) {
    if (b.type) for (const x of [b.type].flat()) types.add(x);
    else if (b.$ref) types.add('string');
  }
  return [...types];
}

/** Turns "Zhang Wei" or "zhang_wei" into a valid id, for the message's example. */
export function suggestId(value: string): string {
  const s = value.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return s || 'zhang-wei';
}
