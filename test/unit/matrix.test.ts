import assert from 'node:assert/strict';
import { checkWorkspace, type SourceFile } from '../../src/core/check/pipeline.js';
import { applyOffsetEdits, placementEdits } from '../../src/core/language/placement-edit.js';
import { cellRect, layoutMatrix, positionAt } from '../../src/core/matrix/layout.js';
import { escapeXml, footLayout, renderMatrixSvg } from '../../src/core/matrix/svg.js';
import { matrixModel, roleColor, roleColors, trailOf, TRAIL_LENGTH, type MatrixModel, type MatrixPerson } from '../../src/core/matrix/model.js';
import { textWidth } from '../../src/core/matrix/text-width.js';
import { cardHtml, timelineHtml } from '../../src/webview/html.js';
import { validateMessage } from '../../src/webview/messages.js';
import { historyKey, markerKey, type KeyPress } from '../../src/webview/keys.js';
import { MoveHistory, applyTextEdits, invertTextEdits, moveStep } from '../../src/core/matrix/history.js';

function person(id: string, x: number, y: number, extra: Partial<MatrixPerson> = {}): MatrixPerson {
  return { id, name: id, roles: [], color: 'other', colors: ['other'], stance: 'neutral', influence: y, coverage: 'brief', position: { x, y }, quadrant: 'axis', cadenceState: 'ok', explanation: '', temperature: 50, ...extra };
}

function model(people: MatrixPerson[]): MatrixModel {
  return { account: 'acme', accountName: 'Acme', asOf: '2026-11-20', people };
}

describe('matrix layout', () => {
  for (const n of [1, 2, 3, 4, 5, 12, 40]) {
    it(`${n} people in one cell never overlap and stay inside the cell`, () => {
      for (const [w, h, x, y] of [[720, 560, 1, 4], [300, 260, 1, 4], [720, 560, 0, 3], [300, 260, 0, 2], [1200, 500, 0, 5]]) {
        const layout = layoutMatrix(model(Array.from({ length: n }, (_, i) => person(`p${i}`, x, y))), { width: w, height: h, sizeBy: 'temperature' });
        const cell = cellRect(layout.plot, { x, y });
        assert.equal(layout.markers.length, n);
        for (const m of layout.markers) {
          assert.ok(m.r >= 2, 'markers stay visible');
          assert.ok(m.cx - m.r >= cell.x - 0.01 && m.cx + m.r <= cell.x + cell.width + 0.01, `inside horizontally (${w}x${h})`);
          assert.ok(m.cy - m.r >= cell.y - 0.01 && m.cy + m.r <= cell.y + cell.height + 0.01, `inside vertically (${w}x${h})`);
        }
        for (let i = 0; i < n; i++) {
          for (let j = i + 1; j < n; j++) {
            const a = layout.markers[i];
            const b = layout.markers[j];
            assert.ok(Math.hypot(a.cx - b.cx, a.cy - b.cy) >= a.r + b.r - 0.01, `${a.person.id} and ${b.person.id} overlap at ${w}x${h}`);
          }
        }
      }
    });
  }

  it('a person alone in a cell sits at its centre, where the previous-position circles and target arrows point', () => {
    for (const [w, h] of [[720, 560], [900, 700], [300, 260], [1200, 500]]) {
      const people = [
        person('eb', 0, 5, { roles: ['EB'], color: 'EB', colors: ['EB'], previous: { x: 1, y: 4 } }),
        person('s', 1, 2, { target: { x: 0, y: 5 } }),
        person('lone', 1, 4),
        person('c', 2, 1, { previous: { x: 1, y: 4 } }),
      ];
      const layout = layoutMatrix(model(people), { width: w, height: h, sizeBy: 'temperature' });
      const at = (id: string) => layout.markers.find((m) => m.person.id === id)!;
      for (const id of ['eb', 'lone', 's', 'c']) {
        const cell = cellRect(layout.plot, at(id).person.position!);
        assert.ok(Math.abs(at(id).cx - (cell.x + cell.width / 2)) < 0.01, `${id} is centred horizontally in its cell at ${w}x${h} (${at(id).cx} vs ${cell.x + cell.width / 2})`);
        assert.ok(Math.abs(at(id).cy - (cell.y + cell.height / 2)) <= 6, `${id} is centred vertically at ${w}x${h}`);
      }
      // The neutral EB is on the vertical axis, not in the skeptic half.
      assert.ok(Math.abs(at('eb').cx - (layout.plot.x + layout.plot.width / 2)) < 0.01, `a neutral person sits on the axis at ${w}x${h}`);
      assert.deepEqual(positionAt(layout.plot, at('eb').cx, at('eb').cy), { x: 0, y: 5 });
      // The circles and arrows point at exactly where a person alone in that cell is drawn.
      assert.deepEqual(at('eb').previous, { cx: at('lone').cx, cy: at('lone').cy });
      assert.deepEqual(at('c').previous, { cx: at('lone').cx, cy: at('lone').cy });
      assert.deepEqual(at('s').target, { cx: at('eb').cx, cy: at('eb').cy });
    }
  });

  for (const n of [2, 3, 5, 7]) {
    it(`${n} people in one cell are centred in it as a group`, () => {
      const layout = layoutMatrix(model(Array.from({ length: n }, (_, i) => person(`p${i}`, -1, 2))), { width: 720, height: 560, sizeBy: 'temperature' });
      const cell = cellRect(layout.plot, { x: -1, y: 2 });
      const xs = layout.markers.map((m) => m.cx);
      const middle = (Math.min(...xs) + Math.max(...xs)) / 2;
      assert.ok(Math.abs(middle - (cell.x + cell.width / 2)) < 0.01, `the group's middle ${middle} is the cell's ${cell.x + cell.width / 2}`);
      const mean = xs.reduce((a, b) => a + b, 0) / n;
      assert.ok(Math.abs(mean - (cell.x + cell.width / 2)) < 0.01, 'no row leans left');
    });
  }

  for (const n of [2, 3, 4]) {
    it(`${n} neutral people in one cell are stacked on the axis, none in the skeptic or supporter half`, () => {
      for (const [w, h] of [[720, 560], [300, 260]]) {
        const layout = layoutMatrix(model(Array.from({ length: n }, (_, i) => person(`p${i}`, 0, 3))), { width: w, height: h, sizeBy: 'temperature' });
        const axis = layout.plot.x + layout.plot.width / 2;
        const cell = cellRect(layout.plot, { x: 0, y: 3 });
        const fits = cell.height / n >= 28;
        for (const m of layout.markers) {
          if (fits) assert.ok(Math.abs(m.cx - axis) < 0.01, `${m.person.id} on the axis at ${w}x${h}`);
          assert.ok(m.cy - m.r >= cell.y - 0.01 && m.cy + m.r <= cell.y + cell.height + 0.01, 'inside the cell');
        }
      }
    });
  }

  it('places people by stance (x) and influence (y), with the drop position inverse to the cell', () => {
    const layout = layoutMatrix(model([person('a', -2, 5), person('b', 2, 1), person('c', 0, 3)]), { width: 720, height: 560, sizeBy: 'coverage' });
    const at = (id: string) => layout.markers.find((m) => m.person.id === id)!;
    assert.ok(at('a').cx < at('c').cx && at('c').cx < at('b').cx, 'opponent left, champion right');
    assert.ok(at('a').cy < at('c').cy && at('c').cy < at('b').cy, 'high influence at the top');
    for (const id of ['a', 'b', 'c']) assert.deepEqual(positionAt(layout.plot, at(id).cx, at(id).cy), layout.markers.find((m) => m.person.id === id)!.person.position);
    assert.deepEqual(positionAt(layout.plot, -100, -100), { x: -2, y: 5 }, 'drops outside the plot clamp to the grid');
  });

  it('quadrant rectangles cover the cells of their quadrant and not the axes', () => {
    const layout = layoutMatrix(model([]), { width: 720, height: 560, sizeBy: 'temperature' });
    const q = Object.fromEntries(layout.quadrants.map((x) => [x.id, x.rect]));
    const inside = (r: { x: number; y: number; width: number; height: number }, pos: { x: number; y: number }) => {
      const c = cellRect(layout.plot, pos);
      return c.x + c.width / 2 > r.x && c.x + c.width / 2 < r.x + r.width && c.y + c.height / 2 > r.y && c.y + c.height / 2 < r.y + r.height;
    };
    assert.ok(inside(q.champions, { x: 2, y: 5 }) && inside(q.champions, { x: 1, y: 4 }));
    assert.ok(!inside(q.champions, { x: 0, y: 5 }) && !inside(q.champions, { x: 1, y: 3 }));
    assert.ok(inside(q.blockers, { x: -1, y: 4 }) && inside(q.fans, { x: 1, y: 2 }) && inside(q.naysayers, { x: -2, y: 1 }));
  });

  it('people with unknown stance or influence are listed as unplaced, not guessed', () => {
    const layout = layoutMatrix(model([person('a', 1, 4), { ...person('b', 0, 3), position: undefined, quadrant: 'unplaced' }]), { width: 720, height: 560, sizeBy: 'temperature' });
    assert.deepEqual(layout.unplaced.map((p) => p.id), ['b']);
    assert.equal(layout.markers.length, 1);
  });

  it('colours by the most important buying role', () => {
    assert.equal(roleColor(['UB', 'EB']), 'EB');
    assert.equal(roleColor(['TB', 'Coach']), 'Coach');
    assert.equal(roleColor([]), 'other');
  });

  it('keeps the colour of every buying role, most important first', () => {
    assert.deepEqual(roleColors(['UB', 'EB']), ['EB', 'UB']);
    assert.deepEqual(roleColors(['UB', 'Coach', 'TB']), ['Coach', 'TB', 'UB']);
    assert.deepEqual(roleColors(['buyer', 'UB']), ['UB']);
    assert.deepEqual(roleColors([]), ['other']);
  });
});

describe('matrix SVG', () => {
  const hostile = '<img src=x onerror=alert(1)>" & \'</text><script>alert(2)</script>';

  it('escapes every piece of plan text and stays well-formed', () => {
    const layout = layoutMatrix(model([person('a', 1, 4, { name: hostile, title: hostile, roles: ['EB'] })]), { width: 720, height: 560, sizeBy: 'temperature' });
    const svg = renderMatrixSvg({ ...model(layout.markers.map((m) => m.person)), accountName: hostile }, layout, { locale: 'en', standalone: true });
    assert.doesNotMatch(svg, /<img|<script|onerror=alert\(1\)>"/);
    assert.match(svg, /&lt;img src=x onerror=alert\(1\)&gt;&quot; &amp; &#39;&lt;\/text&gt;/);
    // Every element that opens is closed: a rough well-formedness check without a DOM.
    const opened = (svg.match(/<(?!\/)(?![^>]*\/>)[a-z]+/g) ?? []).length;
    const closed = (svg.match(/<\/[a-z]+>/g) ?? []).length;
    assert.equal(opened, closed);
  });

  it('drops characters XML cannot hold', () => {
    assert.equal(escapeXml('a\u0000b\u0008c\u000bd'), 'abcd');
  });

  it('labels quadrants in the UI language', () => {
    const layout = layoutMatrix(model([]), { width: 720, height: 560, sizeBy: 'temperature' });
    assert.match(renderMatrixSvg(model([]), layout, { locale: 'zh-cn', standalone: true }), /核心支持者.*关键阻力/s);
    assert.match(renderMatrixSvg(model([]), layout, { locale: 'en', standalone: false }), /Champions.*Blockers/s);
  });
});

describe('matrix SVG: every role, the legend, the unplaced people', () => {
  const boxes = (svg: string, selector: RegExp) => [...svg.matchAll(selector)].map((m) => m[1]);

  it('a person with two roles shows both colours, one slice each (a single role: one colour)', () => {
    const layout = layoutMatrix(model([
      person('both', 1, 4, { roles: ['UB', 'Coach'], color: 'Coach', colors: ['Coach', 'UB'] }),
      person('three', -1, 2, { roles: ['EB', 'TB', 'UB'], color: 'EB', colors: ['EB', 'TB', 'UB'] }),
      person('one', 0, 3, { roles: ['TB'], color: 'TB', colors: ['TB'] }),
    ]), { width: 720, height: 560, sizeBy: 'temperature' });
    for (const standalone of [true, false]) {
      const svg = renderMatrixSvg(model(layout.markers.map((m) => m.person)), layout, { locale: 'en', standalone });
      const group = (id: string) => new RegExp(`<g class="kp-person" data-person="${id}"[^>]*>(.*?)</g>`, 's').exec(svg)![1];
      const colours = (id: string) => boxes(group(id), /class="kp-(?:marker|segment) kp-role-(\w+)"/g);
      assert.deepEqual(colours('both'), ['Coach', 'UB']);
      assert.deepEqual(colours('three'), ['EB', 'TB', 'UB']);
      assert.deepEqual(colours('one'), ['TB']);
      assert.match(svg, /data-person="both" data-colors="Coach UB"/);
      // The standalone legend explains the split marker (the webview's side panel does too).
      if (standalone) assert.match(svg, /data-role="several".*several roles: a slice each/);
    }
    const single = layoutMatrix(model([person('one', 0, 3, { roles: ['TB'], color: 'TB', colors: ['TB'] })]), { width: 720, height: 560, sizeBy: 'temperature' });
    assert.doesNotMatch(renderMatrixSvg(model(single.markers.map((m) => m.person)), single, { locale: 'en', standalone: true }), /data-role="several"/, 'no split marker, no legend entry for one');
  });

  it('the hover card shows every known role in its colour', () => {
    const p = person('x', 1, 4, { roles: ['UB', 'Coach', '<b>'], color: 'Coach', colors: ['Coach', 'UB'] });
    const html = cardHtml(p, { stance: 'Stance', influence: 'Influence', coverageLabel: 'Coverage', lastInteraction: 'Last', cadence: 'Cadence', temperature: 'Temperature' } as never);
    assert.deepEqual(boxes(html, /kp-badge kp-role-(\w+)/g), ['UB', 'Coach', 'other']);
    assert.match(html, /kp-role-other">&lt;b&gt;</);
  });

  it('the hover card in Chinese shows the vocabulary\'s words, not raw values', () => {
    const p = person('x', 2, 3, { stance: 'champion', coverage: 'in-depth', cadenceState: 'planned-missed', lastInteraction: '2026-11-03 call', temperatureBand: 'warm' });
    const strings = { stance: '立场', influence: '影响力', coverageLabel: '覆盖度', lastInteraction: '最近互动', cadence: '互动节奏', temperature: '关系温度' } as never;
    const html = cardHtml(p, strings, 'zh-cn');
    assert.match(html, /立场: 坚定支持者 · 影响力: 3 · 覆盖度: 深度接触/);
    assert.match(html, /最近互动: 2026-11-03 电话/);
    assert.match(html, /<b>错过计划互动<\/b> · 关系温度 50 \(温\)/);
    for (const raw of ['champion', 'in-depth', 'call', 'planned-missed', 'warm']) assert.doesNotMatch(html, new RegExp(`[ >(]${raw}[ <)]`), raw);
    assert.match(cardHtml(p, strings), /champion/, 'English keeps the value');
  });

  it('measures CJK text as full-width and Latin text narrower', () => {
    assert.equal(textWidth('经济决策者', 10), 50);
    assert.equal(textWidth('，', 10), 10, 'fullwidth punctuation');
    assert.ok(textWidth('EB', 10) < textWidth('经济', 10));
    assert.ok(textWidth('EB 经济决策者', 11) > 'EB 经济决策者'.length * 6.5, 'wider than the old estimate, which ran into the next item');
    assert.equal(textWidth('e\u0301', 10), textWidth('e', 10), 'a combining mark takes no room');
  });

  for (const locale of ['en', 'zh-cn'] as const) {
    for (const width of [720, 420, 260]) {
      it(`legend items never overlap each other or the note (${locale}, ${width} wide)`, () => {
        const split = person('s', 1, 4, { roles: ['EB', 'UB'], color: 'EB', colors: ['EB', 'UB'] });
        const layout = layoutMatrix(model([split]), { width, height: 560, sizeBy: 'temperature' });
        const foot = footLayout(model([split]), layout, locale);
        assert.equal(foot.items.length, 6, 'five roles and the split marker');
        const all = [...foot.items, foot.note];
        for (const b of all) assert.ok(b.x >= 0 && b.x + b.width <= layout.width - 16 + 0.01, `${JSON.stringify(b)} inside the drawing`);
        for (let i = 0; i < all.length; i++) {
          for (let j = i + 1; j < all.length; j++) {
            const [a, b] = [all[i], all[j]];
            if (a.y !== b.y) continue;
            assert.ok(a.x + a.width <= b.x || b.x + b.width <= a.x, `${JSON.stringify(a)} overlaps ${JSON.stringify(b)}`);
          }
        }
        const svg = renderMatrixSvg(model([split]), layout, { locale, standalone: true });
        const height = Number(/viewBox="0 0 \d+ (\d+)"/.exec(svg)![1]);
        assert.ok(Math.max(...all.map((b) => b.y)) + 14 <= height, 'the legend fits in the drawing');
      });
    }
  }

  it('lists the people it cannot place, escaped, in the language of the drawing', () => {
    const hostile = '<script>alert(1)</script>&';
    const people = [person('a', 1, 4), { ...person('b', 0, 3), name: hostile, stance: 'unknown', influence: 2, position: undefined, quadrant: 'unplaced' as const }, { ...person('c', 0, 3), name: '赵敏', stance: 'supporter', influence: undefined, position: undefined, quadrant: 'unplaced' as const }];
    const layout = layoutMatrix(model(people), { width: 720, height: 560, sizeBy: 'temperature' });
    const en = renderMatrixSvg(model(people), layout, { locale: 'en', standalone: true });
    assert.match(en, /Unplaced: stance or influence unknown \(2\)/);
    assert.match(en, /&lt;script&gt;alert\(1\)&lt;\/script&gt;&amp;: stance unknown, influence 2/);
    assert.match(en, /赵敏: stance supporter, influence \?/);
    assert.doesNotMatch(en, /<script>/);
    const zh = renderMatrixSvg(model(people), layout, { locale: 'zh-cn', standalone: true });
    assert.match(zh, /未定位（立场或影响力未知）\(2\)/);
    assert.match(zh, /赵敏：立场 支持者，影响力 \?/);
    const without = renderMatrixSvg(model([people[0]]), layoutMatrix(model([people[0]]), { width: 720, height: 560, sizeBy: 'temperature' }), { locale: 'en', standalone: true });
    const h = (svg: string) => Number(/viewBox="0 0 \d+ (\d+)"/.exec(svg)![1]);
    assert.ok(h(en) > h(without), 'the list makes the drawing taller');
    assert.doesNotMatch(without, /Unplaced/);
  });
});

describe('matrix model from a workspace', () => {
  const files: SourceFile[] = [
    { path: 'a/account.md', content: '---\nkind: account\nid: acme\nname: Acme\ntier: A\nowner: li-na\n---\n' },
    { path: 'a/p1.md', content: '---\nkind: person\nid: p1\naccount: acme\nname: 张伟\nroles: [EB]\nstance: neutral\ninfluence: 5\n---\n' },
    { path: 'a/p2.md', content: '---\nkind: person\nid: p2\naccount: acme\nname: 王芳\nstance: supporter\ninfluence: 2\nstatus: left\n---\n' },
    { path: 'a/plan.md', content: '---\nkind: relationship-plan\naccount: acme\nperiod: { start: 2026-01-01, end: 2026-12-31 }\ncontacts:\n  - person: p1\n    target_stance: champion\n---\n' },
  ];

  it('has active people with their target and previous positions', () => {
    const result = checkWorkspace(files, { asOf: '2026-11-20' });
    const m = matrixModel(result, 'acme', new Map([['p1', { stance: 'skeptic', influence: 5 }]]))!;
    assert.deepEqual(m.people.map((p) => p.id), ['p1'], 'people who left are not drawn');
    assert.deepEqual(m.people[0].position, { x: 0, y: 5 });
    assert.deepEqual(m.people[0].target, { x: 2, y: 5 });
    assert.deepEqual(m.people[0].previous, { x: -1, y: 5 });
    assert.equal(m.people[0].color, 'EB');
    assert.equal(matrixModel(result, 'nope'), undefined);
  });

  it('has each person\'s history trail: earlier positions, oldest first, the last few, not the current one', () => {
    const result = checkWorkspace(files, { asOf: '2026-11-20' });
    const points = [
      { stance: 'opponent', influence: 5, date: '2026-01-01' }, { stance: 'skeptic', influence: 5, date: '2026-02-01' }, { stance: 'skeptic', influence: 4, date: '2026-03-01' },
      { stance: 'supporter', influence: 4, date: '2026-04-01' }, { stance: 'champion', influence: 4, date: '2026-05-01' }, { stance: 'neutral', influence: 5, date: '2026-06-01' },
    ];
    const m = matrixModel(result, 'acme', undefined, new Map([['p1', points], ['p2', points]]))!;
    // The current position (neutral, 5) is the last point: not part of the trail; the four before it are.
    assert.equal(TRAIL_LENGTH, 4);
    assert.deepEqual(m.people[0].trail, [
      { position: { x: -1, y: 5 }, date: '2026-02-01' }, { position: { x: -1, y: 4 }, date: '2026-03-01' },
      { position: { x: 1, y: 4 }, date: '2026-04-01' }, { position: { x: 2, y: 4 }, date: '2026-05-01' },
    ]);
    assert.equal(matrixModel(result, 'acme')!.people[0].trail, undefined, 'no history, no trail');
    // Repeats collapse; a point without a position, or a date that is not one, is left out.
    assert.deepEqual(trailOf([{ stance: 'opponent', influence: 1, date: 'x<y' }, { stance: 'unknown', influence: 2 }, { stance: 'opponent', influence: 1, date: '2026-01-02' }, { stance: 'champion', influence: 5 }], { x: 0, y: 3 }), [
      { position: { x: -2, y: 1 }, date: '2026-01-02' }, { position: { x: 2, y: 5 } },
    ]);
    assert.equal(trailOf([{ stance: 'neutral', influence: 3 }], { x: 0, y: 3 }), undefined, 'only the current position: no trail');
    assert.equal(trailOf([{ stance: 'neutral', influence: 3 }], undefined), undefined, 'an unplaced person has no trail');
  });

  it('draws a trail as dots joined by a line to the marker, the oldest faintest', () => {
    const result = checkWorkspace(files, { asOf: '2026-11-20' });
    const m = matrixModel(result, 'acme', undefined, new Map([['p1', [{ stance: 'opponent', influence: 1, date: '2026-01-01' }, { stance: 'skeptic', influence: 2, date: '2026-02-01' }, { stance: 'neutral', influence: 5 }]]]))!;
    const layout = layoutMatrix(m, { width: 720, height: 560, sizeBy: 'temperature' });
    const marker = layout.markers[0];
    assert.equal(marker.trail?.length, 2);
    const svg = renderMatrixSvg(m, layout, { locale: 'en', standalone: false });
    const group = /<g class="kp-trail" data-person="p1">(.*?)<\/g>/.exec(svg)?.[1] ?? '';
    const opacities = [...group.matchAll(/class="kp-trail-dot[^"]*"[^>]*opacity="([\d.]+)"/g)].map((x) => Number(x[1]));
    assert.equal(opacities.length, 2);
    assert.ok(opacities[0] < opacities[1], `oldest faintest: ${opacities}`);
    const line = /<polyline class="kp-trail-line" fill="none" points="([^"]+)"/.exec(group)?.[1].split(' ') ?? [];
    assert.equal(line.length, 3, 'through both dots to the marker');
    assert.equal(line[2], `${Math.round(marker.cx * 10) / 10},${Math.round(marker.cy * 10) / 10}`);
    assert.match(group, /<title>张伟 · 2026-01-01<\/title>/);
    const plain = matrixModel(result, 'acme')!;
    assert.doesNotMatch(renderMatrixSvg(plain, layoutMatrix(plain, { width: 720, height: 560, sizeBy: 'temperature' }), { locale: 'en', standalone: false }), /kp-trail/, 'no history, no trail');
  });
});

describe('matrix date slider', () => {
  const strings = { timeline: 'At', now: 'Now', past: 'Read-only' } as never;
  const state = (at: number) => ({ type: 'model' as const, model: model([]), locale: 'en' as const, sizeBy: 'temperature' as const, strings, timeline: { revisions: [{ date: '2026-01-10', subject: 'first' }, { date: '2026-03-02', subject: 'a <b>' }], at } });

  it('has one stop per commit and one for now; says which commit is shown, and that it is read-only', () => {
    const now = timelineHtml(state(2));
    assert.match(now, /<input type="range" id="at" min="0" max="2" step="1" value="2"\/>/);
    assert.match(now, />Now</);
    assert.doesNotMatch(now, /Read-only/);
    const past = timelineHtml(state(1));
    assert.match(past, /value="1"/);
    assert.match(past, /2026-03-02 · a &lt;b&gt;/);
    assert.match(past, /Read-only/);
    assert.match(timelineHtml(state(99)), /value="2"/, 'clamped');
    assert.equal(timelineHtml({ ...state(0), timeline: undefined }), '', 'no history, no slider');
  });
});

describe('matrix drag: the write-back edit', () => {
  const edit = (text: string, stance: string, influence: number) => {
    const edits = placementEdits(text, stance, influence);
    assert.ok(edits, 'editable');
    return applyOffsetEdits(text, edits);
  };

  it('changes only the two values, keeping comments, order, quoting and everything else', () => {
    const text = '---\n# who she is\nkind: person\nid: wang-fang\naccount: acme\nname: "王芳"   # 采购总监\nstance: neutral # since Q3\ninfluence: 3\ntags: [a, b]\n---\nBody: stance: neutral\n';
    const out = edit(text, 'supporter', 4);
    assert.equal(out, text.replace('stance: neutral # since Q3', 'stance: supporter # since Q3').replace('influence: 3', 'influence: 4'));
  });

  it('keeps CRLF line endings and the user\'s quotes', () => {
    const text = "---\r\nkind: person\r\nid: x\r\naccount: acme\r\nname: X\r\nstance: 'neutral'\r\ninfluence: \"3\"\r\n---\r\n";
    const out = edit(text, 'champion', 5);
    assert.equal(out, text.replace("'neutral'", "'champion'").replace('"3"', '"5"'));
  });

  it('adds missing keys at the map\'s indentation with the file\'s line ending', () => {
    const text = '---\r\nkind: person\r\nid: x\r\naccount: acme\r\nname: X # the name\r\n---\r\nnotes\r\n';
    const out = edit(text, 'skeptic', 2);
    assert.equal(out, '---\r\nkind: person\r\nid: x\r\naccount: acme\r\nname: X # the name\r\nstance: skeptic\r\ninfluence: 2\r\n---\r\nnotes\r\n');
  });

  it('edits a flow-style frontmatter in place', () => {
    const text = '---\n{kind: person, id: x, account: acme, name: X, stance: neutral}\n---\n';
    assert.equal(edit(text, 'opponent', 1), '---\n{kind: person, id: x, account: acme, name: X, stance: opponent, influence: 1}\n---\n');
  });

  it('makes no edit when the values are already there', () => {
    assert.deepEqual(placementEdits('---\nkind: person\nid: x\nstance: neutral\ninfluence: 3\n---\n', 'neutral', 3), []);
  });

  it('refuses invalid values and files it cannot edit safely', () => {
    const ok = '---\nkind: person\nid: x\nstance: neutral\ninfluence: 3\n---\n';
    assert.equal(placementEdits(ok, 'unknown', 3), undefined);
    assert.equal(placementEdits(ok, 'neutral', 6), undefined);
    assert.equal(placementEdits(ok, 'neutral', 2.5), undefined);
    assert.equal(placementEdits('---\nkind: person\nstance: [a]\n---\n', 'neutral', 3), undefined);
    assert.equal(placementEdits('---\nkind: person\nstance: : :\n---\n', 'neutral', 3), undefined);
    assert.equal(placementEdits('no frontmatter', 'neutral', 3), undefined);
  });
});

describe('matrix webview messages', () => {
  const people = new Set(['zhang-wei']);

  it('accepts well-formed messages about people on the matrix', () => {
    assert.deepEqual(validateMessage({ type: 'move', person: 'zhang-wei', stance: 'champion', influence: 5 }, people), { type: 'move', person: 'zhang-wei', stance: 'champion', influence: 5 });
    assert.deepEqual(validateMessage({ type: 'open', person: 'zhang-wei' }, people), { type: 'open', person: 'zhang-wei' });
    assert.deepEqual(validateMessage({ type: 'sizeBy', value: 'coverage' }, people), { type: 'sizeBy', value: 'coverage' });
    assert.deepEqual(validateMessage({ type: 'ready', extra: 1 }, people), { type: 'ready' });
    assert.deepEqual(validateMessage({ type: 'undo', person: 'x' }, people), { type: 'undo' });
    assert.deepEqual(validateMessage({ type: 'redo' }, people), { type: 'redo' });
  });

  it('accepts the history trail toggle and the date slider', () => {
    assert.deepEqual(validateMessage({ type: 'trail', value: false }, new Set()), { type: 'trail', value: false });
    assert.deepEqual(validateMessage({ type: 'trail', value: true, extra: 1 }, new Set()), { type: 'trail', value: true });
    assert.deepEqual(validateMessage({ type: 'at', index: 3 }, new Set()), { type: 'at', index: 3 });
    for (const index of [-1, 1.5, '2', NaN, Infinity, 1e9]) assert.equal(validateMessage({ type: 'at', index }, new Set()), undefined, String(index));
  });

  it('rejects unknown people, out-of-range values and unknown types', () => {
    for (const m of [
      { type: 'move', person: 'li-si', stance: 'champion', influence: 5 },
      { type: 'move', person: 'zhang-wei', stance: 'unknown', influence: 5 },
      { type: 'move', person: 'zhang-wei', stance: 'champion', influence: 0 },
      { type: 'move', person: 'zhang-wei', stance: 'champion', influence: '5' },
      { type: 'move', person: 'zhang-wei', stance: '__proto__', influence: 5 },
      { type: 'open', person: '../../etc/passwd' },
      { type: 'sizeBy', value: 'money' },
      { type: 'trail', value: 'yes' },
      { type: 'trail' },
      { type: 'exec', command: 'rm -rf /' },
      { type: 'undo ' }, { type: 'Redo' }, { type: ['undo'] },
      null, 'move', 42,
    ]) assert.equal(validateMessage(m, people), undefined, JSON.stringify(m));
  });
});

describe('matrix keyboard', () => {
  const key = (k: string, mods: Partial<KeyPress> = {}): KeyPress => ({ key: k, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods });

  it('arrows move a marker one step, Enter and Space open, Escape leaves', () => {
    assert.deepEqual(markerKey(key('ArrowRight'), false), { type: 'move', dx: 1, dy: 0 });
    assert.deepEqual(markerKey(key('ArrowLeft'), false), { type: 'move', dx: -1, dy: 0 });
    assert.deepEqual(markerKey(key('ArrowUp'), true), { type: 'move', dx: 0, dy: 1 });
    assert.deepEqual(markerKey(key('ArrowDown'), true), { type: 'move', dx: 0, dy: -1 });
    assert.deepEqual(markerKey(key('Enter'), false), { type: 'open' });
    assert.deepEqual(markerKey(key(' '), false), { type: 'open' });
    assert.deepEqual(markerKey(key('Escape'), false), { type: 'leave' });
    assert.equal(markerKey(key('Tab'), false), undefined, 'Tab moves the focus as usual');
    assert.equal(markerKey(key('ArrowRight', { ctrlKey: true }), false), undefined);
    assert.equal(markerKey(key('ArrowRight', { shiftKey: true }), false), undefined);
  });

  it('Ctrl+Z / Ctrl+Shift+Z / Ctrl+Y, and Cmd on a Mac, undo and redo', () => {
    assert.deepEqual(historyKey(key('z', { ctrlKey: true }), false), { type: 'undo' });
    assert.deepEqual(historyKey(key('Z', { ctrlKey: true, shiftKey: true }), false), { type: 'redo' });
    assert.deepEqual(historyKey(key('y', { ctrlKey: true }), false), { type: 'redo' });
    assert.deepEqual(historyKey(key('z', { metaKey: true }), true), { type: 'undo' });
    assert.deepEqual(historyKey(key('z', { metaKey: true, shiftKey: true }), true), { type: 'redo' });
    assert.equal(historyKey(key('z', { ctrlKey: true }), true), undefined, 'Ctrl+Z is not undo on a Mac');
    assert.equal(historyKey(key('z', { metaKey: true }), false), undefined);
    assert.equal(historyKey(key('z'), false), undefined);
    assert.equal(historyKey(key('z', { ctrlKey: true, altKey: true }), false), undefined);
    assert.deepEqual(markerKey(key('z', { ctrlKey: true }), false), { type: 'undo' }, 'on a marker too');
  });
});

describe('matrix undo and redo of moves', () => {
  const text = '---\r\nkind: person\r\nid: x\r\nname: "王芳" # 采购\r\nstance: neutral # since Q3\r\ninfluence: 3\r\n---\r\nBody\r\n';

  it('the inverse edits give back every byte, also when keys were added', () => {
    for (const [source, stance, influence] of [[text, 'champion', 5], ['---\nkind: person\nid: x\nname: X\n---\n', 'skeptic', 2]] as const) {
      const edits = placementEdits(source, stance, influence)!;
      const after = applyOffsetEdits(source, edits);
      assert.notEqual(after, source);
      assert.equal(applyTextEdits(after, invertTextEdits(source, edits)), source);
      const step = moveStep('file:///x.md', 'x', source, edits);
      assert.equal(step.after, after);
      assert.equal(applyTextEdits(step.after, step.backward), source);
      assert.equal(applyTextEdits(step.before, step.forward), after);
    }
  });

  it('undo, redo, a new move clears the redos, and a changed file is forgotten', () => {
    const h = new MoveHistory();
    const a = moveStep('a', 'x', text, placementEdits(text, 'champion', 5)!);
    const b = moveStep('b', 'y', text, placementEdits(text, 'opponent', 1)!);
    h.record(a);
    h.record(b);
    assert.equal(h.peekUndo(), b);
    h.undone();
    assert.equal(h.peekRedo(), b);
    assert.equal(h.peekUndo(), a);
    h.redone();
    assert.deepEqual(h.size, { undo: 2, redo: 0 });
    h.undone();
    h.record(moveStep('a', 'x', a.after, placementEdits(a.after, 'supporter', 4)!));
    assert.deepEqual(h.size, { undo: 2, redo: 0 }, 'a new move: nothing to redo');
    h.drop('a');
    assert.deepEqual(h.size, { undo: 0, redo: 0 });
  });
});
