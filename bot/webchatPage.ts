// The local web chat page in the person's words: web/index.html marks each piece of text with {{key}} (a key of
// content/locales/en.json's `web` group), filled here in the page's locale; the words web/client.js says itself
// travel in the page as a JSON block it reads (a data block, so the page's script-src 'self' still holds).
import fs from 'node:fs';
import { currentCatalogues, DEFAULT_LOCALE, localeChain, t, type MessageKey } from '../services/catalogue';
import type { Role } from '../services/people';

/** The words web/client.js shows: its problems, and the send box's placeholder and button (Web Chat's own strings). */
const CLIENT_WORDS: Record<string, MessageKey> = {
  signInNeeded: 'web.signInNeeded',
  sendFailed: 'web.sendFailed',
  stillAnswering: 'web.stillAnswering',
  noAnswer: 'web.noAnswer',
  startFailed: 'web.startFailed',
  windowFailed: 'web.windowFailed',
  notAnswering: 'web.notAnswering',
  placeholder: 'web.placeholder',
  send: 'web.send',
  inputLabel: 'web.inputLabel',
};

/** What each role is for, one line on the picker. */
const ROLE_WORDS: Record<Role, MessageKey> = {
  psw: 'web.roles.psw',
  newhire: 'web.roles.newhire',
  supervisor: 'web.roles.supervisor',
  admin: 'web.roles.admin',
};

export function roleDescription(role: Role, locale: string): string {
  return t(ROLE_WORDS[role], {}, locale);
}

/**
 * The page's locale from the browser's Accept-Language: the first language a catalogue other than English speaks
 * (fr-CA, fr), else Canadian English — so an en-US browser reads the catalogue's own English ("a, b and c").
 */
export function pageLocale(acceptLanguage: string | undefined): string {
  const catalogues = currentCatalogues();
  for (const part of (acceptLanguage ?? '').split(',')) {
    const tag = part.split(';')[0]!.trim();
    if (!tag || tag === '*') continue;
    const chain = localeChain(tag);
    if (chain.some((c) => c !== 'en' && catalogues.has(c))) return chain[0]!;
  }
  return DEFAULT_LOCALE;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** A message as HTML: escaped, with `code` as <code>. */
function html(key: MessageKey, locale: string): string {
  return escapeHtml(t(key, {}, locale)).replace(/`([^`]+)`/g, '<code>$1</code>');
}

let template: string | undefined;

/** web/index.html with every {{key}} filled in `locale`, and the client's words as a JSON block. */
export function renderPage(file: string, locale: string): string {
  template ??= fs.readFileSync(file, 'utf8');
  const words = Object.fromEntries(Object.entries(CLIENT_WORDS).map(([name, key]) => [name, t(key, {}, locale)]));
  // '<' is written as \u003c so no message can close the block.
  const json = JSON.stringify({ locale, words }).replace(/</g, '\\u003c');
  return template
    .replace('{{lang}}', escapeHtml(locale))
    .replace('{{pageWords}}', json)
    .replace(/\{\{(web\.[\w.]+)\}\}/g, (_, key: string) => html(key as MessageKey, locale));
}
