/**
 * The decision-chain map as a Mermaid `flowchart TD` (GitHub renders Mermaid code blocks in pull
 * requests and comments): a solid line from each manager down to each report, a dotted arrow for
 * each informal line (with its strength), the paths to the decision highlighted, people who left
 * dashed and grey. Plan text is escaped with Mermaid's entity codes, so a name can neither end its
 * label nor the Markdown code block around the chart.
 */
import { t, type Locale } from '../i18n/catalogue.js';
import { cardDetails } from './svg.js';
import type { MapModel } from './model.js';

/** A person id as a Mermaid node id: `p_` and the id (kebab-case ids cannot collide), or by position for anything else. */
export function mermaidId(id: string, index: number): string {
  return /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id) ? `p_${id.replace(/-/g, '_')}` : `x${index}`;
}

/** Text made safe inside a quoted Mermaid label: entity codes for the characters Mermaid, HTML or Markdown would read. */
export function escapeMermaid(text: unknown): string {
  return String(text ?? '')
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd')
    .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ')
    .replace(/[#"&<>`\\|{}[\]]/g, (c) => `#${c.codePointAt(0)};`);
}

export interface MermaidOptions {
  locale: Locale;
  /** Draw only these people and the lines between them (the changed part of a map); all by default. */
  only?: ReadonlySet<string>;
}

const STYLES: Record<string, string> = {
  champion: 'fill:#dafbe1,stroke:#1a7f37',
  supporter: 'fill:#eefbf1,stroke:#1a7f37',
  skeptic: 'fill:#fff8c5,stroke:#9a6700',
  opponent: 'fill:#ffebe9,stroke:#cf222e,stroke-width:3px',
  left: 'fill:#f6f8fa,stroke:#8c959f,stroke-dasharray:3 3,color:#8c959f',
  nopath: 'stroke:#cf222e,stroke-width:3px,stroke-dasharray:6 3',
};

export function renderMermaid(model: MapModel, options: MermaidOptions): string {
  const L = options.locale;
  const shown = model.nodes.filter((n) => !options.only || options.only.has(n.id));
  const ids = new Map(model.nodes.map((n, i) => [n.id, mermaidId(n.id, i)]));
  const lines = ['flowchart TD'];
  for (const n of shown) {
    const second = [n.title, cardDetails(n, L)].filter(Boolean).join(' · ');
    const marks = n.marks.filter((m) => m !== 'our-side').map((m) => t(L, `map.mark.${m}`));
    lines.push(`  ${ids.get(n.id)}["${escapeMermaid(n.name)}<br/>${escapeMermaid(second)}${marks.length ? `<br/>${escapeMermaid(marks.join(' · '))}` : ''}"]`);
  }
  const visible = (id: string) => !options.only || options.only.has(id);
  const edges = model.edges.filter((e) => visible(e.from) && visible(e.to));
  const onPath = new Set<string>();
  for (const p of model.paths) for (const s of p.steps) onPath.add(s.kind === 'reports-to' && s.direction === 'down' ? `${s.kind} ${s.to} ${s.from}` : `${s.kind} ${s.from} ${s.to}`);
  const highlighted: number[] = [];
  edges.forEach((e, i) => {
    // Manager above report: the line is written from the manager.
    if (e.kind === 'reports-to') lines.push(`  ${ids.get(e.to)} --- ${ids.get(e.from)}`);
    else lines.push(`  ${ids.get(e.from)} ${e.strength ? `-. ${e.strength} .->` : '-.->'} ${ids.get(e.to)}`);
    if (onPath.has(`${e.kind} ${e.from} ${e.to}`)) highlighted.push(i);
  });
  const classes = new Map<string, string[]>();
  for (const n of shown) {
    const cls = n.status === 'left' ? 'left' : n.marks.includes('no-path') ? 'nopath' : ['champion', 'supporter', 'skeptic', 'opponent'].includes(n.stance) ? n.stance : undefined;
    if (cls) classes.set(cls, [...(classes.get(cls) ?? []), ids.get(n.id)!]);
  }
  // Only the styles the chart uses, in a fixed order.
  for (const [cls, style] of Object.entries(STYLES)) {
    const members = classes.get(cls);
    if (members) lines.push(`  classDef ${cls} ${style}`, `  class ${members.join(',')} ${cls}`);
  }
  if (highlighted.length) lines.push(`  linkStyle ${highlighted.join(',')} stroke:#bf8700,stroke-width:3px`);
  return lines.join('\n') + '\n';
}
