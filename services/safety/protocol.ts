// What the bot shows for a safety concern: the organisation's protocol (SAFETY_PROTOCOL_FILE, validated like
// content/safety-protocol.json, or that file by default), cut to the kinds raised. Each kind has its own
// response (client suicide, overdose, self-harm: crisis lines; abuse: child-protection and family-violence lines
// and the duty to report; harm to others: the duty to warn; the PSW's own distress: their own supports, spoken
// to them), and the contacts are those meant for those kinds in the person's country. Plain data;
// dialogs/safety.ts turns it into words on a screen.
import { content as defaultContent, RISK_CATEGORIES, loadSafetyProtocolFile, type Content, type RiskCategory, type SafetyDuty, type SafetyProtocol } from '../content';
import { riskCategories, type ScreenOptions } from './screen';
import { screenTurn, type TurnWords } from './turn';
import type { Region } from './region';

/** The protocol in force: the configured file (validated; throws ContentError on a bad file) or the default. */
export function loadProtocol(file: string, c: Content = defaultContent()): SafetyProtocol {
  return file ? loadSafetyProtocolFile(file, c) : c.safetyProtocol;
}

export interface ProtocolSection {
  kind: RiskCategory;
  audience: 'client' | 'psw';
  text: string;
  /** Steps not already given by an earlier section (kinds often share "tell your supervisor"). */
  steps: readonly string[];
  duties: readonly SafetyDuty[];
}

export interface ProtocolView {
  pause: string;
  /** Client (and others') kinds first, in category order, then the PSW's own. */
  sections: ProtocolSection[];
  contacts: { label: string; detail: string }[];
  notACrisisService: string;
}

/** The kinds in the order they are shown: someone else's safety before the PSW's own. */
export function orderKinds(protocol: SafetyProtocol, kinds: readonly RiskCategory[]): RiskCategory[] {
  const known = RISK_CATEGORIES.filter((k) => kinds.includes(k));
  return [...known.filter((k) => protocol.kinds[k].audience === 'client'), ...known.filter((k) => protocol.kinds[k].audience === 'psw')];
}

/** The contacts for these kinds, in file order: those of any region and of the person's (all, when it is unknown). */
export function contactsFor(protocol: SafetyProtocol, kinds: readonly RiskCategory[], region?: Region): { label: string; detail: string }[] {
  return protocol.contacts
    .filter((k) => k.for.some((f) => kinds.includes(f)))
    .filter((k) => inRegion(k.region, region))
    .map((k) => ({ label: k.label, detail: k.detail }));
}

/** A contact or duty of `region` applies to a person of `person` (everything, when their country is unknown). */
function inRegion(region: string, person: Region | undefined): boolean {
  return region === 'any' || !person || region === person;
}

/** The parts of the protocol for these kinds. */
export function protocolFor(protocol: SafetyProtocol, kinds: readonly RiskCategory[], region?: Region): ProtocolView {
  const given = new Set<string>();
  const sections = orderKinds(protocol, kinds).map((kind): ProtocolSection => {
    const k = protocol.kinds[kind];
    const steps = k.steps.filter((s) => !given.has(s));
    for (const s of steps) given.add(s);
    return { kind, audience: k.audience, text: k.text, steps, duties: k.duties.filter((d) => inRegion(d.region, region)) };
  });
  return { pause: protocol.pause, sections, contacts: contactsFor(protocol, kinds, region), notACrisisService: protocol.notACrisisService };
}

export function isRiskKind(value: unknown): value is RiskCategory {
  return typeof value === 'string' && (RISK_CATEGORIES as readonly string[]).includes(value);
}

/** Whose safety a kind is about. */
export function audienceOf(kind: RiskCategory, protocol: SafetyProtocol = defaultContent().safetyProtocol): 'client' | 'psw' {
  return protocol.kinds[kind]?.audience ?? 'client';
}

/** A kind in words, lower case ("suicidal thoughts"). */
export function kindLabel(kind: RiskCategory, protocol: SafetyProtocol = defaultContent().safetyProtocol): string {
  return protocol.kinds[kind]?.label ?? kind;
}

/** A category's label as the risk screen names it (content/risk-terms.json), for summaries and the review. */
export function categoryLabel(category: string, c: Content = defaultContent()): string {
  return c.riskTerms.find((t) => t.id === category)?.label ?? category;
}

/** "{who}" in a protocol sentence, filled in. */
export function fillWho(template: string, who: string): string {
  return template.replaceAll('{who}', who);
}

/**
 * The categories an answer raises that this debrief has not raised yet: the protocol is shown once per
 * category per debrief, however often the words come up. `all` is every category hit (for the flags).
 * `words`: the answer as typed (a string) or its two views (./turn.ts); both are read.
 */
export function screenAnswer(words: string | TurnWords, raised: readonly string[] = [], c: Content = defaultContent(), opts: ScreenOptions = {}): { all: RiskCategory[]; fresh: RiskCategory[] } {
  const all = riskCategories(screenTurn(typeof words === 'string' ? { raw: words } : words, c, {}, opts));
  return { all, fresh: all.filter((cat) => !raised.includes(cat)) };
}

/** The screen as the dialogs call it: one object, so a test can make it fail (sinon) and see the fail-safe. */
export const screening = {
  answer: (words: string | TurnWords, raised: readonly string[] = [], opts: ScreenOptions = {}) => screenAnswer(words, raised, defaultContent(), opts),
};
