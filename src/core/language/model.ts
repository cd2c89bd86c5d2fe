/** What the language features need: the latest check of the workspace, and the schemas it used. */
import type { CheckResult } from '../check/pipeline.js';
import type { Locale } from '../i18n/catalogue.js';
import { schemaSetFor } from '../schema/validate.js';
import { SchemaNavigator } from './schema-nav.js';

export interface LanguageModel {
  result: CheckResult;
  nav: SchemaNavigator;
  locale: Locale;
}

export function languageModel(result: CheckResult, locale: Locale = result.locale): LanguageModel {
  return { result, nav: new SchemaNavigator(schemaSetFor(result.config)), locale };
}

/** The `account:` (or an account plan's `id:`) of a buffer, read from its text so it works while typing. */
export function accountOfText(text: string): string | undefined {
  const kind = /^kind[ \t]*:[ \t]*["']?([\w-]+)/m.exec(text)?.[1];
  const key = kind === 'account' ? 'id' : 'account';
  return new RegExp(`^${key}[ \\t]*:[ \\t]*["']?([a-z0-9-]+)`, 'm').exec(text)?.[1];
}
