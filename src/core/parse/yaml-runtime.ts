/**
 * The `yaml` package: the exact YAML parser (positions, syntax errors, edits). It imports nothing
 * else: the bundles load it the first time it is used (`LAZY_MODULES` in scripts/lazy-core.mjs),
 * which a check of plain frontmatter whose findings the quick locators place never does.
 */
export { isMap, isPair, isScalar, isSeq, parse, parseDocument, Scalar } from 'yaml';
export type { Document, Node, Pair, ParsedNode, YAMLError } from 'yaml';
