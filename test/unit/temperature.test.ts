import assert from 'node:assert/strict';
import { addDays } from '../../src/core/dates.js';
import { band, CHANNEL_DEPTH, STANCE_POINTS, temperature, WINDOW_DAYS } from '../../src/core/analysis/temperature.js';
import { AS_OF, workspace, type PersonOpts } from './helpers/workspace.js';

const ago = (n: number) => addDays(AS_OF, -n);

/** Temperature of person `p` with the given log entries (written without the person's mention). */
function temp(entries: [number, string][], p: PersonOpts = {}, config?: string[], asOf = AS_OF) {
  const ws = workspace().account('acme', { tier: 'A' }).person('p', p).person('q').log('acme', entries.map(([days, channel]) => `${ago(days)} ${channel} @p: x`));
  if (config) ws.config(config);
  const r = ws.check(asOf);
  const person = r.workspace.people.get('p')!;
  return { result: temperature(person, r.workspace.interactionsWith('p'), asOf), person, interactions: r.workspace.interactionsWith('p') };
}

describe('temperature: the formula', () => {
  it('adds recency, frequency, depth and stance for a constructed history', () => {
    const { result } = temp([
      [9, 'visit'], // depth 1
      [29, 'call'], // 0.5
      [60, 'dinner'], // 0.9
      [89, 'email'], // 0.3, last day of the 90-day window
      [90, 'meeting'], // outside the window
      [-5, 'visit'], // after the as-of date: ignored
    ], { stance: 'supporter' });
    assert.equal(result.interactionsInWindow, 4);
    assert.deepEqual(result.parts, {
      recency: 36, // 40 × (1 − 9/90)
      frequency: 16.7, // 25 × 4/6
      depth: 10.1, // 15 × (1 + 0.5 + 0.9 + 0.3)/4 = 10.125
      stance: 15, // supporter
    });
    assert.equal(result.score, 78); // 36 + 16.667 + 10.125 + 15 = 77.79
    assert.equal(result.band, 'hot');
  });

  it('frequency is capped at 6 interactions in the window', () => {
    const { result } = temp([0, 1, 2, 3, 4, 5, 6, 7].map((d) => [d, 'wechat'] as [number, string]), { stance: 'champion' });
    assert.equal(result.interactionsInWindow, 8);
    assert.equal(result.parts.frequency, 25);
    assert.equal(result.parts.recency, 40);
    assert.equal(result.parts.depth, 4.5);
    assert.equal(result.score, 90); // 40 + 25 + 4.5 + 20 = 89.5 → 90
  });

  it('never met: only the stance counts; unknown and missing stance count as 8', () => {
    for (const [stance, points] of [['champion', 20], ['supporter', 15], ['neutral', 8], ['unknown', 8], [undefined, 8], ['skeptic', 3], ['opponent', 0]] as const) {
      const { result } = temp([], stance ? { stance } : {});
      assert.deepEqual(result.parts, { recency: 0, frequency: 0, depth: 0, stance: points }, String(stance));
      assert.equal(result.score, points);
      assert.equal(result.band, 'cold');
    }
  });

  it('an interaction exactly 90 days ago is outside the window and earns no recency', () => {
    const { result } = temp([[90, 'visit']], { stance: 'neutral' });
    assert.equal(result.interactionsInWindow, 0);
    assert.deepEqual(result.parts, { recency: 0, frequency: 0, depth: 0, stance: 8 });
  });

  it('the window ends on the as-of day: an interaction today is in it with full recency', () => {
    const { result } = temp([[0, 'executive-exchange']], { stance: 'opponent' });
    assert.deepEqual(result.parts, { recency: 40, frequency: 4.2, depth: 15, stance: 0 });
    assert.equal(result.score, 59);
  });

  it('a channel added in keyplan.yaml has depth 0.5', () => {
    const { result } = temp([[0, 'golf']], { stance: 'opponent' }, ['channels: [visit, golf]']);
    assert.equal(result.parts.depth, 7.5);
  });

  it('an unlisted channel named like an Object.prototype key still has depth 0.5 (not NaN)', () => {
    for (const channel of ['constructor', 'toString', 'valueOf', '__proto__']) {
      const { result } = temp([[0, channel]], { stance: 'opponent' });
      assert.equal(result.parts.depth, 7.5, channel);
      assert.equal(result.score, 52, channel); // 40 + 4.2 + 7.5
    }
  });

  it('documents its constants', () => {
    assert.equal(WINDOW_DAYS, 90);
    assert.deepEqual(STANCE_POINTS, { champion: 20, supporter: 15, neutral: 8, unknown: 8, skeptic: 3, opponent: 0 });
    assert.deepEqual(CHANNEL_DEPTH, { 'executive-exchange': 1, visit: 1, dinner: 0.9, meeting: 0.8, event: 0.7, gift: 0.5, call: 0.5, wechat: 0.3, email: 0.3, other: 0.3 });
  });
});

describe('temperature: bands', () => {
  it('cold < 30 ≤ cooling < 50 ≤ warm < 75 ≤ hot', () => {
    assert.equal(band(0), 'cold');
    assert.equal(band(29), 'cold');
    assert.equal(band(30), 'cooling');
    assert.equal(band(49), 'cooling');
    assert.equal(band(50), 'warm');
    assert.equal(band(74), 'warm');
    assert.equal(band(75), 'hot');
    assert.equal(band(100), 'hot');
  });

  it('a champion e-mailed 88 days ago is cooling (30); 89 days ago, cold (29)', () => {
    // 40 × (1 − d/90) + 25/6 + 15 × 0.3 + 20
    const at88 = temp([[88, 'email']], { stance: 'champion' }).result;
    assert.equal(at88.score, 30);
    assert.equal(at88.band, 'cooling');
    const at89 = temp([[89, 'email']], { stance: 'champion' }).result;
    assert.equal(at89.score, 29);
    assert.equal(at89.band, 'cold');
  });
});

describe('temperature: determinism', () => {
  it('the same inputs give the same result, whatever the order of the interactions', () => {
    const { result, person, interactions } = temp([[3, 'visit'], [40, 'call'], [70, 'gift']], { stance: 'supporter' });
    assert.deepEqual(temperature(person, interactions, AS_OF), result);
    assert.deepEqual(temperature(person, [...interactions].reverse(), AS_OF), result);
  });
});
