// The system packages the test suite needs, in one list, installed when missing. `npm test` runs
// this first (the `pretest` script) and so does .ci/run, so a fresh machine needs only the README's
// two commands. Installs with apt-get (as root, or with passwordless sudo) from Debian's package
// repositories and nothing else; where that is not possible it stops with one sentence naming the
// command to run.
//
//   node scripts/provision.mjs            install what is missing, or explain how
//   node scripts/provision.mjs --check    only say what is missing (exit 1 if anything is)
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

/** Every Debian package the tests use, and why. */
export const SYSTEM_PACKAGES = [
  { name: 'chromium', why: 'the browser that drives the VS Code workbench and takes the screenshots' },
  { name: 'ripgrep', why: "VS Code's search binary (code-server would otherwise download one)" },
  { name: 'libkrb5-dev', why: 'headers for the kerberos native module code-server builds' },
  { name: 'build-essential', why: 'the compiler for code-server\'s native modules' },
  { name: 'python3', why: 'node-gyp, which builds those native modules' },
  { name: 'procps', why: '`ps`, to check that no test process is left behind' },
  { name: 'ca-certificates', why: 'TLS to the npm registry while code-server installs' },
  { name: 'fonts-noto-cjk', why: 'so screenshots show Chinese names instead of boxes' },
  { name: 'faketime', why: 'runs the unit suite under a clock moved years ahead (.ci/run)' },
];

const log = (message) => console.log(`[provision] ${message}`);
const run = (command, args, options = {}) => spawnSync(command, args, { encoding: 'utf8', ...options });
const has = (command) => run('sh', ['-c', `command -v ${command}`]).status === 0;

/** Packages not installed, according to dpkg; undefined when this is not a Debian-like system. */
export function missingPackages() {
  if (!has('dpkg-query')) return undefined;
  return SYSTEM_PACKAGES.filter(({ name }) => {
    const status = run('dpkg-query', ['-W', '-f=${Status}', name]);
    return !(status.status === 0 && status.stdout.includes('install ok installed'));
  });
}

function installCommand(names) {
  return `sudo apt-get update && sudo apt-get install -y ${names.join(' ')}`;
}

function main() {
  if (process.env.KEYPLAN_SKIP_PROVISION === '1') {
    log('KEYPLAN_SKIP_PROVISION=1: not checking system packages');
    return 0;
  }
  if (process.platform !== 'linux') {
    log(`the editor tests run on Linux (Debian/Ubuntu); on ${process.platform} run \`npm run test:unit\`, or set VSCODE_EXECUTABLE_PATH and CHROMIUM_PATH.`);
    return 1;
  }
  const missing = missingPackages();
  if (missing === undefined) {
    const names = SYSTEM_PACKAGES.map((p) => p.name);
    const absent = [['chromium', process.env.CHROMIUM_PATH || '/usr/bin/chromium'], ['rg'], ['faketime']]
      .filter(([command, file]) => (file ? !fs.existsSync(file) : !has(command)));
    if (!absent.length) return 0;
    log(`this is not a Debian-like system, so I cannot install what the tests need; install the equivalents of: ${names.join(', ')} (missing now: ${absent.map(([c]) => c).join(', ')}).`);
    return 1;
  }
  if (!missing.length) {
    log(`all ${SYSTEM_PACKAGES.length} system packages present`);
    return 0;
  }
  for (const { name, why } of missing) log(`missing ${name}: ${why}`);
  const names = missing.map((p) => p.name);
  if (process.argv.includes('--check')) {
    log(`to install: ${installCommand(names)}`);
    return 1;
  }
  const root = process.getuid?.() === 0;
  const sudo = root ? [] : ['sudo', '-n'];
  if (!root && run('sudo', ['-n', 'true']).status !== 0) {
    log(`cannot install them without a password; run \`${installCommand(names)}\` and then \`npm test\` again.`);
    return 1;
  }
  if (!has('apt-get')) {
    log(`apt-get is not available; install ${names.join(', ')} with this system's package manager and run \`npm test\` again.`);
    return 1;
  }
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const step = (args) => {
    const [command, ...rest] = [...sudo, ...args];
    log(`${[command, ...rest].join(' ')}`);
    return spawnSync(command, rest, { stdio: 'inherit', env }).status === 0;
  };
  // With recommends (fonts, mesa…): the configuration the harness was verified with.
  if (!step(['apt-get', 'update', '-qq']) || !step(['apt-get', 'install', '-y', '-qq', ...names])) {
    log(`apt-get failed; run \`${installCommand(names)}\` yourself and then \`npm test\` again.`);
    return 1;
  }
  const still = missingPackages() ?? [];
  if (still.length) {
    log(`still missing after apt-get: ${still.map((p) => p.name).join(', ')}`);
    return 1;
  }
  log(`installed ${names.join(', ')}`);
  return 0;
}

process.exitCode = main();
