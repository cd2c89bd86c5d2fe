/**
 * The decision-chain map inside the webview: draws the core's layout and SVG (the same as
 * `keyplan map --svg`), styled with the editor theme. It only posts intentions; the extension
 * validates them and edits the files.
 *
 * Pointer and keyboard: hovering (or focusing, with Tab) a card shows the person card; a click
 * selects a card; Enter or a double-click opens the person; Escape leaves the card. Dragging a card
 * onto another asks for the dragged person to report to the other (the extension refuses it if the
 * workspace changed since this drawing, or if it would close a reporting cycle). Ctrl+Z /
 * Ctrl+Shift+Z (Cmd on a Mac) undo and redo the last change made here. The toolbar hides or shows
 * the informal lines, highlights the paths to the decision, and opens the account's matrix.
 */
import { layoutMap, type MapLayout } from '../core/map/layout.js';
import { renderMapSvg } from '../core/map/svg.js';
import { historyKey, markerKey } from './keys.js';
import { mapCardHtml, mapSideHtml, mapToolbarHtml } from './map-html.js';
import type { FromWebview, ToWebview } from './map-messages.js';

declare function acquireVsCodeApi(): { postMessage(message: FromWebview): void; getState(): unknown; setState(state: unknown): void };

const vscode = acquireVsCodeApi();
const root = document.getElementById('map')!;
const card = document.getElementById('card')!;
const side = document.getElementById('side')!;
const toolbar = document.getElementById('toolbar')!;
let state: ToWebview | undefined;
let layout: MapLayout | undefined;
const saved = (vscode.getState() as { selected?: string; showPaths?: boolean } | undefined) ?? {};
let selected: string | undefined = saved.selected;
let showPaths = saved.showPaths ?? true;
let carded: string | undefined;
let lastMessage = '';

const post = (m: FromWebview) => vscode.postMessage(m);
const mac = /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);
root.tabIndex = -1;
const remember = () => vscode.setState({ selected, showPaths });

const nodes = () => [...root.querySelectorAll<SVGGElement>('g.kp-node')];
const nodeOf = (id: string | undefined) => (id === undefined ? undefined : nodes().find((g) => g.dataset.person === id));

function focusedPerson(): string | undefined {
  const active = document.activeElement;
  return active instanceof SVGGElement && active.classList.contains('kp-node') && root.contains(active) ? active.dataset.person : undefined;
}

function render(): void {
  if (!state) return;
  const focused = focusedPerson();
  layout = layoutMap(state.model);
  root.innerHTML = renderMapSvg(state.model, layout, { locale: state.locale, standalone: false });
  // As wide as the panel, never wider than drawn (no blown-up text), never below 60 % (legible
  // names; a larger map scrolls sideways instead).
  const svg = root.querySelector('svg');
  if (svg) {
    svg.style.maxWidth = `${layout.width}px`;
    svg.style.minWidth = `${Math.round(layout.width * 0.6)}px`;
  }
  root.classList.toggle('kp-hide-informal', !state.showInformal);
  root.classList.toggle('kp-show-paths', showPaths);
  for (const g of nodes()) {
    const id = g.dataset.person!;
    if (id === selected) g.classList.add('kp-selected');
    g.addEventListener('pointerenter', () => showCard(id, g));
    g.addEventListener('pointerleave', () => {
      if (focusedPerson() !== id) hideCard();
    });
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
    if (id === carded) showCard(id, g);
  }
  if (focused !== undefined) nodeOf(focused)?.focus({ preventScroll: true });
  toolbar.innerHTML = mapToolbarHtml(state, showPaths);
  toolbar.querySelector<HTMLInputElement>('#informal')!.addEventListener('change', (e) => post({ type: 'informal', show: (e.target as HTMLInputElement).checked }));
  toolbar.querySelector<HTMLInputElement>('#paths')!.addEventListener('change', (e) => {
    showPaths = (e.target as HTMLInputElement).checked;
    remember();
    root.classList.toggle('kp-show-paths', showPaths);
  });
  toolbar.querySelector<HTMLButtonElement>('#open-matrix')!.addEventListener('click', () => post({ type: 'openMatrix' }));
  side.innerHTML = mapSideHtml(state);
  // Pointing at a path in the list highlights its lines on the map.
  for (const li of side.querySelectorAll<HTMLLIElement>('li[data-target]')) {
    li.addEventListener('pointerenter', () => focusPath(li.dataset.target!));
    li.addEventListener('pointerleave', () => focusPath(undefined));
  }
}

function focusPath(target: string | undefined): void {
  const path = state?.model.paths.find((p) => p.target === target);
  const on = new Set((path?.steps ?? []).map((s) => (s.direction === 'down' ? `${s.kind} ${s.to} ${s.from}` : `${s.kind} ${s.from} ${s.to}`)));
  for (const e of root.querySelectorAll<SVGPathElement>('path.kp-edge')) e.classList.toggle('kp-path-focus', on.has(`${e.dataset.kind} ${e.dataset.from} ${e.dataset.to}`));
  for (const g of nodes()) g.classList.toggle('kp-path-focus', g.dataset.person === target || g.dataset.person === path?.from);
}

function select(id: string | undefined): void {
  selected = id;
  remember();
  for (const g of nodes()) g.classList.toggle('kp-selected', g.dataset.person === id);
}

function showCard(id: string, anchor: Element): void {
  const n = state?.model.nodes.find((x) => x.id === id);
  if (!n || !state) return;
  carded = id;
  card.innerHTML = mapCardHtml(n, state);
  card.hidden = false;
  // Right of the card, or left, or below, where it fits in the window; never over the card it describes.
  const box = anchor.getBoundingClientRect();
  const host = root.parentElement!.getBoundingClientRect();
  const width = card.offsetWidth;
  const height = card.offsetHeight;
  const spots = [
    { left: box.right + 8, top: box.top },
    { left: box.left - 8 - width, top: box.top },
    { left: box.left, top: box.bottom + 8 },
    { left: box.left, top: box.top - 8 - height },
  ];
  const fits = (s: { left: number; top: number }) => s.left >= 0 && s.top >= 0 && s.left + width <= window.innerWidth && s.top + height <= window.innerHeight;
  const best = spots.find(fits) ?? spots[2];
  card.style.left = `${Math.max(0, best.left - host.left)}px`;
  card.style.top = `${Math.max(0, best.top - host.top)}px`;
}

function hideCard(): void {
  carded = undefined;
  card.hidden = true;
}

function onKey(e: KeyboardEvent, id: string): void {
  const action = markerKey(e, mac);
  if (!action || action.type === 'undo' || action.type === 'redo' || action.type === 'move') return;
  e.preventDefault();
  e.stopPropagation();
  if (action.type === 'open') post({ type: 'open', person: id });
  else {
    select(undefined);
    hideCard();
    root.focus({ preventScroll: true });
  }
}

window.addEventListener('keydown', (e) => {
  const action = historyKey(e, mac);
  if (!action || e.target instanceof HTMLInputElement) return;
  e.preventDefault();
  post({ type: action.type as 'undo' | 'redo' });
});

/** The card under a point of the window, other than the dragged one. */
function dropTarget(x: number, y: number, dragged: string): string | undefined {
  for (const el of document.elementsFromPoint(x, y)) {
    const g = el.closest?.('g.kp-node') as SVGGElement | null;
    if (g && g.dataset.person !== dragged) return g.dataset.person;
  }
  return undefined;
}

function startDrag(e: PointerEvent, id: string, g: SVGGElement): void {
  if (e.button !== 0 || !state) return;
  e.preventDefault();
  select(id);
  const revision = state.revision;
  const start = { x: e.clientX, y: e.clientY };
  let moved = false;
  let over: string | undefined;
  const scale = () => {
    const svg = root.querySelector('svg');
    const ctm = svg?.getScreenCTM();
    return ctm ? ctm.a || 1 : 1;
  };
  const onMove = (ev: PointerEvent) => {
    if (Math.hypot(ev.clientX - start.x, ev.clientY - start.y) > 4) moved = true;
    if (!moved) return;
    hideCard();
    g.classList.add('kp-dragging');
    const k = scale();
    g.setAttribute('transform', `translate(${(ev.clientX - start.x) / k} ${(ev.clientY - start.y) / k})`);
    const target = dropTarget(ev.clientX, ev.clientY, id);
    if (target !== over) {
      nodeOf(over)?.classList.remove('kp-drop');
      over = target;
      nodeOf(over)?.classList.add('kp-drop');
    }
  };
  const onUp = () => {
    window.removeEventListener('pointermove', onMove);
    window.removeEventListener('pointerup', onUp);
    g.removeAttribute('transform');
    g.classList.remove('kp-dragging');
    nodeOf(over)?.classList.remove('kp-drop');
    // The pointer left the dragged card without a pointerleave (it let the pointer through): its card goes.
    if (moved) hideCard();
    g.focus({ preventScroll: true });
    if (moved && over !== undefined) post({ type: 'reparent', person: id, manager: over, revision });
  };
  window.addEventListener('pointermove', onMove);
  window.addEventListener('pointerup', onUp);
}

window.addEventListener('message', (event: MessageEvent<ToWebview>) => {
  if (event.data?.type !== 'model') return;
  const text = JSON.stringify(event.data);
  if (text === lastMessage) return;
  lastMessage = text;
  state = event.data;
  if (!state.model.nodes.length) {
    root.textContent = state.strings.empty;
    toolbar.textContent = '';
    side.textContent = '';
  } else render();
});
post({ type: 'ready' });
