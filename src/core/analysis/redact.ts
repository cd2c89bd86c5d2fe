/**
 * Redaction of sensitive personal data (`"x-sensitive": true` in the schemas) from shared outputs:
 * pull-request summaries and CI formats. Findings about such a field keep their rule, file and
 * position, but lose any detail that could repeat what the field says.
 */
import type { Diagnostic } from '../diagnostic.js';
import { t, type Locale } from '../i18n/catalogue.js';
import { isDocumentKind, type DocumentKind } from '../kinds.js';
import { KIND_SCHEMAS } from '../schema/validate.js';

function sensitiveFieldsOf(schema: Record<string, any>): string[] {
  return Object.entries((schema.properties ?? {}) as Record<string, Record<string, unknown>>)
    .filter(([, prop]) => prop['x-sensitive'] === true)
    .map(([key]) => key);
}

/** Top-level fields marked `"x-sensitive": true`, per document kind (read from the schemas). */
export const SENSITIVE_FIELDS: Readonly<Record<DocumentKind, readonly string[]>> = Object.fromEntries(
  Object.entries(KIND_SCHEMAS).map(([kind, schema]) => [kind, sensitiveFieldsOf(schema)]),
) as Record<DocumentKind, string[]>;

export function isSensitiveField(kind: DocumentKind | undefined, field: unknown): boolean {
  return kind !== undefined && typeof field === 'string' && SENSITIVE_FIELDS[kind].includes(field);
}

/**
 * The sensitive field a finding is about, if any: from the data path the finding carries, or, for
 * a finding of the parser (a YAML syntax error, whose message may quote the text), from the
 * top-level fields its position may lie in (`fields`; all of them are looked at).
 */
export function sensitiveFieldOf(d: Diagnostic, kind: DocumentKind | undefined): string | undefined {
  const path = d.data?.path;
  const field = Array.isArray(path) ? path[0] : undefined;
  if (isSensitiveField(kind, field)) return String(field);
  const fields = d.data?.fields;
  if (Array.isArray(fields)) return fields.find((f) => isSensitiveField(kind, f));
  return undefined;
}

/**
 * Replaces the message and data of findings about sensitive fields with a neutral sentence.
 * `kindOf` tells the document kind of a file (undefined for files that are not documents).
 */
export function redactSensitive(diagnostics: Diagnostic[], kindOf: (file: string) => DocumentKind | undefined, locale: Locale): Diagnostic[] {
  return diagnostics.map((d) => {
    // A file that could not be read is no document, but its findings say which kind it was meant to be.
    const field = sensitiveFieldOf(d, kindOf(d.file) ?? (isDocumentKind(d.data?.kind) ? d.data.kind : undefined));
    if (!field) return d;
    return { ...d, message: t(locale, 'redacted.sensitive', { field }), data: { path: [field], redacted: true } };
  });
}

/** `kindOf` for a set of parsed documents. */
export function kindLookup(documents: readonly { path: string; kind: DocumentKind }[]): (file: string) => DocumentKind | undefined {
  const byPath = new Map(documents.map((d) => [d.path, d.kind]));
  return (file) => byPath.get(file);
}

/**
 * The sensitive fields (`x-sensitive`) a document's data holds, for output that stays with the
 * account team (`keyplan export --include-sensitive`, the local `keyplan brief`); shared output
 * leaves them out by not calling this.
 */
export function sensitiveValues(kind: DocumentKind, data: unknown): Record<string, unknown> {
  const record = (data ?? {}) as Record<string, unknown>;
  return Object.fromEntries(SENSITIVE_FIELDS[kind].filter((k) => record[k] !== undefined).map((k) => [k, record[k]]));
}
