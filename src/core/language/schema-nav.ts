/** Walking the JSON Schemas by data path: what the editor offers and explains at a cursor. */
import type { Locale } from '../i18n/catalogue.js';
import { schemaDescription, schemaEnumDescriptions, schemaTitle } from '../i18n/schema-text.js';
import type { DocumentKind } from '../kinds.js';
import type { JsonSchema, SchemaSet } from '../schema/validate.js';

/** `*` stands for any array index. */
export type SchemaPath = ReadonlyArray<string | number>;
export type ReferenceKind = 'person' | 'account';

export class SchemaNavigator {
  constructor(private readonly set: SchemaSet) {}

  root(kind: DocumentKind | 'config'): JsonSchema {
    return this.set.schema(kind);
  }

  /** Follows `$ref`s, keeping the outer title/description (they describe the field, the ref describes the type). */
  resolve(schema: JsonSchema | undefined): JsonSchema | undefined {
    let current = schema;
    let merged: JsonSchema | undefined = schema;
    for (let guard = 0; current?.$ref && guard < 10; guard++) {
      const target = this.lookup(current.$ref);
      if (!target) break;
      // Every outer layer wins over the one it refers to (a field → person_ref → id keeps the field's title).
      const { $ref: _ignored, ...outer } = merged!;
      merged = { ...target, ...outer };
      current = target;
    }
    return merged;
  }

  /** The reference kind a field holds (`person_ref` / `account_ref` in defs). */
  referenceKind(schema: JsonSchema | undefined): ReferenceKind | undefined {
    const ref = schema?.$ref as string | undefined;
    // A union such as `influences` items (a person id, or `{person, strength}`): its reference branch.
    if (!ref) {
      const branches = (schema?.anyOf ?? schema?.oneOf) as JsonSchema[] | undefined;
      for (const b of branches ?? []) {
        const kind = this.referenceKind(b);
        if (kind) return kind;
      }
      return undefined;
    }
    if (ref.endsWith('/person_ref')) return 'person';
    if (ref.endsWith('/account_ref')) return 'account';
    return undefined;
  }

  /** Unresolved schema at a path (so the caller can still see `$ref` names). */
  at(kind: DocumentKind | 'config', path: SchemaPath): JsonSchema | undefined {
    let schema: JsonSchema | undefined = this.root(kind);
    for (const seg of path) {
      const s = this.resolve(schema);
      if (!s) return undefined;
      if (seg === '*' || typeof seg === 'number') schema = s.items ?? this.branches(s).find((b) => b.items)?.items;
      else schema = s.properties?.[seg] ?? this.patternProperty(s, String(seg)) ?? this.branches(s).find((b) => b.properties?.[seg])?.properties?.[seg];
    }
    return schema;
  }

  /** Object properties allowed at a path. */
  properties(kind: DocumentKind | 'config', path: SchemaPath): [string, JsonSchema][] {
    const s = this.resolve(this.at(kind, path));
    if (s?.properties) return Object.entries(s.properties as Record<string, JsonSchema>);
    // A union with an object branch (`influences` items): that branch's fields.
    const object = s ? this.branches(s).find((b) => b.properties) : undefined;
    return object ? Object.entries(object.properties as Record<string, JsonSchema>) : [];
  }

  /** The branches of an `anyOf`/`oneOf`, resolved. */
  private branches(s: JsonSchema): JsonSchema[] {
    const list = (s.anyOf ?? s.oneOf) as JsonSchema[] | undefined;
    return (list ?? []).map((b) => this.resolve(b)).filter((b): b is JsonSchema => !!b);
  }

  /** Enum values (with descriptions in the locale) a value at this path may take. */
  enumValues(schema: JsonSchema | undefined, locale: Locale): { value: string; description?: string }[] {
    const s = this.resolve(schema);
    if (!s) return [];
    if (Array.isArray(s.enum)) {
      const descriptions = schemaEnumDescriptions(s, locale);
      return (s.enum as unknown[]).map((v, i) => ({ value: String(v), description: descriptions?.[i] }));
    }
    if (s.type === 'boolean') return [{ value: 'true' }, { value: 'false' }];
    const branches = (s.anyOf ?? s.oneOf) as JsonSchema[] | undefined;
    return branches ? branches.flatMap((b) => this.enumValues(b, locale)) : [];
  }

  title(schema: JsonSchema | undefined, locale: Locale): string | undefined {
    const s = this.resolve(schema);
    return schemaTitle(s, locale);
  }

  description(schema: JsonSchema | undefined, locale: Locale): string | undefined {
    const s = this.resolve(schema);
    return schemaDescription(s, locale);
  }

  isSensitive(schema: JsonSchema | undefined): boolean {
    return Boolean(schema?.['x-sensitive'] ?? this.resolve(schema)?.['x-sensitive']);
  }

  isRequired(kind: DocumentKind | 'config', parent: SchemaPath, key: string): boolean {
    const s = this.resolve(this.at(kind, parent));
    return Array.isArray(s?.required) && s!.required.includes(key);
  }

  private patternProperty(s: JsonSchema, key: string): JsonSchema | undefined {
    for (const [pattern, schema] of Object.entries((s.patternProperties ?? {}) as Record<string, JsonSchema>)) {
      if (new RegExp(pattern, 'u').test(key)) return schema;
    }
    return undefined;
  }

  private lookup(ref: string): JsonSchema | undefined {
    const m = /#\/\$defs\/([\w-]+)$/.exec(ref);
    return m ? (this.set.defs.$defs as Record<string, JsonSchema>)[m[1]] : undefined;
  }
}
