/**
 * Random changes for the scoped-diff tests (diff-scoped.test.ts, diff-scoped-git.test.ts): those of
 * the --changed-since generator, and more of what a diff reports on (tier, fields, plan, log, status).
 */
import { generator } from './changed-since-gen.js';

const ACCOUNTS = ['north', 'south', 'east', 'west'];

export function diffGenerator(seed: number) {
  const g = generator(seed);
  const { rnd } = g;
  const pick = <T>(xs: readonly T[]) => xs[rnd(xs.length)];
  const mutate = (files: Record<string, string>): Record<string, string> => {
    const out = { ...files };
    const paths = Object.keys(out).filter((p) => p.endsWith('.md'));
    if (!paths.length || rnd(3) === 0) return g.mutate(out);
    const p = pick(paths);
    const text = out[p];
    switch (rnd(10)) {
      case 0: out[p] = text.replace(/tier: \w/, `tier: ${pick(['A', 'B', 'C'])}`); break;
      case 1: out[p] = text.replace(/nps: \d+/, `nps: ${rnd(90)}`).replace(/churn_risk: \w+/, `churn_risk: ${pick(['low', 'medium', 'high'])}`); break;
      case 2: out[p] = text.replace(/stage: awareness/, `stage: ${pick(['recognition', 'purchase'])}`).replace(/layer: key/, `layer: ${pick(['general', 'key'])}`); break;
      case 3: out[p] = text.replace(/^name: .*$/m, `name: ${pick(['Zhang Wei', 'Li Na', 'renamed'])}`); break;
      case 4: if (text.includes('kind: person')) out[p] = text.replace(/\n---\n$/, `\nstatus: ${pick(['left', 'active'])}\n---\n`); break;
      case 5: if (text.includes('interaction-log')) out[p] = text.replace(/拜访/, pick(['拜访并演示', '会议'])).replace(/2026-10-0\d/, `2026-0${1 + rnd(9)}-1${rnd(9)}`); break;
      case 6: if (text.includes('kind: person')) out[p] = text.replace(/influence: \d+/, `influence: ${1 + rnd(5)}`).replace(/coverage: [\w-]+/, `coverage: ${pick(['none', 'brief', 'in-depth'])}`); break;
      case 7: if (text.includes('kind: account')) out[p] = text.replace(/\n---\n/, `\nobjectives:\n  - {id: win-${rnd(3)}, title: Win, status: ${pick(['on-track', 'done', 'at-risk'])}, due: 2026-12-01}\n---\n`); break;
      case 8: out[`accounts/${pick(ACCOUNTS)}/people/p-${rnd(50)}.md`] = `---\nkind: person\nid: p-${rnd(50)}\naccount: ${pick(ACCOUNTS)}\nname: P\nroles: [${pick(['EB', 'TB', 'UB', 'Coach'])}]\ninfluence: ${1 + rnd(5)}\nstance: ${pick(['supporter', 'opponent', 'neutral'])}\n---\n`; break;
      case 9: if (text.includes('kind: person')) out[p] = text.replace(/^account: .*$/m, `account: ${pick(ACCOUNTS)}`); break;
    }
    return out;
  };
  return { rnd, mutate };
}

