/**
 * The influence–support matrix inside the webview: draws the core's layout as SVG, follows the
 * editor theme, and lets the user drag a marker to another cell (or move it with the arrow keys).
 * It only posts intentions; the extension validates them and edits the files.
 *
 * Keyboard and pointer: Tab reaches each marker; the arrow keys move the focused marker one step
 * at a time and the marker keeps the focus and the selection when the matrix is redrawn with the
 * move; Enter (or Space) opens the person; Escape leaves the marker (focus goes to the plot).
 * A click selects and focuses a marker without leaving the panel; a double-click opens the person.
 * Ctrl+Z / Ctrl+Shift+Z (Cmd on a Mac) undo and redo the last move made here (see keys.ts).
 */
import { layoutMatrix, positionAt, type MatrixLayout } from '../core/matrix/layout.js';
import { renderMatrixSvg } from '../core/matrix/svg.js';
import type { MatrixPerson } from '../core/matrix/model.js';
import { stanceAt } from '../core/model/placement.js';
import { cardHtml, sideHtml } from './html.js';
import { historyKey, markerKey } from './keys.js';
import type { FromWebview, ToWebview } from './messages.js';

declare function acquireVsCodeApi(): { postMessage(message: FromWebview): void; getState(): unknown; setState(state: unknown): void };

const vscode = acquireVsCodeApi();
const root = document.getElementById('matrix')!;
const card = document.getElementById('card')!;
const side = document.getElementById('side')!;
let state: ToWebview | undefined;
let layout: MatrixLayout | undefined;
let selected: string | undefined = (vscode.getState() as { selected?: string } | undefined)?.selected;
/** The marker under the pointer or focused, so a redraw keeps its card open. */
let carded: string | undefined;
let lastMessage = '';

const post = (m: FromWebview) => vscode.postMessage(m);
const mac = /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);
// The plot can hold the focus (Escape puts it there), but Tab does not stop on it.
root.tabIndex = -1;

/** The marker of a person in the current drawing. */
function markerOf(id: string | undefined): SVGGElement | undefined {
  if (id === undefined) return undefined;
  return [...root.querySelectorAll<SVGGElement>('.kp-person')].find((g) => g.dataset.person === id);
}

/** The person whose marker has the focus, if one has. */
function focusedPerson(): string | undefined {
  const active = document.activeElement;
  return active instanceof SVGGElement && active.classList.contains('kp-person') && root.contains(active) ? active.dataset.person : undefined;
}

function render(): void {
  if (!state) return;
  // Redrawing replaces every marker: the focused one gets the focus back (so that the arrow keys
  // go on moving it after the redraw that shows its move).
  const focused = focusedPerson();
  const width = Math.max(280, Math.min(root.clientWidth || 720, 900));
  const height = Math.round(Math.max(260, Math.min(width * 0.78, 700)));
  layout = layoutMatrix(state.model, { width, height, sizeBy: state.sizeBy });
  root.innerHTML = renderMatrixSvg(state.model, layout, { locale: state.locale, standalone: false });
  for (const g of root.querySelectorAll<SVGGElement>('.kp-person')) {
    const id = g.dataset.person!;
    if (id === selected) g.classList.add('kp-selected');
    g.addEventListener('pointerenter', () => showCard(id, g));
    g.addEventListener('pointerleave', () => {
      if (focusedPerson() !== id) hideCard();
    });
    if (id === carded) showCard(id, g);
    g.addEventListener('focus', () => {
      select(id);
      showCard(id, g);
    });
    g.addEventListener('blur', hideCard);
    g.addEventListener('keydown', (e) => onKey(e, id));
    g.addEventListener('pointerdown', (e) => startDrag(e, id, g));
    g.addEventListener('dblclick', (e) => {
      e.preventDefault();
      post({ type: 'open', person: id });
    });
  }
  if (focused !== undefined) markerOf(focused)?.focus({ preventScroll: true });
  renderSide();
}

function renderSide(): void {
  if (!state || !layout) return;
  // The side panel is drawn anew: a control that had the focus (the date slider moved with the
  // arrow keys, the trail toggle) gets it back.
  const active = document.activeElement;
  const focusedControl = active instanceof HTMLElement && side.contains(active) && active.id ? active.id : undefined;
  side.innerHTML = sideHtml(state, layout);
  if (focusedControl) side.querySelector<HTMLElement>(`#${CSS.escape(focusedControl)}`)?.focus({ preventScroll: true });
  side.querySelector<HTMLSelectElement>('#size-by')!.addEventListener('change', (e) => post({ type: 'sizeBy', value: (e.target as HTMLSelectElement).value as 'temperature' | 'coverage' }));
  side.querySelector<HTMLInputElement>('#at')?.addEventListener('change', (e) => post({ type: 'at', index: Number((e.target as HTMLInputElement).value) }));
  side.querySelector<HTMLInputElement>('#trail')?.addEventListener('change', (e) => post({ type: 'trail', value: (e.target as HTMLInputElement).checked }));
  side.querySelector<HTMLButtonElement>('#open-map')?.addEventListener('click', () => post({ type: 'openMap' }));
  for (const b of side.querySelectorAll<HTMLButtonElement>('[data-open]')) b.addEventListener('click', () => post({ type: 'open', person: b.dataset.open! }));
}

function person(id: string): MatrixPerson | undefined {
  return state?.model.people.find((p) => p.id === id);
}

function select(id: string): void {
  selected = id;
  vscode.setState({ selected });
  for (const g of root.querySelectorAll<SVGGElement>('.kp-person')) g.classList.toggle('kp-selected', g.dataset.person === id);
}

function showCard(id: string, anchor: Element): void {
  const p = person(id);
  if (!p || !state) return;
  carded = id;
  card.innerHTML = cardHtml(p, state.strings, state.locale);
  // Beside the marker (right, left, below or above, in that order of preference): where it fits in
  // the window and covers the fewest other markers. It never covers the marker it describes.
  const box = anchor.getBoundingClientRect();
  const host = root.getBoundingClientRect();
  card.hidden = false;
  const width = card.offsetWidth;
  const height = card.offsetHeight;
  const middle = (box.left + box.right) / 2 - host.left;
  const spots = [
    { left: box.right - host.left + 8, top: box.top - host.top },
    { left: box.left - host.left - 8 - width, top: box.top - host.top },
    { left: middle - width / 2, top: box.bottom - host.top + 8 },
    { left: middle - width / 2, top: box.top - host.top - 8 - height },
  ];
  const others = [...root.querySelectorAll<SVGGElement>('.kp-person')].filter((g) => g !== anchor).map((g) => g.getBoundingClientRect());
  const cost = (spot: { left: number; top: number }) => {
    const l = host.left + spot.left;
    const t = host.top + spot.top;
    const outside = l < 0 || t < 0 || l + width > window.innerWidth || t + height > window.innerHeight || spot.left + width > Math.max(host.width, window.innerWidth - host.left);
    const covered = others.filter((o) => o.left < l + width && l < o.right && o.top < t + height && t < o.bottom).length;
    return (outside ? 1000 : 0) + covered;
  };
  const best = spots.reduce((a, b) => (cost(b) < cost(a) ? b : a));
  card.style.left = `${Math.max(0, best.left)}px`;
  card.style.top = `${Math.max(0, best.top)}px`;
}

function hideCard(): void {
  carded = undefined;
  card.hidden = true;
}

/** At a past commit the matrix is read-only: no drag, no arrow-key move. */
const past = () => !!state?.timeline && state.timeline.at < state.timeline.revisions.length;

function move(id: string, dx: number, dy: number): void {
  if (past()) return;
  const p = person(id);
  if (!p?.position) return;
  const x = Math.max(-2, Math.min(2, p.position.x + dx));
  const y = Math.max(1, Math.min(5, p.position.y + dy));
  if (x === p.position.x && y === p.position.y) return;
  post({ type: 'move', person: id, stance: stanceAt(x), influence: y });
}

function onKey(e: KeyboardEvent, id: string): void {
  const action = markerKey(e, mac);
  if (!action || action.type === 'undo' || action.type === 'redo') return; // undo and redo: the window's handler
  e.preventDefault();
  e.stopPropagation();
  if (action.type === 'open') post({ type: 'open', person: id });
  else if (action.type === 'move') move(id, action.dx, action.dy);
  else leave();
}

/** Escape: no marker selected any more, no card, the focus on the plot (Tab goes on from there). */
function leave(): void {
  selected = undefined;
  vscode.setState({ selected });
  for (const g of root.querySelectorAll<SVGGElement>('.kp-person')) g.classList.remove('kp-selected');
  hideCard();
  root.focus({ preventScroll: true });
}

window.addEventListener('keydown', (e) => {
  const action = historyKey(e, mac);
  if (!action) return;
  // The size selector keeps its own keys; anywhere else in the panel they undo and redo moves.
  if (e.target instanceof HTMLSelectElement) return;
  e.preventDefault();
  post({ type: action.type as 'undo' | 'redo' });
});

function startDrag(e: PointerEvent, id: string, g: SVGGElement): void {
  const p = person(id);
  const svg = root.querySelector('svg');
  if (!p?.position || !svg || !layout || e.button !== 0) return;
  if (past()) {
    select(id);
    g.focus({ preventScroll: true });
    return;
  }
  e.preventDefault();
  select(id);
  const start = { x: e.clientX, y: e.clientY };
  let moved = false;
  const toSvg = (ev: PointerEvent) => {
    const pt = new DOMPoint(ev.clientX, ev.clientY).matrixTransform(svg.getScreenCTM()!.inverse());
    return { x: pt.x, y: pt.y };
  };
  const onMove = (ev: PointerEvent) => {
    if (Math.hypot(ev.clientX - start.x, ev.clientY - start.y) > 4) moved = true;
    if (moved) g.setAttribute('transform', `translate(${ev.clientX - start.x} ${ev.clientY - start.y})`);
  };
  const onUp = (ev: PointerEvent) => {
    window.removeEventListener('pointermove', onMove);
    window.removeEventListener('pointerup', onUp);
    g.removeAttribute('transform');
    // A click or a drop selects the marker and gives it the focus, in the panel: the arrow keys
    // then move it. Opening the person is Enter or a double-click.
    g.focus({ preventScroll: true });
    if (!moved) return;
    const at = toSvg(ev);
    const cell = positionAt(layout!.plot, at.x, at.y);
    if (cell.x !== p.position!.x || cell.y !== p.position!.y) post({ type: 'move', person: id, stance: stanceAt(cell.x), influence: cell.y });
  };
  window.addEventListener('pointermove', onMove);
  window.addEventListener('pointerup', onUp);
}

window.addEventListener('message', (event: MessageEvent<ToWebview>) => {
  if (event.data?.type !== 'model') return;
  // The same model again (e.g. after a save that changed nothing here): nothing to redraw.
  const text = JSON.stringify(event.data);
  if (text === lastMessage) return;
  lastMessage = text;
  state = event.data;
  if (!state.model.people.length) root.textContent = state.strings.empty;
  else render();
});
// Redraw when the panel's width changes (the height follows the width, so watching it would loop).
let lastWidth = 0;
new ResizeObserver(() => {
  if (root.clientWidth === lastWidth) return;
  lastWidth = root.clientWidth;
  render();
}).observe(root);
post({ type: 'ready' });
