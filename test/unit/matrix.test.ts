import assert from 'node:assert/strict';
import { checkWorkspace, type SourceFile } from '../../src/core/check/pipeline.js';
import { applyOffsetEdits, placementEdits } from '../../src/core/language/placement-edit.js';
import { cellRect, layoutMatrix, positionAt } from '../../src/core/matrix/layout.js';
import { escapeXml, renderMatrixSvg } from '../../src/core/matrix/svg.js';
import { matrixModel, roleColor, type MatrixModel, type MatrixPerson } from '../../src/core/matrix/model.js';
import { validateMessage } from '../../src/webview/messages.js';

function person(id: string, x: number, y: number, extra: Partial<MatrixPerson> = {}): MatrixPerson {
  return { id, name: id, roles: [], color: 'other', stance: 'neutral', influence: y, coverage: 'brief', position: { x, y }, quadrant: 'axis', cadenceState: 'ok', explanation: '', temperature: 50, ...extra };
}

function model(people: MatrixPerson[]): MatrixModel {
  return { account: 'acme', accountName: 'Acme', asOf: '2026-11-20', people };
}

describe('matrix layout', () => {
  for (const n of [1, 2, 5, 12, 40]) {
    it(`${n} people in one cell never overlap and stay inside the cell`, () => {
      for (const [w, h] of [[720, 560], [300, 260]]) {
        const layout = layoutMatrix(model(Array.from({ length: n }, (_, i) => person(`p${i}`, 1, 4))), { width: w, height: h, sizeBy: 'temperature' });
        const cell = cellRect(layout.plot, { x: 1, y: 4 });
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
      { type: 'exec', command: 'rm -rf /' },
      null, 'move', 42,
    ]) assert.equal(validateMessage(m, people), undefined, JSON.stringify(m));
  });
});
