// End to end in a real browser: opens samples/ in code-server (VS Code 1.100.3) with the
// extension, as a user would: the Keyplan view in the activity bar, an A-tier account expanded,
// the influence–support matrix opened and a marker hovered (and, in the dark theme, with a git
// history: the matrix's history trails). Saves screenshots in a light and a
// dark theme to docs/screenshots/, and checks more than the visible text:
//   - every screenshot shows something (many distinct colours, no colour covering nearly all of it),
//     with the theme's background (light or dark), and the two themes' backgrounds differ;
//   - every marker of the matrix sits, on screen, in the cell and quadrant the core computes for
//     that person (`keyplan report --format json`: placement x, y, quadrant), the markers are
//     exactly the placed people, and the screenshot shows the marker's colour at its centre;
//   - the hover card is visible, inside the window, beside the hovered marker (not over it), and
//     has text drawn in it;
//   - the workbench is asked for the default themes (Light Modern / Dark Modern) and the webviews
//     run in a theme of the right kind (some runs end in Light+ or Abyss: see ensureTheme);
//   - the keyboard works end to end in the real webview: Tab reaches a marker, each arrow key moves
//     it one cell and the focus and selection stay on it after the redraw, Ctrl+Z / Ctrl+Shift+Z
//     undo and redo the moves, Escape leaves the marker, a click selects without leaving the
//     panel, Enter opens the person;
//   - the decision-chain map (mapSteps): opened from the Portfolio's inline action, the core's
//     people and lines, no overlap, names inside their cards, visible lines, the informal-line
//     toggle, the hover card, a real drag that re-parents and Ctrl+Z that undoes it.
//
//   node test/e2e/screenshots.mjs            (after `node scripts/build.mjs`)
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { chromium } from 'playwright-core';
import { CHROMIUM_PATH } from '../../scripts/integration/open-workbench.mjs';
import { repoRoot } from '../../scripts/integration/paths.mjs';
import { prepareWorkspace } from '../../scripts/integration/prepare-workspace.mjs';
import { startCodeServer } from '../../scripts/integration/run-code-server.mjs';
import { TEST_SETTINGS } from '../../scripts/integration/user-settings.mjs';
import { colourStats, decodePng } from './png.mjs';

const outDir = path.join(repoRoot, 'docs', 'screenshots');
const THEMES = { light: 'Default Light Modern', dark: 'Default Dark Modern' };
/** `activityBar.background` of those two themes (Light+ and Abyss, which the workbench may show first, differ). */
const ACTIVITY_BAR = { light: '#f8f8f8', dark: '#181818' };
const say = (m) => console.log(`[e2e] ${m}`);
let passed = 0;
let failed = 0;

let currentPage;
let workspaceCopy;
/** The dominant colour of each theme's portfolio screenshot, compared once both ran. */
const backgrounds = {};
const ACCOUNT = 'east-china-telecom';

/** What the core computes for the account's people, from the built CLI (the same core the extension runs). */
function corePlacements(workspace) {
  const run = spawnSync(process.execPath, [path.join(repoRoot, 'bin', 'keyplan.cjs'), 'report', '--format', 'json', '--as-of', TEST_SETTINGS['keyplan.asOf'], workspace], { encoding: 'utf8' });
  assert.ok(run.stdout, `keyplan report printed nothing (exit ${run.status}): ${run.stderr}`);
  const account = JSON.parse(run.stdout).accounts.find((a) => a.id === ACCOUNT);
  assert.ok(account, `${ACCOUNT} in the report`);
  return new Map(account.people.map((p) => [p.id, p.placement]));
}

/**
 * A screenshot shows a rendered workbench, not a blank or single-colour page: many colours, none
 * covering nearly everything, and the theme's background as its most common colour.
 */
function checkScreenshot(buffer, theme, what) {
  const png = decodePng(buffer);
  assert.deepEqual([png.width, png.height], [1440, 900], `${what}: the viewport size`);
  const stats = colourStats(png);
  assert.ok(stats.distinct >= 200, `${what}: only ${stats.distinct} distinct colours`);
  assert.ok(stats.dominantShare < 0.9, `${what}: one colour (${stats.dominant}) covers ${(stats.dominantShare * 100).toFixed(1)}%`);
  if (theme === 'light') assert.ok(stats.luminance > 0.6, `${what}: the light theme's background ${stats.dominant} is dark (luminance ${stats.luminance.toFixed(2)})`);
  else assert.ok(stats.luminance < 0.1, `${what}: the dark theme's background ${stats.dominant} is light (luminance ${stats.luminance.toFixed(2)})`);
  return { png, stats };
}

const centre = (box) => ({ x: box.x + box.width / 2, y: box.y + box.height / 2 });
const inside = (point, box) => point.x > box.x && point.x < box.x + box.width && point.y > box.y && point.y < box.y + box.height;
const overlap = (a, b) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const rgbOf = (css) => (/rgba?\((\d+),\s*(\d+),\s*(\d+)/.exec(css) ?? []).slice(1, 4).map(Number);
const alphaOf = (css) => Number(/rgba\([^,]+,[^,]+,[^,]+,\s*([\d.]+)\)/.exec(css)?.[1] ?? 1);

/** The plot on screen: the outer grid lines bound it (page coordinates, across both webview frames). */
async function plotBox(webview) {
  const lines = await Promise.all((await webview.locator('line.kp-grid').all()).map((l) => l.boundingBox()));
  return { left: Math.min(...lines.map((b) => b.x)), top: Math.min(...lines.map((b) => b.y)), right: Math.max(...lines.map((b) => b.x + b.width)), bottom: Math.max(...lines.map((b) => b.y + b.height)) };
}

/** The matrix cell (stance x −2…2, influence y 1…5) a point of the page falls in. */
function cellOf(plot, at) {
  return {
    x: Math.floor(((at.x - plot.left) / (plot.right - plot.left)) * 5) - 2,
    y: 5 - Math.floor(((at.y - plot.top) / (plot.bottom - plot.top)) * 5),
  };
}

/**
 * Runs a command from the palette. The name is filled into the palette's input (never typed at
 * whatever has the focus), and when the palette closed before the command's row showed (an
 * editor that opens late takes the focus, and the palette closes on losing it), it is opened
 * again, up to three times.
 */
async function palette(page, name, row = name.replace(/^[^:]+: /, '')) {
  for (let attempt = 1; ; attempt++) {
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget input').first();
    try {
      await input.waitFor({ state: 'visible', timeout: 10_000 });
      await input.fill(`>${name}`);
      await page.locator('.quick-input-list .monaco-list-row', { hasText: row }).first().waitFor({ timeout: 10_000 });
      await input.press('Enter');
      return;
    } catch (error) {
      if (attempt === 3) throw error;
      say(`note: the palette lost "${name}" (attempt ${attempt}); opening it again`);
      await page.keyboard.press('Escape');
    }
  }
}

/** Back to the samples' files with no editor open: wang-fang.md (which the matrix steps open) is reverted, every editor closed. */
async function closeEditors(page) {
  const tab = page.locator('.tabs-container .tab', { hasText: 'wang-fang.md' }).first();
  if (await tab.count()) {
    await tab.click();
    await palette(page, 'File: Revert File');
  }
  for (let i = 0; i < 50 && (await page.locator('.tabs-container .tab.dirty').count()); i++) await page.waitForTimeout(100);
  await palette(page, 'View: Close All Editors');
  for (let i = 0; i < 50 && (await page.locator('iframe.webview').count()); i++) await page.waitForTimeout(100);
}

async function step(name, fn) {
  try {
    await fn();
    passed++;
    say(`✓ ${name}`);
  } catch (error) {
    failed++;
    const shot = path.join(os.tmpdir(), `keyplan-e2e-failure-${passed + failed}.png`);
    await currentPage?.screenshot({ path: shot }).catch(() => {});
    say(`✗ ${name} (screenshot of the failure: ${shot})\n${String(error.stack ?? error).split('\n').slice(0, 6).join('\n')}`);
    throw error;
  }
}

/** What the core computes for the account's map, from the built CLI: its people and lines. */
function coreMap(workspace) {
  const run = spawnSync(process.execPath, [path.join(repoRoot, 'bin', 'keyplan.cjs'), 'map', ACCOUNT, workspace, '--format', 'json', '--as-of', TEST_SETTINGS['keyplan.asOf']], { encoding: 'utf8' });
  assert.ok(run.stdout, `keyplan map printed nothing (exit ${run.status}): ${run.stderr}`);
  return JSON.parse(run.stdout);
}

/** Relative luminance difference of two rgb triples (0…1), for "is this line visible on that background". */
const contrast = (a, b) => {
  const lum = ([r, g, bl]) => (0.2126 * r + 0.7152 * g + 0.0722 * bl) / 255;
  return Math.abs(lum(a) - lum(b));
};

/** The user settings file of the running workbench (set by runTheme). */
let settingsFile;

/**
 * Asks the workbench to show `theme` and waits (up to about 10 s) until its colours are that theme's. The web workbench
 * may start in, or fall back later to, another built-in theme (Light+ or Abyss) while the theme
 * extensions are registered; naming the theme in settings.json again makes it apply the theme
 * live. Called before every step that checks a theme or takes a screenshot.
 */
async function ensureTheme(page, theme) {
  const expected = ACTIVITY_BAR[theme];
  const current = () => page.evaluate(() => getComputedStyle(document.querySelector('.monaco-workbench')).getPropertyValue('--vscode-activityBar-background').trim().toLowerCase()).catch(() => '');
  let seen = await current();
  for (let attempt = 0; attempt < 1 && seen !== expected; attempt++) {
    const settings = JSON.parse(fs.readFileSync(settingsFile, 'utf8'));
    fs.writeFileSync(settingsFile, JSON.stringify({ ...settings, 'window.autoDetectColorScheme': false, 'workbench.colorTheme': attempt % 2 ? THEMES[theme] : `${THEMES[theme]} ` }, null, 2));
    await page.waitForTimeout(500);
    fs.writeFileSync(settingsFile, JSON.stringify({ ...settings, 'window.autoDetectColorScheme': false, 'workbench.colorTheme': THEMES[theme] }, null, 2));
    for (let i = 0; i < 100 && seen !== expected; i++) {
      await page.waitForTimeout(100);
      seen = await current();
    }
  }
  // Known limit: in some runs the web workbench replaces the theme by Light+ or Abyss once the
  // extensions load and keeps it whatever the settings say; the steps then check the theme's kind.
  if (seen !== expected) console.log(`[e2e] note: ${theme}: the workbench shows activity bar ${seen}, not ${THEMES[theme]}'s ${expected}`);
}

/**
 * The decision-chain map, opened from the account's inline action in the Portfolio view: the
 * cards are the account's people and the lines the core's (data-from / data-to), no two cards
 * overlap, every name fits inside its card, lines stand out from the background in the theme,
 * the informal lines toggle, hovering shows the person card, and a real drag of one card onto
 * another re-parents the person (the line moves), which Ctrl+Z undoes. Screenshot: map-<theme>.png.
 * The map is closed again afterwards, so the matrix opens as before.
 */
async function mapSteps(page, theme) {
  const webview = page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
  const node = (id) => webview.locator(`g.kp-node[data-person="${id}"]`);
  const lines = async () => (await webview.locator('path.kp-edge[data-kind]').evaluateAll((ps) => ps.map((p) => `${p.getAttribute('data-kind')} ${p.getAttribute('data-from')} ${p.getAttribute('data-to')}`))).sort();
  const until = async (what, check) => {
    for (let i = 0; i < 100; i++) {
      if (await check()) return;
      await page.waitForTimeout(100);
    }
    assert.fail(`timed out waiting until ${what}`);
  };

  await step(`${theme}: the account's inline action opens the relationship map`, async () => {
    const row = page.locator('.monaco-list-row', { hasText: '华东电信' }).first();
    await row.hover();
    await row.locator('.action-label[aria-label="Open Relationship Map"]').click({ timeout: 10_000 });
    await webview.locator('svg.kp-map').waitFor({ timeout: 30_000 });
    await ensureTheme(page, theme);
    assert.match(await webview.locator('body').getAttribute('class'), theme === 'dark' ? /\bvscode-dark\b/ : /\bvscode-light\b/, `a ${theme} theme in the map`);
  });

  await step(`${theme}: the map shows the core's people and lines, cards apart, names inside their cards, lines visible`, async () => {
    const core = coreMap(workspaceCopy);
    const ids = (await webview.locator('g.kp-node').evaluateAll((gs) => gs.map((g) => g.getAttribute('data-person')))).sort();
    assert.deepEqual(ids, core.nodes.map((n) => n.id).sort(), 'one card per person of the account');
    assert.deepEqual(await lines(), core.edges.map((e) => `${e.kind} ${e.from} ${e.to}`).sort(), 'the lines are the core\'s edges');
    const cards = [];
    for (const id of ids) cards.push({ id, box: await node(id).locator('rect.kp-card').boundingBox() });
    const problems = [];
    for (let i = 0; i < cards.length; i++) for (let j = i + 1; j < cards.length; j++) if (overlap(cards[i].box, cards[j].box)) problems.push(`${cards[i].id} overlaps ${cards[j].id}`);
    for (const { id, box } of cards) {
      for (const text of await node(id).locator('text').all()) {
        const t = await text.boundingBox();
        if (t && (t.x < box.x || t.x + t.width > box.x + box.width + 0.5 || t.y < box.y || t.y + t.height > box.y + box.height + 0.5)) problems.push(`${id}: "${await text.textContent()}" runs out of its card`);
      }
      if (box.x < 0 || box.y < 0 || box.x + box.width > 1440 || box.y + box.height > 900) problems.push(`${id}: the card ${JSON.stringify(box)} is outside the window`);
      const plot = await webview.locator('#map').boundingBox();
      if (box.x < plot.x - 0.5 || box.x + box.width > plot.x + plot.width + 0.5) problems.push(`${id}: the card ${JSON.stringify(box)} is cut off by the map's area ${JSON.stringify(plot)}`);
      if (box.width < 150) problems.push(`${id}: the card is shrunk to ${box.width.toFixed(0)} px wide`);
    }
    assert.deepEqual(problems, []);
    // Lines and names stand out from the background in this theme.
    const background = rgbOf(await webview.locator('body').evaluate((b) => getComputedStyle(b).backgroundColor));
    for (const kind of ['reports-to', 'influences']) {
      const stroke = rgbOf(await webview.locator(`path.kp-edge[data-kind="${kind}"]`).first().evaluate((p) => getComputedStyle(p).stroke));
      assert.ok(contrast(stroke, background) > 0.2, `${kind} lines (${stroke}) on the background (${background})`);
    }
    const name = rgbOf(await webview.locator('text.kp-name').first().evaluate((t) => getComputedStyle(t).fill));
    const card = rgbOf(await webview.locator('rect.kp-card').first().evaluate((r) => getComputedStyle(r).fill));
    assert.ok(contrast(name, card) > 0.4, `names (${name}) on the cards (${card})`);
    await page.mouse.move(0, 0);
    const shot = await page.screenshot({ path: path.join(outDir, `map-${theme}.png`) });
    checkScreenshot(shot, theme, `map-${theme}.png`);
  });

  await step(`${theme}: the informal lines toggle, and hovering a card shows the person card beside it`, async () => {
    const visibleInformal = () => webview.locator('path.kp-influences').evaluateAll((ps) => ps.filter((p) => getComputedStyle(p).display !== 'none').length);
    assert.ok((await visibleInformal()) > 0);
    await webview.locator('#informal').click();
    await until('the informal lines are hidden', async () => (await visibleInformal()) === 0);
    await webview.locator('#informal').click();
    await until('the informal lines are shown again', async () => (await visibleInformal()) > 0);
    await node('zhang-wei').locator('rect.kp-card').hover({ force: true });
    const card = webview.locator('#card');
    await card.getByText('张伟', { exact: true }).waitFor({ timeout: 5_000 });
    await card.getByText(/overdue/).first().waitFor({ timeout: 5_000 });
    const box = await card.boundingBox();
    const anchor = await node('zhang-wei').locator('rect.kp-card').boundingBox();
    assert.ok(!overlap(box, anchor), `the card ${JSON.stringify(box)} covers the person's card ${JSON.stringify(anchor)}`);
    assert.ok(box.x >= 0 && box.y >= 0 && box.x + box.width <= 1440 && box.y + box.height <= 900, 'inside the window');
    await page.screenshot({ path: path.join(os.tmpdir(), `keyplan-e2e-map-hover-${theme}.png`) });
    await page.mouse.move(0, 0);
  });

  await step(`${theme}: dragging a card onto another re-parents the person; Ctrl+Z undoes it`, async () => {
    const from = centre(await node('wang-fang').locator('rect.kp-card').boundingBox());
    const to = centre(await node('zhang-wei').locator('rect.kp-card').boundingBox());
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    for (let i = 1; i <= 10; i++) await page.mouse.move(from.x + ((to.x - from.x) * i) / 10, from.y + ((to.y - from.y) * i) / 10);
    await page.mouse.up();
    await until('wang-fang reports to zhang-wei on the map', async () => (await lines()).includes('reports-to wang-fang zhang-wei'));
    await page.screenshot({ path: path.join(os.tmpdir(), `keyplan-e2e-map-dropped-${theme}.png`) });
    assert.ok(!(await lines()).includes('reports-to wang-fang sun-jianguo'));
    await page.keyboard.press('Control+z');
    await until('Ctrl+Z gives wang-fang back to sun-jianguo', async () => (await lines()).includes('reports-to wang-fang sun-jianguo'));
    await page.waitForTimeout(1500);
    await page.screenshot({ path: path.join(os.tmpdir(), `keyplan-e2e-map-undone-${theme}.png`) });
    await page.mouse.move(0, 0);
  });

  await step(`${theme}: the map closes, and the person's file is back as it was on disk`, async () => {
    const command = async (name) => {
      await palette(page, name);
      await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 10_000 });
    };
    // The edit showed wang-fang.md (unsaved); the undo gave back its bytes: revert it so that nothing asks to save.
    const tab = page.locator('.tabs-container .tab', { hasText: 'wang-fang.md' }).first();
    if (await tab.count()) {
      await tab.click();
      await command('File: Revert File');
      await until('no unsaved file is left', async () => (await page.locator('.tabs-container .tab.dirty').count()) === 0);
    }
    await command('View: Close All Editors');
    await until('no editor is left', async () => (await page.locator('.tabs-container .tab').count()) === 0 && (await page.locator('iframe.webview').count()) === 0);
  });
}

/**
 * The account value panel (#20), opened from the command palette for the A-tier account: the
 * health trend with its series, the attraction–barrier 2×2 with the account placed as loyal, the
 * whitespace heat map. Screenshot: value-<theme>.png. Closed again afterwards, so the matrix opens
 * as before.
 */
async function valueSteps(page, theme) {
  const webview = page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
  await step(`${theme}: the value panel shows the health trend, the attraction–barrier 2×2 and the whitespace heat map`, async () => {
    await palette(page, 'Keyplan: Open Account Value', 'Account Value');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: '华东电信' }).first().click({ timeout: 10_000 });
    await webview.locator('section#attraction-barrier').waitFor({ timeout: 30_000 });
    assert.equal(await webview.locator('[data-trend]').getAttribute('data-trend'), 'up', 'the trend of the A-tier account is up');
    assert.equal(await webview.locator('.kp-quadrants').getAttribute('data-position'), 'loyal');
    assert.equal(await webview.locator('.kp-q.kp-here').getAttribute('data-quadrant'), 'loyal', 'one quadrant is marked, the loyal one');
    assert.equal(await webview.locator('table.kp-heatmap td[data-status]').count(), 5, 'the five whitespace cells of the plan');
    // The heat map's colours differ by who holds the cell.
    const bg = async (status) => webview.locator(`table.kp-heatmap td[data-status="${status}"]`).first().evaluate((td) => getComputedStyle(td).backgroundColor);
    assert.notEqual(await bg('ours'), await bg('competitor'));
    await ensureTheme(page, theme);
    await page.mouse.move(0, 0);
    const shot = await page.screenshot({ path: path.join(outDir, `value-${theme}.png`) });
    checkScreenshot(shot, theme, `value-${theme}.png`);
  });
  await step(`${theme}: the value panel closes`, async () => {
    await palette(page, 'View: Close All Editors');
    for (let i = 0; i < 100 && (await page.locator('iframe.webview').count()) > 0; i++) await page.waitForTimeout(100);
    assert.equal(await page.locator('iframe.webview').count(), 0, 'no webview is left');
  });
}

async function runTheme(theme) {
  const { workspace, remove } = prepareWorkspace();
  workspaceCopy = workspace;
  const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'keyplan-e2e-'));
  const settings = path.join(stateDir, 'user-data', 'User', 'settings.json');
  settingsFile = settings;
  fs.mkdirSync(path.dirname(settings), { recursive: true });
  fs.writeFileSync(settings, JSON.stringify({ ...TEST_SETTINGS, 'workbench.tips.enabled': false,
    // The web workbench follows the browser's colour scheme with these (a plain colorTheme setting is not applied at start-up).
    'window.autoDetectColorScheme': true, 'workbench.preferredLightColorTheme': THEMES.light, 'workbench.preferredDarkColorTheme': THEMES.dark }, null, 2));
  const server = await startCodeServer({ workspace, stateDir });
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false,
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, colorScheme: theme });
    currentPage = page;
    const remote = `vscode-remote://${new URL(server.origin).host}${repoRoot}`;
    const payload = [['extensionDevelopmentPath', remote], ['skipWelcome', 'true'], ['skipReleaseNotes', 'true']];
    await page.goto(`${server.origin}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`, { timeout: 60_000 });
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    await step(`${theme}: the workbench uses the ${THEMES[theme]} theme`, async () => {
      await page.locator(theme === 'dark' ? '.monaco-workbench.vs-dark' : '.monaco-workbench.vs').waitFor({ timeout: 15_000 });
      await ensureTheme(page, theme);
    });

    await step(`${theme}: the Keyplan view shows the portfolio with overdue counts`, async () => {
      await page.locator('.activitybar a[aria-label^="Keyplan"], .activitybar .action-label[aria-label^="Keyplan"]').first().click({ timeout: 30_000 });
      const tree = page.locator('.pane-body .monaco-list');
      for (const name of ['华东电信', '远航汽车', '青禾医疗']) await tree.getByText(name, { exact: true }).first().waitFor({ timeout: 30_000 });
      await tree.getByText(/1 overdue/).first().waitFor({ timeout: 10_000 });
      // The view badge on the activity bar: the overdue total.
      await page.locator('.activitybar .badge-content').getByText('3', { exact: true }).first().waitFor({ timeout: 10_000 });
    });

    await step(`${theme}: expanding the A-tier account lists its people, most urgent first`, async () => {
      // Clicking the label opens the account plan; the twistie expands the account.
      const row = page.locator('.monaco-list-row', { hasText: '华东电信' }).first();
      await row.locator('.monaco-tl-twistie').click();
      await page.locator('.monaco-list-row', { hasText: '张伟' }).first().waitFor({ timeout: 10_000 });
      await page.locator('.monaco-list-row', { hasText: 'overdue 12 d' }).first().waitFor({ timeout: 10_000 });
      await ensureTheme(page, theme);
      const shot = await page.screenshot({ path: path.join(outDir, `portfolio-${theme}.png`) });
      backgrounds[theme] = checkScreenshot(shot, theme, `portfolio-${theme}.png`).stats.dominant;
    });

    await mapSteps(page, theme);
    await valueSteps(page, theme);

    await step(`${theme}: the matrix opens with quadrant labels`, async () => {
      await palette(page, 'Keyplan: Open Influence', 'Influence');
      // No account file is open, so Keyplan asks which account.
      await page.locator('.quick-input-list .monaco-list-row', { hasText: '华东电信' }).first().click({ timeout: 10_000 });
      const webview = page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
      await webview.locator('svg.kp-matrix').waitFor({ timeout: 30_000 });
      for (const label of ['Champions', 'Blockers', 'Fans', 'Naysayers']) await webview.getByText(label, { exact: true }).first().waitFor({ timeout: 5_000 });
      await ensureTheme(page, theme);
      assert.match(await webview.locator('body').getAttribute('class'), theme === 'dark' ? /\bvscode-dark\b/ : /\bvscode-light\b/, `a ${theme} theme in the matrix`);
    });

    await step(`${theme}: each marker sits in the cell and quadrant the core computes for that person, drawn in its colour`, async () => {
      const webview = page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
      const placements = corePlacements(workspaceCopy);
      const placed = [...placements].filter(([, p]) => p && Number.isInteger(p.x) && Number.isInteger(p.y)).map(([id]) => id).sort();
      assert.ok(placed.length >= 5, `the core places ${placed.length} people of ${ACCOUNT}`);
      const ids = (await webview.locator('g.kp-person').evaluateAll((gs) => gs.map((g) => g.getAttribute('data-person')))).sort();
      assert.deepEqual(ids, placed, 'one marker for each person the core places, and no other');
      const plot = await plotBox(webview);
      assert.ok(plot.right - plot.left > 300 && plot.bottom - plot.top > 200, `the plot is ${JSON.stringify(plot)}`);
      const quadrants = {};
      for (const id of ['champions', 'blockers', 'fans', 'naysayers']) quadrants[id] = await webview.locator(`rect.kp-q-${id}`).boundingBox();
      // Before hovering (the card would cover some markers): the pixels under each marker.
      const { png } = checkScreenshot(await page.screenshot(), theme, `matrix-${theme} before the hover`);
      const problems = [];
      for (const id of placed) {
        const circle = webview.locator(`g.kp-person[data-person="${id}"] circle.kp-marker`);
        const box = await circle.boundingBox();
        const marker = centre(box);
        const cell = cellOf(plot, marker);
        // A marker with several roles is split into slices; the first (most important) role's
        // slice is the circle's, right of the centre: its colour is checked there.
        const slices = ((await webview.locator(`g.kp-person[data-person="${id}"]`).getAttribute('data-colors')) ?? '').split(' ').length;
        const angle = -Math.PI / 2 + Math.PI / slices;
        const at = slices > 1 ? { x: marker.x + (box.width / 4) * Math.cos(angle), y: marker.y + (box.height / 4) * Math.sin(angle) } : marker;
        // A person alone in a cell sits at its centre, not a quarter column aside.
        const alone = placed.filter((other) => placements.get(other).x === placements.get(id).x && placements.get(other).y === placements.get(id).y).length === 1;
        const cellWidth0 = (plot.right - plot.left) / 5;
        const cellCentre = plot.left + (cell.x + 2.5) * cellWidth0;
        if (alone && Math.abs(marker.x - cellCentre) > 2) problems.push(`${id}: alone in its cell, drawn at x ${marker.x.toFixed(1)}, the cell's centre is ${cellCentre.toFixed(1)}`);
        const expected = placements.get(id);
        if (cell.x !== expected.x || cell.y !== expected.y) problems.push(`${id}: on screen in cell (${cell.x}, ${cell.y}), the core says (${expected.x}, ${expected.y})`);
        const shownIn = Object.keys(quadrants).filter((q) => inside(marker, quadrants[q]));
        // A definite stance at influence 3 (or a neutral one) is drawn on a line: in no quadrant's
        // area, but on the side of the quadrant it leans to (docs/rules.md, placement).
        // (x runs -2…2 with 0 neutral; y is the influence 1…5 with 3 on the line.)
        const onLine = expected.x === 0 || expected.y === 3;
        const expectedIn = expected.quadrant === 'axis' || onLine ? [] : [expected.quadrant];
        if (shownIn.join() !== expectedIn.join()) problems.push(`${id}: on screen in quadrant ${shownIn.join() || 'none (axis)'}, the core says ${expected.quadrant}`);
        if (onLine && expected.quadrant !== 'axis') {
          const q = quadrants[expected.quadrant];
          const beside = expected.y === 3 ? marker.x > q.x && marker.x < q.x + q.width : marker.y > q.y && marker.y < q.y + q.height;
          if (!beside) problems.push(`${id}: drawn on the line, but not beside the ${expected.quadrant} it leans to`);
        }
        // The marker's fill (over the cell's background when it is translucent) is what the screenshot shows at its centre.
        const css = await circle.evaluate((c) => getComputedStyle(c).fill);
        const [fill, alpha] = [rgbOf(css), alphaOf(css)];
        const cellWidth = (plot.right - plot.left) / 5;
        const cellHeight = (plot.bottom - plot.top) / 5;
        const background = png.pixel(Math.round(plot.left + (cell.x + 2) * cellWidth + 4), Math.round(plot.top + (5 - cell.y) * cellHeight + 4));
        const expectedPixel = fill.map((v, i) => alpha * v + (1 - alpha) * background[i]);
        const pixel = png.pixel(Math.round(at.x), Math.round(at.y));
        if (fill.length !== 3 || pixel.some((v, i) => Math.abs(v - expectedPixel[i]) > 24)) problems.push(`${id}: the screenshot shows rgb(${pixel}) at the marker's centre, its fill ${css} over rgb(${background}) is rgb(${expectedPixel.map(Math.round)})`);
        if (pixel.every((v, i) => Math.abs(v - background[i]) <= 8)) problems.push(`${id}: the marker's centre rgb(${pixel}) is the cell's background`);
        if (slices > 1) {
          // Every role's slice shows a colour of its own.
          const seen = new Set();
          for (let k = 0; k < slices; k++) {
            const a = -Math.PI / 2 + (Math.PI * (2 * k + 1)) / slices;
            seen.add(png.pixel(Math.round(marker.x + (box.width / 4) * Math.cos(a)), Math.round(marker.y + (box.height / 4) * Math.sin(a))).join());
          }
          if (seen.size !== slices) problems.push(`${id}: ${slices} roles, but the marker shows ${seen.size} colours`);
        }
      }
      assert.deepEqual(problems, []);
      // The plot follows the theme: its own most common colour is the theme's background.
      const plotStats = colourStats(png, { x: plot.left, y: plot.top, width: plot.right - plot.left, height: plot.bottom - plot.top });
      if (theme === 'light') assert.ok(plotStats.luminance > 0.6, `the light matrix's plot is ${plotStats.dominant}`);
      else assert.ok(plotStats.luminance < 0.1, `the dark matrix's plot is ${plotStats.dominant}`);
    });

    await step(`${theme}: hovering a marker shows the person's card, visible and beside the marker`, async () => {
      const webview = page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
      // Playwright's stability check never settles on SVG inside the nested webview frames;
      // `force` still moves the real mouse onto the marker.
      await webview.locator('g.kp-person[data-person="zhang-wei"] circle.kp-marker').hover({ force: true });
      await page.screenshot({ path: path.join(os.tmpdir(), `keyplan-e2e-hover-${theme}.png`) });
      const card = webview.locator('#card');
      await card.getByText('张伟', { exact: true }).waitFor({ timeout: 5_000 });
      await card.getByText(/overdue/).first().waitFor({ timeout: 5_000 });
      const shot = await page.screenshot({ path: path.join(outDir, `matrix-${theme}.png`) });
      const { png } = checkScreenshot(shot, theme, `matrix-${theme}.png`);
      assert.ok(await card.isVisible(), 'the card is visible');
      const box = await card.boundingBox();
      const marker = await webview.locator('g.kp-person[data-person="zhang-wei"] circle.kp-marker').boundingBox();
      assert.ok(box && box.width > 120 && box.height > 60, `the card's box is ${JSON.stringify(box)}`);
      assert.ok(box.x >= 0 && box.y >= 0 && box.x + box.width <= 1440 && box.y + box.height <= 900, `the card ${JSON.stringify(box)} is inside the window`);
      assert.ok(!overlap(box, marker), `the card ${JSON.stringify(box)} covers the marker ${JSON.stringify(marker)}`);
      assert.ok(Math.abs(centre(box).y - centre(marker).y) < 300 && Math.abs(centre(box).x - centre(marker).x) < 450, 'the card is next to the marker');
      const inCard = colourStats(png, box);
      assert.ok(inCard.distinct >= 20 && inCard.dominantShare < 0.97, `the card shows no text: ${inCard.distinct} colours, ${(inCard.dominantShare * 100).toFixed(1)}% one colour`);
      // The card is opaque: what the screenshot shows there is mostly the card's own background.
      const cardBackground = rgbOf(await card.evaluate((c) => getComputedStyle(c).backgroundColor));
      assert.ok(cardBackground.length === 3 && inCard.dominant.every((v, i) => Math.abs(v - cardBackground[i]) <= 24), `the card's background ${cardBackground} is what the screenshot shows there (${inCard.dominant})`);
    });

    await step(`${theme}: the keyboard moves a marker step by step, keeps the focus on it, undoes and redoes, leaves, and opens the person`, async () => {
      const webview = page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
      await page.mouse.move(0, 0);
      const plot = await plotBox(webview);
      const marker = (id) => webview.locator(`g.kp-person[data-person="${id}"]`);
      const focused = async () => (await webview.locator('g.kp-person:focus').count()) ? webview.locator('g.kp-person:focus').getAttribute('data-person') : undefined;
      // Undefined while the matrix is being redrawn (the marker is replaced).
      const cellOfPerson = async (id) => {
        const box = await marker(id).locator('circle.kp-marker').boundingBox({ timeout: 2_000 }).catch(() => null);
        return box ? cellOf(plot, centre(box)) : undefined;
      };
      const until = async (what, check) => {
        for (let i = 0; i < 100; i++) {
          if (await check()) return;
          await page.waitForTimeout(100);
        }
        assert.fail(`timed out waiting until ${what}; focus on ${await focused()}, wang-fang in ${JSON.stringify(await cellOfPerson('wang-fang'))}`);
      };
      const inCell = (x, y) => async () => {
        const c = await cellOfPerson('wang-fang');
        return c?.x === x && c?.y === y;
      };
      const stillFocused = async (what) => {
        assert.equal(await focused(), 'wang-fang', `${what}: the focus stays on the moved marker`);
        assert.deepEqual(await webview.locator('g.kp-person.kp-selected').evaluateAll((gs) => gs.map((g) => g.getAttribute('data-person'))), ['wang-fang'], `${what}: the selection is on the moved marker`);
      };
      // A click selects the marker and keeps the focus in the panel (no editor opens).
      await marker('chen-jing').locator('circle.kp-marker').click({ force: true });
      await until('a click focuses chen-jing', async () => (await focused()) === 'chen-jing');
      assert.equal(await page.locator('.tabs-container .tab', { hasText: 'chen-jing.md' }).count(), 0, 'a click does not open the person');
      // Tab goes from marker to marker (in the order of the ids) to wang-fang.
      for (let i = 0; i < 6 && (await focused()) !== 'wang-fang'; i++) await page.keyboard.press('Tab');
      assert.equal(await focused(), 'wang-fang', 'Tab reaches the marker');
      await until('wang-fang is drawn as neutral, influence 3', inCell(0, 3));
      await page.keyboard.press('ArrowRight');
      await until('ArrowRight moves wang-fang to supporter', inCell(1, 3));
      await stillFocused('after ArrowRight');
      await page.keyboard.press('ArrowUp');
      await until('ArrowUp moves wang-fang to influence 4', inCell(1, 4));
      await stillFocused('after ArrowUp');
      await page.keyboard.press('Control+z');
      await until('Ctrl+Z undoes the last move', inCell(1, 3));
      await page.keyboard.press('Control+z');
      await until('Ctrl+Z undoes the move before', inCell(0, 3));
      await page.keyboard.press('Control+Shift+z');
      await until('Ctrl+Shift+Z redoes a move', inCell(1, 3));
      await stillFocused('after undo and redo');
      await page.keyboard.press('Escape');
      await until('Escape leaves the marker', async () => (await focused()) === undefined);
      assert.equal(await webview.locator('g.kp-person.kp-selected').count(), 0, 'Escape clears the selection');
      assert.ok(await webview.locator('#card').isHidden(), 'Escape hides the card');
      // From the plot, Tab enters the markers again; Enter opens the person.
      await page.keyboard.press('Tab');
      await until('Tab enters the markers again', async () => (await focused()) !== undefined);
      for (let i = 0; i < 6 && (await focused()) !== 'wang-fang'; i++) await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      await page.locator('.tabs-container .tab', { hasText: 'wang-fang.md' }).first().waitFor({ timeout: 10_000 });
    });

    if (theme === 'dark') {
      await step('dark: with a git history, the matrix draws a fading trail behind a person whose stance moved, and a date slider', async () => {
        await closeEditors(page);
        // Four commits with pinned dates: wang-fang went from neutral to skeptic, to supporter
        // (influence 4), and back; zhang-wei from supporter (influence 3) to champion (4).
        const file = (rel) => path.join(workspaceCopy, rel);
        const wang = 'accounts/east-china-telecom/people/wang-fang.md';
        const zhang = 'accounts/east-china-telecom/people/zhang-wei.md';
        const original = { wang: fs.readFileSync(file(wang), 'utf8'), zhang: fs.readFileSync(file(zhang), 'utf8') };
        const git = (args, date) => {
          const env = { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_AUTHOR_DATE: `${date}T12:00:00Z`, GIT_COMMITTER_DATE: `${date}T12:00:00Z` };
          const r = spawnSync('git', ['-c', 'user.name=Li Na', '-c', 'user.email=li-na@example.com', '-c', 'commit.gpgsign=false', '-c', 'core.hooksPath=/dev/null', ...args], { cwd: workspaceCopy, env, encoding: 'utf8' });
          assert.equal(r.status, 0, `git ${args.join(' ')}: ${r.stderr}`);
        };
        const commit = (w, z, date, subject) => {
          fs.writeFileSync(file(wang), w);
          fs.writeFileSync(file(zhang), z);
          git(['add', '-A'], date);
          git(['commit', '-q', '--allow-empty', '-m', subject], date);
        };
        assert.match(original.zhang, /stance: champion/);
        assert.match(original.zhang, /influence: 4/);
        git(['init', '-q'], '2026-01-10');
        commit(original.wang, original.zhang.replace('stance: champion', 'stance: supporter').replace('influence: 4', 'influence: 3'), '2026-01-10', 'plans as they were');
        commit(original.wang.replace('stance: neutral', 'stance: skeptic'), original.zhang.replace('stance: champion', 'stance: supporter').replace('influence: 4', 'influence: 3'), '2026-03-02', 'wang fang cooled after the pricing call');
        commit(original.wang.replace('stance: neutral', 'stance: supporter').replace('influence: 3', 'influence: 4'), original.zhang, '2026-06-01', 'pilot accepted; zhang wei champions it');
        commit(original.wang, original.zhang, '2026-09-01', 'wang fang back to neutral');
        await palette(page, 'Keyplan: Open Influence', 'Influence');
        await page.locator('.quick-input-list .monaco-list-row', { hasText: '华东电信' }).first().click({ timeout: 10_000 });
        const webview = page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
        const dots = webview.locator('g.kp-trail[data-person="wang-fang"] circle.kp-trail-dot');
        await dots.nth(2).waitFor({ timeout: 30_000 });
        assert.equal(await dots.count(), 3, 'three earlier positions of wang-fang');
        const opacities = await dots.evaluateAll((cs) => cs.map((c) => Number(getComputedStyle(c).opacity)));
        assert.ok(opacities[0] < opacities[1] && opacities[1] < opacities[2], `the oldest is the faintest: ${opacities}`);
        assert.equal(await webview.locator('g.kp-trail[data-person="zhang-wei"] circle.kp-trail-dot').count(), 1, 'one earlier position of zhang-wei');
        assert.equal(await webview.locator('input#trail').isChecked(), true, 'the History trail toggle is on');
        assert.equal(await webview.locator('input#at').getAttribute('max'), '4', 'the date slider: four commits, then now');
        await page.mouse.move(0, 0);
        await ensureTheme(page, theme);
        const shot = await page.screenshot({ path: path.join(outDir, `matrix-trail-${theme}.png`) });
        checkScreenshot(shot, theme, `matrix-trail-${theme}.png`);
        // The toggle hides the trails.
        await webview.locator('input#trail').click();
        for (let i = 0; i < 50 && (await webview.locator('g.kp-trail').count()); i++) await page.waitForTimeout(100);
        assert.equal(await webview.locator('g.kp-trail').count(), 0, 'no trail once the toggle is off');
      });

      await step('dark: the History view follows the open person file: her stance changes commit by commit, newest first, with who and why', async () => {
        await closeEditors(page);
        await palette(page, 'Go to File');
        const input = page.locator('.quick-input-widget input').first();
        await input.fill('wang-fang.md');
        await page.locator('.quick-input-list .monaco-list-row', { hasText: 'wang-fang.md' }).first().waitFor({ timeout: 10_000 });
        await input.press('Enter');
        await page.locator('.tabs-container .tab', { hasText: 'wang-fang.md' }).first().waitFor({ timeout: 10_000 });
        await palette(page, 'Keyplan: Focus on History View', 'Focus on History View');
        const pane = page.locator('.pane', { has: page.locator('.pane-header', { hasText: /^History/ }) });
        const rows = pane.locator('.monaco-list-row');
        await rows.filter({ hasText: '2026-09-01' }).first().waitFor({ timeout: 30_000 });
        const labels = await rows.allInnerTexts();
        const at = (date) => labels.findIndex((l) => l.includes(date));
        assert.ok(at('2026-09-01') >= 0 && at('2026-09-01') < at('2026-06-01') && at('2026-06-01') < at('2026-03-02'), `newest first: ${labels.join(' | ')}`);
        assert.match(labels[at('2026-03-02')], /neutral → skeptic/, 'the change of 2026-03-02');
        assert.match(labels.join('\n'), /Li Na: wang fang cooled after the pricing call/, 'the author and the commit subject');
        await page.mouse.move(0, 0);
        await ensureTheme(page, theme);
        const shot = await page.screenshot({ path: path.join(outDir, `history-${theme}.png`) });
        checkScreenshot(shot, theme, `history-${theme}.png`);
      });
    }

    if (theme === 'light') {
      await step('light: the getting-started walkthrough opens on the Welcome page with its five steps and their pictures', async () => {
        await closeEditors(page);
        await palette(page, 'Welcome: Open Walkthrough');
        await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Get started with Keyplan' }).first().click({ timeout: 15_000 });
        const walkthrough = page.locator('.gettingStartedContainer');
        await walkthrough.getByText('Get started with Keyplan').first().waitFor({ timeout: 15_000 });
        for (const title of ['Create your first account, or open the samples', 'Set your owner id', 'Log an interaction', 'Open the matrix and the map', 'Run the CLI in CI']) {
          assert.ok(await walkthrough.getByText(title, { exact: false }).count(), `the step "${title}" is listed`);
        }
        // The first step's Markdown page (media/walkthrough/first-account.md) is drawn beside the
        // steps, in a webview frame of its own (outside the walkthrough's DOM).
        const drawn = async () => {
          for (const frame of page.frames()) {
            const text = await frame.evaluate(() => document.body?.innerText ?? '').catch(() => '');
            if (text.includes('Your first account') && text.includes('建档期')) return true;
          }
          return false;
        };
        for (let i = 0; i < 30 && !(await drawn()); i++) await page.waitForTimeout(500);
        assert.ok(await drawn(), 'the first step\'s Markdown page is drawn');
        await ensureTheme(page, theme);
        const shot = await page.screenshot({ path: path.join(outDir, 'walkthrough-light.png') });
        checkScreenshot(shot, theme, 'walkthrough-light.png');
      });
    }
  } finally {
    await browser.close().catch(() => {});
    await server.stop();
    fs.rmSync(stateDir, { recursive: true, force: true });
    remove();
  }
}

fs.mkdirSync(outDir, { recursive: true });
const started = Date.now();
let exitCode = 0;
for (const theme of Object.keys(THEMES)) {
  try {
    await runTheme(theme);
  } catch (error) {
    if (!failed) say(`✗ ${theme}: could not run: ${error.stack ?? error}`);
    exitCode = 1;
  }
}
if (!exitCode) {
  await step('the dark and the light theme have different backgrounds', async () => {
    assert.ok(backgrounds.light && backgrounds.dark, 'both themes ran');
    const distance = backgrounds.light.reduce((sum, v, i) => sum + Math.abs(v - backgrounds.dark[i]), 0);
    assert.ok(distance > 300, `light ${backgrounds.light} and dark ${backgrounds.dark} backgrounds are nearly the same`);
  }).catch(() => {
    exitCode = 1;
  });
}
console.log(`\ne2e: ${passed} passed, ${failed} failed (${((Date.now() - started) / 1000).toFixed(1)} s); screenshots in ${path.relative(process.cwd(), outDir)}/`);
assert.ok(passed > 0 || failed > 0);
process.exit(exitCode);
