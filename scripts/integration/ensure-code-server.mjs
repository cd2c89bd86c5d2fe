// Installs code-server (VS Code server + web workbench) into .vscode-test/code-server on first use
// and reuses it afterwards. It is deliberately not a dependency of the project: it is big, builds
// native modules, and only the integration tests need it.
//
//   node scripts/integration/ensure-code-server.mjs          install if missing, print the path
//   node scripts/integration/ensure-code-server.mjs --force  reinstall
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cacheDir, repoRoot } from './paths.mjs';

export const CODE_SERVER_VERSION = '4.100.3';
/** The VS Code version code-server 4.100.3 contains. */
export const VSCODE_VERSION = '1.100.3';

// code-server's nested @vscode/ripgrep downloads rg from GitHub in its postinstall unless this
// archive is already in its cache (see @vscode/ripgrep lib/download.js).
const RIPGREP_PACKAGE_VERSION = '1.15.11';
const RIPGREP_ASSET_VERSION = 'v13.0.0-10';


export const installDir = path.join(cacheDir, 'code-server');
const packageDir = path.join(installDir, 'node_modules', 'code-server');
/** The script to run with node: `node <entry> --auth none …`. */
export const codeServerEntry = path.join(packageDir, 'out', 'node', 'entry.js');
const markerFile = path.join(installDir, 'installed.json');

const log = (message) => console.log(`[code-server] ${message}`);

function commandExists(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

function ripgrepTarget() {
  const arch = process.env.npm_config_arch || os.arch();
  if (arch === 'x64') return 'x86_64-unknown-linux-musl';
  if (arch === 'arm64') return 'aarch64-unknown-linux-musl';
  throw new Error(`The code-server harness supports linux x64 and arm64, not ${arch}.`);
}

/** What a fresh Debian machine is missing; [] when everything is there. */
export function missingPrerequisites() {
  const missing = [];
  if (!commandExists('rg')) missing.push({ what: 'ripgrep (rg)', apt: 'ripgrep' });
  if (!commandExists('python3')) missing.push({ what: 'python3 (node-gyp)', apt: 'python3' });
  if (!commandExists('make') || !commandExists('g++')) missing.push({ what: 'make and g++ (node-gyp)', apt: 'build-essential' });
  if (!fs.existsSync('/usr/include/krb5.h') && !commandExists('krb5-config')) {
    missing.push({ what: 'Kerberos headers (the kerberos native module)', apt: 'libkrb5-dev' });
  }
  return missing;
}

function isInstalled() {
  try {
    const marker = JSON.parse(fs.readFileSync(markerFile, 'utf8'));
    return marker.version === CODE_SERVER_VERSION && fs.existsSync(codeServerEntry);
  } catch {
    return false;
  }
}

/** Puts Debian's rg where @vscode/ripgrep looks for a cached download. */
function seedRipgrepCache() {
  const cache = path.join(os.tmpdir(), `vscode-ripgrep-cache-${RIPGREP_PACKAGE_VERSION}`);
  const archive = path.join(cache, `ripgrep-${RIPGREP_ASSET_VERSION}-${ripgrepTarget()}.tar.gz`);
  if (fs.existsSync(archive)) {
    log(`ripgrep archive already cached: ${archive}`);
    return;
  }
  const rg = spawnSync('sh', ['-c', 'command -v rg'], { encoding: 'utf8' }).stdout.trim();
  const stage = fs.mkdtempSync(path.join(os.tmpdir(), 'keyplan-rg-'));
  try {
    fs.copyFileSync(fs.realpathSync(rg), path.join(stage, 'rg'));
    fs.chmodSync(path.join(stage, 'rg'), 0o755);
    fs.mkdirSync(cache, { recursive: true });
    const partial = `${archive}.${process.pid}.partial`;
    const tar = spawnSync('tar', ['-czf', partial, '-C', stage, 'rg'], { stdio: 'inherit' });
    if (tar.status !== 0) throw new Error(`tar failed (exit ${tar.status}) while packing ${rg}`);
    fs.renameSync(partial, archive);
    log(`packed ${rg} as ${archive} (so @vscode/ripgrep does not download it)`);
  } finally {
    fs.rmSync(stage, { recursive: true, force: true });
  }
}

/** node-gyp downloads Node's headers unless told where they are; use the local ones when present. */
function nodeHeadersDir() {
  if (process.env.npm_config_nodedir) return process.env.npm_config_nodedir;
  const prefix = path.resolve(path.dirname(process.execPath), '..');
  return fs.existsSync(path.join(prefix, 'include', 'node', 'node_version.h')) ? prefix : undefined;
}

/** Files that only exist when every native module and download step worked. */
function checkInstall() {
  const vscodeModules = path.join(packageDir, 'lib', 'vscode', 'node_modules');
  const expected = [
    codeServerEntry,
    path.join(vscodeModules, '@vscode', 'ripgrep', 'bin', 'rg'),
    path.join(vscodeModules, 'node-pty', 'build', 'Release', 'pty.node'),
    path.join(vscodeModules, '@vscode', 'spdlog', 'build', 'Release', 'spdlog.node'),
    path.join(vscodeModules, 'kerberos', 'build', 'Release', 'kerberos.node'),
    path.join(packageDir, 'lib', 'vscode', 'node_modules.asar'),
  ];
  const absent = expected.filter((file) => !fs.existsSync(file));
  if (absent.length) {
    throw new Error(`code-server's install is incomplete; missing:\n  ${absent.join('\n  ')}\n` +
      'Scroll up for the failing install script, then rerun (the install starts from scratch).');
  }
}

/** Installs code-server when needed; returns the script to run with node. */
export function ensureCodeServer({ force = false } = {}) {
  if (!force && isInstalled()) {
    log(`code-server ${CODE_SERVER_VERSION} (VS Code ${VSCODE_VERSION}) found in ${path.relative(repoRoot, installDir)}`);
    return codeServerEntry;
  }
  if (process.platform !== 'linux') {
    throw new Error('The code-server harness runs on Linux. Elsewhere set VSCODE_EXECUTABLE_PATH or pass --electron.');
  }
  const nodeMajor = Number(process.versions.node.split('.')[0]);
  if (nodeMajor !== 20) {
    throw new Error(`code-server ${CODE_SERVER_VERSION} needs Node 20 (this is ${process.version}). ` +
      'Use Node 20, or run with --electron where VS Code can be downloaded.');
  }
  const missing = missingPrerequisites();
  if (missing.length) {
    throw new Error(`Installing code-server needs: ${missing.map((m) => m.what).join(', ')}.\n` +
      `Run 'npm run provision' (it installs them on Debian/Ubuntu), or: sudo apt-get install -y ${missing.map((m) => m.apt).join(' ')}`);
  }

  log(`installing code-server ${CODE_SERVER_VERSION} into ${installDir} (first use only; builds native modules, takes a few minutes)`);
  fs.rmSync(installDir, { recursive: true, force: true });
  fs.mkdirSync(installDir, { recursive: true });
  // Its own package.json keeps npm from walking up to (and changing) the project's.
  fs.writeFileSync(path.join(installDir, 'package.json'), `${JSON.stringify({ name: 'keyplan-code-server', private: true }, null, 2)}\n`);
  seedRipgrepCache();

  const env = {
    ...process.env,
    // Inherited by the nested `npm install`s in code-server's postinstall.sh as well.
    npm_config_yes: 'true', // a nested npx must not wait for a "Need to install…" answer
    npm_config_unsafe_perm: 'true', // postinstall.sh refuses to run as root without it
    // npm 11 skips dependency install scripts that are not allowed in the installing project's
    // package.json or .npmrc, and the nested installs run in code-server's own lib/vscode
    // projects, which have neither. Everything here is pinned by code-server's npm-shrinkwrap.json
    // files; the packages with install scripts are argon2, node-pty, kerberos, @parcel/watcher,
    // @vscode/{ripgrep,spdlog,deviceid,windows-*} and native-watchdog. Older npm ignores this.
    npm_config_dangerously_allow_all_scripts: 'true',
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
  };
  const headers = nodeHeadersDir();
  if (headers) env.npm_config_nodedir = headers;
  // Under `npm run`, npm describes the project's own script in the environment: not ours.
  for (const key of Object.keys(env)) {
    if (/^npm_(package_|lifecycle_|command$|config_local_prefix$)/.test(key) || key === 'INIT_CWD') delete env[key];
  }

  const args = ['install', '--no-save', '--no-package-lock', `code-server@${CODE_SERVER_VERSION}`];
  log(`npm ${args.join(' ')}  (in ${installDir}${headers ? `, node headers from ${headers}` : ''})`);
  const started = Date.now();
  const npm = spawnSync('npm', args, { cwd: installDir, env, stdio: 'inherit' });
  if (npm.error) throw npm.error;
  if (npm.status !== 0) throw new Error(`npm install code-server@${CODE_SERVER_VERSION} failed (exit ${npm.status ?? npm.signal}).`);
  checkInstall();
  fs.writeFileSync(markerFile, `${JSON.stringify({ version: CODE_SERVER_VERSION, vscode: VSCODE_VERSION, installedAt: new Date().toISOString() }, null, 2)}\n`);
  log(`installed in ${Math.round((Date.now() - started) / 1000)} s`);
  return codeServerEntry;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    console.log(ensureCodeServer({ force: process.argv.includes('--force') }));
  } catch (error) {
    console.error(`[code-server] ${error.message}`);
    process.exit(1);
  }
}
