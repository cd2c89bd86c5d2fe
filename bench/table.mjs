// The results table: one row per measurement (size, median, min, max, runs, ratio, target, met?).

const SIZE = (n) => (n === undefined || n === null ? '' : typeof n === 'string' ? n : n >= 1000 && n % 1000 === 0 ? `${n / 1000}k` : String(n));

function formatValue(v, unit) {
  if (v === undefined || v === null || Number.isNaN(v)) return '';
  if (unit === 'ms') {
    if (v >= 10_000) return `${(v / 1000).toFixed(1)} s`;
    if (v >= 1000) return `${(v / 1000).toFixed(2)} s`;
    if (v >= 100) return `${v.toFixed(0)} ms`;
    return `${v.toFixed(1)} ms`;
  }
  if (unit === 'B') {
    if (v >= 1e6) return `${(v / 1e6).toFixed(2)} MB`;
    return `${(v / 1e3).toFixed(1)} kB`;
  }
  if (unit === 'x') return `${v.toFixed(2)}×`;
  return `${v}`;
}

export function formatRatio(r) {
  if (!r || r.value === undefined || Number.isNaN(r.value)) return '';
  return `${r.value >= 100 ? r.value.toFixed(0) : r.value >= 10 ? r.value.toFixed(1) : r.value.toFixed(2)}× ${r.of}`;
}

const MET = (m) => (m === true ? 'yes' : m === false ? 'NO' : '');

export function tableLines(rows) {
  const header = ['Measurement', 'Size', 'Median', 'Min', 'Max', 'n', 'Ratio', 'Target', 'Met'];
  const body = rows.map((r) =>
    r.status && r.status !== 'ok'
      ? [r.label, SIZE(r.size), r.status, '', '', '', '', r.target ?? '', '']
      : [r.label, SIZE(r.size), formatValue(r.median, r.unit), formatValue(r.min, r.unit), formatValue(r.max, r.unit), r.n ? String(r.n) : '', formatRatio(r.ratio), r.target ?? '', MET(r.met)],
  );
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => [...b[i]].length)));
  const pad = (cells) => cells.map((c, i) => (i >= 2 && i <= 5 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ').trimEnd();
  const lines = [pad(header), widths.map((w) => '-'.repeat(w)).join('  ')];
  let group;
  for (let i = 0; i < rows.length; i++) {
    if (rows[i].group !== group && i > 0) lines.push('');
    group = rows[i].group;
    lines.push(pad(body[i]));
  }
  return lines;
}

/** The same table as Markdown (for docs/performance.md). */
export function tableMarkdown(rows) {
  const out = ['| Measurement | Size | Median | Min | Max | n | Ratio | Target | Met |', '|---|---:|---:|---:|---:|---:|---|---|---|'];
  for (const r of rows) {
    const cells = r.status && r.status !== 'ok'
      ? [r.label, SIZE(r.size), r.status, '', '', '', '', r.target ?? '', '']
      : [r.label, SIZE(r.size), formatValue(r.median, r.unit), formatValue(r.min, r.unit), formatValue(r.max, r.unit), r.n ? String(r.n) : '', formatRatio(r.ratio), r.target ?? '', MET(r.met) === 'NO' ? '**no**' : MET(r.met)];
    out.push(`| ${cells.map((c) => c.replace(/\|/g, '\\|')).join(' | ')} |`);
  }
  return out.join('\n');
}
