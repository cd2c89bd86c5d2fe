/**
 * remark's Markdown parser, for the interaction logs whose layout needs CommonMark (code blocks,
 * quotes, HTML, deep indentation; parse/interaction-log.ts reads the others line by line). It
 * imports nothing else: the bundles load it the first time such a log is read (`LAZY_MODULES` in
 * scripts/lazy-core.mjs).
 */
import type { Root } from 'mdast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

let processor: ReturnType<typeof newProcessor> | undefined;
const newProcessor = () => unified().use(remarkParse);

/** The Markdown syntax tree of a text. */
export function parseMarkdown(text: string): Root {
  processor ??= newProcessor();
  return processor.parse(text) as Root;
}
