/**
 * Which fields of a diff hold vocabulary (shown as the diff's words) and which hold plan text
 * (escaped and shortened). The words themselves are in src/core/i18n/diff.ts.
 */

/** Fields whose values come from a closed vocabulary (translated in Chinese output). */
export const VOCABULARY_FIELDS = new Set(['lifecycle', 'relationship_level', 'review.status', 'health.churn_risk', 'status', 'layer', 'stage', 'target_stage', 'target_stance', 'channels']);

/** Fields whose values are plan text (escaped, shortened) rather than vocabulary. */
export const TEXT_FIELDS = new Set(['name', 'title', 'industry', 'content', 'target', 'measure', 'needs', 'career', 'preferences', 'communication_style']);
