/**
 * Draws a map layout as SVG. The CLI writes it as a standalone file; a webview can insert the same
 * markup and style it with the editor theme's colours. Every formal or informal line is one
 * `<path>` with `data-kind` (`reports-to` | `influences`), `data-from` and `data-to` (person ids;
 * a reporting line runs from the report to the manager), for tests and accessibility tooling. Every
 * piece of plan text is escaped.
 */
import { t, type Locale } from '../i18n/catalogue.js';
import { word } from '../i18n/vocabulary.js';
import { escapeXml } from '../matrix/svg.js';
import type { MapLayout } from './layout.js';
import type { MapModel, MapNode } from './model.js';

const STANDALONE_STYLE = `
  .kp-bg{fill:#ffffff}.kp-text{fill:#1f2328;font:12px system-ui,-apple-system,"Segoe UI","PingFang SC","Microsoft YaHei",sans-serif}
  .kp-muted{fill:#57606a;font-size:11px}.kp-name{font-weight:600;font-size:13px}.kp-heading{fill:#57606a;font-weight:600}
  .kp-group{fill:#f6f8fa;stroke:#d0d7de;stroke-dasharray:4 3}
  .kp-card{fill:#ffffff;stroke:#8c959f;stroke-width:1}
  .kp-stance-champion .kp-card{fill:#dafbe1}.kp-stance-supporter .kp-card{fill:#eefbf1}.kp-stance-skeptic .kp-card{fill:#fff8c5}.kp-stance-opponent .kp-card{fill:#ffebe9}
  .kp-blocker .kp-card{stroke:#cf222e;stroke-width:2.5}.kp-uncovered .kp-card{stroke:#bc4c00;stroke-width:2;stroke-dasharray:5 3}
  .kp-left{opacity:.5}.kp-left .kp-card{fill:#f6f8fa;stroke-dasharray:2 2}.kp-left .kp-name{text-decoration:line-through}
  .kp-badge{fill:#cf222e}.kp-badge-text{fill:#ffffff;font-size:10px;font-weight:700}
  .kp-role-EB{fill:#cf222e}.kp-role-TB{fill:#0969da}.kp-role-UB{fill:#1a7f37}.kp-role-Coach{fill:#8250df}.kp-role-other{fill:#6e7781}
  .kp-edge{fill:none;stroke:#57606a;stroke-width:1.5}.kp-influences{stroke:#8250df;stroke-dasharray:6 4}
  .kp-strength-weak{stroke-width:1}.kp-strength-strong{stroke-width:2.5}.kp-cycle{stroke:#cf222e}
  .kp-on-path{stroke:#bf8700;stroke-width:3.5}.kp-arrow{fill:#8250df}`;

export interface MapSvgOptions {
  locale: Locale;
  /** Standalone adds fixed colours, a background, a title and a legend; a webview brings its own styles. */
  standalone: boolean;
}

/** Display width of text in half-width units (CJK and other wide characters count two). */
function units(s: string): number {
  let n = 0;
  for (const ch of s) n += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|[\u{20000}-\u{3fffd}]/u.test(ch) ? 2 : 1;
  return n;
}

/** Text cut to fit a card (the whole text is in the card's tooltip). */
export function fit(s: string, max: number): string {
  if (units(s) <= max) return s;
  let out = '';
  let n = 0;
  for (const ch of s) {
    const w = units(ch);
    if (n + w > max - 1) break;
    out += ch;
    n += w;
  }
  return `${out}…`;
}

/** A card's third line: roles, stance, influence. */
export function cardDetails(node: MapNode, locale: Locale): string {
  return [node.roles.join('/'), word('stance', node.stance, locale), node.influence !== undefined ? t(locale, 'map.influence', { n: node.influence }) : '']
    .filter(Boolean).join(' · ');
}

/** Everything a card says, for its tooltip and its accessible name. */
export function cardLabel(node: MapNode, locale: Locale): string {
  const marks = node.marks.map((m) => t(locale, `map.mark.${m}`));
  return [node.name + (node.title ? `, ${node.title}` : ''), cardDetails(node, locale), ...marks].filter(Boolean).join(' · ');
}

const LEGEND_HEIGHT = 60;

export function renderMapSvg(model: MapModel, layout: MapLayout, options: MapSvgOptions): string {
  const L = options.locale;
  const legendParts = options.standalone ? legend(layout, L) : undefined;
  const width = Math.max(layout.width, legendParts ? Math.ceil(legendParts.width) : 0);
  const height = layout.height + (options.standalone ? LEGEND_HEIGHT : 0);
  const names = new Map(model.nodes.map((n) => [n.id, n.name]));
  const out: string[] = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${escapeXml(t(L, 'map.title', { account: model.accountName }))}" class="kp-map">`);
  if (options.standalone) out.push(`<title>${escapeXml(model.accountName)} · ${escapeXml(model.asOf)}</title><style>${STANDALONE_STYLE}</style><rect class="kp-bg" x="0" y="0" width="${width}" height="${height}"/>`);
  out.push('<defs><marker id="kp-map-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path class="kp-arrow" d="M0,0 L10,5 L0,10 z"/></marker></defs>');
  if (layout.unattached) {
    const g = layout.unattached;
    out.push(`<rect class="kp-group" x="${g.x}" y="${g.y}" width="${g.width}" height="${g.height}" rx="6"/>`);
    out.push(`<text class="kp-text kp-heading" x="${g.x + 10}" y="${g.y + 18}">${escapeXml(t(L, 'map.unattached'))}</text>`);
  }
  // Lines beneath the cards, so that no line hides a card.
  out.push('<g class="kp-edges">');
  for (const e of layout.edges) {
    if (!e.d) continue;
    const cls = ['kp-edge', `kp-${e.kind}`, e.strength ? `kp-strength-${e.strength}` : '', e.cycle ? 'kp-cycle' : '', e.onPath ? 'kp-on-path' : ''].filter(Boolean).join(' ');
    const words = `${names.get(e.from) ?? e.from} ${t(L, e.kind === 'reports-to' ? 'map.step.up' : 'map.step.along')} ${names.get(e.to) ?? e.to}${e.strength ? ` (${e.strength})` : ''}${e.cycle ? ` · ${t(L, 'map.mark.cycle')}` : ''}`;
    out.push(`<path class="${cls}" data-kind="${e.kind}" data-from="${escapeXml(e.from)}" data-to="${escapeXml(e.to)}"${e.strength ? ` data-strength="${e.strength}"` : ''} d="${e.d}"${e.kind === 'influences' ? ' marker-end="url(#kp-map-arrow)"' : ''}><title>${escapeXml(words)}</title></path>`);
  }
  out.push('</g>');
  model.nodes.forEach((node, i) => {
    const b = layout.nodes[i];
    const label = cardLabel(node, L);
    const cls = ['kp-node', `kp-stance-${node.stance}`, ...node.marks.map((m) => `kp-${m}`)].join(' ');
    out.push(`<g class="${escapeXml(cls)}" data-person="${escapeXml(node.id)}" tabindex="0" role="button" aria-label="${escapeXml(label)}">`);
    out.push(`<title>${escapeXml(label)}</title>`);
    out.push(`<rect class="kp-card" x="${b.x}" y="${b.y}" width="${b.width}" height="${b.height}" rx="6"/>`);
    out.push(`<rect class="kp-role kp-role-${node.color}" x="${b.x}" y="${b.y}" width="5" height="${b.height}" rx="2"/>`);
    out.push(`<text class="kp-text kp-name" x="${b.x + 12}" y="${b.y + 19}">${escapeXml(fit(node.name, 26))}</text>`);
    if (node.title) out.push(`<text class="kp-text kp-muted" x="${b.x + 12}" y="${b.y + 36}">${escapeXml(fit(node.title, 31))}</text>`);
    out.push(`<text class="kp-text kp-muted" x="${b.x + 12}" y="${b.y + 53}">${escapeXml(fit(cardDetails(node, L), 31))}</text>`);
    if (node.marks.includes('no-path') || node.marks.includes('uncovered')) {
      out.push(`<circle class="kp-badge" cx="${b.x + b.width - 10}" cy="${b.y + 10}" r="7"/><text class="kp-badge-text" x="${b.x + b.width - 10}" y="${b.y + 14}" text-anchor="middle">!</text>`);
    }
    out.push('</g>');
  });
  if (legendParts) out.push(legendParts.markup);
  out.push('</svg>');
  return out.join('');
}

function legend(layout: MapLayout, L: Locale): { markup: string; width: number } {
  const y = layout.height + 12;
  const parts: string[] = [];
  let x = 24;
  const item = (cls: string, label: string, arrow = false) => {
    parts.push(`<path class="kp-edge ${cls}" d="M${x},${y + 8} H${x + 36}"${arrow ? ' marker-end="url(#kp-map-arrow)"' : ''}/><text class="kp-text kp-muted" x="${x + 44}" y="${y + 12}">${escapeXml(label)}</text>`);
    x += 56 + units(label) * 6.5;
  };
  item('kp-reports-to', t(L, 'map.legend.reports-to'));
  item('kp-influences', t(L, 'map.legend.influences'), true);
  item('kp-on-path', t(L, 'map.legend.path'));
  for (const role of ['EB', 'TB', 'UB', 'Coach']) {
    const label = word('role', role, L);
    parts.push(`<rect class="kp-role-${role}" x="${x}" y="${y + 2}" width="5" height="12"/><text class="kp-text kp-muted" x="${x + 10}" y="${y + 12}">${escapeXml(label)}</text>`);
    x += 22 + units(label) * 6.5;
  }
  const firstRow = x;
  // The marks: a blocker's red border, a left person's grey dashed card, the badge of an uncovered key player or of no path.
  x = 24;
  const y2 = y + 20;
  const row2 = (cls: string, label: string) => {
    parts.push(`<g class="${cls}"><rect class="kp-card" x="${x}" y="${y2 + 1}" width="22" height="14" rx="3"/></g><text class="kp-text kp-muted" x="${x + 28}" y="${y2 + 12}">${escapeXml(label)}</text>`);
    x += 40 + units(label) * 6.5;
  };
  row2('kp-blocker', t(L, 'map.mark.blocker'));
  row2('kp-left', t(L, 'map.mark.left'));
  row2('kp-uncovered', t(L, 'map.mark.uncovered'));
  parts.push(`<circle class="kp-badge" cx="${x + 7}" cy="${y2 + 8}" r="7"/><text class="kp-badge-text" x="${x + 7}" y="${y2 + 12}" text-anchor="middle">!</text><text class="kp-text kp-muted" x="${x + 20}" y="${y2 + 12}">${escapeXml(`${t(L, 'map.mark.uncovered')} / ${t(L, 'map.mark.no-path')}`)}</text>`);
  x += 32 + units(`${t(L, 'map.mark.uncovered')} / ${t(L, 'map.mark.no-path')}`) * 6.5;
  return { markup: parts.join(''), width: Math.max(x, firstRow) + 8 };
}
