/** The document kinds Keyplan knows. */
export const DOCUMENT_KINDS = ['account', 'org-portrait', 'person', 'relationship-plan', 'interaction-log'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export function isDocumentKind(value: unknown): value is DocumentKind {
  return typeof value === 'string' && (DOCUMENT_KINDS as readonly string[]).includes(value);
}
