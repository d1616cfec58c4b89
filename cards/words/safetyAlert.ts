// A safety alert, and what its PSW is told of it (services/safety/delivery.ts decides who and when), in the reader's
// words as it is sent: the sentences from the catalogue (safety.alert.*); the kinds' labels and the PSW's notices
// from the organisation's protocol (content, SAFETY_PROTOCOL_FILE).
import { currentLocale, localeChain, t } from '../../services/catalogue';
import type { SafetyProtocol } from '../../services/content';
import type { InLine, SafetyAlertNotice, SafetyAlertUpdate } from '../../services/safety/alerts';
import { audienceOf, contactsFor, fillWho, kindLabel, orderKinds } from '../../services/safety/protocol';

/** What the person alerted reads: who, the client's kinds (and whether the PSW needs support too), never their words. */
export function safetyAlertText(protocol: SafetyProtocol, alert: SafetyAlertNotice): string {
  const who = alert.who ?? t('safety.alert.someone');
  const client = alert.categories.filter((k) => audienceOf(k, protocol) === 'client');
  const own = alert.categories.some((k) => audienceOf(k, protocol) === 'psw');
  const passOn = alert.forwarded ? [t('safety.alert.forwarded')] : [];
  // Their own supervisor acknowledges it in `flags` (the weekly digest lists it until then); the next in line has no such list.
  const end = [t('safety.alert.noneOfTheirWords'), alert.forwarded ? t('safety.alert.checkIn') : t('safety.alert.checkInThenFlags')];
  if (!client.length) return [t('safety.alert.ownSupport', { who }), ...passOn, ...end].join(' ');
  const kinds = kindList(orderKinds(protocol, client).map((k) => kindLabel(k, protocol)));
  const concern = alert.clientCode ? t('safety.alert.concernAbout', { who, kinds, clientCode: alert.clientCode }) : t('safety.alert.concern', { who, kinds });
  return [concern, ...(own ? [t('safety.alert.themselvesToo')] : []), ...passOn, ...end].join(' ');
}

/** What the PSW reads: it reached someone; or it couldn't, who is tried next, and (the first time) whom to call. */
export function safetyAlertUpdateText(protocol: SafetyProtocol, update: SafetyAlertUpdate): string {
  const said = protocol.supervisorAlert;
  if (update.status === 'delivered') return fillWho(said.delivered, inLineName(update.to));
  const onward = update.next ? fillWho(said.nextInLine, inLineName(update.next)) : said.noOneLeft;
  const contacts = update.contacts ? contactsFor(protocol, update.contacts.categories, update.contacts.region) : [];
  const help = contacts.length ? `\n\n${said.contactsIntro}\n${contacts.map((k) => `**${k.label}**: ${k.detail}`).join('\n')}` : '';
  return `${fillWho(said.notDelivered, inLineName(update.to))} ${onward}${help}`;
}

/** Someone in line as the PSW hears of them: "Sup A (your supervisor)", "an admin". */
export function inLineName(person: InLine): string {
  const role = t('safety.alert.role', { role: person.role });
  return person.alias ? t('safety.alert.named', { alias: person.alias, role }) : role;
}

/** The kinds joined in the reader's language; English keeps the serial comma it always had here ("…, and abuse or neglect"). */
function kindList(labels: string[]): string {
  const language = localeChain(currentLocale())[0]?.split('-')[0] ?? 'en';
  return new Intl.ListFormat(language, { type: 'conjunction' }).format(labels);
}
