import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { Diagnostic } from '../../src/core/diagnostic.js';
import { RULES } from '../../src/core/rules/index.js';
import { escapeData, escapeProperty, formatGithub, githubCommand } from '../../src/cli/formatters/findings/github.js';
import { formatJunit, xmlText } from '../../src/cli/formatters/findings/junit.js';
import { formatSarif, uriOf } from '../../src/cli/formatters/findings/sarif.js';
import { RULE_HELP } from '../../src/cli/formatters/findings/rule-help.js';
import { generate, OUTPUT } from '../../scripts/rule-help.js';
import { REPO_ROOT, removeDir, writeTempWorkspace } from '../helpers.js';
import { baseWorkspace, changed, personDoc } from './helpers/diff-fixtures.js';
import { buildCli, keyplan } from './helpers/git-repo.js';
import { parseXml } from './helpers/xml.js';

const AS_OF = '2026-11-20';
const SARIF_SCHEMA = path.join(REPO_ROOT, 'node_modules', '@microsoft', 'sarif-multitool-ts', 'assets', 'sarif-2.1.0.schema.json');

const diag = (over: Partial<Diagnostic> = {}): Diagnostic => ({
  file: 'accounts/a/people/x.md',
  range: { start: { line: 3, column: 5 }, end: { line: 3, column: 12 } },
  severity: 'error',
  rule: 'schema',
  message: 'Something is wrong',
  ...over,
});

/** The SARIF 2.1.0 schema (from @microsoft/sarif-multitool-ts), compiled once. */
function sarifValidator(): { (log: unknown): boolean; errors?: unknown } {
  const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false });
  addFormats(ajv);
  const compiled = ajv.compile(JSON.parse(readFileSync(SARIF_SCHEMA, 'utf8')));
  const validate = (log: unknown): boolean => {
    const ok = compiled(log);
    validate.errors = compiled.errors;
    return ok;
  };
  validate.errors = undefined as unknown;
  return validate;
}

describe('CI formats of keyplan check', function () {
  this.timeout(60_000);
  before(buildCli);

  describe('GitHub workflow commands (--format github)', () => {
    it('escapes messages (%, CR, LF) and properties (also : and ,)', () => {
      assert.equal(escapeData('100% done\r\nnext: a, b'), '100%25 done%0D%0Anext: a, b');
      assert.equal(escapeProperty('a:b,c%\n'), 'a%3Ab%2Cc%25%0A');
      const cmd = githubCommand(diag({ message: 'line one\nline two: 50%', rule: 'schema' }), 'dir, with: odd/file.md');
      assert.equal(cmd, '::error file=dir%2C with%3A odd/file.md,line=3,col=5,endLine=3,endColumn=11,title=schema::line one%0Aline two: 50%25');
    });

    it('maps severities to error, warning and notice, errors first', () => {
      const out = formatGithub([diag({ severity: 'info', rule: 'interaction-due-soon' }), diag({ severity: 'warning', rule: 'missing-coach' }), diag()], { errors: 1, warnings: 1, infos: 1, files: 1, documents: 1 }, (f) => f);
      assert.deepEqual(out.trimEnd().split('\n').map((l) => l.split(' ')[0]), ['::error', '::warning', '::notice', 'keyplan:']);
    });

    it('keyplan check samples --format github: one well-formed command per finding, exit 1', () => {
      const r = keyplan(['check', 'samples', '--format', 'github', '--as-of', AS_OF], REPO_ROOT);
      assert.equal(r.status, 1, r.stderr);
      const lines = r.stdout.trimEnd().split('\n');
      const commands = lines.slice(0, -1);
      assert.ok(commands.length > 10);
      for (const line of commands) assert.match(line, /^::(error|warning|notice) file=samples\/[^,:]+\.md,line=\d+,col=\d+,endLine=\d+(,endColumn=\d+)?,title=[a-z-]+::[^\r\n]+$/, line);
      assert.ok(commands.includes('::error file=samples/accounts/east-china-telecom/people/zhao-min.md,line=10,col=9,endLine=10,endColumn=17,title=schema::`suportive` is not an allowed value for `stance`. Did you mean `supporter`? Allowed: champion, supporter, neutral, skeptic, opponent, unknown.'));
      assert.match(lines[lines.length - 1], /^keyplan: 4 errors, \d+ warnings, \d+ info in \d+ files; 26 documents checked\.$/);
    });

    it('paths are relative to GITHUB_WORKSPACE when it is set', () => {
      const r = keyplan(['check', '.', '--format', 'github', '--as-of', AS_OF], path.join(REPO_ROOT, 'samples'), { GITHUB_WORKSPACE: REPO_ROOT });
      assert.match(r.stdout, /^::error file=samples\/accounts\/east-china-telecom\/people\/zhao-min\.md,/m);
    });
  });

  describe('SARIF 2.1.0 (--format sarif)', () => {
    let log: any;
    before(() => {
      const r = keyplan(['check', 'samples', '--format', 'sarif', '--as-of', AS_OF], REPO_ROOT);
      assert.equal(r.status, 1, r.stderr);
      log = JSON.parse(r.stdout);
    });

    it('validates against the SARIF 2.1.0 JSON schema', () => {
      const validate = sarifValidator();
      assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));
      // The validator does reject broken logs.
      const broken = structuredClone(log) as any;
      broken.runs[0].results[0].level = 'fatal';
      assert.equal(validate(broken), false);
    });

    it('describes every rule with its help text from docs/rules.md', () => {
      const rules = log.runs[0].tool.driver.rules as { id: string; help: { text: string; markdown: string }; shortDescription: { text: string } }[];
      assert.deepEqual(rules.map((r) => r.id), RULES.map((r) => r.id));
      const coach = rules.find((r) => r.id === 'missing-coach')!;
      assert.match(coach.help.markdown, /^\*\*A: warning, B: off, C: off\.\*\* A strategic account without a `Coach`/);
      assert.ok(!coach.help.text.includes('`') && !coach.help.text.includes('**'));
      for (const r of rules) assert.ok(r.help.text.length > 20, r.id);
    });

    it('results carry rule, level, region and a fingerprint', () => {
      const results = log.runs[0].results as any[];
      const zhao = results.find((r) => r.ruleId === 'schema')!;
      assert.equal(zhao.level, 'error');
      assert.equal(log.runs[0].tool.driver.rules[zhao.ruleIndex].id, 'schema');
      assert.deepEqual(zhao.locations[0].physicalLocation, {
        artifactLocation: { uri: 'samples/accounts/east-china-telecom/people/zhao-min.md', uriBaseId: '%SRCROOT%' },
        region: { startLine: 10, startColumn: 9, endLine: 10, endColumn: 18 },
      });
      assert.match(zhao.partialFingerprints['keyplanFinding/v1'], /^[0-9a-f]{32}$/);
      assert.deepEqual(new Set(results.map((r) => r.level)), new Set(['error', 'warning', 'note']));
    });

    it('fingerprints do not change when lines move', () => {
      const files = baseWorkspace();
      const broken = { ...files, 'accounts/acme/people/zhang-wei.md': files['accounts/acme/people/zhang-wei.md'].replace('stance: neutral', 'stance: nuetral') };
      const moved = { ...broken, 'accounts/acme/people/zhang-wei.md': broken['accounts/acme/people/zhang-wei.md'].replace('kind: person', 'kind: person\n# moved down\nchannels: [visit]') };
      const fingerprints = (ws: Record<string, string>) => {
        const dir = writeTempWorkspace(ws);
        try {
          const r = keyplan(['check', '.', '--format', 'sarif', '--as-of', AS_OF], dir);
          const results = JSON.parse(r.stdout).runs[0].results as any[];
          const schema = results.find((x) => x.ruleId === 'schema');
          return { line: schema.locations[0].physicalLocation.region.startLine, fp: schema.partialFingerprints['keyplanFinding/v1'] };
        } finally {
          removeDir(dir);
        }
      };
      const a = fingerprints(broken);
      const b = fingerprints(moved);
      assert.notEqual(a.line, b.line);
      assert.equal(a.fp, b.fp);
    });

    it('file URIs are percent-encoded, slashes kept', () => {
      assert.equal(uriOf('accounts/华东 电信/#1.md'), 'accounts/%E5%8D%8E%E4%B8%9C%20%E7%94%B5%E4%BF%A1/%231.md');
      const out: any = JSON.parse(formatSarif({ diagnostics: [diag({ file: 'a b.md' })], displayPath: (f) => f, version: '0.1.0', fingerprint: () => 'x' }));
      assert.ok(sarifValidator()(out));
      assert.equal(out.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri, 'a%20b.md');
    });
  });

  describe('JUnit XML (--format junit)', () => {
    it('is always well-formed: escapes & < > " \' and drops characters XML 1.0 forbids', () => {
      const nasty = 'Tom & Jerry <b>"quoted"</b> \'single\' \u0000nul \u0007bell \u001b[31m lone \ud800 surrogate \uffff end 中文 😀';
      assert.equal(xmlText('a & b < c > d " e \' f'), 'a &amp; b &lt; c &gt; d &quot; e &apos; f');
      const xml = formatJunit({ files: ['x.md', 'ok.md'], diagnostics: [diag({ file: 'x.md', message: nasty, rule: 'schema' }), diag({ file: 'x.md', severity: 'warning', message: `multi\nline ${nasty}` })], displayPath: (f) => `dir "q" & <x>/${f}` });
      const { problems, root } = parseXml(xml);
      assert.deepEqual(problems, []);
      assert.equal(root!.name, 'testsuites');
      const failure = root!.children[1].children[0].children[0];
      assert.equal(failure.name, 'failure');
      assert.equal(failure.attributes.message, 'Tom & Jerry <b>"quoted"</b> \'single\' nul bell [31m lone  surrogate  end 中文 😀');
      assert.ok(xml.includes('😀'), 'characters outside the BMP are kept');
    });

    it('keyplan check samples --format junit: one suite per document, errors are failures', () => {
      const r = keyplan(['check', 'samples', '--format', 'junit', '--as-of', AS_OF], REPO_ROOT);
      assert.equal(r.status, 1, r.stderr);
      const { problems, root } = parseXml(r.stdout);
      assert.deepEqual(problems, []);
      assert.equal(root!.name, 'testsuites');
      assert.equal(root!.children.length, 26, 'one suite per document');
      const failures = root!.children.flatMap((s) => s.children).filter((c) => c.children.some((x) => x.name === 'failure'));
      assert.equal(failures.length, 4);
      assert.equal(root!.attributes.failures, '4');
      const sum = root!.children.reduce((n, s) => n + Number(s.attributes.tests), 0);
      assert.equal(Number(root!.attributes.tests), sum);
      const valid = root!.children.find((s) => s.attributes.name === 'samples/accounts/east-china-telecom/org-portrait.md')!;
      assert.deepEqual(valid.children.map((c) => c.attributes.name), ['valid']);
    });
  });

  describe('sensitive personal fields never reach shared CI output', () => {
    let dir: string;
    before(() => {
      dir = writeTempWorkspace(changed(baseWorkspace(), {
        'accounts/acme/people/zhang-wei.md': personDoc({ id: 'zhang-wei', name: '张伟', roles: ['TB'], influence: 4, stance: 'neutral', coverage: 'multiple', extra: ['preferences: 8848', 'career: 想当集团副总'] }),
      }));
    });
    after(() => removeDir(dir));

    it('the local text output shows the problem in full; github, sarif and junit say only which field', () => {
      const text = keyplan(['check', '.', '--as-of', AS_OF], dir);
      assert.match(text.stdout, /`preferences` must be .*the number 8848/);
      for (const format of ['github', 'sarif', 'junit']) {
        const out = keyplan(['check', '.', '--format', format, '--as-of', AS_OF], dir).stdout;
        assert.ok(!out.includes('8848'), `${format} leaks the value`);
        assert.ok(!out.includes('想当集团副总'), `${format} leaks a sensitive field`);
        assert.match(out, /personal-data field `preferences`/, format);
      }
    });
  });

  it('src/cli/rule-help.ts is generated from docs/rules.md and covers every rule', () => {
    assert.equal(readFileSync(OUTPUT, 'utf8'), generate(), 'run: npx tsx scripts/rule-help.ts');
    for (const r of RULES) assert.ok(RULE_HELP[r.id], `docs/rules.md has no section for ${r.id}`);
  });

  it('keyplan check rejects an unknown format with the list of formats', () => {
    const r = keyplan(['check', 'samples', '--format', 'xml'], REPO_ROOT);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /unknown format 'xml' \(use text, json, github, sarif, junit\)/);
  });
});
