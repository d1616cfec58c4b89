// What the bot shows when the risk screen hits: the organisation's protocol (SAFETY_PROTOCOL_FILE, validated
// like content/safety-protocol.json, or that file by default), cut to the categories that were hit: the
// client-risk guidance for a client's risk, the PSW's own guidance (9-8-8, EAP, supervisor) for their distress,
// and the contacts meant for those categories. Plain data; dialogs/safety.ts turns it into words on a screen.
import { content as defaultContent, loadSafetyProtocolFile, type Content, type RiskCategory, type SafetyProtocol } from '../content';
import { riskCategories, screenRisk } from './screen';

/** The protocol in force: the configured file (validated; throws ContentError on a bad file) or the default. */
export function loadProtocol(file: string, c: Content = defaultContent()): SafetyProtocol {
  return file ? loadSafetyProtocolFile(file, c) : c.safetyProtocol;
}

export interface ProtocolView {
  pause: string;
  /** Client guidance first (when a client category was hit), then the PSW's own. */
  sections: { audience: 'client' | 'psw'; text: string; steps: readonly string[] }[];
  contacts: { label: string; detail: string }[];
  notACrisisService: string;
}

export function audienceOf(category: RiskCategory, c: Content = defaultContent()): 'client' | 'psw' {
  return c.riskTerms.find((t) => t.id === category)?.audience ?? 'client';
}

export function categoryLabel(category: string, c: Content = defaultContent()): string {
  return c.riskTerms.find((t) => t.id === category)?.label ?? category;
}

/** The parts of the protocol for these categories. */
export function protocolFor(protocol: SafetyProtocol, categories: readonly RiskCategory[], c: Content = defaultContent()): ProtocolView {
  const audiences = new Set(categories.map((cat) => audienceOf(cat, c)));
  const sections: ProtocolView['sections'] = [];
  if (audiences.has('client')) sections.push({ audience: 'client', text: protocol.client.text, steps: protocol.client.steps });
  if (audiences.has('psw')) sections.push({ audience: 'psw', text: protocol.psw.text, steps: protocol.psw.steps });
  const contacts = protocol.contacts.filter((k) => k.for.some((f) => categories.includes(f))).map((k) => ({ label: k.label, detail: k.detail }));
  return { pause: protocol.pause, sections, contacts, notACrisisService: protocol.notACrisisService };
}

/**
 * The categories an answer raises that this debrief has not raised yet: the protocol is shown once per
 * category per debrief, however often the words come up. `all` is every category hit (for the flags).
 */
export function screenAnswer(text: string, raised: readonly string[] = [], c: Content = defaultContent()): { all: RiskCategory[]; fresh: RiskCategory[] } {
  const all = riskCategories(screenRisk(text, c));
  return { all, fresh: all.filter((cat) => !raised.includes(cat)) };
}
