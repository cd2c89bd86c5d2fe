// Opens code-server's web workbench in headless Chromium with the extension under development and
// the tests module, the way `code --extensionDevelopmentPath … --extensionTestsPath …` does on the
// desktop: VS Code reads both from the `payload` query parameter. The extension host (a Node
// process of code-server, on this machine) then loads the extension and calls the tests' run().
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** The workbench URL: the folder to open plus the development payload (paths on the server). */
export function workbenchUrl({ origin, workspace, extensionPath, testsPath }) {
  const remote = (p) => `vscode-remote://${new URL(origin).host}${p}`;
  const payload = [
    ['extensionDevelopmentPath', remote(extensionPath)],
    ['extensionTestsPath', remote(testsPath)],
    ['skipWelcome', 'true'],
    ['skipReleaseNotes', 'true'],
  ];
  return `${origin}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

/**
 * Starts Chromium with a fresh profile in `profileDir` and opens the workbench. Browser console
 * messages (the extension host's console.log is forwarded there) go to `consoleLog`.
 * Returns { url, closed, close }: `closed` resolves with a reason if the page dies before close().
 */
export async function openWorkbench({ origin, workspace, extensionPath, testsPath, profileDir, consoleLog, onConsole }) {
  if (!fs.existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium not found at ${CHROMIUM_PATH}. On Debian: sudo apt-get install -y chromium (or set CHROMIUM_PATH).`);
  }
  // Debian's chromium keeps its crash database and caches under XDG dirs: keep them in the profile.
  const env = { ...process.env, XDG_CONFIG_HOME: path.join(profileDir, 'xdg-config'), XDG_CACHE_HOME: path.join(profileDir, 'xdg-cache') };
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM_PATH,
    env,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
    viewport: { width: 1280, height: 800 },
    // The harness handles Ctrl-C and SIGTERM itself (clean-up in order, then its own exit code).
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });
  let closing = false;
  const write = (line) => {
    fs.appendFileSync(consoleLog, `${line}\n`);
    onConsole?.(line);
  };
  const page = context.pages()[0] ?? (await context.newPage());
  const closed = new Promise((resolve) => {
    page.on('crash', () => resolve('the workbench page crashed'));
    page.on('close', () => closing || resolve('the workbench page was closed'));
    context.on('close', () => closing || resolve('Chromium exited'));
  });
  // VS Code styles its log lines: drop the %c markers and their CSS.
  const plain = (text) => text.replace(/%c/g, '').replace(/\s*color: #[0-9a-f]{3,6}\s*/gi, ' ').trim();
  page.on('console', (message) => write(`[${message.type()}] ${plain(message.text())}`));
  page.on('pageerror', (error) => write(`[pageerror] ${error.stack ?? error.message}`));

  const url = workbenchUrl({ origin, workspace, extensionPath, testsPath });
  write(`[harness] opening ${url}`);
  const close = async () => {
    closing = true;
    await context.close().catch(() => {});
    fs.rmSync(profileDir, { recursive: true, force: true });
  };
  try {
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60_000 });
  } catch (error) {
    await close();
    throw error;
  }
  return { url, closed, close };
}
