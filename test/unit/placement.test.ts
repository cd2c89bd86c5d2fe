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

  it('a neutral stance (x = 0) is on the axis, whatever the influence', () => {
    for (const influence of [1, 2, 3, 4, 5]) assert.equal(q('neutral', influence), 'axis', `neutral ${influence}`);
    assert.equal(quadrant({ x: 0, y: 3 }), 'axis');
  });

  it('influence 3 (drawn on the line) leans to the quadrant of the stance, with the high-influence ones', () => {
    assert.equal(q('champion', 3), 'champions');
    assert.equal(q('supporter', 3), 'champions');
    assert.equal(q('skeptic', 3), 'blockers');
    assert.equal(q('opponent', 3), 'blockers');
    // Drawn on the line: the position keeps influence 3.
    assert.deepEqual(position('champion', 3), { x: 2, y: 3 });
    // Just below the line is low.
    assert.equal(q('supporter', 2), 'fans');
    assert.equal(q('skeptic', 2), 'naysayers');
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

describe('placement: the matrix and the report agree on the samples', () => {
  it('every active person is in the same quadrant in both, and influence 3 with a stance is in a quadrant', async () => {
    const { checkSamples } = await import('./helpers/workspace.js');
    const { matrixModel } = await import('../../src/core/matrix/model.js');
    const { buildReport } = await import('../../src/core/report/report.js');
    const result = await checkSamples();
    const report = buildReport(result);
    let onTheLine = 0;
    for (const account of report.accounts) {
      const matrix = matrixModel(result, account.id)!;
      const inMatrix = new Map(matrix.people.map((p) => [p.id, p.quadrant]));
      for (const p of account.people) {
        if (!inMatrix.has(p.id)) continue;
        assert.equal(inMatrix.get(p.id), p.placement.quadrant, `${account.id}/${p.id}`);
        if (p.placement.y === 3 && p.placement.x !== 0 && p.placement.x !== undefined) {
          onTheLine++;
          assert.ok(['champions', 'blockers'].includes(p.placement.quadrant), `${p.id} at influence 3`);
        }
      }
    }
    assert.ok(onTheLine > 0, 'the samples have someone with a stance at influence 3');
  });
});
