/**
 * A schema's own words in a locale. The JSON Schemas are the public contract and carry English in
 * `title`, `description` and `x-enum-descriptions`, Chinese in the `x-title-zh`, `x-description-zh`
 * and `x-enum-descriptions-zh` annotations; this file is the only one that knows those keys.
 */
import { localizeText, type Locale, type Text } from './locale.js';

type Schema = Record<string, any> | undefined;

const KEYS = {
  title: { en: 'title', zh: 'x-title-zh' },
  description: { en: 'description', zh: 'x-description-zh' },
  enumDescriptions: { en: 'x-enum-descriptions', zh: 'x-enum-descriptions-zh' },
} satisfies Record<string, Text>;

/** The translation keywords of our schemas, to register with ajv (its strict mode still catches typos). */
export const SCHEMA_TEXT_KEYWORDS = [KEYS.title.zh, KEYS.description.zh, KEYS.enumDescriptions.en, KEYS.enumDescriptions.zh];

/** The value of a text key in the locale; `fallback` reads the English key when the locale's is absent. */
function read(schema: Schema, key: Text, locale: Locale, fallback: boolean): unknown {
  const own = schema?.[localizeText(key, locale)];
  return own ?? (fallback ? schema?.[key.en] : undefined);
}

/** A schema's title in the locale, English when it has none in the locale. */
export function schemaTitle(schema: Schema, locale: Locale): string | undefined {
  return read(schema, KEYS.title, locale, true) as string | undefined;
}

/**
 * A schema's description in the locale. By default English stands in for a missing translation;
 * with `fallback: false` a missing translation is missing (a message then leaves the part out).
 */
export function schemaDescription(schema: Schema, locale: Locale, { fallback = true } = {}): string | undefined {
  return read(schema, KEYS.description, locale, fallback) as string | undefined;
}

/** The descriptions of an enum's values in the locale, aligned with `enum`. */
export function schemaEnumDescriptions(schema: Schema, locale: Locale): string[] | undefined {
  return read(schema, KEYS.enumDescriptions, locale, false) as string[] | undefined;
}

/**
 * A copy of an enum schema with new values, each known value keeping its descriptions in every
 * locale and each new one described by `custom` (keyplan.yaml extends roles and channels), or by
 * `own` when it has a text of its own (a channel alias names its channel).
 */
export function withEnumValues(schema: Record<string, any>, values: string[], custom: Text, own: (value: string) => Text | undefined = () => undefined): Record<string, any> {
  const describe = (key: string, text: string) => {
    const old = schema[key] as string[] | undefined;
    const locale = key === KEYS.enumDescriptions.zh ? 'zh' : 'en';
    return old ? values.map((v) => own(v)?.[locale] ?? old[(schema.enum as string[]).indexOf(v)] ?? text) : undefined;
  };
  return {
    ...schema,
    enum: [...values],
    [KEYS.enumDescriptions.en]: describe(KEYS.enumDescriptions.en, custom.en),
    [KEYS.enumDescriptions.zh]: describe(KEYS.enumDescriptions.zh, custom.zh),
  };
}

/** How a channel alias is described where channels are listed (completion, hover). */
export function channelAliasText(channel: string): Text {
  return { en: `Another name for \`${channel}\` (keyplan.yaml \`channel_aliases\`).`, zh: `\`${channel}\` 的别名（keyplan.yaml \`channel_aliases\`）。` };
}
