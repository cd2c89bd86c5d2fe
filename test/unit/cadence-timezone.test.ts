import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '../..');

/** Runs helpers/tz-probe.ts with the given TZ and returns what it printed. */
function probe(tz: string) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', path.join(HERE, 'helpers', 'tz-probe.ts')], {
    cwd: ROOT,
    env: { ...process.env, TZ: tz },
    encoding: 'utf8',
    timeout: 60_000,
  });
  assert.equal(run.status, 0, `probe failed with TZ=${tz}:\n${run.stderr}`);
  return JSON.parse(run.stdout) as { today: string[]; [key: string]: unknown };
}

describe('cadence: dates are calendar dates, not instants', () => {
  const zones = ['UTC', 'Pacific/Kiritimati', 'America/Adak', 'Asia/Shanghai'];
  const results: Record<string, ReturnType<typeof probe>> = {};
  before(function () {
    this.timeout(120_000);
    for (const tz of zones) results[tz] = probe(tz);
  });

  it('the child processes really run in different time zones (today() is local)', () => {
    // 2026-11-20 09:30Z is 23:30 on the 20th in Kiritimati (UTC+14) and 23:30 on the 19th in Adak (UTC−10);
    // 10:30Z is already the 21st in Kiritimati.
    assert.deepEqual(results.UTC.today, ['2026-11-20', '2026-11-20']);
    assert.deepEqual(results['Pacific/Kiritimati'].today, ['2026-11-20', '2026-11-21']);
    assert.deepEqual(results['America/Adak'].today, ['2026-11-19', '2026-11-20']);
    assert.deepEqual(results['Asia/Shanghai'].today, ['2026-11-20', '2026-11-20']);
  });

  for (const tz of zones.slice(1)) {
    it(`TZ=${tz}: cadences, dark accounts, temperatures, health, findings and date arithmetic equal those in UTC`, () => {
      const { today: _a, ...here } = results[tz];
      const { today: _b, ...utc } = results.UTC;
      assert.deepEqual(here, utc);
    });
  }

  it('date arithmetic across DST changes and a skipped day is exact', () => {
    assert.deepEqual(results.UTC.dates, {
      dst: [2, 2, 2],
      add: ['2026-11-01', '2026-11-02', '2026-03-28', '1994-12-31', '2028-02-29'],
    });
  });

  it('no core module uses local-time Date functions outside today()', () => {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const p = path.join(dir, name);
        if (statSync(p).isDirectory()) walk(p);
        else if (p.endsWith('.ts')) files.push(p);
      }
    };
    walk(path.join(ROOT, 'src', 'core'));
    assert.ok(files.length > 10);
    const LOCAL = /\.(?:get|set)(?:FullYear|Month|Date|Day|Hours|Minutes|Seconds|Milliseconds)\(|getTimezoneOffset|toLocale(?:Date|Time)?String|Date\.parse\(|new Date\((?!Date\.UTC\(|\(dayNumber\(|\))/;
    const offenders: string[] = [];
    for (const file of files) {
      let text = readFileSync(file, 'utf8');
      if (file.endsWith(path.join('core', 'dates.ts'))) {
        // today() is the one place that reads the local calendar.
        const start = text.indexOf('export function today(');
        assert.ok(start >= 0, 'dates.ts defines today()');
        const end = text.indexOf('\n}', start);
        text = text.slice(0, start) + text.slice(end + 2);
      }
      text.split('\n').forEach((line, i) => {
        if (LOCAL.test(line) && !line.trimStart().startsWith('//') && !line.trimStart().startsWith('*')) offenders.push(`${path.relative(ROOT, file)}:${i + 1}: ${line.trim()}`);
      });
    }
    assert.deepEqual(offenders, []);
  });
});
