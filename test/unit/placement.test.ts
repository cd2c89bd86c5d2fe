import assert from 'node:assert/strict';
import { influenceY, INFLUENCE_MIDPOINT, position, quadrant, stanceAt, stanceX, STANCE_X } from '../../src/core/model/placement.js';

describe('placement: position', () => {
  it('x is the stance from −2 (opponent) to +2 (champion), y the influence 1–5', () => {
    assert.deepEqual(STANCE_X, { opponent: -2, skeptic: -1, neutral: 0, supporter: 1, champion: 2 });
    assert.deepEqual(position('champion', 5), { x: 2, y: 5 });
    assert.deepEqual(position('opponent', 1), { x: -2, y: 1 });
    assert.equal(INFLUENCE_MIDPOINT, 3);
  });

  it('nothing is guessed: an unknown or invalid stance or influence gives no position', () => {
    for (const stance of ['unknown', undefined, 'suportive', 3, null]) assert.equal(stanceX(stance), undefined, String(stance));
    for (const influence of [undefined, 0, 6, 3.5, '4', null, -1]) assert.equal(influenceY(influence), undefined, String(influence));
    assert.equal(position('unknown', 5), undefined);
    assert.equal(position('champion', undefined), undefined);
    assert.equal(position('toString', 4), undefined, 'not fooled by Object.prototype keys');
  });
});

describe('placement: quadrants', () => {
  const q = (stance: string | undefined, influence: unknown) => quadrant(position(stance, influence));

  it('high influence: champions when supportive, blockers when opposed', () => {
    assert.equal(q('supporter', 4), 'champions');
    assert.equal(q('champion', 5), 'champions');
    assert.equal(q('skeptic', 4), 'blockers');
    assert.equal(q('opponent', 5), 'blockers');
  });

  it('low influence: fans when supportive, naysayers when opposed', () => {
    assert.equal(q('supporter', 2), 'fans');
    assert.equal(q('champion', 1), 'fans');
    assert.equal(q('skeptic', 2), 'naysayers');
    assert.equal(q('opponent', 1), 'naysayers');
  });

  it('x = 0 (neutral) or y = 3 is on an axis', () => {
    for (const influence of [1, 2, 3, 4, 5]) assert.equal(q('neutral', influence), 'axis', `neutral ${influence}`);
    for (const stance of ['opponent', 'skeptic', 'supporter', 'champion']) assert.equal(q(stance, 3), 'axis', `${stance} 3`);
    assert.equal(quadrant({ x: 0, y: 3 }), 'axis');
  });

  it('an unknown stance or influence is unplaced', () => {
    assert.equal(q('unknown', 5), 'unplaced');
    assert.equal(q(undefined, 2), 'unplaced');
    assert.equal(q('supporter', undefined), 'unplaced');
    assert.equal(quadrant(undefined), 'unplaced');
  });
});

describe('placement: stanceAt', () => {
  it('maps each x back to its stance', () => {
    for (const [stance, x] of Object.entries(STANCE_X)) assert.equal(stanceAt(x), stance);
  });

  it('round-trips with stanceX', () => {
    for (const stance of ['opponent', 'skeptic', 'neutral', 'supporter', 'champion']) assert.equal(stanceAt(stanceX(stance)!), stance);
  });

  it('falls back to neutral for an x off the scale', () => {
    assert.equal(stanceAt(3), 'neutral');
    assert.equal(stanceAt(0.5), 'neutral');
  });
});
