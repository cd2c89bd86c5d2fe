/**
 * Draws a matrix layout as SVG. The CLI writes it as a standalone file; the webview inserts the
 * same markup and styles it with the editor theme's colours. Every piece of plan text is escaped.
 */
import { t, type Locale } from '../i18n/catalogue.js';
import { tc } from '../i18n/cli.js';
import { values, word } from '../i18n/vocabulary.js';
import type { MatrixModel, RoleColor } from './model.js';
import { INFLUENCES, STANCES, type MatrixLayout } from './layout.js';
import { stanceAt } from '../model/placement.js';
import { textWidth } from './text-width.js';

export function escapeXml(text: unknown): string {
  return String(text ?? '')
    // Characters XML 1.0 cannot hold at all.
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    // A lone surrogate is not a character at all: shown as the replacement character.
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** A quadrant's name (or `axis`: on an axis) in the locale. */
export function quadrantLabel(id: string, locale: Locale): string {
  return word('quadrant', id, locale);
}

/** Fixed colours for a standalone file (the webview uses the theme's colours instead). */
const STANDALONE_STYLE = `
  .kp-bg{fill:#ffffff}.kp-text{fill:#1f2328;font:12px system-ui,-apple-system,"Segoe UI","PingFang SC","Microsoft YaHei",sans-serif}
  .kp-grid{stroke:#d0d7de;fill:none}.kp-axis{stroke:#8c959f;stroke-width:1.5}
  .kp-q{fill-opacity:.06}.kp-q-champions{fill:#1a7f37}.kp-q-blockers{fill:#cf222e}.kp-q-fans{fill:#0969da}.kp-q-naysayers{fill:#9a6700}
  .kp-qlabel{fill:#57606a;font-weight:600;font-size:13px}.kp-muted{fill:#57606a;font-size:11px}
  .kp-role-EB{fill:#cf222e}.kp-role-TB{fill:#0969da}.kp-role-UB{fill:#1a7f37}.kp-role-Coach{fill:#8250df}.kp-role-other{fill:#6e7781}
  .kp-marker{stroke:#ffffff;stroke-width:1.5}.kp-segment{stroke:#ffffff;stroke-width:1}.kp-split{fill:none;stroke:#57606a}
  .kp-marker-bg{fill:#ffffff}.kp-name{paint-order:stroke;stroke:#ffffff;stroke-width:3px;stroke-linejoin:round}.kp-prev{fill:none;stroke:#8c959f;stroke-dasharray:2 2;opacity:.7}
  .kp-target{stroke:#57606a;stroke-dasharray:4 3;fill:none}.kp-arrow{fill:#57606a}`;

export interface SvgOptions {
  locale: Locale;
  /** Standalone adds fixed colours, a background and a title; the webview brings its own styles. */
  standalone: boolean;
}

export function renderMatrixSvg(model: MatrixModel, layout: MatrixLayout, options: SvgOptions): string {
  const { plot, cell } = layout;
  const L = options.locale;
  const out: string[] = [];
  // A standalone file carries its own legend, and the people it cannot place, below the plot.
  const foot = options.standalone ? footLayout(model, layout, L) : undefined;
  const height = layout.height + (foot?.height ?? 0);
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${layout.width} ${height}" width="${layout.width}" height="${height}" role="img" aria-label="${escapeXml(t(L, 'matrix.title', { account: model.accountName }))}" class="kp-matrix">`);
  if (options.standalone) out.push(`<title>${escapeXml(model.accountName)} · ${escapeXml(model.asOf)}</title><style>${STANDALONE_STYLE}</style><rect class="kp-bg" x="0" y="0" width="${layout.width}" height="${height}"/>`);
  out.push('<defs><marker id="kp-arrowhead" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path class="kp-arrow" d="M0,0 L10,5 L0,10 z"/></marker></defs>');
  for (const q of layout.quadrants) {
    out.push(`<rect class="kp-q kp-q-${q.id}" x="${n(q.rect.x)}" y="${n(q.rect.y)}" width="${n(q.rect.width)}" height="${n(q.rect.height)}"/>`);
    const top = q.id === 'champions' || q.id === 'blockers';
    const left = q.id === 'blockers' || q.id === 'naysayers';
    const tx = left ? q.rect.x + 6 : q.rect.x + q.rect.width - 6;
    const ty = top ? q.rect.y + 16 : q.rect.y + q.rect.height - 6;
    out.push(`<text class="kp-text kp-qlabel" x="${n(tx)}" y="${n(ty)}" text-anchor="${left ? 'start' : 'end'}">${escapeXml(quadrantLabel(q.id, L))}</text>`);
  }
  for (let i = 0; i <= 5; i++) {
    out.push(`<line class="kp-grid" x1="${n(plot.x + i * cell.width)}" y1="${n(plot.y)}" x2="${n(plot.x + i * cell.width)}" y2="${n(plot.y + plot.height)}"/>`);
    out.push(`<line class="kp-grid" x1="${n(plot.x)}" y1="${n(plot.y + i * cell.height)}" x2="${n(plot.x + plot.width)}" y2="${n(plot.y + i * cell.height)}"/>`);
  }
  // The axes through neutral stance and influence 3.
  out.push(`<line class="kp-axis" x1="${n(plot.x + 2.5 * cell.width)}" y1="${n(plot.y)}" x2="${n(plot.x + 2.5 * cell.width)}" y2="${n(plot.y + plot.height)}"/>`);
  out.push(`<line class="kp-axis" x1="${n(plot.x)}" y1="${n(plot.y + 2.5 * cell.height)}" x2="${n(plot.x + plot.width)}" y2="${n(plot.y + 2.5 * cell.height)}"/>`);
  STANCES.forEach((s, i) => out.push(`<text class="kp-text kp-muted" x="${n(plot.x + (i + 0.5) * cell.width)}" y="${n(plot.y + plot.height + 14)}" text-anchor="middle">${escapeXml(word('stance', stanceAt(s), L))}</text>`));
  INFLUENCES.forEach((v, i) => out.push(`<text class="kp-text kp-muted" x="${n(plot.x - 8)}" y="${n(plot.y + (i + 0.5) * cell.height + 4)}" text-anchor="end">${v}</text>`));
  out.push(`<text class="kp-text kp-muted" x="${n(plot.x + plot.width / 2)}" y="${n(plot.y + plot.height + 32)}" text-anchor="middle">${escapeXml(t(L, 'matrix.axis.stance'))}</text>`);
  out.push(`<text class="kp-text kp-muted" transform="translate(${n(14)} ${n(plot.y + plot.height / 2)}) rotate(-90)" text-anchor="middle">${escapeXml(t(L, 'matrix.axis.influence'))}</text>`);

  // History trails: small dots joined by a thin line, the oldest faintest, ending at the marker.
  for (const m of layout.markers) {
    if (!m.trail?.length) continue;
    const k = m.trail.length;
    const color = (m.person.colors?.length ? m.person.colors : [m.person.color])[0];
    const points = [...m.trail, { cx: m.cx, cy: m.cy }].map((p) => `${n(p.cx)},${n(p.cy)}`).join(' ');
    out.push(`<g class="kp-trail" data-person="${escapeXml(m.person.id)}"><polyline class="kp-trail-line" fill="none" points="${points}"/>`);
    m.trail.forEach((p, i) => {
      const title = `${m.person.name}${p.date ? ` · ${p.date}` : ''}`;
      out.push(`<circle class="kp-trail-dot kp-role-${color}" cx="${n(p.cx)}" cy="${n(p.cy)}" r="${n(Math.max(2, m.r * 0.3))}" opacity="${n(0.2 + (0.6 * (i + 1)) / k)}"><title>${escapeXml(title)}</title></circle>`);
    });
    out.push('</g>');
  }
  for (const m of layout.markers) {
    if (m.previous) out.push(`<circle class="kp-prev" cx="${n(m.previous.cx)}" cy="${n(m.previous.cy)}" r="${n(m.r)}"><title>${escapeXml(m.person.name)} (HEAD)</title></circle>`);
    if (m.target) out.push(`<line class="kp-target" x1="${n(m.cx)}" y1="${n(m.cy)}" x2="${n(m.target.cx)}" y2="${n(m.target.cy)}" marker-end="url(#kp-arrowhead)"/>`);
  }
  for (const m of layout.markers) {
    const p = m.person;
    const label = `${p.name}${p.title ? `, ${p.title}` : ''}${p.roles.length ? ` (${p.roles.join('/')})` : ''}`;
    const colors = p.colors?.length ? p.colors : [p.color];
    out.push(`<g class="kp-person" data-person="${escapeXml(p.id)}" data-colors="${colors.join(' ')}" tabindex="0" role="button" aria-label="${escapeXml(label)}">`);
    // An opaque disc under the marker: a translucent role colour does not show the axes through it.
    out.push(`<circle class="kp-marker-bg" cx="${n(m.cx)}" cy="${n(m.cy)}" r="${n(m.r)}"/>`);
    out.push(`<circle class="kp-marker kp-role-${colors[0]}" cx="${n(m.cx)}" cy="${n(m.cy)}" r="${n(m.r)}"><title>${escapeXml(label)}</title></circle>`);
    // Several buying roles: the marker is split into equal slices, one per role, clockwise from the
    // top, the most important role's slice being the circle underneath.
    out.push(...segments(m.cx, m.cy, m.r, colors).map((d) => `<path class="kp-segment kp-role-${d.color}" d="${d.d}"><title>${escapeXml(label)}</title></path>`));
    if (m.showLabel) out.push(`<text class="kp-text kp-name" x="${n(m.cx)}" y="${n(m.cy + m.r + 12)}" text-anchor="middle">${escapeXml(p.name)}</text>`);
    out.push('</g>');
  }
  if (foot) out.push(drawFoot(foot));
  out.push('</svg>');
  return out.join('');
}

/** The slices of a marker after the first (which is the circle underneath), as SVG paths. */
export function segments(cx: number, cy: number, r: number, colors: RoleColor[]): { color: RoleColor; d: string }[] {
  const k = colors.length;
  if (k < 2) return [];
  const point = (i: number) => {
    const a = -Math.PI / 2 + (2 * Math.PI * i) / k;
    return `${n(cx + r * Math.cos(a))},${n(cy + r * Math.sin(a))}`;
  };
  return colors.slice(1).map((color, j) => {
    const i = j + 1;
    return { color, d: `M${n(cx)},${n(cy)} L${point(i)} A${n(r)},${n(r)} 0 0 1 ${point(i + 1)} Z` };
  });
}

/** The legend's font size (`kp-muted`) and the height of one of its rows. */
const LEGEND_FONT = 11;
const ROW = 18;
const SWATCH = 16;
const GAP = 14;

export interface FootBox {
  x: number;
  y: number;
  width: number;
}

export interface FootLayout {
  /** One item per buying role: a swatch and its label, `x`…`x + width` on row `y`. */
  items: (FootBox & { role: string; label: string })[];
  /** The note about the dashed arrows, right-aligned. */
  note: FootBox & { text: string };
  /** People without a known stance or influence: a heading and one line each. */
  unplaced: { heading: FootBox & { text: string }; lines: (FootBox & { text: string })[] } | undefined;
  height: number;
}

/**
 * Lays out the legend below the plot with measured text (see text-width.ts): items flow left to
 * right and wrap to a new row rather than run into each other; the note goes to the right of the
 * last row when it fits there, else on a row of its own. Then the people who are not on the
 * matrix, so that a shared SVG never drops anyone without saying so.
 */
export function footLayout(model: MatrixModel, layout: MatrixLayout, L: Locale): FootLayout {
  const left = layout.plot.x;
  const right = layout.width - 16;
  let y = layout.height + 8;
  let x = left;
  const items: FootLayout['items'] = [];
  for (const role of values('role')) {
    const label = word('role', role, L);
    const width = SWATCH + textWidth(label, LEGEND_FONT);
    if (x > left && x + width > right) {
      x = left;
      y += ROW;
    }
    items.push({ role, label, x, y, width });
    x += width + GAP;
  }
  // A split marker is explained when the drawing has one.
  if (model.people.some((p) => (p.colors?.length ?? 1) > 1)) {
    const label = t(L, 'matrix.legend.several-roles');
    const width = SWATCH + textWidth(label, LEGEND_FONT);
    if (x > left && x + width > right) {
      x = left;
      y += ROW;
    }
    items.push({ role: 'several', label, x, y, width });
    x += width + GAP;
  }
  const text = t(L, 'matrix.target-note', { asOf: model.asOf });
  const noteWidth = textWidth(text, LEGEND_FONT);
  if (right - noteWidth < x) {
    y += ROW;
  }
  const note = { text, x: right - noteWidth, y, width: noteWidth };
  y += ROW;
  let unplaced: FootLayout['unplaced'];
  if (layout.unplaced.length) {
    y += 4;
    const heading = t(L, 'matrix.unplaced', { n: layout.unplaced.length });
    const lines: (FootBox & { text: string })[] = [];
    const head = { text: heading, x: left, y, width: textWidth(heading, LEGEND_FONT) };
    for (const p of layout.unplaced) {
      y += ROW;
      const line = t(L, 'matrix.unplaced.person', { name: p.title ? `${p.name}, ${p.title}` : p.name, stance: p.stance, influence: p.influence ?? '?' });
      lines.push({ text: line, x: left + 8, y, width: textWidth(line, LEGEND_FONT) });
    }
    y += ROW;
    unplaced = { heading: head, lines };
  }
  return { items, note, unplaced, height: y - layout.height + 4 };
}

function drawFoot(foot: FootLayout): string {
  const parts: string[] = [];
  for (const i of foot.items) {
    if (i.role === 'several') {
      parts.push(`<g class="kp-legend-item" data-role="several"><circle class="kp-split" cx="${n(i.x + 6)}" cy="${n(i.y + 6)}" r="5.5"/><path class="kp-split" d="M${n(i.x + 6)},${n(i.y + 0.5)} V${n(i.y + 11.5)}"/><text class="kp-text kp-muted" x="${n(i.x + SWATCH)}" y="${n(i.y + 10)}">${escapeXml(i.label)}</text></g>`);
      continue;
    }
    parts.push(`<g class="kp-legend-item" data-role="${escapeXml(i.role)}"><circle class="kp-marker kp-role-${escapeXml(i.role)}" cx="${n(i.x + 6)}" cy="${n(i.y + 6)}" r="6"/><text class="kp-text kp-muted" x="${n(i.x + SWATCH)}" y="${n(i.y + 10)}">${escapeXml(i.label)}</text></g>`);
  }
  parts.push(`<text class="kp-text kp-muted" x="${n(foot.note.x + foot.note.width)}" y="${n(foot.note.y + 10)}" text-anchor="end">${escapeXml(foot.note.text)}</text>`);
  if (foot.unplaced) {
    const { heading, lines } = foot.unplaced;
    parts.push(`<g class="kp-unplaced"><text class="kp-text kp-muted kp-unplaced-heading" x="${n(heading.x)}" y="${n(heading.y + 10)}">${escapeXml(heading.text)}</text>`);
    for (const l of lines) parts.push(`<text class="kp-text kp-muted" x="${n(l.x)}" y="${n(l.y + 10)}">${escapeXml(l.text)}</text>`);
    parts.push('</g>');
  }
  return parts.join('');
}

/** A legend and the list of unplaced people, as SVG-free text for the CLI's `--format text`. */
export function matrixText(model: MatrixModel, layout: MatrixLayout, locale: Locale): string {
  const lines = [`${model.accountName} (${model.account}) · ${model.asOf}`];
  for (const q of ['champions', 'blockers', 'fans', 'naysayers', 'axis'] as const) {
    const people = model.people.filter((p) => p.quadrant === q);
    const title = quadrantLabel(q, locale);
    lines.push('', `${title} (${people.length})`);
    for (const p of people) {
      const target = p.target ? tc(locale, 'matrix.text.target', { stance: word('stance', stanceAt(p.target.x), locale), influence: p.target.y }) : '';
      lines.push(`  - ${p.name}${p.title ? `, ${p.title}` : ''}${p.roles.length ? ` [${p.roles.join('/')}]` : ''}: ${tc(locale, 'matrix.text.person', { stance: word('stance', p.stance, locale), influence: p.influence })}${target}`);
    }
  }
  if (layout.unplaced.length) {
    lines.push('', t(locale, 'matrix.unplaced', { n: layout.unplaced.length }));
    for (const p of layout.unplaced) lines.push(`  - ${t(locale, 'matrix.unplaced.person', { name: p.name, stance: p.stance, influence: p.influence ?? '?' })}`);
  }
  return lines.join('\n') + '\n';
}

/** Coordinates with at most one decimal keep the SVG small and stable. */
function n(v: number): string {
  return String(Math.round(v * 10) / 10);
}
