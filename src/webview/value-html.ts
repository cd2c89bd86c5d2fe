/**
 * The account value panel's HTML (#20): the health trend with the series behind it, the
 * attraction–barrier 2×2 (loyal / captive / free to leave / at risk) with the account placed, the
 * whitespace as a heat map (business units × offerings, coloured by who holds each cell) and the
 * competitors. A pure function of the report's objects, so tests can check the markup: every piece
 * of plan text is escaped, attribute values are quoted, and the page has no script at all.
 */
import { escapeXml } from '../core/matrix/svg.js';
import { TREND_ARROW, HIGH_FACTOR } from '../core/analysis/value.js';
import type { AccountReport } from '../core/report/report.js';
import type { AccountBrief } from '../core/report/brief.js';

export interface ValueStrings {
  title: string;
  trend: string;
  noTrend: string;
  attractionBarrier: string;
  attraction: string;
  barrier: string;
  notScored: string;
  positions: Record<'loyal' | 'captive' | 'free-to-leave' | 'at-risk', string>;
  whitespace: string;
  noWhitespace: string;
  statuses: Record<'ours' | 'competitor' | 'open' | 'not-a-fit', string>;
  unit: string;
  competitors: string;
  favouredBy: string;
  strengths: Record<'weak' | 'medium' | 'strong', string>;
}

export interface ValueModel {
  account: Pick<AccountReport, 'id' | 'name' | 'tier' | 'health' | 'trend' | 'loyalty' | 'whitespace'>;
  competitors?: AccountBrief['competitors'];
}

const e = (v: unknown) => escapeXml(String(v ?? ''));

function trendHtml(m: ValueModel, s: ValueStrings): string {
  const t = m.account.trend;
  if (!t?.direction) return `<p class="kp-dim">${e(s.noTrend)}</p>`;
  const rows = t.signals.map((x) => `<tr data-metric="${e(x.metric)}"><td>${e(x.metric.toUpperCase())}</td><td>${e(x.previous)}</td><td>${e(x.previousAt)}</td><td>→</td><td>${e(x.latest)}</td><td>${e(x.latestAt)}</td><td class="kp-${e(x.direction)}">${TREND_ARROW[x.direction]}</td></tr>`).join('');
  return `<p class="kp-trend kp-${e(t.direction)}" data-trend="${e(t.direction)}">${TREND_ARROW[t.direction]} ${e(m.account.health.score ?? '—')}</p><table class="kp-series">${rows}</table>`;
}

function quadrantHtml(m: ValueModel, s: ValueStrings): string {
  const l = m.account.loyalty;
  const at = l?.position;
  // Rows: barrier high on top; columns: attraction low left, high right.
  const cells: ['captive' | 'loyal' | 'at-risk' | 'free-to-leave', string][] = [['captive', 'kp-q-tl'], ['loyal', 'kp-q-tr'], ['at-risk', 'kp-q-bl'], ['free-to-leave', 'kp-q-br']];
  const grid = cells.map(([q, cls]) => `<div class="kp-q ${cls}${q === at ? ' kp-here' : ''}" data-quadrant="${q}">${e(s.positions[q])}${q === at ? ` <span class="kp-dot" aria-label="${e(m.account.name)}">●</span>` : ''}</div>`).join('');
  const scores = (label: string, value: number | undefined, list: { kind: string; score: number; note?: string }[]) =>
    `<li><b>${e(label)}</b>: ${value === undefined ? e(s.notScored) : e(value)}${list.length ? ` <span class="kp-dim">(${list.map((x) => `${e(x.kind)} ${e(x.score)}${x.note ? ` — ${e(x.note)}` : ''}`).join('; ')})</span>` : ''}</li>`;
  return `<div class="kp-quadrants" data-position="${e(at ?? 'none')}"><span class="kp-axis-y">${e(s.barrier)} ↑ (≥ ${HIGH_FACTOR})</span>${grid}<span class="kp-axis-x">${e(s.attraction)} → (≥ ${HIGH_FACTOR})</span></div>
<ul class="kp-scores">${scores(s.attraction, l?.attraction, l?.attractionScores ?? [])}${scores(s.barrier, l?.barrier, l?.barrierScores ?? [])}</ul>`;
}

function heatmapHtml(m: ValueModel, s: ValueStrings): string {
  const cells = m.account.whitespace ?? [];
  if (!cells.length) return `<p class="kp-dim">${e(s.noWhitespace)}</p>`;
  const units = [...new Set(cells.map((c) => c.unit))];
  const offerings = [...new Set(cells.map((c) => c.offering))];
  const head = `<tr><th>${e(s.unit)}</th>${offerings.map((o) => `<th>${e(o)}</th>`).join('')}</tr>`;
  const rows = units.map((u) => `<tr><th>${e(u)}</th>${offerings.map((o) => {
    const c = cells.find((x) => x.unit === u && x.offering === o);
    if (!c) return '<td class="kp-ws-none"></td>';
    const label = [s.statuses[c.status] ?? c.status, c.competitor, c.value === undefined ? undefined : String(c.value)].filter(Boolean).map(e).join('<br>');
    return `<td class="kp-ws-${e(c.status)}" data-status="${e(c.status)}">${label}</td>`;
  }).join('')}</tr>`).join('');
  const legend = (['ours', 'competitor', 'open', 'not-a-fit'] as const).map((k) => `<span class="kp-ws-${k} kp-chip">${e(s.statuses[k])}</span>`).join(' ');
  return `<table class="kp-heatmap">${head}${rows}</table><p>${legend}</p>`;
}

function competitorsHtml(m: ValueModel, s: ValueStrings): string {
  if (!m.competitors?.length) return '';
  return `<h2>${e(s.competitors)}</h2><ul>${m.competitors.map((c) => `<li><b>${e(c.name)}</b>${c.strength ? ` · ${e((s.strengths as Record<string, string>)[c.strength] ?? c.strength)}` : ''}${c.strongIn?.length ? ` · ${c.strongIn.map(e).join(', ')}` : ''}${c.favouredBy.length ? ` · ${e(s.favouredBy)} ${c.favouredBy.map(e).join(', ')}` : ''}</li>`).join('')}</ul>`;
}

export function valueBodyHtml(m: ValueModel, s: ValueStrings): string {
  return `<h1>${e(s.title)}: ${e(m.account.name)} <span class="kp-dim">${e(m.account.tier ?? '?')}</span></h1>
<section id="trend"><h2>${e(s.trend)}</h2>${trendHtml(m, s)}</section>
<section id="attraction-barrier"><h2>${e(s.attractionBarrier)}</h2>${quadrantHtml(m, s)}</section>
<section id="whitespace"><h2>${e(s.whitespace)}</h2>${heatmapHtml(m, s)}</section>
<section id="competitors">${competitorsHtml(m, s)}</section>`;
}

export const VALUE_CSS = `
body { font-family: var(--vscode-font-family); color: var(--vscode-foreground); padding: 0 1em; }
.kp-dim { opacity: .7; }
.kp-trend { font-size: 1.6em; margin: .2em 0; }
.kp-up { color: var(--vscode-testing-iconPassed, #388a34); }
.kp-down { color: var(--vscode-testing-iconFailed, #c72e0f); }
table { border-collapse: collapse; }
td, th { padding: .3em .6em; border: 1px solid var(--vscode-panel-border, #8884); text-align: left; }
.kp-quadrants { display: grid; grid-template-columns: 1.5em 12em 12em; grid-template-rows: 5em 5em 1.5em; gap: 2px; align-items: stretch; }
.kp-axis-y { grid-column: 1; grid-row: 1 / 3; writing-mode: vertical-rl; transform: rotate(180deg); text-align: center; }
.kp-axis-x { grid-column: 2 / 4; grid-row: 3; text-align: center; }
.kp-q { display: flex; align-items: center; justify-content: center; border: 1px solid var(--vscode-panel-border, #8884); opacity: .6; }
.kp-q-tl { grid-column: 2; grid-row: 1; } .kp-q-tr { grid-column: 3; grid-row: 1; }
.kp-q-bl { grid-column: 2; grid-row: 2; } .kp-q-br { grid-column: 3; grid-row: 2; }
.kp-here { opacity: 1; font-weight: bold; background: var(--vscode-editor-selectionBackground, #264f7855); }
.kp-ws-ours { background: #2e7d3266; } .kp-ws-competitor { background: #c6282866; } .kp-ws-open { background: #f9a82566; } .kp-ws-not-a-fit { background: #9e9e9e33; }
.kp-chip { padding: .1em .5em; }
`;
