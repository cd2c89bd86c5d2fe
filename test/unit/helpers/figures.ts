/**
 * Figures for docs/reliability.md: tests record what they ran (fuzz cases, YAML-suite counts,
 * hostile fixtures, round trips). When KEYPLAN_FIGURES names a file, the totals are written there
 * as JSON when the process exits (`npm run fuzz` does this and prints them).
 */
import { writeFileSync } from 'node:fs';

const totals = new Map<string, number>();
let hooked = false;

export function record(name: string, count = 1): void {
  totals.set(name, (totals.get(name) ?? 0) + count);
  const target = process.env.KEYPLAN_FIGURES;
  if (target && !hooked) {
    hooked = true;
    process.on('exit', () => writeFileSync(target, JSON.stringify(Object.fromEntries([...totals].sort()), null, 2) + '\n'));
  }
}

export function figures(): Record<string, number> {
  return Object.fromEntries(totals);
}
