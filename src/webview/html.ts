/**
 * The webview's HTML around the matrix: the side panel (legend, unplaced people) and the card
 * shown for a marker. Pure functions of the model, so that tests can check the markup: every piece
 * of plan text is escaped, attribute values are quoted, and nothing from a plan can add an
 * element, an attribute or an event handler.
 */
import type { MatrixLayout } from '../core/matrix/layout.js';
import { escapeXml } from '../core/matrix/svg.js';
import type { MatrixPerson } from '../core/matrix/model.js';
import type { MatrixStrings, ToWebview } from './messages.js';
import { word } from '../core/i18n/vocabulary.js';
import type { Locale } from '../core/i18n/locale.js';

const ROLE_CLASSES = new Set(['EB', 'TB', 'UB', 'Coach']);

export function sideHtml(state: ToWebview, layout: MatrixLayout): string {
  const s = state.strings;
  const roles = ['EB', 'TB', 'UB', 'Coach', 'other']
    .map((r) => `<li><span class="kp-swatch kp-role-${r}"></span>${escapeXml(s.roles[r] ?? r)}</li>`)
    .join('') + `<li><span class="kp-swatch kp-swatch-split"></span>${escapeXml(s.severalRoles)}</li>`;
  const unplaced = layout.unplaced.length
    ? `<h3>${escapeXml(s.unplaced)} (${layout.unplaced.length})</h3><ul class="kp-unplaced">${layout.unplaced
        .map((p) => `<li><button data-open="${escapeXml(p.id)}">${escapeXml(p.name)}</button> <span class="kp-dim">${escapeXml(word('stance', p.stance, state.locale))} · ${escapeXml(p.influence ?? '?')}</span></li>`)
        .join('')}</ul>`
    : '';
  return `
    <h3>${escapeXml(s.legendTitle)}</h3><ul class="kp-legend">${roles}</ul>
    <p class="kp-dim">${escapeXml(s.target)} · ${escapeXml(s.previous)}</p>
    <label>${escapeXml(s.sizeBy)}
      <select id="size-by">
        <option value="temperature"${state.sizeBy === 'temperature' ? ' selected="selected"' : ''}>${escapeXml(s.temperature)}</option>
        <option value="coverage"${state.sizeBy === 'coverage' ? ' selected="selected"' : ''}>${escapeXml(s.coverage)}</option>
      </select></label>
    ${state.trail === undefined ? '' : `<label class="kp-toggle"><input type="checkbox" id="trail"${state.trail ? ' checked="checked"' : ''}/> ${escapeXml(s.historyTrail)}</label>`}
    ${timelineHtml(state)}
    ${unplaced}
    <p class="kp-dim">${escapeXml(s.hint)}</p>
    <p><button id="open-map">${escapeXml(s.openMap)}</button></p>`;
}

/** The date slider: one stop per commit that changed the account, and now; the shown commit's date and subject. */
export function timelineHtml(state: ToWebview): string {
  const tl = state.timeline;
  if (!tl || !tl.revisions.length) return '';
  const s = state.strings;
  const max = tl.revisions.length;
  const at = Math.max(0, Math.min(max, Math.floor(tl.at)));
  const rev = tl.revisions[at];
  const caption = rev ? `${escapeXml(rev.date)} · ${escapeXml(rev.subject)}` : escapeXml(s.now);
  return `<label class="kp-timeline">${escapeXml(s.timeline)}
      <input type="range" id="at" min="0" max="${max}" step="1" value="${at}"/></label>
    <p class="kp-dim kp-at">${caption}${rev ? ` <br/><b>${escapeXml(s.past)}</b>` : ''}</p>`;
}

/** A marker's card; values (stance, coverage, channel, cadence state, temperature) in the vocabulary's words. */
export function cardHtml(p: MatrixPerson, s: MatrixStrings, locale: Locale = 'en'): string {
  const last = p.lastInteraction?.split(' ');
  // Every known buying role in its colour (as on the marker); any other role text stays text.
  const roleClass = (r: string) => (ROLE_CLASSES.has(r) ? r : 'other');
  return `
    <strong>${escapeXml(p.name)}</strong>${p.title ? ` <span class="kp-dim">${escapeXml(p.title)}</span>` : ''}
    <div>${p.roles.map((r) => `<span class="kp-badge kp-role-${roleClass(r)}">${escapeXml(r)}</span>`).join(' ')}</div>
    <div>${escapeXml(s.stance)}: ${escapeXml(word('stance', p.stance, locale))} · ${escapeXml(s.influence)}: ${escapeXml(p.influence ?? '?')} · ${escapeXml(s.coverageLabel)}: ${escapeXml(word('coverage', p.coverage, locale))}</div>
    <div>${escapeXml(s.lastInteraction)}: ${escapeXml(last ? `${last[0]} ${word('channel', last.slice(1).join(' '), locale)}` : '—')}</div>
    <div>${escapeXml(s.cadence)}: <b>${escapeXml(word('cadence', p.cadenceState, locale))}</b> · ${escapeXml(s.temperature)} ${escapeXml(p.temperature ?? '?')} (${escapeXml(p.temperatureBand ? word('temperature', p.temperatureBand, locale) : '')})</div>
    <div class="kp-dim kp-explain">${escapeXml(p.explanation)}</div>`;
}
