/**
 * Ajv itself, for the validators that are not compiled at build time (a keyplan.yaml with its own
 * roles or channels, the build script, the tests). It imports nothing else: the bundles load it
 * only when a validator is compiled at run time (`LAZY_MODULES` in scripts/lazy-core.mjs), which a workspace with
 * the built-in vocabulary never does.
 */
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

export type { Ajv2020 };

/** A new Ajv with these options, the `date` format and these annotation keywords. */
export function createAjv(options: Record<string, unknown>, annotations: readonly string[]): Ajv2020 {
  const ajv = new Ajv2020(options);
  addFormats(ajv, ['date']);
  for (const k of annotations) ajv.addKeyword(k);
  return ajv;
}
