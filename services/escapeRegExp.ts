/**
 * `s` with the characters a regular expression reads as syntax escaped, so it matches itself: known names, keep-list
 * phrases, facility names said again, onboarding answers, button titles in tests. It imports nothing, so any module can
 * read it (the de-identifier's keep-list loads before patterns.ts, its earlier home).
 */
export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
