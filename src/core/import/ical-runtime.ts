/**
 * ical.js, for reading a calendar file (import only). It imports nothing else: the bundles load it
 * only when a calendar is read (`LAZY_MODULES` in scripts/lazy-core.mjs), never for a check.
 */
export { default as ICAL } from 'ical.js';
