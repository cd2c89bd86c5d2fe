/**
 * keyplan.yaml: read, validated and resolved into settings, degrading per value (a bad value falls
 * back alone, with a finding that names the fallback) and never per file.
 */
import type { Diagnostic } from '../diagnostic.js';
import { isLocale, normalizeLocale, t, type Locale } from '../i18n/catalogue.js';
import { resolveConfig, TIERS, type KeyplanConfig, type Tier } from '../parse/config.js';
import { readYaml, YamlFile } from '../parse/document.js';
import { decodeText } from '../parse/text.js';
import { encoding } from '../rules/format/encoding.js';
import { schema } from '../rules/format/schema.js';
import { ruleInfo } from '../rules/index.js';
import { branchErrors, schemaDiagnostics, schemaSetFor, withoutInvalid } from '../schema/validate.js';
import { closest } from '../suggest.js';
import { CONFIG_FILE, firstCharacters, withoutBom, type SourceFile } from './source.js';

export { CONFIG_FILE };

/**
 * Reads keyplan.yaml (if any) into a resolved config plus its own findings. The locale is the
 * caller's choice, else the file's `locale:`, else English.
 *
 * Degrades per value, never per file: a value that fails the schema (or a cadence whose `max` is
 * below its `ideal`) is reported at its place, with what is used instead, and only that value falls
 * back. A file that cannot be read at all (not UTF-8, a YAML syntax error, not a group of settings)
 * is an error finding, and `config.unreadable` says so to the commands that print no findings.
 */
export function loadConfig(file: SourceFile | undefined, localeOverride?: Locale): { config: KeyplanConfig; locale: Locale; diagnostics: Diagnostic[] } {
  const builtIn = (locale: Locale, diagnostics: Diagnostic[] = [], unreadable?: KeyplanConfig['unreadable']) => {
    const config = resolveConfig(undefined);
    if (unreadable) {
      config.unreadable = unreadable;
      const note = t(locale, 'config.unreadable');
      diagnostics = diagnostics.map((d) => (d.severity === 'error' ? { ...d, message: d.message + note } : d));
    }
    return { config, locale, diagnostics };
  };
  const fileLocale = localeOverride ?? 'en';
  if (!file) return builtIn(fileLocale);
  const decoded = typeof file.content === 'string' ? { ok: true as const, text: withoutBom(file.content) } : decodeText(file.content, true); // a NUL byte is the YAML reader's to report, with its position
  if (!decoded.ok) return builtIn(fileLocale, [encoding.diagnostic({ file: file.path, range: firstCharacters(file.content) }, fileLocale, 'not-utf8')], 'not-utf8');
  const text = decoded.text;
  const source = new YamlFile(file.path, text, { yamlStart: 0, yamlEnd: text.length, bodyStart: text.length, closed: true });
  const read = readYaml(file.path, text, 0, text.length, source.lines, fileLocale);
  if (!read.ok) return builtIn(fileLocale, read.diagnostics, 'yaml');
  const data = read.data;
  if (data === null || data === undefined) return builtIn(fileLocale); // an empty keyplan.yaml: nothing set
  if (typeof data !== 'object' || Array.isArray(data)) {
    const foundType = Array.isArray(data) ? 'array' : typeof data === 'number' || typeof data === 'boolean' ? typeof data : 'string';
    const d = source.diagnostic(schema, 'config-not-mapping', source.locate([], 'value'), fileLocale, { foundType, found: String(data).slice(0, 40) });
    return builtIn(fileLocale, [d], 'not-mapping');
  }
  const record = data as Record<string, unknown>;
  const locale = localeOverride ?? normalizeLocale(isLocale(record.locale) ? record.locale : 'en');
  // The roles the file itself adds are valid keys of its cadence table.
  const extraRoles = Array.isArray(record.roles) ? record.roles.filter((r): r is string => typeof r === 'string') : [];
  const defaults = resolveConfig(undefined);
  const errors = branchErrors(schemaSetFor({ channels: defaults.channels, channelAliases: defaults.channelAliases, roles: [...new Set([...defaults.roles, ...extraRoles])] }).validate('config', data));
  const diagnostics = schemaDiagnostics(source, 'keyplan.yaml', errors, locale);
  const kept = withoutInvalid(record, errors);
  // A cadence whose maximum is below its ideal is reported as it is in a person file, and not used.
  const cadence = kept.cadence as Record<string, Record<string, { ideal?: unknown; max?: unknown }> | undefined> | undefined;
  for (const tier of TIERS) {
    for (const [role, c] of Object.entries(cadence?.[tier] ?? {})) {
      if (c && typeof c.ideal === 'number' && typeof c.max === 'number' && c.max < c.ideal) {
        const at = ['cadence', tier, role, 'max'];
        diagnostics.push(source.diagnostic(schema, 'max-below-ideal', source.locate(at, 'value'), locale, { ideal: c.ideal, max: c.max }, { path: at }));
        delete cadence![tier]![role];
      }
    }
  }
  const config = resolveConfig(kept);
  // An alias of a channel that is not configured (or that is a channel itself) is reported and not used.
  const aliases = kept.channel_aliases;
  if (aliases && typeof aliases === 'object' && !Array.isArray(aliases)) {
    for (const [alias, value] of Object.entries(aliases as Record<string, unknown>)) {
      if (typeof value !== 'string') continue;
      const at = ['channel_aliases', alias];
      if (!/^[^\s@:：]+$/.test(alias)) {
        diagnostics.push(source.diagnostic(schema, 'alias-not-token', source.locate(at, 'key'), locale, { alias }, { path: at }));
      } else if (config.channels.includes(alias)) {
        diagnostics.push(source.diagnostic(schema, 'alias-is-channel', source.locate(at, 'key'), locale, { alias }, { path: at }));
      } else if (!config.channels.includes(value)) {
        const suggestion = closest(value, config.channels);
        diagnostics.push(source.diagnostic(schema, 'alias-unknown-channel', source.locate(at, 'value'), locale, { alias, value, suggestion, allowed: config.channels.join('|') }, { path: at, value, suggestion }));
      }
    }
  }
  return { config, locale, diagnostics: diagnostics.map((d) => withFallback(d, config, locale)) };
}

/** Appends to a keyplan.yaml finding what is used instead of the value it is about. */
function withFallback(d: Diagnostic, config: KeyplanConfig, locale: Locale): Diagnostic {
  const path = (d.data?.path as (string | number)[] | undefined) ?? [];
  return { ...d, message: d.message + fallbackText(path, config, locale) };
}

function fallbackText(path: (string | number)[], config: KeyplanConfig, locale: Locale): string {
  const [top, a, b] = path;
  const builtIn = resolveConfig(undefined);
  switch (top) {
    case 'rules': {
      const rule = ruleInfo(String(a ?? ''));
      if (a === undefined) return t(locale, 'config.fallback.ignored');
      if (!rule) return t(locale, 'config.fallback.ignored');
      const severity = rule.severity;
      if (typeof b === 'string' && (TIERS as readonly string[]).includes(b)) {
        const s = typeof severity === 'string' ? severity : severity[b as Tier];
        return t(locale, 'config.fallback.rule-tier', { tier: b, severity: s });
      }
      if (b !== undefined) return t(locale, 'config.fallback.ignored');
      const shown = typeof severity === 'string' ? severity : TIERS.map((tier) => `${tier}: ${severity[tier]}`).join(', ');
      return t(locale, 'config.fallback.rule', { rule: rule.id, severity: shown });
    }
    case 'cadence': {
      if (typeof a !== 'string' || !(TIERS as readonly string[]).includes(a) || typeof b !== 'string') return t(locale, 'config.fallback.ignored');
      const tier = a as Tier;
      const own = config.cadence[tier][b];
      const used = own ?? config.cadence[tier].default ?? builtIn.cadence[tier].default;
      const source = own && !config.cadenceFromFile.has(`${tier}.${b}`) ? t(locale, 'config.fallback.cadence.built-in') : t(locale, 'config.fallback.cadence.tier-default', { tier });
      return t(locale, 'config.fallback.cadence', { source, key: `${tier}.${b}`, ideal: used.ideal, max: used.max });
    }
    case 'dark_after':
      return t(locale, 'config.fallback.dark-after', { days: config.darkAfter });
    case 'onboarding_days':
      return t(locale, 'config.fallback.dark-after', { days: config.onboardingDays });
    case 'health':
      return typeof b === 'string' && b in builtIn.healthWeights
        ? t(locale, 'config.fallback.weight', { weight: config.healthWeights[b as keyof KeyplanConfig['healthWeights']] })
        : t(locale, 'config.fallback.ignored');
    case 'locale':
      return t(locale, 'config.fallback.locale');
    case 'channels':
      return typeof a === 'number' ? t(locale, 'config.fallback.item') : t(locale, 'config.fallback.channels');
    case 'channel_aliases':
      return t(locale, 'config.fallback.item');
    case 'import':
      if (a === 'online' || a === 'in_person') return t(locale, 'config.fallback.import-channel', { channel: a === 'online' ? config.import.online : config.import.inPerson });
      return a === 'ignore' && typeof b === 'number' ? t(locale, 'config.fallback.item') : t(locale, 'config.fallback.ignored');
    case 'roles':
    case 'exclude':
      return typeof a === 'number' ? t(locale, 'config.fallback.item') : t(locale, 'config.fallback.ignored');
    default:
      return t(locale, 'config.fallback.ignored');
  }
}

/** Above this size a Markdown file is not read (plans are small; this guards the editor and CI). */
