// The peers, installed on first use into bench/.tools (ignored by git, never a dependency of
// Keyplan), with exact versions:
// - remark CLI + remark-frontmatter + remark-lint-frontmatter-schema, validating the same documents
//   against the same JSON Schemas (schemas/*.schema.json, mapped to documents by glob);
// - markdownlint-cli2 with its default rules, as the familiar "Markdown checker in CI".
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { runProgram } from './measure.mjs';

/** Exact versions. markdownlint-cli2 0.23+ needs Node 22; 0.22.1 is the newest for Node 20. */
export const PEER_VERSIONS = {
  'remark-cli': '12.0.1',
  'remark-frontmatter': '5.0.0',
  'remark-lint-frontmatter-schema': '3.15.4',
  'markdownlint-cli2': '0.22.1',
};

/** Which schema validates which documents (paths as gen-workspace.mjs and the samples lay them out). */
export const SCHEMA_GLOBS = {
  'account.schema.json': ['**/account.md'],
  'org-portrait.schema.json': ['**/org-portrait.md'],
  'person.schema.json': ['**/people/*.md'],
  'relationship-plan.schema.json': ['**/relationship-plan*.md'],
  'interaction-log.schema.json': ['**/interactions*.md'],
};

/** Installs the peers into `toolsDir` unless that exact set is already there. */
export function ensurePeers(toolsDir, log = () => {}) {
  const manifest = { name: 'keyplan-bench-tools', private: true, description: 'Peer tools for npm run bench; installed on first use, not part of Keyplan.', dependencies: PEER_VERSIONS };
  const text = `${JSON.stringify(manifest, null, 2)}\n`;
  const stamp = path.join(toolsDir, 'node_modules', '.keyplan-bench-installed');
  const want = createHash('sha256').update(text).digest('hex');
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === want) return installedVersions(toolsDir);
  mkdirSync(toolsDir, { recursive: true });
  writeFileSync(path.join(toolsDir, 'package.json'), text);
  log(`installing the peer tools into ${toolsDir} (first use)…`);
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  execFileSync(npm, ['install', '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error'], { cwd: toolsDir, stdio: ['ignore', 'ignore', 'inherit'] });
  writeFileSync(stamp, want);
  return installedVersions(toolsDir);
}

function installedVersions(toolsDir) {
  return Object.fromEntries(Object.keys(PEER_VERSIONS).map((name) => [name, JSON.parse(readFileSync(path.join(toolsDir, 'node_modules', name, 'package.json'), 'utf8')).version]));
}

/**
 * The remark configuration for one workspace. The plugin reads each schema with
 * json-schema-ref-parser (which resolves `$ref: defs.schema.json#/...` relative to the schema
 * file) and validates with a draft-07 Ajv. Our schemas declare draft 2020-12, a meta-schema that
 * Ajv class does not know, so `validateSchema: false` (a documented plugin option, passed to Ajv)
 * skips the meta-schema check; the keywords our schemas use mean the same in both drafts (no $ref
 * has sibling assertions). Schema keys are relative to the working directory (the plugin joins them
 * onto it).
 */
export function remarkConfig(toolsDir, schemasDir, workspaceDir) {
  const schemas = {};
  for (const [file, globs] of Object.entries(SCHEMA_GLOBS)) schemas[path.relative(workspaceDir, path.join(schemasDir, file)).split(path.sep).join('/')] = globs;
  const config = { plugins: ['remark-frontmatter', ['remark-lint-frontmatter-schema', { schemas, ajvOptions: { validateSchema: false } }]] };
  const file = path.join(toolsDir, `remarkrc-${createHash('sha256').update(workspaceDir).digest('hex').slice(0, 12)}.json`);
  writeFileSync(file, JSON.stringify(config, null, 2));
  return file;
}

/** `remark . --rc-path <config>` in the workspace: every Markdown file, messages on stderr. */
export function runRemark(toolsDir, rcPath, workspaceDir) {
  const cli = path.join(toolsDir, 'node_modules', 'remark-cli', 'cli.js');
  const r = runProgram(process.execPath, [cli, '.', '--rc-path', rcPath, '--quiet', '--no-stdout', '--no-color'], { cwd: workspaceDir });
  if (r.status !== 0 && r.status !== 1) throw new Error(`remark exited with ${r.status}: ${r.stderr.slice(0, 2000)}`);
  return { ms: r.ms, findings: parseRemarkReport(r.stderr) };
}

/** Files and messages from remark's default reporter (a file line, then indented messages). */
export function parseRemarkReport(text) {
  const byFile = new Map();
  let current;
  for (const line of text.split('\n')) {
    if (/^\S.*\.md$/.test(line)) current = line.trim();
    else if (current && /\b(warning|error)\b/.test(line)) {
      const list = byFile.get(current) ?? [];
      list.push(line.trim().replace(/\s+/g, ' '));
      byFile.set(current, list);
    }
  }
  const messages = [...byFile.values()].flat();
  return {
    files: [...byFile.keys()].sort(),
    messages: messages.length,
    schemaProblems: messages.filter((m) => /JSON schema malformed|schema file load\/parse/.test(m)).length,
  };
}

/** `markdownlint-cli2 "**\/*.md"` with its default configuration in the workspace. */
export function runMarkdownlint(toolsDir, workspaceDir) {
  const cli = path.join(toolsDir, 'node_modules', 'markdownlint-cli2', 'markdownlint-cli2-bin.mjs');
  const r = runProgram(process.execPath, [cli, '**/*.md', '#node_modules', '#.git'], { cwd: workspaceDir });
  if (r.status !== 0 && r.status !== 1) throw new Error(`markdownlint-cli2 exited with ${r.status}: ${r.stderr.slice(0, 2000)}`);
  const summary = /Summary: (\d+) error/.exec(r.stdout + r.stderr);
  return { ms: r.ms, findings: summary ? Number(summary[1]) : undefined };
}
