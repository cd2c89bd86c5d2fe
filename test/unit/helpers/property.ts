/**
 * Property tests that can fail for the right reason: a fixed seed (so a run is reproducible and
 * two runs check the same cases; KEYPLAN_FUZZ_SEED picks another one), and branch counters with
 * floors (so a property whose interesting branch stopped running, because a generator or an early
 * return filters it away, fails instead of passing on the easy cases).
 */
import assert from 'node:assert/strict';
import type fc from 'fast-check';
import { runs } from './generators.js';

/** The seed every seeded property uses unless KEYPLAN_FUZZ_SEED names another. */
export const PROPERTY_SEED = Number(process.env.KEYPLAN_FUZZ_SEED || 20261120);

/** fast-check parameters with `runs(base)` cases from PROPERTY_SEED. */
export function seeded(base: number): fc.Parameters<unknown> {
  return { numRuns: runs(base), seed: PROPERTY_SEED };
}

/** Counts how often each branch of a property ran. */
export class Branches {
  private readonly counts = new Map<string, number>();
  cases = 0;

  /** Counts one run of the property (call once per case that got to its checks). */
  run(): void {
    this.cases++;
  }

  hit(branch: string, when = true): void {
    if (when) this.counts.set(branch, (this.counts.get(branch) ?? 0) + 1);
  }

  count(branch: string): number {
    return this.counts.get(branch) ?? 0;
  }

  /**
   * Fails unless every branch ran in at least the given share of `total` cases (default: the
   * cases counted by run()). The message names the seed, so the run can be replayed.
   */
  assertFloors(floors: Record<string, number>, total = this.cases): void {
    const report = Object.keys(floors).map((b) => `${b}: ${this.count(b)}`).join(', ');
    if (process.env.KEYPLAN_BRANCHES) console.log(`      branches (seed ${PROPERTY_SEED}): ${this}`);
    for (const [branch, share] of Object.entries(floors)) {
      const needed = Math.ceil(share * total);
      assert.ok(this.count(branch) >= needed,
        `the branch "${branch}" ran in ${this.count(branch)} of ${total} cases, fewer than ${needed} (${share * 100}%); seed ${PROPERTY_SEED}; all branches: ${report}`);
    }
  }

  toString(): string {
    return `${this.cases} cases: ${[...this.counts].map(([b, n]) => `${b} ${n}`).join(', ')}`;
  }
}
