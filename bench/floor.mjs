// The floor: what merely looking at every document costs in one Node process: list the Markdown
// files, read each one, cut out its frontmatter and parse it with the `yaml` package (the parser
// Keyplan itself uses). No validation, no model, no positions.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { listMarkdown } from './workloads.mjs';

const FENCE = /^---[ \t]*\r?\n/;
const CLOSE = /^(?:---|\.\.\.)[ \t]*$/m;

export function loadYaml(repo) {
  return createRequire(path.join(repo, 'package.json'))('yaml');
}

/** Returns how many frontmatters parsed and how many did not; the caller times it. */
export function floorPass(yaml, root) {
  let parsed = 0;
  let failed = 0;
  for (const rel of listMarkdown(root)) {
    const text = readFileSync(path.join(root, rel), 'utf8');
    const open = FENCE.exec(text);
    if (!open) continue;
    const rest = text.slice(open[0].length);
    const close = CLOSE.exec(rest);
    try {
      yaml.parse(close ? rest.slice(0, close.index) : rest);
      parsed++;
    } catch {
      failed++;
    }
  }
  return { parsed, failed };
}
