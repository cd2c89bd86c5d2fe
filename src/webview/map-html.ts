/**
 * The map webview's HTML around the SVG: the toolbar (informal lines, paths, the matrix link),
 * the paths to the decision in words, and the person card shown on hover (the matrix card's look).
 * Pure functions of the model, so that tests can check the markup: every piece of plan text is
 * escaped and attribute values are quoted.
 */
import { t } from '../core/i18n/catalogue.js';
import { word } from '../core/i18n/vocabulary.js';
import { escapeXml } from '../core/matrix/svg.js';
import type { MapNode } from '../core/map/model.js';
import { pathText } from '../core/map/text.js';
import type { ToWebview } from './map-messages.js';

const ROLE_CLASSES = new Set(['EB', 'TB', 'UB', 'Coach']);

export function mapToolbarHtml(state: ToWebview, showPaths: boolean): string {
  const s = state.strings;
  return `
    <label><input type="checkbox" id="informal"${state.showInformal ? ' checked="checked"' : ''} /> ${escapeXml(s.informal)}</label>
    <label><input type="checkbox" id="paths"${showPaths ? ' checked="checked"' : ''} /> ${escapeXml(s.paths)}</label>
    <button id="open-matrix" class="kp-link">${escapeXml(s.openMatrix)}</button>`;
}

export function mapSideHtml(state: ToWebview): string {
  const s = state.strings;
  const m = state.model;
  const names = new Map(m.nodes.map((n) => [n.id, n.name]));
  const paths = m.paths.length
    ? `<ul class="kp-paths">${m.paths
        .map((p) => `<li data-target="${escapeXml(p.target)}"${p.from === undefined ? ' class="kp-no-path"' : ''}>${escapeXml(pathText(p, names, state.locale))}</li>`)
        .join('')}</ul>`
    : `<p class="kp-dim">${escapeXml(s.noPath)}</p>`;
  return `<h3>${escapeXml(s.paths)}</h3>${paths}<p class="kp-dim">${escapeXml(s.hint)}</p>`;
}

export function mapCardHtml(n: MapNode, state: ToWebview): string {
  const s = state.strings;
  const L = state.locale;
  const roleClass = (r: string) => (ROLE_CLASSES.has(r) ? r : 'other');
  const marks = n.marks.map((m) => t(L, `map.mark.${m}`));
  const stage = n.stage || n.targetStage ? `<div>${escapeXml(s.stage)}: ${escapeXml(n.stage ?? '?')}${n.targetStage ? ` → ${escapeXml(n.targetStage)}` : ''}</div>` : '';
  return `
    <strong>${escapeXml(n.name)}</strong>${n.title ? ` <span class="kp-dim">${escapeXml(n.title)}</span>` : ''}
    <div>${n.roles.map((r) => `<span class="kp-badge kp-role-${roleClass(r)}">${escapeXml(r)}</span>`).join(' ')}</div>
    <div>${escapeXml(s.stance)}: ${escapeXml(word('stance', n.stance, L))} · ${escapeXml(s.influence)}: ${escapeXml(n.influence ?? '?')} · ${escapeXml(s.coverageLabel)}: ${escapeXml(n.coverage)}</div>
    <div>${escapeXml(s.cadence)}: <b>${escapeXml(n.cadenceState)}</b> · ${escapeXml(s.temperature)} ${escapeXml(n.temperature ?? '?')}${n.temperatureBand ? ` (${escapeXml(n.temperatureBand)})` : ''}</div>
    ${stage}
    ${marks.length ? `<div class="kp-marks">${marks.map((m) => `<span class="kp-mark">${escapeXml(m)}</span>`).join(' ')}</div>` : ''}`;
}
