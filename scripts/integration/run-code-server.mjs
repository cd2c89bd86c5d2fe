// Starts code-server on a free local port, waits until it answers, and stops it again, together
// with everything it started (extension host, file watcher, pty host): code-server runs in its own
// process group and stopping kills the whole group.
//
//   node scripts/integration/run-code-server.mjs [workspace]   serve a folder until Ctrl-C
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureCodeServer } from './ensure-code-server.mjs';

const log = (message) => console.log(`[code-server] ${message}`);

/** A port that was free a moment ago (code-server reports it if someone takes it in between). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Every process of a group still alive? (kill with signal 0 only checks.) */
function groupAlive(pgid) {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

function killGroup(pgid, signal) {
  try {
    process.kill(-pgid, signal);
  } catch {
    /* already gone */
  }
}

async function waitUntilAnswering(origin, child, exited, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  let lastError = 'no answer yet';
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`code-server exited (${child.exitCode ?? child.signalCode}) before it answered`);
    }
    try {
      const response = await fetch(`${origin}/healthz`, { signal: AbortSignal.timeout(2000) });
      if (response.ok) return;
      lastError = `HTTP ${response.status}`;
    } catch (error) {
      lastError = error.cause?.code ?? error.message;
    }
    await Promise.race([new Promise((r) => setTimeout(r, 200)), exited]);
  }
  throw new Error(`code-server did not answer on ${origin} within ${timeoutMs / 1000} s (${lastError})`);
}

/**
 * Starts code-server for `workspace`. Its state (user data, extensions, config, log) goes to
 * `stateDir`, which the caller removes. Returns { origin, port, logFile, exited, stop }.
 */
export async function startCodeServer({ workspace, stateDir, entry = ensureCodeServer(), startTimeoutMs = 60_000 }) {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  for (const dir of ['user-data', 'extensions']) fs.mkdirSync(path.join(stateDir, dir), { recursive: true });
  // An explicit config file keeps code-server from creating ~/.config/code-server/config.yaml.
  const configFile = path.join(stateDir, 'config.yaml');
  fs.writeFileSync(configFile, 'auth: none\n');
  const logFile = path.join(stateDir, 'code-server.log');
  const out = fs.openSync(logFile, 'a');

  const args = [
    entry,
    '--config', configFile,
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--disable-workspace-trust',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-getting-started-override',
    '--locale', 'en',
    '--user-data-dir', path.join(stateDir, 'user-data'),
    '--extensions-dir', path.join(stateDir, 'extensions'),
    workspace,
  ];
  const env = { ...process.env };
  for (const key of ['PORT', 'PASSWORD', 'HASHED_PASSWORD', 'GITHUB_TOKEN', 'VSCODE_PROXY_URI', 'CS_DISABLE_PROXY']) delete env[key];
  // detached: its own process group, so stop() reaches the extension host and the other helpers.
  const child = spawn(process.execPath, args, { detached: true, stdio: ['ignore', out, out], env });
  fs.closeSync(out);
  const pgid = child.pid;
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  // Last resort if the harness itself dies without running stop(): synchronous, so it works in 'exit'.
  const onExit = () => killGroup(pgid, 'SIGKILL');
  process.once('exit', onExit);

  let stopped;
  const stop = () => {
    stopped ??= (async () => {
      process.removeListener('exit', onExit);
      if (!groupAlive(pgid)) return;
      killGroup(pgid, 'SIGTERM');
      const deadline = Date.now() + 5000;
      while (groupAlive(pgid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      if (groupAlive(pgid)) {
        log('still running 5 s after SIGTERM: SIGKILL');
        killGroup(pgid, 'SIGKILL');
        const killDeadline = Date.now() + 5000;
        while (groupAlive(pgid) && Date.now() < killDeadline) await new Promise((r) => setTimeout(r, 50));
      }
    })();
    return stopped;
  };

  log(`starting on ${origin} (process group ${pgid}, log ${logFile})`);
  try {
    await waitUntilAnswering(origin, child, exited, startTimeoutMs);
  } catch (error) {
    await stop();
    error.message += `\n--- ${logFile} ---\n${tail(logFile)}`;
    throw error;
  }
  log(`answering on ${origin}`);
  return { origin, port, pgid, logFile, exited, stop };
}

/** The last lines of a log file, for error messages. */
export function tail(file, lines = 40) {
  try {
    return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const workspace = path.resolve(process.argv[2] ?? '.');
  const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'keyplan-code-server-'));
  const server = await startCodeServer({ workspace, stateDir });
  console.log(`${server.origin}/?folder=${encodeURIComponent(workspace)}   (Ctrl-C stops it)`);
  const shutdown = async () => {
    await server.stop();
    fs.rmSync(stateDir, { recursive: true, force: true });
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
  const { code, signal } = await server.exited;
  log(`exited (${code ?? signal})`);
  await server.stop();
  fs.rmSync(stateDir, { recursive: true, force: true });
}
