/**
 * Untrusted plan text in every output: the same hostile corpus (test/unit/helpers/hostile.ts) goes
 * through every medium Keyplan writes to, and each medium's own rules are checked — hovers and
 * PR comments (Markdown: no links, HTML, mentions, issue links, math; tables intact), the webview
 * (SVG and HTML: no element or attribute from plan text), GitHub workflow commands (one command
 * per line, properties and data escaped), SARIF (valid against the 2.1.0 schema), JUnit (well-formed
 * XML), JSON (parses, text intact) and terminals (no control sequences). Sensitive canaries never
 * reach a shared output.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { checkWorkspace } from '../../src/core/check/pipeline.js';
import { hoverAt } from '../../src/core/language/hover.js';
import { languageModel } from '../../src/core/language/model.js';
import { escapeMarkdown, escapeMarkdownLinkFree } from '../../src/core/render/markdown.js';
import { layoutMatrix } from '../../src/core/matrix/layout.js';
import { renderMatrixSvg } from '../../src/core/matrix/svg.js';
import { matrixModel } from '../../src/core/matrix/model.js';
import { mapModel } from '../../src/core/map/model.js';
import { main, type Io } from '../../src/cli/main.js';
import { terminalSafe } from '../../src/cli/output/terminal.js';
import { noIcons } from '../../src/extension/views/labels.js';
import { cardHtml, sideHtml } from '../../src/webview/html.js';
import { mapCardHtml, mapSideHtml, mapToolbarHtml } from '../../src/webview/map-html.js';
import type { MapStrings, ToWebview as MapToWebview } from '../../src/webview/map-messages.js';
import type { MatrixStrings } from '../../src/webview/messages.js';
import { REPO_ROOT, removeDir, writeTempWorkspace } from '../helpers.js';
import { record } from './helpers/figures.js';
import { TempRepo } from './helpers/git-repo.js';
import {
  assertInertMarkup, assertNoCanary, assertNoControls, assertSafeMarkdown, CANARY, HOSTILE, HOSTILE_PATH, hostilePathDocument, hostileWorkspace,
} from './helpers/hostile.js';
import { parseXml } from './helpers/xml.js';

const AS_OF = '2026-11-20';
const ENTRIES = Object.entries(HOSTILE);
const SVG_ELEMENTS = ['svg', 'title', 'style', 'rect', 'defs', 'marker', 'path', 'text', 'line', 'circle', 'g', 'polyline'];
const HTML_ELEMENTS = ['root', 'div', 'strong', 'span', 'b', 'h3', 'ul', 'li', 'p', 'label', 'select', 'option', 'button'];
const STRINGS: MatrixStrings = {
  legendTitle: 'Buying role', roles: { EB: 'EB', TB: 'TB', UB: 'UB', Coach: 'Coach', other: 'Other' }, severalRoles: 'Several roles', sizeBy: 'Marker size', temperature: 'Temperature', coverage: 'Coverage',
  unplaced: 'Unplaced', lastInteraction: 'Last', cadence: 'Cadence', influence: 'Influence', stance: 'Stance', coverageLabel: 'Coverage', target: 'Target', previous: 'Previous', hint: 'Hint', empty: 'Empty', openMap: 'Map',
  historyTrail: 'History trail', timeline: 'At a commit', now: 'Now', past: 'Read-only',
};

const MAP_STRINGS: MapStrings = {
  stance: 'Stance', influence: 'Influence', coverageLabel: 'Coverage', cadence: 'Cadence', temperature: 'Temperature', stage: 'Stage',
  informal: 'Informal', paths: 'Paths', openMatrix: 'Matrix', noPath: 'None', hint: 'Hint', empty: 'Empty',
};

/** Text as an XML/HTML reader will show it: what escapeXml keeps. */
const xmlVisible = (s: string) => s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '').replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');

/** Runs the CLI in-process. */
async function cli(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: Io = { stdout: { write: (s: string) => (stdout += s), isTTY: false }, stderr: { write: (s: string) => (stderr += s), isTTY: false }, cwd, env };
  const code = await main(args, io);
  return { code, stdout, stderr };
}

function sarifValidator(): (log: unknown) => boolean {
  const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false });
  addFormats(ajv);
  return ajv.compile(JSON.parse(readFileSync(path.join(REPO_ROOT, 'node_modules', '@microsoft', 'sarif-multitool-ts', 'assets', 'sarif-2.1.0.schema.json'), 'utf8')));
}

/** Every hostile string in its own account of one workspace (the CLI runs once per format). */
function allHostile(variant: 'before' | 'after'): Record<string, string> {
  const files: Record<string, string> = { 'keyplan.yaml': 'locale: en\n' };
  ENTRIES.forEach(([, h], i) => Object.assign(files, hostileWorkspace(h, variant, i + 1)));
  files[HOSTILE_PATH.replace('evil', 'evil-1')] = hostilePathDocument(HOSTILE.htmlImg).replace('account: evil', 'account: evil-1');
  // A file name with a line break and a workflow command in it (Linux allows both).
  files['accounts/evil-2/people/new\nline ::error::x\r.md'] = hostilePathDocument(HOSTILE.workflow).replace('account: evil', 'account: evil-2').replace('id: odd', 'id: odd-2');
  return files;
}

let checked = 0;
const medium = (name: string) => {
  checked++;
  record(`hostile-output.${name}`);
};

describe('hostile plan text in every output', function () {
  this.timeout(120_000);

  describe('core media, each with every hostile string', () => {
    const cases = ENTRIES.map(([key, h]) => {
      const files = hostileWorkspace(h);
      const result = checkWorkspace(Object.entries(files).map(([p, content]) => ({ path: p, content })), { asOf: AS_OF });
      return { key, h, files, result };
    });

    it('hover cards (Markdown, untrusted): text escaped, no link or HTML', () => {
      for (const { key, files, result } of cases) {
        const model = languageModel(result);
        const log = files['accounts/evil/interactions-2026.md'];
        const plan = files['accounts/evil/relationship-plan-2026.md'];
        const person = files['accounts/evil/people/eve.md'];
        const hovers = [
          hoverAt(log, log.indexOf('@eve') + 2, model),
          hoverAt(plan, plan.indexOf('person: mallory') + 10, model),
          hoverAt(person, person.indexOf('account: evil') + 10, model),
        ];
        for (const hover of hovers) {
          assert.ok(hover, `${key}: a hover card`);
          assertSafeMarkdown(hover.markdown, `hover ${key}`, [], 'people');
          assertNoCanary(hover.markdown, 'hover');
        }
      }
      medium('hover');
    });

    it('the matrix (SVG, in the webview and as a file): well-formed, no element or attribute from plan text, text intact', () => {
      for (const { key, h, result } of cases) {
        // With history trails (the webview's): their titles hold the name; a date that is not one is left out.
        const ids = matrixModel(result, 'evil')!.people.map((p) => p.id);
        const trails = new Map(ids.map((id) => [id, [{ stance: 'opponent', influence: 1, date: h }, { stance: 'supporter', influence: 2, date: '2026-01-05' }]]));
        const model = matrixModel(result, 'evil', undefined, trails)!;
        assert.ok(model.people.some((p) => p.trail?.length), `${key}: a trail is drawn`);
        for (const standalone of [true, false]) {
          const svg = renderMatrixSvg(model, layoutMatrix(model, { width: 720, height: 560, sizeBy: 'temperature' }), { locale: 'en', standalone });
          const { problems, root } = parseXml(svg);
          assert.deepEqual(problems, [], key);
          assertInertMarkup(root!, `svg ${key}`, SVG_ELEMENTS);
          // The name is shown as text, exactly (minus what XML cannot hold).
          const texts: string[] = [];
          const walk = (e: typeof root) => { texts.push(e!.text); e!.children.forEach(walk); };
          walk(root);
          assert.ok(texts.some((t) => t.includes(xmlVisible(h).slice(0, 200))), `${key}: the name is not shown as text`);
          assertNoCanary(svg, 'svg');
        }
      }
      medium('svg');
    });

    it('the webview card and side panel (HTML): no element or attribute from plan text', () => {
      for (const { key, h, result } of cases) {
        const model = matrixModel(result, 'evil')!;
        const layout = layoutMatrix(model, { width: 720, height: 560, sizeBy: 'temperature' });
        for (const p of model.people) {
          const { problems, root } = parseXml(`<root>${cardHtml(p, STRINGS)}</root>`);
          assert.deepEqual(problems, [], `card ${key}`);
          assertInertMarkup(root!, `card ${key}`, HTML_ELEMENTS);
        }
        // The date slider shows a commit's subject (and date), which come from the repository: as hostile as a plan.
        for (const at of [0, 1]) {
          const timeline = { revisions: [{ date: h, subject: h }], at };
          const side = sideHtml({ type: 'model', model, locale: 'en', sizeBy: 'temperature', strings: STRINGS, trail: true, timeline }, layout);
          const { problems, root } = parseXml(`<root>${side}</root>`);
          assert.deepEqual(problems, [], `side ${key}`);
          assertInertMarkup(root!, `side ${key}`, [...HTML_ELEMENTS, 'input', 'br']);
          assertNoCanary(side, 'webview-html');
        }
      }
      medium('webview-html');
    });

    it('the map webview card, toolbar and paths (HTML): no element or attribute from plan text', () => {
      for (const { key, result } of cases) {
        const model = mapModel(result, 'evil')!;
        const state: MapToWebview = { type: 'model', model, locale: 'en', revision: 1, showInformal: true, strings: MAP_STRINGS };
        const parts = [...model.nodes.map((n) => mapCardHtml(n, state)), mapSideHtml(state), mapToolbarHtml(state, true)];
        for (const html of parts) {
          const { problems, root } = parseXml(`<root>${html}</root>`);
          assert.deepEqual(problems, [], `map ${key}`);
          assertInertMarkup(root!, `map ${key}`, [...HTML_ELEMENTS, 'input']);
          assertNoCanary(html, 'map html');
        }
      }
    });

    it('tree tooltips (escaped Markdown) and terminal text (no control sequence)', () => {
      // The trees build tooltips with escapeMarkdown and set labels as plain strings (VS Code does
      // not interpret Markdown in tree labels); the integration tests check the trees themselves.
      for (const { key, h } of cases) {
        assertSafeMarkdown(`**${escapeMarkdown(h)}** — ${escapeMarkdown(h)}`, `tooltip ${key}`, [], 'people');
        assertSafeMarkdown(escapeMarkdownLinkFree(h), `link-free ${key}`, []);
        assertNoControls(terminalSafe(h), key);
        // Quick-pick labels: VS Code's renderer (iconLabels.ts) turns an unescaped `$(name)` into an icon.
        const icons = [...noIcons(h).matchAll(/(\\)?\$\(([A-Za-z0-9-]+(?:~[A-Za-z]+)?)\)/g)].filter((m) => !m[1]);
        assert.deepEqual(icons.map((m) => m[0]), [], `${key}: an icon in a quick-pick label`);
      }
      medium('tooltip');
      medium('terminal');
    });
  });

  describe('CLI formats, with every hostile string at once', () => {
    let dir: string;
    let repo: TempRepo;
    before(() => {
      dir = writeTempWorkspace(allHostile('after'));
      repo = new TempRepo(allHostile('before'));
      repo.git('add', '-A');
      repo.git('commit', '-q', '-m', 'before');
      repo.write(allHostile('after'));
    });
    after(() => {
      removeDir(dir);
      removeDir(repo?.dir);
    });

    it('check, text: findings one per line, no control sequence', async () => {
      const r = await cli(['check', '.', '--as-of', AS_OF, '--no-color'], dir);
      assert.equal(r.code, 1);
      assertNoControls(r.stdout, 'check text');
      assertNoControls(r.stderr, 'check text stderr');
      for (const line of r.stdout.split('\n').filter((l) => /\d+:\d+ (error|warning|info) /.test(l))) assert.match(line, /^accounts\//, 'a finding line that does not start with its file');
      medium('check-text');
    });

    it('check, json: parses, and hostile values are kept exactly', async () => {
      const r = await cli(['check', '.', '--format', 'json', '--as-of', AS_OF], dir);
      const json = JSON.parse(r.stdout);
      const messages = json.diagnostics.map((d: { message: string }) => d.message).join('\n');
      assert.ok(messages.includes(HOSTILE.htmlImg), 'the invalid stance value is quoted as it is');
      assert.ok(json.diagnostics.some((d: { file: string }) => d.file.includes('odd name ,::%0A|`x`<y>&#1.md')));
      medium('check-json');
    });

    it('check, github: one workflow command per line, properties and data escaped, no sensitive value', async () => {
      const r = await cli(['check', '.', '--format', 'github', '--as-of', AS_OF], dir);
      assertNoCanary(r.stdout, 'github');
      assertNoControls(r.stdout, 'github');
      const lines = r.stdout.trimEnd().split('\n');
      for (const line of lines.slice(0, -1)) {
        const m = /^::(error|warning|notice) ([^:]*)::([^\r\n]*)$/.exec(line);
        assert.ok(m, `not a workflow command: ${line.slice(0, 120)}`);
        const props = Object.fromEntries(m[2].split(',').map((kv) => kv.split('=') as [string, string]));
        assert.deepEqual(Object.keys(props).filter((k) => !['file', 'line', 'col', 'endLine', 'endColumn', 'title'].includes(k)), [], line);
        for (const v of Object.values(props)) assert.ok(!/[:,\r\n]/.test(v), `unescaped property ${v}`);
        const file = decodeURIComponent(props.file.replace(/%(?![0-9A-F]{2})/g, '%25'));
        assert.ok(file.startsWith('accounts/'), file);
      }
      assert.match(lines[lines.length - 1], /^keyplan: \d+ errors?, /);
      // The file with `,`, `::` and `%0A` in its name is named with them escaped.
      assert.ok(r.stdout.includes('file=accounts/evil-1/people/odd name %2C%3A%3A%250A|`x`<y>&#1.md,'), 'hostile file name escaped');
      medium('github');
    });

    it('check, sarif: valid SARIF 2.1.0, no sensitive value', async () => {
      const r = await cli(['check', '.', '--format', 'sarif', '--as-of', AS_OF], dir);
      assertNoCanary(r.stdout, 'sarif');
      const validate = sarifValidator();
      const log = JSON.parse(r.stdout);
      assert.ok(validate(log), JSON.stringify((validate as unknown as { errors: unknown }).errors)?.slice(0, 500));
      assert.ok(log.runs[0].results.length > 50);
      medium('sarif');
    });

    it('check, junit: well-formed XML, no sensitive value', async () => {
      const r = await cli(['check', '.', '--format', 'junit', '--as-of', AS_OF], dir);
      assertNoCanary(r.stdout, 'junit');
      const { problems, root } = parseXml(r.stdout);
      assert.deepEqual(problems, []);
      assert.equal(root!.name, 'testsuites');
      medium('junit');
    });

    it('overdue and report, text/markdown/json: safe in each medium, no personal notes', async () => {
      for (const command of ['overdue', 'report']) {
        const text = await cli([command, '.', '--as-of', AS_OF, '--no-color', ...(command === 'overdue' ? ['--explain'] : [])], dir);
        assertNoControls(text.stdout, `${command} text`);
        assertNoCanary(text.stdout, `${command} text`);
        const md = await cli([command, '.', '--format', 'markdown', '--as-of', AS_OF], dir);
        assertSafeMarkdown(md.stdout, `${command} markdown`, [], 'people');
        assertNoCanary(md.stdout, `${command} markdown`);
        const json = await cli([command, '.', '--format', 'json', '--as-of', AS_OF], dir);
        JSON.parse(json.stdout);
        assertNoCanary(json.stdout, `${command} json`);
      }
      medium('overdue-report');
    });

    it('matrix, text and svg', async () => {
      const text = await cli(['matrix', 'evil-1', '.', '--as-of', AS_OF], dir);
      assert.equal(text.code, 0, text.stderr);
      assertNoControls(text.stdout, 'matrix text');
      const svg = await cli(['matrix', 'evil-13', '.', '--format', 'svg', '--as-of', AS_OF], dir);
      assert.deepEqual(parseXml(svg.stdout).problems, []);
      medium('matrix');
    });

    it('export, markdown and json: safe, and without personal notes unless asked', async () => {
      const md = await cli(['export', '.', '--as-of', AS_OF], dir);
      assert.equal(md.code, 0, md.stderr);
      assertSafeMarkdown(md.stdout, 'export markdown', [], 'people');
      assertNoCanary(md.stdout, 'export markdown');
      const json = await cli(['export', '.', '--format', 'json', '--as-of', AS_OF], dir);
      const brief = JSON.parse(json.stdout);
      assert.equal(brief.sensitive, 'redacted');
      assert.equal(brief.accounts.length, ENTRIES.length);
      assertNoCanary(json.stdout, 'export json');
      const redact = await cli(['export', '--redact', '.', '--format', 'json', '--as-of', AS_OF], dir);
      assert.equal(redact.stdout, json.stdout, '--redact is the default');
      // The canaries are really there: asked for, they appear.
      const full = await cli(['export', 'evil-1', '.', '--include-sensitive', '--as-of', AS_OF], dir);
      assert.ok(full.stdout.includes(CANARY.career) && full.stdout.includes('CONTAINS SENSITIVE PERSONAL NOTES'));
      assertSafeMarkdown(full.stdout, 'export markdown with personal notes', [], 'people');
      medium('export');
    });

    it('diff, markdown (a PR comment), text and json: safe, no personal notes; personal notes only with --include-sensitive', async () => {
      const md = await cli(['diff', 'HEAD', '--format', 'markdown', '--as-of', AS_OF], repo.dir);
      assert.equal(md.code, 0, md.stderr);
      assertSafeMarkdown(md.stdout, 'diff markdown');
      assertNoCanary(md.stdout, 'diff markdown');
      assert.match(md.stdout, /personal notes changed/);
      const text = await cli(['diff', 'HEAD', '--as-of', AS_OF, '--no-color'], repo.dir);
      assertNoControls(text.stdout, 'diff text');
      assertNoCanary(text.stdout, 'diff text');
      const json = await cli(['diff', 'HEAD', '--format', 'json', '--as-of', AS_OF], repo.dir);
      JSON.parse(json.stdout);
      assertNoCanary(json.stdout, 'diff json');
      const full = await cli(['diff', 'HEAD', '--format', 'markdown', '--include-sensitive', '--as-of', AS_OF], repo.dir);
      assert.ok(full.stdout.includes(CANARY.preferences), 'with --include-sensitive the change is shown');
      assertSafeMarkdown(full.stdout, 'diff markdown with personal notes');
      medium('diff');
    });

    after(() => record('hostile-output.strings', ENTRIES.length));
  });

  after(() => assert.ok(checked > 0));
});

