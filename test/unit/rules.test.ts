/**
 * The rules have one home each: src/core/rules/<category>/<id>.ts, listed in rules/index.ts, and
 * documented in docs/rules.md with the same default severity. Plain and per-tier defaults are
 * both honoured.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { resolveConfig } from '../../src/core/parse/config.js';
import { effectiveSeverity, RULES, ruleInfo } from '../../src/core/rules/index.js';
import { REPO_ROOT } from '../helpers.js';

const RULES_DIR = path.join(REPO_ROOT, 'src', 'core', 'rules');
const DOC = readFileSync(path.join(REPO_ROOT, 'docs', 'rules.md'), 'utf8');

/** `### id` → the first bold sentence of its section (the documented default severity). */
function documentedDefaults(): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of DOC.matchAll(/^### ([a-z0-9-]+)\s*\n\*\*([^*]+)\*\*/gm)) out.set(m[1], m[2]);
  return out;
}

/** How docs/rules.md writes a default: `Error.` or `A: warning, B: warning, C: off.` */
function written(severity: (typeof RULES)[number]['severity']): string {
  if (typeof severity === 'string') return `${severity[0].toUpperCase()}${severity.slice(1)}.`;
  return `A: ${severity.A}, B: ${severity.B}, C: ${severity.C}.`;
}

describe('rules: one file per rule, documented', () => {
  it('every file under src/core/rules/<category>/ is one rule named by its id, and every rule is listed', () => {
    const files: string[] = [];
    for (const category of readdirSync(RULES_DIR, { withFileTypes: true }).filter((e) => e.isDirectory())) {
      for (const file of readdirSync(path.join(RULES_DIR, category.name))) {
        files.push(`${category.name}/${file}`);
        const id = file.replace(/\.ts$/, '');
        const rule = ruleInfo(id);
        assert.ok(rule, `${category.name}/${file} is not in RULES (src/core/rules/index.ts)`);
        assert.equal(rule.category, category.name, `${id} is in the ${category.name} folder but says category ${rule.category}`);
        const source = readFileSync(path.join(RULES_DIR, category.name, file), 'utf8');
        assert.match(source, new RegExp(`id: '${id}',`), `${file} defines another id`);
      }
    }
    assert.deepEqual(files.map((f) => f.replace(/^.*\//, '').replace(/\.ts$/, '')).sort(), RULES.map((r) => r.id).sort());
  });

  it('docs/rules.md has a section for every rule, and no section for a rule that does not exist', () => {
    const documented = [...documentedDefaults().keys()];
    assert.deepEqual([...documented].sort(), RULES.map((r) => r.id).sort());
  });

  it('the default severity in docs/rules.md is the one in the rule file', () => {
    const documented = documentedDefaults();
    for (const rule of RULES) assert.ok(documented.get(rule.id)!.startsWith(written(rule.severity).replace(/\.$/, '')), `${rule.id}: docs say “${documented.get(rule.id)}”, the rule file ${written(rule.severity)}`);
  });

  it('every rule has a summary and messages in English and Chinese', () => {
    for (const rule of RULES) {
      assert.ok(rule.summary.en && rule.summary.zh, rule.id);
      const messages = Object.entries(rule.messages as Record<string, { en: unknown; zh: unknown }>);
      assert.ok(messages.length > 0, rule.id);
      for (const [variant, m] of messages) assert.ok(typeof m.en === 'function' && typeof m.zh === 'function', `${rule.id}.${variant}`);
    }
  });

  it('a finding gets the plain default severity of its rule, and per-tier defaults follow the tier', () => {
    const config = resolveConfig({});
    const unknownChannel = ruleInfo('unknown-channel')!;
    const d = unknownChannel.diagnostic({ file: 'x.md', range: { start: { line: 1, column: 1 }, end: { line: 1, column: 2 } } }, 'en', 'default', { value: 'fax', allowed: 'visit' });
    assert.equal(d.severity, 'warning');
    assert.equal(d.rule, 'unknown-channel');
    assert.equal(ruleInfo('schema')!.producedSeverity, 'error');
    assert.equal(effectiveSeverity(config, 'missing-coach', 'warning', 'A'), 'warning');
    assert.equal(effectiveSeverity(config, 'missing-coach', 'warning', 'B'), null);
    assert.equal(effectiveSeverity(config, 'single-threaded', 'warning', 'C'), 'info');
    // A check may choose another severity (interaction-never for people who are not key players).
    assert.equal(effectiveSeverity(config, 'interaction-never', 'info', 'A'), 'info');
  });

  it('keyplan.yaml `rules:` overrides a plain default and a per-tier one', () => {
    const config = resolveConfig({ rules: { 'unknown-channel': 'error', 'missing-coach': { B: 'warning' } } });
    assert.equal(effectiveSeverity(config, 'unknown-channel', 'warning', 'C'), 'error');
    assert.equal(effectiveSeverity(config, 'missing-coach', 'warning', 'B'), 'warning');
    assert.equal(effectiveSeverity(config, 'missing-coach', 'warning', 'C'), null);
  });

  it('keyplan.yaml `rules:` knows exactly these rule ids (so a typo is reported with "did you mean", and the editor completes them)', () => {
    const schema = JSON.parse(readFileSync(path.join(REPO_ROOT, 'schemas', 'keyplan-config.schema.json'), 'utf8'));
    const listed = schema.properties.rules.properties as Record<string, { description: string; 'x-description-zh': string }>;
    assert.deepEqual(Object.keys(listed).sort(), RULES.map((r) => r.id).sort());
    for (const rule of RULES) {
      assert.equal(listed[rule.id].description, rule.summary.en, rule.id);
      assert.equal(listed[rule.id]['x-description-zh'], rule.summary.zh, rule.id);
    }
    assert.equal(schema.properties.rules.additionalProperties, false);
  });
});
