/**
 * Geometry of the influence–support matrix: a 5 × 5 grid (stance −2…+2 left to right, influence
 * 5…1 top to bottom), quadrant labels, and marker positions. People in the same cell are packed in
 * a grid inside the cell and shrink as needed, so that markers never overlap.
 */
import type { MatrixModel, MatrixPerson, SizeBy } from './model.js';
import { COVERAGE_SCALE } from './model.js';
import type { Position } from '../model/placement.js';

export interface LayoutOptions {
  width: number;
  height: number;
  sizeBy: SizeBy;
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface MarkerLayout {
  person: MatrixPerson;
  cx: number;
  cy: number;
  r: number;
  /** Names are drawn when there is room; crowded cells show them on hover. */
  showLabel: boolean;
  target?: { cx: number; cy: number };
  previous?: { cx: number; cy: number };
  /** The person's earlier positions (oldest first), at the centre of each cell, with the commit's date. */
  trail?: { cx: number; cy: number; date?: string }[];
}

export interface MatrixLayout {
  width: number;
  height: number;
  plot: Rect;
  cell: { width: number; height: number };
  quadrants: { id: 'champions' | 'blockers' | 'fans' | 'naysayers'; rect: Rect }[];
  markers: MarkerLayout[];
  /** People without a known stance or influence, listed beside the matrix. */
  unplaced: MatrixPerson[];
}

export const STANCES = [-2, -1, 0, 1, 2];
export const INFLUENCES = [5, 4, 3, 2, 1];
const MARGIN = { left: 64, right: 16, top: 16, bottom: 48 };

export function cellRect(plot: Rect, pos: Position): Rect {
  const w = plot.width / 5;
  const h = plot.height / 5;
  return { x: plot.x + (pos.x + 2) * w, y: plot.y + (5 - pos.y) * h, width: w, height: h };
}

/** Which cell a point of the plot falls in (for drops), clamped to the grid. */
export function positionAt(plot: Rect, px: number, py: number): Position {
  const col = Math.max(0, Math.min(4, Math.floor(((px - plot.x) / plot.width) * 5)));
  const row = Math.max(0, Math.min(4, Math.floor(((py - plot.y) / plot.height) * 5)));
  return { x: col - 2, y: 5 - row };
}

function sizeFactor(p: MatrixPerson, sizeBy: SizeBy): number {
  const v = sizeBy === 'coverage' ? COVERAGE_SCALE[p.coverage] ?? 0 : (p.temperature ?? 0) / 100;
  return 0.55 + 0.45 * Math.max(0, Math.min(1, v));
}

/** The least height of a slot when the people of a neutral cell are stacked in one column. */
const MIN_STACKED_SLOT = 28;

/**
 * The slots of `n` people in a cell: a grid of as many columns as keeps the slots about square,
 * never more columns than people (one person sits at the centre, not in the left half of two
 * columns), the last row centred when it is not full. In the neutral column (`onAxis`), people
 * are stacked on the axis while they fit, so that nobody neutral is drawn in the skeptic or
 * supporter half. `r` is the largest radius a slot holds.
 */
export function slots(rect: Rect, n: number, onAxis = false): { cx: number; cy: number }[] & { r: number; labelled: boolean } {
  const count = Math.max(1, n);
  const stacked = onAxis && rect.height / count >= MIN_STACKED_SLOT;
  const cols = stacked ? 1 : Math.max(1, Math.min(count, Math.ceil(Math.sqrt((count * rect.width) / rect.height))));
  const rows = Math.ceil(count / cols);
  const slotW = rect.width / cols;
  const slotH = rect.height / rows;
  const labelled = count <= 4 && slotH >= 34;
  const r = Math.min(slotW / 2 - 2, (labelled ? slotH - 14 : slotH) / 2 - 2);
  const out = [] as unknown as { cx: number; cy: number }[] & { r: number; labelled: boolean };
  for (let i = 0; i < count; i++) {
    const row = Math.floor(i / cols);
    const inRow = row === rows - 1 ? count - row * cols : cols;
    const col = i % cols;
    // A short last row is centred: its slots shift by half the missing slots.
    const cx = rect.x + slotW * (col + 0.5 + (cols - inRow) / 2);
    const cy = rect.y + slotH * (row + 0.5) - (labelled ? 6 : 0);
    out.push({ cx, cy });
  }
  out.r = r;
  out.labelled = labelled;
  return out;
}

export function layoutMatrix(model: MatrixModel, options: LayoutOptions): MatrixLayout {
  const width = Math.max(240, options.width);
  const height = Math.max(200, options.height);
  const plot: Rect = { x: MARGIN.left, y: MARGIN.top, width: width - MARGIN.left - MARGIN.right, height: height - MARGIN.top - MARGIN.bottom };
  const cell = { width: plot.width / 5, height: plot.height / 5 };
  // Quadrants span the half-planes either side of the axes (x = 0, influence = 3).
  const half = { w: plot.width * 0.4, h: plot.height * 0.4 };
  const quadrants: MatrixLayout['quadrants'] = [
    { id: 'champions', rect: { x: plot.x + plot.width - half.w, y: plot.y, width: half.w, height: half.h } },
    { id: 'blockers', rect: { x: plot.x, y: plot.y, width: half.w, height: half.h } },
    { id: 'fans', rect: { x: plot.x + plot.width - half.w, y: plot.y + plot.height - half.h, width: half.w, height: half.h } },
    { id: 'naysayers', rect: { x: plot.x, y: plot.y + plot.height - half.h, width: half.w, height: half.h } },
  ];

  const byCell = new Map<string, MatrixPerson[]>();
  const unplaced: MatrixPerson[] = [];
  for (const p of model.people) {
    if (!p.position) {
      unplaced.push(p);
      continue;
    }
    const key = `${p.position.x},${p.position.y}`;
    byCell.set(key, [...(byCell.get(key) ?? []), p]);
  }

  const markers: MarkerLayout[] = [];
  const maxR = Math.min(cell.width, cell.height) * 0.22;
  // Where a person alone in a cell sits: its centre (raised a little when the name goes below).
  // Target arrows and "previous position" circles point at the same spot.
  const solo = (pos: Position) => slots(cellRect(plot, pos), 1)[0];
  const cxcy = (s: { cx: number; cy: number }) => ({ cx: s.cx, cy: s.cy });
  for (const [key, people] of byCell) {
    const [x, y] = key.split(',').map(Number);
    const rect = cellRect(plot, { x, y });
    const placed = slots(rect, people.length, x === 0);
    const slotR = Math.min(maxR, placed.r);
    people.forEach((p, i) => {
      const { cx, cy } = placed[i];
      const target = p.target ? solo(p.target) : undefined;
      const previous = p.previous ? solo(p.previous) : undefined;
      markers.push({
        person: p, cx, cy, r: Math.max(2, slotR * sizeFactor(p, options.sizeBy)), showLabel: placed.labelled,
        target: target && { cx: target.cx, cy: target.cy },
        previous: previous && { cx: previous.cx, cy: previous.cy },
        ...(p.trail?.length ? { trail: p.trail.map((t) => ({ ...cxcy(solo(t.position)), ...(t.date ? { date: t.date } : {}) })) } : {}),
      });
    });
  }
  markers.sort((a, b) => a.person.id.localeCompare(b.person.id));
  return { width, height, plot, cell, quadrants, markers, unplaced };
}
