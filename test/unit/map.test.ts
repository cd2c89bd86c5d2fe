/**
 * The decision-chain map: paths to the decision (several EBs, no path, ties, directions), the rule
 * no-path-to-economic-buyer, the layout (no overlap up to 60 people, cycles in reports_to, deep
 * chains), the SVG's lines against the model's edges, escaping in SVG and Mermaid, and `keyplan map`.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { main, type Io } from '../../src/cli/main.js';
import { chainLinks, decisionPaths } from '../../src/core/analysis/decision-chain.js';
import { CARD, layoutMap, type MapLayout } from '../../src/core/map/layout.js';
import { escapeMermaid, renderMermaid } from '../../src/core/map/mermaid.js';
import { mapModel, peopleNamedIn, type MapEdge, type MapModel, type MapNode } from '../../src/core/map/model.js';
import { renderMapSvg } from '../../src/core/map/svg.js';
import { mapText } from '../../src/core/map/text.js';
import { removeDir, REPO_ROOT, writeTempWorkspace } from '../helpers.js';
import { AS_OF, workspace, type PersonOpts } from './helpers/workspace.js';
import { Branches, seeded } from './helpers/property.js';
import { accountOf, baseWorkspace, changed, diffOf, edit, personDoc } from './helpers/diff-fixtures.js';
import { formatDiffMarkdown } from '../../src/cli/formatters/diff/markdown.js';

const SAMPLES = path.join(REPO_ROOT, 'samples');

function build(people: Record<string, PersonOpts>, tier = 'A') {
  const ws = workspace().account('acme', { tier });
  for (const [id, o] of Object.entries(people)) ws.person(id, o);
  return ws.check();
}

function paths(people: Record<string, PersonOpts>) {
  const result = build(people);
  return decisionPaths(result.workspace.accounts.get('acme')!);
}

const chain = (p: { from?: string; steps: { to: string; direction: string }[] }) =>
  p.from === undefined ? 'none' : [p.from, ...p.steps.map((s) => `${s.direction}:${s.to}`)].join(' ');

describe('decision-chain paths', () => {
  it('finds the shortest chain to each of several EBs, walking reporting lines both ways and influence lines forward', () => {
    const ps = paths({
      ceo: { roles: ['EB'], stance: 'neutral', influence: 5 },
      cfo: { roles: ['EB'], stance: 'skeptic', influence: 5, reportsTo: 'ceo' },
      cto: { stance: 'neutral', influence: 4, reportsTo: 'ceo' },
      eng: { stance: 'champion', influence: 2, reportsTo: 'cto' },
      fin: { stance: 'supporter', influence: 2, influences: ['cfo'] },
      coo: { roles: ['EB'], stance: 'supporter', influence: 5 },
    });
    assert.deepEqual(ps.map((p) => [p.target, p.reason, chain(p)]), [
      ['ceo', 'economic-buyer', 'eng up:cto up:ceo'],
      ['cfo', 'economic-buyer', 'fin along:cfo'],
      ['coo', 'economic-buyer', 'coo'],
      ['cto', 'key-player', 'eng up:cto'],
    ]);
  });

  it('walks a reporting line down: a supportive manager can take us to their report', () => {
    const ps = paths({ boss: { stance: 'champion', influence: 3 }, eb: { roles: ['EB'], stance: 'neutral', reportsTo: 'boss' } });
    assert.equal(chain(ps[0]), 'boss down:eb');
  });

  it('an influence line is walked only in its direction', () => {
    const back = paths({ eb: { roles: ['EB'], stance: 'neutral', influences: ['fan'] }, fan: { stance: 'supporter' } });
    assert.equal(chain(back[0]), 'none', 'the EB swaying our supporter does not take us to the EB');
    const forward = paths({ eb: { roles: ['EB'], stance: 'neutral' }, fan: { stance: 'supporter', influences: ['eb'] } });
    assert.equal(chain(forward[0]), 'fan along:eb');
  });

  it('no path: nobody on our side, or only through people who left or oppose us', () => {
    assert.equal(chain(paths({ eb: { roles: ['EB'], stance: 'neutral' }, x: { stance: 'neutral', reportsTo: 'eb' } })[0]), 'none');
    assert.equal(chain(paths({ eb: { roles: ['EB'] }, gone: { stance: 'neutral', reportsTo: 'eb', status: 'left' }, fan: { stance: 'champion', reportsTo: 'gone' } })[0]), 'none');
    assert.equal(chain(paths({ eb: { roles: ['EB'] }, foe: { stance: 'opponent', reportsTo: 'eb' }, fan: { stance: 'champion', reportsTo: 'foe' } })[0]), 'none');
    // A Coach is on our side whatever their stance.
    assert.equal(chain(paths({ eb: { roles: ['EB'] }, coach: { roles: ['Coach'], stance: 'neutral', reportsTo: 'eb' } })[0]), 'coach up:eb');
  });

  it('ties: a champion before a supporter before a Coach, then the smaller id; a reporting line before an influence line', () => {
    const rank = paths({
      eb: { roles: ['EB'], stance: 'neutral' },
      a: { roles: ['Coach'], reportsTo: 'eb' },
      b: { stance: 'supporter', reportsTo: 'eb' },
      c: { stance: 'champion', influences: ['eb'] },
    });
    assert.equal(chain(rank[0]), 'c along:eb');
    const ids = paths({ eb: { roles: ['EB'] }, zed: { stance: 'supporter', reportsTo: 'eb' }, amy: { stance: 'supporter', reportsTo: 'eb' } });
    assert.equal(chain(ids[0]), 'amy up:eb');
    // Two ways of the same length through different middles: the reporting line is preferred.
    const via = paths({
      eb: { roles: ['EB'] },
      m1: { stance: 'neutral', influences: ['eb'] },
      m2: { stance: 'neutral', reportsTo: 'eb' },
      fan: { stance: 'champion', influences: ['m1', 'm2'] },
    });
    assert.equal(chain(via[0]), 'fan along:m2 up:eb');
    // The answer does not depend on the order the files were read in.
    const people = { eb: { roles: ['EB'] }, p: { stance: 'supporter', reportsTo: 'eb' }, q: { stance: 'supporter', influences: ['eb'] } } satisfies Record<string, PersonOpts>;
    const reversed = Object.fromEntries(Object.entries(people).reverse());
    assert.deepEqual(paths(people), paths(reversed));
  });

  it('stays bounded on cycles and long chains', () => {
    const people: Record<string, PersonOpts> = { eb: { roles: ['EB'], reportsTo: 'p0' } };
    for (let i = 0; i < 200; i++) people[`p${i}`] = { stance: 'neutral', reportsTo: `p${(i + 1) % 200}`, influences: [`p${(i + 7) % 200}`] };
    people.p150.stance = 'supporter';
    const ps = paths(people);
    assert.equal(ps[0].from, 'p150');
    assert.ok(ps[0].steps.length > 0 && ps[0].steps.length < 200);
  });

  it('reads influence strengths, and the schema accepts {person, strength}', () => {
    const result = build({ eb: { roles: ['EB'] }, fan: { stance: 'champion', influences: [['eb', 'strong'], 'x'] }, x: {} });
    assert.deepEqual(result.diagnostics.filter((d) => d.severity === 'error'), []);
    assert.deepEqual(chainLinks(result.workspace.accounts.get('acme')!).filter((l) => l.kind === 'influences'), [
      { kind: 'influences', from: 'fan', to: 'eb', strength: 'strong' },
      { kind: 'influences', from: 'fan', to: 'x' },
    ]);
    const bad = build({ eb: { roles: ['EB'] }, fan: { influences: [['eb', 'huge']] } });
    assert.ok(bad.diagnostics.some((d) => d.rule === 'schema' && d.file.endsWith('fan.md')), 'an unknown strength is a schema finding');
    const ghost = build({ fan: { influences: [['nobody', 'weak']] } });
    assert.ok(ghost.diagnostics.some((d) => d.rule === 'unknown-reference' && d.data?.id === 'nobody'), 'the person of {person, strength} is a checked reference');
  });
});

describe('no-path-to-economic-buyer', () => {
  const findings = (tier: string, people: Record<string, PersonOpts>) => build(people, tier).diagnostics.filter((d) => d.rule === 'no-path-to-economic-buyer');

  it('reports an active EB no chain reaches, with the severity of the tier', () => {
    const people = { eb: { roles: ['EB'], stance: 'neutral' }, x: { stance: 'neutral', reportsTo: 'eb' }, fan: { stance: 'supporter' } };
    const a = findings('A', people);
    assert.equal(a.length, 1);
    assert.equal(a[0].severity, 'warning');
    assert.ok(a[0].file.endsWith('eb.md'));
    assert.match(a[0].message, /economic buyer eb/);
    assert.equal(findings('C', people)[0].severity, 'info');
  });

  it('is silent when the EB is on our side, reached, or gone', () => {
    assert.deepEqual(findings('A', { eb: { roles: ['EB'], stance: 'supporter' } }), []);
    assert.deepEqual(findings('A', { eb: { roles: ['EB'] }, fan: { stance: 'champion', reportsTo: 'eb' } }), []);
    assert.deepEqual(findings('A', { eb: { roles: ['EB'], status: 'left' } }), []);
  });

  it('is not reported on the samples: every active EB there has a path (a documented negative check)', () => {
    const text = readFileSync(path.join(SAMPLES, 'README.md'), 'utf8');
    assert.match(text, /- `no-path-to-economic-buyer`: every active EB has a way in/);
    // (methodology-samples.test.ts checks that the samples' methodology findings are exactly the documented ones.)
  });
});

// --- layout

/** A small deterministic generator (no wall clock, no Math.random). */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

function node(id: string, reportsTo?: string): MapNode {
  return { id, name: id, roles: [], color: 'other', stance: 'neutral', coverage: 'unknown', cadenceState: 'ok', status: 'active', procurement: { steps: [], approver: false }, marks: [], ...(reportsTo ? { reportsTo } : {}) };
}

function modelOf(nodes: MapNode[], influences: [string, string][] = []): MapModel {
  const edges: MapEdge[] = [
    ...nodes.filter((n) => n.reportsTo).map((n): MapEdge => ({ kind: 'reports-to', from: n.id, to: n.reportsTo! })),
    ...influences.map(([from, to]): MapEdge => ({ kind: 'influences', from, to })),
  ];
  return { account: 'acme', accountName: 'Acme', asOf: AS_OF, nodes: [...nodes].sort((a, b) => (a.id < b.id ? -1 : 1)), edges, paths: [], procurement: [] };
}

function assertNoOverlap(layout: MapLayout, label: string) {
  const b = layout.nodes;
  for (let i = 0; i < b.length; i++) {
    assert.ok(b[i].x >= 0 && b[i].y >= 0 && b[i].x + b[i].width <= layout.width && b[i].y + b[i].height <= layout.height, `${label}: ${b[i].id} inside the drawing`);
    for (let j = i + 1; j < b.length; j++) {
      const apart = b[i].x + b[i].width <= b[j].x || b[j].x + b[j].width <= b[i].x || b[i].y + b[i].height <= b[j].y || b[j].y + b[j].height <= b[i].y;
      assert.ok(apart, `${label}: ${b[i].id} and ${b[j].id} overlap`);
    }
  }
}

describe('map layout', () => {
  it('no two cards overlap, for every size up to 60 people and many shapes of org chart', () => {
    for (let n = 1; n <= 60; n++) {
      for (let seed = 1; seed <= 4; seed++) {
        const r = rng(n * 100 + seed);
        const nodes: MapNode[] = [];
        for (let i = 0; i < n; i++) {
          const id = `p${String(i).padStart(2, '0')}`;
          // Seed 1: one flat team; 2: a deep chain; 3 and 4: random forests with loners and some cycles.
          const manager = seed === 1 ? (i ? 'p00' : undefined) : seed === 2 ? (i ? `p${String(i - 1).padStart(2, '0')}` : undefined)
            : r() < 0.2 ? undefined : `p${String(Math.floor(r() * n)).padStart(2, '0')}`;
          nodes.push(node(id, manager === id ? undefined : manager));
        }
        const influences: [string, string][] = Array.from({ length: Math.floor(n / 3) }, () => [nodes[Math.floor(r() * n)].id, nodes[Math.floor(r() * n)].id]);
        const layout = layoutMap(modelOf(nodes, influences.filter(([a, b]) => a !== b)));
        assert.equal(layout.nodes.length, n);
        assertNoOverlap(layout, `n=${n} seed=${seed}`);
      }
    }
  });

  it('puts managers above their reports and roots on top; people with neither manager nor reports in the group below', () => {
    const layout = layoutMap(modelOf([node('boss'), node('a', 'boss'), node('b', 'boss'), node('c', 'a'), node('alone')]));
    const at = (id: string) => layout.nodes.find((b) => b.id === id)!;
    assert.equal(at('boss').depth, 0);
    assert.ok(at('boss').y < at('a').y && at('a').y < at('c').y);
    assert.equal(at('a').y, at('b').y);
    assert.ok(at('boss').cx > at('a').cx && at('boss').cx < at('b').cx, 'a manager sits above the middle of the reports');
    assert.equal(at('alone').group, 'unattached');
    assert.ok(at('alone').y > at('c').y);
    assert.ok(layout.unattached && layout.unattached.y <= at('alone').y);
    // The reporting line is an elbow from the report's top to the manager's bottom.
    const e = layout.edges.find((x) => x.from === 'c')!;
    assert.ok(e.d.startsWith(`M${at('c').cx},${at('c').y} `) && e.d.endsWith(` V${at('a').y + CARD.height}`), e.d);
  });

  it('stacks a large team of people without reports in a few columns, their lines along a spine', () => {
    const team = [node('boss'), ...Array.from({ length: 30 }, (_, i) => node(`m${String(i).padStart(2, '0')}`, 'boss'))];
    const layout = layoutMap(modelOf(team));
    assertNoOverlap(layout, 'team of 30');
    const columns = new Set(layout.nodes.filter((b) => b.id !== 'boss').map((b) => b.x));
    assert.equal(columns.size, 6, 'ceil(sqrt(30)) columns');
    const boss = layout.nodes.find((b) => b.id === 'boss')!;
    for (const e of layout.edges) {
      const b = layout.nodes.find((x) => x.id === e.from)!;
      assert.ok(e.d.startsWith(`M${b.x},${b.cy} H${b.x - 14} `) && e.d.endsWith(`H${boss.cx} V${boss.y + CARD.height}`), e.d);
    }
    // Four reports are not stacked; nor is a team where someone has reports.
    assert.equal(new Set(layoutMap(modelOf([node('boss'), ...['a', 'b', 'c', 'd'].map((id) => node(id, 'boss'))])).nodes.map((b) => b.y)).size, 2);
  });

  it('cuts a reporting cycle at its smallest id without hanging, and still draws every line', () => {
    const nodes = [node('c', 'a'), node('a', 'b'), node('b', 'c'), node('d', 'b')];
    const layout = layoutMap(modelOf(nodes));
    const at = (id: string) => layout.nodes.find((b) => b.id === id)!;
    assert.equal(at('a').depth, 0, 'the smallest id of the cycle becomes the root');
    assert.deepEqual(layout.edges.filter((e) => e.cycle).map((e) => `${e.from}->${e.to}`), ['a->b']);
    assert.ok(layout.edges.every((e) => e.d.startsWith('M')));
    assertNoOverlap(layout, 'cycle');
    // A cycle of 60, and two people reporting to each other, each of whom also has a report.
    const ring = Array.from({ length: 60 }, (_, i) => node(`r${String(i).padStart(2, '0')}`, `r${String((i + 1) % 60).padStart(2, '0')}`));
    assertNoOverlap(layoutMap(modelOf(ring)), 'ring of 60');
    assertNoOverlap(layoutMap(modelOf([node('x', 'y'), node('y', 'x'), node('x1', 'x'), node('y1', 'y')])), 'pair');
  });

  it('a chain 5,000 deep is laid out without recursion', () => {
    const nodes = Array.from({ length: 5000 }, (_, i) => node(`n${i}`, i ? `n${i - 1}` : undefined));
    const layout = layoutMap(modelOf(nodes));
    assert.equal(Math.max(...layout.nodes.map((b) => b.depth)), 4999);
  });
});

// --- drawing

describe('map SVG and Mermaid', () => {
  const hostile = 'A"]<script>alert(1)</script>&`x` #1 |b| {c}\n%% end';
  const result = workspace().account('acme', { tier: 'A' })
    .set('accounts/acme/people/eb.md', `---\nkind: person\nid: eb\naccount: acme\nname: ${JSON.stringify(hostile)}\nroles: [EB]\nstance: neutral\ninfluence: 5\n---\n`)
    .person('fan', { stance: 'champion', influence: 3, reportsTo: 'eb', influences: [['mid', 'strong']] })
    .person('mid', { stance: 'neutral', influence: 4, reportsTo: 'eb' })
    .person('gone', { stance: 'supporter', status: 'left', influences: ['eb'] })
    .check();
  const model = mapModel(result, 'acme')!;
  const layout = layoutMap(model);

  it('every line of the SVG is an element whose data-kind, data-from and data-to equal the model’s edges', () => {
    const svg = renderMapSvg(model, layout, { locale: 'en', standalone: true });
    const lines = [...svg.matchAll(/<path class="kp-edge[^"]*" data-kind="([^"]+)" data-from="([^"]+)" data-to="([^"]+)"/g)].map((m) => `${m[1]} ${m[2]} ${m[3]}`);
    assert.deepEqual(lines.sort(), model.edges.map((e) => `${e.kind} ${e.from} ${e.to}`).sort());
    assert.deepEqual(model.edges.map((e) => `${e.kind} ${e.from} ${e.to}`), ['reports-to fan eb', 'reports-to mid eb', 'influences fan mid', 'influences gone eb']);
    assert.ok(!svg.includes('<script'), 'names are escaped');
    assert.match(svg, /&lt;script&gt;/);
    assert.match(svg, /data-person="gone"[^>]*/);
    assert.match(svg, /class="kp-node kp-stance-supporter kp-left"/, 'people who left are marked');
  });

  it('marks people who left, uncovered key players and blockers; the path uses the lines the model says', () => {
    const at = (id: string) => model.nodes.find((n) => n.id === id)!;
    assert.deepEqual(at('gone').marks, ['left']);
    assert.deepEqual(at('mid').marks, ['uncovered']);
    assert.deepEqual(at('fan').marks, ['our-side']);
    assert.equal(chain(model.paths[0]), 'fan up:eb');
    assert.equal(chain(model.paths[1]), 'fan along:mid', 'mid is a key player (influence 4) who is not supportive');
    assert.deepEqual(layout.edges.filter((e) => e.onPath).map((e) => `${e.from}->${e.to}`), ['fan->eb', 'fan->mid']);
  });

  it('Mermaid: a flowchart TD, solid lines down the hierarchy, dotted arrows for influence, every label escaped', () => {
    const text = renderMermaid(model, { locale: 'en' });
    const lines = text.trimEnd().split('\n');
    assert.equal(lines[0], 'flowchart TD');
    for (const l of lines.filter((x) => x.includes('["')).map((x) => x.replaceAll('<br/>', ' '))) assert.match(l, /^ {2}p_[a-z0-9_]+\["[^"`[\]{}|<>\n]*"\]$/, l);
    assert.ok(lines.includes('  p_eb --- p_fan'));
    assert.ok(lines.includes('  p_fan -. strong .-> p_mid'));
    assert.ok(lines.includes('  p_gone -.-> p_eb'));
    assert.ok(!text.includes('```'));
    assert.ok(lines.some((l) => l.startsWith('  class p_gone left')));
    assert.equal(escapeMermaid('a"b#c<d>&`e`\nf'), 'a#34;b#35;c#60;d#62;#38;#96;e#96; f');
    // Only part of the map: those people and the lines between them.
    const part = renderMermaid(model, { locale: 'en', only: new Set(['eb', 'fan']) });
    assert.ok(!part.includes('p_mid') && part.includes('p_eb --- p_fan'));
  });

  it('text: the tree, the group, the informal lines and the paths', () => {
    const text = mapText(model, layout, 'en');
    assert.match(text, /└─ .*\(mid\)/);
    assert.match(text, /Paths to the decision \(2\)/);
    assert.match(text, /: fan —reports to→ /);
  });
});

// --- CLI

async function cli(args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: Io = { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) }, cwd, env: {} };
  return { code: await main(args, io), stdout, stderr };
}

describe('keyplan map', function () {
  this.timeout(60_000);

  it('exit codes: 0 for a map, 2 for a missing or unknown account or format', async () => {
    const ok = await cli(['map', 'east-china-telecom', '--as-of', AS_OF], SAMPLES);
    assert.equal(ok.code, 0, ok.stderr);
    assert.match(ok.stdout, /孙建国/);
    const none = await cli(['map', '--as-of', AS_OF], SAMPLES);
    assert.equal(none.code, 2);
    assert.match(none.stderr, /map needs an account id/);
    const typo = await cli(['map', 'east-china-telecon', '--as-of', AS_OF], SAMPLES);
    assert.equal(typo.code, 2);
    assert.match(typo.stderr, /did you mean 'east-china-telecom'/);
    const format = await cli(['map', 'east-china-telecom', '--format', 'png', '--as-of', AS_OF], SAMPLES);
    assert.equal(format.code, 2);
    assert.match(format.stderr, /unknown format 'png' \(use text, json, mermaid, svg\)/);
  });

  it('--svg writes the drawing through the safe write (refuses a file it did not write)', async () => {
    const dir = writeTempWorkspace({
      'keyplan.yaml': 'locale: en\n',
      'accounts/acme/account.md': '---\nkind: account\nid: acme\nname: Acme\ntier: A\nowner: li-na\n---\n',
      'accounts/acme/people/zhang-wei.md': '---\nkind: person\nid: zhang-wei\naccount: acme\nname: 张伟\nroles: [EB]\nstance: neutral\ninfluence: 4\n---\n',
    });
    try {
      const r = await cli(['map', 'acme', '.', '--svg', 'map.svg', '--as-of', AS_OF], dir);
      assert.equal(r.code, 0, r.stderr);
      assert.match(readFileSync(path.join(dir, 'map.svg'), 'utf8'), /^<svg [^>]*class="kp-map"/);
      assert.match(r.stdout, /Wrote map\.svg/);
      assert.equal((await cli(['map', 'acme', '.', '--svg', 'map.svg', '--as-of', AS_OF], dir)).code, 0, 'its own output is replaced');
      const foreign = await cli(['map', 'acme', '.', '--svg', 'account.md', '--as-of', AS_OF], path.join(dir, 'accounts', 'acme'));
      assert.equal(foreign.code, 2);
    } finally {
      removeDir(dir);
    }
  });
});

// --- diff

describe('keyplan diff: the decision chain before and after', () => {
  const HEADER = { base: 'main (1a2b3c4)', head: 'working tree' };
  const evil = 'Evil ``` </details> "q" #1 @octocat';

  it('reports added and removed lines with the map of the people concerned, and draws them as Mermaid in the comment', () => {
    const before = baseWorkspace();
    let after = changed(before, {
      'accounts/acme/people/wang-fang.md': personDoc({ id: 'wang-fang', name: JSON.stringify(`王芳 ${evil}`), roles: ['UB'], influence: 2, stance: 'opponent', coverage: 'brief', extra: ['reports_to: zhang-wei'] }),
    });
    after = edit(after, 'accounts/acme/people/zhang-wei.md', 'kind: person', 'kind: person\ninfluences: [{person: sun-li, strength: strong}]');
    const diff = diffOf(before, after);
    const map = accountOf(diff, 'acme').map!;
    assert.deepEqual(map.added, [{ kind: 'reports-to', from: 'wang-fang', to: 'zhang-wei' }, { kind: 'influences', from: 'zhang-wei', to: 'sun-li', strength: 'strong' }]);
    assert.deepEqual(map.removed, []);
    assert.deepEqual(map.people, ['sun-li', 'wang-fang', 'zhang-wei']);
    assert.deepEqual(map.before.edges, []);
    assert.equal(map.after.edges.length, 2);
    const md = formatDiffMarkdown(diff, HEADER, 'en');
    const charts = [...md.matchAll(/```mermaid\n([\s\S]*?)```/g)].map((m) => m[1]);
    assert.equal(charts.length, 2);
    assert.ok(charts[1].includes('  p_zhang_wei --- p_wang_fang') && charts[1].includes('  p_zhang_wei -. strong .-> p_sun_li'));
    // The hostile name can neither close the code block nor open HTML.
    for (const chart of charts) assert.ok(!chart.includes('```') && !chart.includes('</details>') && !chart.includes('"q"'));
    assert.match(md, /\*\*Decision chain\*\*: 2 added, 0 removed/);
    assert.match(formatDiffMarkdown(diff, HEADER, 'zh-cn'), /\*\*决策链\*\*：?/);
  });

  it('no decision-chain section when no line changed', () => {
    const before = baseWorkspace();
    const diff = diffOf(before, edit(before, 'accounts/acme/people/wang-fang.md', 'stance: opponent', 'stance: supporter'));
    assert.equal(accountOf(diff, 'acme').map, undefined);
    assert.ok(!formatDiffMarkdown(diff, HEADER, 'en').includes('```mermaid'));
  });
});

describe('procurement steps: which people a step names', () => {
  // The regular expression the map used per person and step, kept here as the reference.
  const reference = (text: string, id: string) => new RegExp(`(?<![\\w-])${id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w-])`).test(text);

  it('peopleNamedIn agrees with a whole-word regular expression on every text and id (word ids by the text’s runs, others by the expression)', () => {
    const branches = new Branches();
    const alphabet = fc.constantFrom('a', 'b', '-', '_', '1', ' ', '@', '.', '、', '张', 'É', '\n');
    const text = fc.array(alphabet, { maxLength: 24 }).map((cs) => cs.join(''));
    fc.assert(
      fc.property(text, text, fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 6 }), (s, other, from, len) => {
        branches.run();
        // Ids taken out of the text itself (so many are named) or made up.
        for (const id of [s.slice(from, from + len), other.slice(0, len), other]) {
          const expected = reference(s, id);
          branches.hit('named', expected);
          branches.hit('not named', !expected);
          branches.hit('id of other characters', !/^[\w-]+$/.test(id));
          assert.deepEqual(peopleNamedIn(s, [id]), expected ? [id] : [], `${JSON.stringify(id)} in ${JSON.stringify(s)}`);
        }
      }),
      seeded(2000),
    );
    branches.assertFloors({ named: 0.2, 'not named': 0.2, 'id of other characters': 0.2 });
  });

  it('the map lists a step’s people by whole word and @mention, not as part of a longer id', () => {
    const result = workspace()
      .account('acme', { tier: 'A' })
      .person('li', { roles: ['EB'] })
      .person('li-na', {})
      .set('accounts/acme/org-portrait.md', ['---', 'kind: org-portrait', 'account: acme', 'procurement:', '  process:', '    - "@li signs"', '    - li-na reviews; li-nah does not exist', '    - nobody', '---', ''].join('\n'))
      .check();
    const model = mapModel(result, 'acme')!;
    assert.deepEqual(model.procurement.map((s) => s.people), [['li'], ['li-na'], []]);
  });
});
