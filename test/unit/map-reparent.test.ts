import assert from 'node:assert/strict';
import { applyOffsetEdits } from '../../src/core/language/placement-edit.js';
import { reportsToCycle, reportsToEdits } from '../../src/core/language/reports-to-edit.js';
import { validateMapMessage } from '../../src/webview/map-messages.js';
import { parse } from 'yaml';
import { findFrontmatter } from '../../src/core/parse/frontmatter.js';

const edit = (text: string, manager: string) => {
  const edits = reportsToEdits(text, manager);
  return edits && applyOffsetEdits(text, edits);
};

describe('map: reports_to edit (drag a card onto another)', () => {
  it('replaces only the value of the reports_to line (LF and CRLF)', () => {
    for (const eol of ['\n', '\r\n']) {
      const text = ['---', 'kind: person', 'id: wang-fang', 'reports_to: sun-jianguo # the CTO', 'roles: [TB]', '---', '# 王芳', ''].join(eol);
      assert.equal(edit(text, 'zhang-wei'), text.replace('reports_to: sun-jianguo', 'reports_to: zhang-wei'), JSON.stringify(eol));
    }
  });

  it('keeps quotes: double and single', () => {
    assert.equal(edit('---\nkind: person\nreports_to: "sun-jianguo"\n---\n', 'li-ming'), '---\nkind: person\nreports_to: "li-ming"\n---\n');
    assert.equal(edit("---\nkind: person\nreports_to: 'sun-jianguo'\n---\n", 'li-ming'), "---\nkind: person\nreports_to: 'li-ming'\n---\n");
  });

  it('adds the line when absent, at the map indentation and with the file\'s line endings', () => {
    assert.equal(edit('---\r\nkind: person\r\nid: a\r\nstance: neutral\r\n---\r\nBody\r\n', 'b'), '---\r\nkind: person\r\nid: a\r\nstance: neutral\r\nreports_to: b\r\n---\r\nBody\r\n');
    assert.equal(edit('---\nkind: person\nid: a\nneeds: |\n  text\n\n---\n', 'b'), '---\nkind: person\nid: a\nneeds: |\n  text\nreports_to: b\n\n---\n', 'after a block scalar, before the blank line');
  });

  it('fills an empty value and a null', () => {
    assert.equal(edit('---\nkind: person\nreports_to:\nid: a\n---\n', 'b'), '---\nkind: person\nreports_to: b\nid: a\n---\n');
    assert.equal(edit('---\nkind: person\nreports_to: ~\nid: a\n---\n', 'b'), '---\nkind: person\nreports_to: b\nid: a\n---\n');
  });

  it('flow-style frontmatter: in place, or appended inside the braces', () => {
    assert.equal(edit('---\n{kind: person, id: a, reports_to: c}\n---\n', 'b'), '---\n{kind: person, id: a, reports_to: b}\n---\n');
    assert.equal(edit('---\n{kind: person, id: a}\n---\n', 'b'), '---\n{kind: person, id: a, reports_to: b}\n---\n');
  });

  it('nothing to do when the file already says so; every other byte is kept', () => {
    assert.deepEqual(reportsToEdits('---\nkind: person\nreports_to: b\n---\n', 'b'), []);
    const text = '---\n# comment\nkind: person\nid: a\nreports_to: c   # keep\ninfluences:\n  - c\n---\nbody ü 张\n';
    const out = edit(text, 'b')!;
    assert.equal(out, text.replace('reports_to: c', 'reports_to: b'));
    const span = findFrontmatter(out)!;
    assert.equal(parse(out.slice(span.yamlStart, span.yamlEnd)).reports_to, 'b', 'the result reads back as the new manager');
  });

  it('refuses what it cannot edit safely or an id that would need quoting', () => {
    assert.equal(reportsToEdits('---\nkind: person\nreports_to: [a, b]\n---\n', 'c'), undefined, 'a list');
    assert.equal(reportsToEdits('---\nkind: person\nreports_to: {a: 1}\n---\n', 'c'), undefined, 'a mapping');
    assert.equal(reportsToEdits('---\nkind: person\nname: [broken\n---\n', 'c'), undefined, 'a YAML error');
    assert.equal(reportsToEdits('---\nkind: person\n', 'c'), undefined, 'no closing fence');
    for (const bad of ['a: b', 'x\ny', '', '#c', 'A-B', "'q'"]) assert.equal(reportsToEdits('---\nkind: person\n---\n', bad), undefined, JSON.stringify(bad));
  });
});

describe('map: reports_to cycles', () => {
  const chart = (lines: Record<string, string>) => (id: string) => lines[id];

  it('finds the cycle a new line would close, from the manager up to the person', () => {
    const r = chart({ b: 'a', c: 'b', d: 'c' });
    assert.deepEqual(reportsToCycle(r, 'a', 'd'), ['d', 'c', 'b', 'a']);
    assert.deepEqual(reportsToCycle(r, 'b', 'c'), ['c', 'b']);
    assert.deepEqual(reportsToCycle(r, 'a', 'a'), ['a'], 'nobody reports to themselves');
  });

  it('no cycle: a line within the tree, to another branch or to the top', () => {
    const r = chart({ b: 'a', c: 'b', d: 'a' });
    assert.equal(reportsToCycle(r, 'c', 'd'), undefined);
    assert.equal(reportsToCycle(r, 'd', 'c'), undefined);
    assert.equal(reportsToCycle(r, 'b', 'x'), undefined, 'a manager outside the chart');
  });

  it('ends on an existing cycle that does not pass through the person', () => {
    const r = chart({ x: 'y', y: 'z', z: 'x' });
    assert.equal(reportsToCycle(r, 'a', 'x'), undefined);
  });
});

describe('map webview: messages from the webview are validated', () => {
  const people = new Set(['wang-fang', 'zhang-wei']);

  it('accepts what the webview sends', () => {
    assert.deepEqual(validateMapMessage({ type: 'reparent', person: 'wang-fang', manager: 'zhang-wei', revision: 3 }, people), { type: 'reparent', person: 'wang-fang', manager: 'zhang-wei', revision: 3 });
    assert.deepEqual(validateMapMessage({ type: 'open', person: 'zhang-wei', extra: 'x' }, people), { type: 'open', person: 'zhang-wei' }, 'extra fields are dropped');
    assert.deepEqual(validateMapMessage({ type: 'informal', show: false }, people), { type: 'informal', show: false });
    for (const type of ['ready', 'undo', 'redo', 'openMatrix']) assert.deepEqual(validateMapMessage({ type }, people), { type });
  });

  it('rejects unknown people, bad revisions and unknown types', () => {
    for (const m of [
      { type: 'reparent', person: 'wang-fang', manager: 'nobody', revision: 1 },
      { type: 'reparent', person: 'toString', manager: 'zhang-wei', revision: 1 },
      { type: 'reparent', person: 'wang-fang', manager: 'zhang-wei' },
      { type: 'reparent', person: 'wang-fang', manager: 'zhang-wei', revision: '1' },
      { type: 'reparent', person: 'wang-fang', manager: 'zhang-wei', revision: -1 },
      { type: 'reparent', person: 'wang-fang', manager: 'zhang-wei', revision: 1.5 },
      { type: 'informal', show: 'yes' },
      { type: 'open', person: '../x' },
      { type: 'move', person: 'wang-fang', stance: 'champion', influence: 5 },
      'undo', null, 42, [],
    ]) assert.equal(validateMapMessage(m, people), undefined, JSON.stringify(m));
  });
});
