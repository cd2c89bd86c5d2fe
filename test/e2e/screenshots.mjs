// End to end in a real browser: opens samples/ in code-server (VS Code 1.100.3) with the
// extension, as a user would: the Keyplan view in the activity bar, an A-tier account expanded,
// the influence–support matrix opened and a marker hovered. Asserts on visible text and saves
// screenshots in a light and a dark theme to docs/screenshots/.
//
//   node test/e2e/screenshots.mjs            (after `node scripts/build.mjs`)
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_PATH } from '../../scripts/integration/open-workbench.mjs';
import { repoRoot } from '../../scripts/integration/paths.mjs';
import { prepareWorkspace } from '../../scripts/integration/prepare-workspace.mjs';
import { startCodeServer } from '../../scripts/integration/run-code-server.mjs';
import { TEST_SETTINGS } from '../../scripts/integration/user-settings.mjs';

const outDir = path.join(repoRoot, 'docs', 'screenshots');
const THEMES = { light: 'Default Light Modern', dark: 'Default Dark Modern' };
const say = (m) => console.log(`[e2e] ${m}`);
let passed = 0;
let failed = 0;

let currentPage;

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

async function runTheme(theme) {
  const { workspace, remove } = prepareWorkspace();
  const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'keyplan-e2e-'));
  const settings = path.join(stateDir, 'user-data', 'User', 'settings.json');
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
      await page.screenshot({ path: path.join(outDir, `portfolio-${theme}.png`) });
    });

    await step(`${theme}: the matrix opens with quadrant labels, and hovering a marker shows the person's card`, async () => {
      await page.keyboard.press('F1');
      await page.keyboard.type('Keyplan: Open Influence');
      await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Influence' }).first().waitFor({ timeout: 10_000 });
      await page.keyboard.press('Enter');
      // No account file is open, so Keyplan asks which account.
      await page.locator('.quick-input-list .monaco-list-row', { hasText: '华东电信' }).first().click({ timeout: 10_000 });
      const webview = page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
      await webview.locator('svg.kp-matrix').waitFor({ timeout: 30_000 });
      for (const label of ['Champions', 'Blockers', 'Fans', 'Naysayers']) await webview.getByText(label, { exact: true }).first().waitFor({ timeout: 5_000 });
      // Playwright's stability check never settles on SVG inside the nested webview frames;
      // `force` still moves the real mouse onto the marker.
      await webview.locator('g.kp-person[data-person="zhang-wei"] circle').hover({ force: true });
      await page.screenshot({ path: path.join(os.tmpdir(), `keyplan-e2e-hover-${theme}.png`) });
      const card = webview.locator('#card');
      await card.getByText('张伟', { exact: true }).waitFor({ timeout: 5_000 });
      await card.getByText(/overdue/).first().waitFor({ timeout: 5_000 });
      await page.screenshot({ path: path.join(outDir, `matrix-${theme}.png`) });
    });
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
console.log(`\ne2e: ${passed} passed, ${failed} failed (${((Date.now() - started) / 1000).toFixed(1)} s); screenshots in ${path.relative(process.cwd(), outDir)}/`);
assert.ok(passed > 0 || failed > 0);
process.exit(exitCode);
