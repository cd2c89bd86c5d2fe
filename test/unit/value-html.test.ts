/** The value panel's page (#20): the trend, the attraction–barrier 2×2 with the account placed, the whitespace heat map; plan text escaped, no script. */
import assert from 'node:assert/strict';
import { buildReport } from '../../src/core/report/report.js';
import { competitorsOf } from '../../src/core/report/brief.js';
import { valueBodyHtml, type ValueStrings } from '../../src/webview/value-html.js';
import { accountMd, AS_OF, workspace } from './helpers/workspace.js';

const S: ValueStrings = {
  title: 'Value', trend: 'Health trend', noTrend: 'No trend', attractionBarrier: 'Attraction–barrier', attraction: 'Attraction', barrier: 'Barrier', notScored: 'not scored',
  positions: { loyal: 'Loyal', captive: 'Captive', 'free-to-leave': 'Free to leave', 'at-risk': 'At risk' },
  whitespace: 'Whitespace', noWhitespace: 'None', statuses: { ours: 'Ours', competitor: 'Competitor', open: 'Open', 'not-a-fit': 'Not a fit' },
  unit: 'Unit', competitors: 'Competitors', favouredBy: 'favoured by', strengths: { weak: 'Weak', medium: 'Medium', strong: 'Strong' },
};

function page(extra: string[]) {
  const r = workspace().set('accounts/acme/account.md', accountMd('acme', {}).replace(/\n---\n$/, `\n${extra.join('\n')}\n---\n`)).check(AS_OF);
  const a = buildReport(r).accounts[0];
  return valueBodyHtml({ account: a, ...competitorsOf(r.workspace.accounts.get('acme')!) }, S);
}

describe('value panel page', () => {
  it('places the account in its quadrant, colours each whitespace cell, shows the trend arrow', () => {
    const html = page([
      'attraction: {product: {score: 2}}', 'switching_costs: {process: {score: 4}}',
      'whitespace:', '  - {unit: A, offering: X, status: ours}', '  - {unit: B, offering: X, status: competitor, competitor: Rival, value: 5}', '  - {unit: B, offering: Y, status: open}',
      'surveys:', '  - {kind: nps, date: 2026-01-01, score: 50}', '  - {kind: nps, date: 2026-09-01, score: 30}',
    ]);
    assert.match(html, /data-position="captive"/);
    assert.match(html, /class="kp-q kp-q-tl kp-here" data-quadrant="captive"/);
    assert.match(html, /<td class="kp-ws-competitor" data-status="competitor">Competitor<br>Rival<br>5<\/td>/);
    assert.equal((html.match(/data-status=/g) ?? []).length, 3);
    assert.match(html, /<td class="kp-ws-none"><\/td>/); // A × Y is not recorded
    assert.match(html, /data-trend="down"/);
  });

  it('escapes plan text and has no script', () => {
    const html = page(['whitespace:', '  - {unit: "<img src=x onerror=alert(1)>", offering: "\\"><script>x</script>", status: open}', 'competitors:', '  - {name: "<b>Evil</b>"}']);
    assert.doesNotMatch(html, /<script|<img|<b>Evil/);
    assert.match(html, /&lt;img src=x onerror=alert\(1\)&gt;/);
  });

  it('nothing recorded: says so, places nobody', () => {
    const html = page([]);
    assert.match(html, /data-position="none"/);
    assert.match(html, /No trend/);
    assert.match(html, /None/);
  });
});
