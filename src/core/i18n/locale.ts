/**
 * The locales Keyplan speaks and the one place that chooses between them. Every translated text
 * in the core is a `Text` (fixed words) or a `Message` (words built from neutral parameters), and
 * is turned into one language by `localize` or `localizeText` below, nowhere else.
 */
export type Locale = 'en' | 'zh-cn';
export const LOCALES: readonly Locale[] = ['en', 'zh-cn'];

/** A supported locale written exactly (keyplan.yaml's `locale:` after schema validation). */
export function isLocale(value: unknown): value is Locale {
  return (LOCALES as readonly unknown[]).includes(value);
}

/** Any locale tag (`zh_CN`, `zh-TW`, `en-US`, VS Code's display language) to the one Keyplan uses. */
export function normalizeLocale(value: string | undefined | null): Locale {
  const v = (value ?? '').toLowerCase().replace('_', '-');
  return v.startsWith('zh') ? 'zh-cn' : 'en';
}

/** A tag that names a language Keyplan speaks (`en…` or `zh…`, any case), as its locale; otherwise undefined. */
export function localeOfTag(value: string | undefined | null): Locale | undefined {
  return value && /^(en|zh)/i.test(value) ? normalizeLocale(value) : undefined;
}

export type Params = Record<string, string | number | undefined>;
/** A message in every locale: the one shape of translated text in Keyplan. */
export type Message = { en: (p: Params) => string; zh: (p: Params) => string };
/** A fixed text in every locale. */
export type Text = { en: string; zh: string };

/** The member of a per-locale pair that belongs to the locale. */
function inLocale<T>(pair: { en: T; zh: T }, locale: Locale): T {
  return locale === 'zh-cn' ? pair.zh : pair.en;
}

/** A message in the given locale. */
export function localize(message: Message, locale: Locale, params: Params = {}): string {
  return inLocale(message, locale)(params);
}

/** A fixed text in the given locale. */
export function localizeText(text: Text, locale: Locale): string {
  return inLocale(text, locale);
}
