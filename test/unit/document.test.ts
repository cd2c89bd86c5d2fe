import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseKeyplanDocument, type ParseOutcome } from '../../src/core/parse/document.js';
import { findFrontmatter, mayDeclareKind, sniffKind } from '../../src/core/parse/frontmatter.js';
import { account, check, FIXTURES, md, only, person, span, where } from '../helpers.js';

const fixture = (name: string) => readFileSync(path.join(FIXTURES, 'documents', name), 'utf8');

function parse(text: string, file = 'doc.md'): ParseOutcome {
  return parseKeyplanDocument(file, text, 'en');
}

function unreadable(outcome: ParseOutcome) {
  assert.equal(outcome.status, 'unreadable', `expected unreadable, got ${outcome.status}`);
  return outcome as Extract<ParseOutcome, { status: 'unreadable' }>;
}

describe('frontmatter: findFrontmatter and sniffKind', () => {
  it('finds the YAML between the fences and the body after them', () => {
    const text = '---\nkind: person\n---\nbody\n';
    const s = findFrontmatter(text)!;
    assert.equal(text.slice(s.yamlStart, s.yamlEnd), 'kind: person\n');
    assert.equal(text.slice(s.bodyStart), 'body\n');
    assert.equal(s.closed, true);
  });

  it('keeps exact offsets with CRLF fences', () => {
    const text = '---\r\nkind: person\r\n---\r\nbody';
    const s = findFrontmatter(text)!;
    assert.equal(text.slice(s.yamlStart, s.yamlEnd), 'kind: person\r\n');
    assert.equal(text.slice(s.bodyStart), 'body');
  });

  it('accepts `...` as the closing fence', () => {
    const text = '---\nkind: person\n...\nbody';
    assert.equal(text.slice(findFrontmatter(text)!.bodyStart), 'body');
  });

  it('requires the fence on the very first line', () => {
    assert.equal(findFrontmatter('\n---\nkind: person\n---\n'), null);
    assert.equal(findFrontmatter('# Title\n---\nkind: person\n---\n'), null);
    assert.equal(findFrontmatter('----\nkind: person\n----\n'), null);
  });

  it('sniffs `kind:` with quotes and trailing comments', () => {
    assert.equal(sniffKind('id: a\nkind: "person"  # a comment\n'), 'person');
    assert.equal(sniffKind("kind: 'account'\n"), 'account');
    assert.equal(sniffKind('title: x\n'), null);
    assert.equal(sniffKind('  kind: person\n'), null, 'an indented kind belongs to a nested object');
  });

  it('sniffs a document kind in a flow mapping even after a nested `kind` (the parse reads the top-level one)', () => {
    assert.equal(sniffKind('{kind: person, id: a}\n'), 'person');
    assert.equal(sniffKind('{"objectives": [{"id": "o1", "kind": "retention"}], "kind": "account", "id": "json"}\n'), 'account');
    assert.equal(sniffKind('{notes: {kind: draft}, kind: acount}\n'), 'draft', 'no document kind: the first, as written');
  });

  it('mayDeclareKind: only a sure "no" when every line-start `kind:` names another kind', () => {
    assert.equal(mayDeclareKind('kind: account\nid: a\n', 'account'), true);
    assert.equal(mayDeclareKind('kind: person\nid: a\n', 'account'), false);
    assert.equal(mayDeclareKind('id: a\n', 'account'), true, 'no kind a look can see');
    assert.equal(mayDeclareKind('note: "x\nkind: person"\nkind: account\n', 'account'), true, 'any line that says it');
    assert.equal(mayDeclareKind('{summary: {kind: person}, kind: account}\n', 'account'), true);
    assert.equal(mayDeclareKind('{kind: person}\n', 'account'), true, 'a flow mapping is never ruled out');
  });
});

describe('document parsing', () => {
  it('parses a valid document: kind, data and body', () => {
    const outcome = parse(fixture('valid-person.md'), 'people/zhang-wei.md');
    assert.equal(outcome.status, 'document');
    if (outcome.status !== 'document') return;
    assert.deepEqual(outcome.diagnostics, []);
    const doc = outcome.document;
    assert.equal(doc.kind, 'person');
    assert.equal(doc.path, 'people/zhang-wei.md');
    assert.deepEqual(doc.data, {
      kind: 'person', id: 'zhang-wei', account: 'east-china-telecom', name: '张伟', title: '首席技术官 CTO',
      reports_to: 'sun-jianguo', roles: ['TB'], influence: 4, stance: 'champion', cadence: { ideal: 60, max: 90 },
    });
    assert.equal(doc.body.trim(), '张总是我们最坚定的支持者。');
    // Positions are built lazily but exact: `stance: champion` is on line 10.
    assert.deepEqual(doc.locate(['stance'], 'value'), { start: { line: 10, column: 9 }, end: { line: 10, column: 17 } });
    assert.deepEqual(doc.locate(['cadence', 'max'], 'key'), { start: { line: 13, column: 3 }, end: { line: 13, column: 6 } });
  });

  it('locate() falls back to the nearest existing parent, then to `kind:`', () => {
    const outcome = parse(fixture('valid-person.md'));
    assert.equal(outcome.status, 'document');
    if (outcome.status !== 'document') return;
    assert.deepEqual(outcome.document.locate(['cadence', 'nothing-here'], 'value'), { start: { line: 11, column: 1 }, end: { line: 11, column: 8 } });
    assert.deepEqual(outcome.document.locate(['no-such-field'], 'value'), { start: { line: 2, column: 1 }, end: { line: 2, column: 5 } });
  });

  it('ignores a file without frontmatter', () => {
    assert.deepEqual(parse('# Just notes\n\nkind: person\n'), { status: 'ignored' });
  });

  it('ignores ordinary Markdown whose frontmatter has a non-Keyplan `kind:`', () => {
    assert.deepEqual(parse(fixture('ordinary-markdown.md')), { status: 'ignored' });
    const r = check({ 'notes/template.md': fixture('ordinary-markdown.md') });
    assert.deepEqual(r.diagnostics, []);
    assert.equal(r.documents.length, 0);
  });

  it('ignores frontmatter without any `kind:`', () => {
    assert.deepEqual(parse(md(['title: Hello', 'tags: [a]'])), { status: 'ignored' });
  });

  it('reports `kind: acount` as unknown-kind with a suggestion, on the value', () => {
    const outcome = unreadable(parse(md(['kind: acount', 'id: acme'])));
    assert.equal(outcome.diagnostics.length, 1);
    const d = outcome.diagnostics[0];
    assert.equal(d.rule, 'unknown-kind');
    assert.equal(d.severity, 'error');
    assert.equal(span(d), '2:7-2:13');
    assert.match(d.message, /`acount` is not a Keyplan document kind/);
    assert.match(d.message, /Did you mean `account`\?/);
    assert.equal(d.data?.suggestion, 'account');
  });

  it('ignores an empty file', () => {
    assert.deepEqual(parse(''), { status: 'ignored' });
    assert.deepEqual(check({ 'empty.md': '' }).diagnostics, []);
  });

  it('ignores a file that holds only `---`', () => {
    assert.deepEqual(parse('---'), { status: 'ignored' });
    assert.deepEqual(parse('---\n'), { status: 'ignored' });
    assert.deepEqual(parse('---\n---\n'), { status: 'ignored' });
  });

  it('reports an unclosed fence on line 1, still seeing kind and id', () => {
    const outcome = unreadable(parse('---\nkind: person\nid: zhang-wei\nname: 张伟\n\nSome body text\n'));
    assert.equal(outcome.kind, 'person');
    assert.equal(outcome.id, 'zhang-wei');
    assert.equal(outcome.diagnostics.length, 1);
    assert.equal(outcome.diagnostics[0].rule, 'yaml-syntax');
    assert.equal(outcome.diagnostics[0].range.start.line, 1);
    assert.match(outcome.diagnostics[0].message, /no closing `---`/);
  });

  it('reports malformed YAML as yaml-syntax at the exact line and column', () => {
    // Line 6: `title: 采购总监: 负责集采` — an unquoted value containing `: `.
    const outcome = unreadable(parse(fixture('colon-in-value.md'), 'people/wang-fang.md'));
    assert.equal(outcome.diagnostics.length, 1);
    const d = outcome.diagnostics[0];
    assert.equal(d.rule, 'yaml-syntax');
    assert.equal(d.file, 'people/wang-fang.md');
    assert.deepEqual(d.range.start, { line: 6, column: 8 });
    assert.match(d.message, /put the value in quotes/);
    assert.equal(outcome.id, 'wang-fang');
  });

  it('reports an unterminated quoted string', () => {
    const outcome = unreadable(parse(md(['kind: person', 'id: a', 'name: "张伟', 'account: x'])));
    assert.equal(outcome.diagnostics[0].rule, 'yaml-syntax');
    assert.match(outcome.diagnostics[0].message, /quote/i);
  });

  it('reports tabs used as indentation, on the tab line', () => {
    const outcome = unreadable(parse(md(['kind: person', 'id: a', 'cadence:', '\tideal: 60', '\tmax: 90'])));
    const d = outcome.diagnostics[0];
    assert.equal(d.rule, 'yaml-syntax');
    assert.equal(d.range.start.line, 5);
    assert.equal(d.message, 'Tabs cannot be used to indent YAML. Indent with spaces.');
  });

  it('reports a duplicate key by name, on the second occurrence', () => {
    const outcome = unreadable(parse(md(['kind: person', 'id: zhang-wei', 'name: 张伟', 'name: 张伟 (CTO)'])));
    assert.equal(outcome.diagnostics.length, 1);
    const d = outcome.diagnostics[0];
    assert.equal(d.rule, 'yaml-syntax');
    assert.equal(span(d), '5:1-5:5');
    assert.equal(d.message, 'The field `name` appears twice in this block; keep one.');
  });

  it('reports a duplicate nested key by name', () => {
    const outcome = unreadable(parse(md(['kind: person', 'id: a', 'cadence:', '  ideal: 30', '  ideal: 45'])));
    assert.equal(span(outcome.diagnostics[0]), '6:3-6:8');
    assert.match(outcome.diagnostics[0].message, /The field `ideal` appears twice/);
  });

  it('refuses a "billion laughs" alias bomb, with a yaml-syntax finding', () => {
    const outcome = unreadable(parse(fixture('alias-bomb.md')));
    assert.equal(outcome.diagnostics.length, 1);
    assert.equal(outcome.diagnostics[0].rule, 'yaml-syntax');
    assert.match(outcome.diagnostics[0].message, /aliases/);
    assert.equal(outcome.id, 'bomb');
  });

  it('accepts a few harmless aliases', () => {
    const outcome = parse(md(['kind: person', 'id: a', 'x: &n [1, 2]', 'y: *n']));
    assert.equal(outcome.status, 'document');
  });

  it('bounds alias expansion by count, not by time: 99 expansions of an anchor are read, 100 are refused', () => {
    const aliases = (n: number) => md(['kind: person', 'id: a', 'x: &n 1', `y: [${Array(n).fill('*n').join(', ')}]`]);
    const read = parse(aliases(99));
    assert.equal(read.status, 'document');
    const refused = unreadable(parse(aliases(100)));
    assert.deepEqual(refused.diagnostics.map((d) => `${d.rule} ${d.message}`), ['yaml-syntax The frontmatter expands too many YAML aliases (`*name`) and was not read, to stay safe.']);
    // A nested anchor counts its own aliases too: 10 × 10 expansions are refused as well.
    const nested = md(['kind: person', 'id: a', `x: &a [${Array(10).fill('1').join(', ')}]`, `y: &b [${Array(10).fill('*a').join(', ')}]`, `z: [${Array(10).fill('*b').join(', ')}]`]);
    assert.match(unreadable(parse(nested)).diagnostics[0].message, /too many YAML aliases/);
  });

  it('reports very deep nesting once, as too deep, without throwing', () => {
    for (const text of [
      md(['kind: person', 'id: deep', `x: ${'['.repeat(20000)}${']'.repeat(20000)}`]),
      md(['kind: person', 'id: deep', 'x:', ...Array.from({ length: 4000 }, (_, i) => `${' '.repeat(i + 1)}- `)]),
    ]) {
      const outcome = unreadable(parse(text));
      assert.equal(outcome.diagnostics.length, 1, outcome.diagnostics.map((d) => d.message).join('\n'));
      assert.equal(outcome.diagnostics[0].rule, 'yaml-syntax');
      assert.equal(outcome.diagnostics[0].message, 'The frontmatter is nested too deeply to be read.');
    }
  });

  it('reads moderately deep nesting as data', () => {
    const outcome = parse(md(['kind: person', 'id: deep', `x: ${'['.repeat(50)}1${']'.repeat(50)}`]));
    assert.equal(outcome.status, 'document');
  });

  it('reports frontmatter that is not a mapping', () => {
    const outcome = unreadable(parse('---\nkind: person\n--- \n'.replace('kind: person', 'kind: person\n- x')));
    assert.equal(outcome.diagnostics[0].rule, 'yaml-syntax');
  });

  it('keeps dates and yes/no/on/off as strings (YAML 1.2)', () => {
    const outcome = parse(md(['kind: account', 'id: acme', 'name: Acme', 'tier: A', 'owner: yes', 'industry: on',
      'team: [no, off, y]', 'period:', '  start: 2026-01-15', '  end: 2026-12-31', 'review:', '  next: 2027-01-15']));
    assert.equal(outcome.status, 'document');
    if (outcome.status !== 'document') return;
    const data = outcome.document.data as Record<string, any>;
    assert.equal(data.period.start, '2026-01-15');
    assert.equal(data.period.end, '2026-12-31');
    assert.equal(data.review.next, '2027-01-15');
    assert.equal(data.owner, 'yes');
    assert.equal(data.industry, 'on');
    assert.deepEqual(data.team, ['no', 'off', 'y']);
    // And the schema accepts them as dates and user ids.
    const r = check({ 'a.md': md(['kind: account', 'id: acme', 'name: Acme', 'tier: A', 'owner: yes', 'period: {start: 2026-01-15, end: 2026-12-31}']) });
    assert.deepEqual(r.diagnostics, []);
  });

  it('collects `# keyplan-disable` rule ids from the frontmatter', () => {
    const outcome = parse(md(['kind: person', 'id: a', '# keyplan-disable unknown-reference, cross-account-reference', 'reports_to: b  # keyplan-disable reports-to-cycle']));
    assert.equal(outcome.status, 'document');
    if (outcome.status !== 'document') return;
    assert.deepEqual([...outcome.document.disabledRules].sort(), ['cross-account-reference', 'reports-to-cycle', 'unknown-reference']);
  });
});

describe('document positions through checkWorkspace', () => {
  // Line 6: `stance: suportive` (enum error at 6:9), line 7: `influense: 3` (unknown field at 7:1).
  const text = person('zhang-wei', 'acme', ['stance: suportive', 'influense: 3']) + '\nNotes\n';
  const expected = ['6:9-6:18 schema', '7:1-7:10 unknown-field'];
  const positions = (content: string | Uint8Array) =>
    check({ 'a.md': account(), 'p.md': content }).diagnostics.map((d) => `${span(d)} ${d.rule}`);
  const bom = (s: string) => new Uint8Array([0xef, 0xbb, 0xbf, ...Buffer.from(s)]);

  it('LF file', () => assert.deepEqual(positions(text), expected));
  it('CRLF file: same lines and columns', () => assert.deepEqual(positions(Buffer.from(text.replace(/\n/g, '\r\n'))), expected));
  it('lone-CR file: same lines and columns', () => assert.deepEqual(positions(text.replace(/\n/g, '\r')), expected));
  it('UTF-8 BOM file (bytes): columns do not count the BOM', () => assert.deepEqual(positions(bom(text)), expected));
  it('BOM + CRLF file', () => assert.deepEqual(positions(bom(text.replace(/\n/g, '\r\n'))), expected));
  it('BOM in a string source', () => assert.deepEqual(positions(`\ufeff${text}`), expected));

  it('a non-UTF-8 Keyplan document gets an encoding finding; other binary files are skipped', () => {
    const gbk = Buffer.concat([Buffer.from('---\nkind: person\nid: a\naccount: acme\nname: '), Buffer.from([0xd5, 0xc5, 0xce, 0xb0]), Buffer.from('\n---\n')]);
    const r = check({ 'a.md': account(), 'p.md': gbk, 'img.md': new Uint8Array([0x89, 0x50, 0x00, 0x01]) });
    assert.deepEqual(r.diagnostics.map((d) => `${where(d)} ${d.rule}`), ['p.md:1:1 encoding']);
    assert.deepEqual(r.skipped, [{ path: 'img.md', reason: 'binary' }]);
  });

  it('handles a ~5 MB interaction log and places findings at its end', function () {
    this.timeout(60_000);
    const lines: string[] = [];
    let size = 0;
    for (let i = 0; size < 5_000_000; i++) {
      const line = `- 2026-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')} meeting @zhang-wei: meeting ${i} about the 5G core roll-out and the next steps of the bid`;
      lines.push(line);
      size += line.length + 1;
    }
    lines.push('- 2026-12-30 vist @zhang-wei: the last one');
    const text = md(['kind: interaction-log', 'account: acme'], lines.join('\n') + '\n');
    assert.ok(text.length >= 5_000_000);
    const r = check({ 'a.md': account(), 'p.md': person('zhang-wei'), 'log.md': Buffer.from(text) });
    assert.deepEqual(r.diagnostics.map((d) => `${where(d)} ${d.rule}`), [`log.md:${lines.length + 4}:14 unknown-channel`]);
    assert.equal(r.workspace.accounts.get('acme')!.interactions.length, lines.length);
  });

  it('handles a ~5 MB frontmatter', function () {
    this.timeout(60_000);
    const needs = Array.from({ length: 110_000 }, (_, i) => `  - need number ${i}: keep the network stable`.replace(': ', ' - '));
    const text = person('big', 'acme', ['needs:', ...needs, 'stance: suportive']);
    assert.ok(text.length >= 5_000_000, `${text.length}`);
    const r = check({ 'a.md': account(), 'big.md': text });
    assert.deepEqual(r.diagnostics.map((d) => `${where(d)} ${d.rule}`), [`big.md:${needs.length + 7}:9 schema`]);
  });
});

describe('`# keyplan-disable` suppression', () => {
  it('suppresses the named rule in that file only', () => {
    const r = check({
      'a.md': account(),
      'p1.md': person('p1', 'acme', ['reports_to: nobody  # keyplan-disable unknown-reference', 'stanse: x']),
      'p2.md': person('p2', 'acme', ['reports_to: nobody']),
    });
    assert.deepEqual(r.diagnostics.map((d) => `${where(d)} ${d.rule}`), ['p1.md:7:1 unknown-field', 'p2.md:6:13 unknown-reference']);
  });

  it('does nothing without the comment (the same file reports the reference)', () => {
    const r = check({ 'a.md': account(), 'p1.md': person('p1', 'acme', ['reports_to: nobody']) });
    assert.equal(only(r.diagnostics, 'unknown-reference').length, 1);
  });

  it('suppresses findings in the body too (interaction-log rules)', () => {
    const r = check({
      'a.md': account(),
      'p.md': person('zhang-wei'),
      'log.md': md(['kind: interaction-log', 'account: acme', '# keyplan-disable unknown-channel'], '- 2026-01-05 golf @zhang-wei: 18 holes\n'),
    });
    assert.deepEqual(r.diagnostics, []);
  });
});
