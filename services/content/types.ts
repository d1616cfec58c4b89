// The shapes of the content (content/*.json) and the one list of stages and of risk kinds. Types only, plus
// those lists: the loader is in ./load.ts, the schemas and checks in ./checks.ts.


/**
 * The stages of Creating Connection, in model order: the one list in code. content/stages.json must hold exactly
 * these, in this order, and every schema's `stageId` is this list (filled in when the schemas compile), so adding a
 * stage is its content plus this line.
 */
export const STAGE_IDS = ['trust', 'fostering', 'bridging', 'launching'] as const;
export type StageId = (typeof STAGE_IDS)[number];

export const RISK_CATEGORIES = ['overdose', 'suicide', 'self_harm', 'harm_to_others', 'abuse', 'psw_distress'] as const;
export type RiskCategory = (typeof RISK_CATEGORIES)[number];

/** The source id for the project's own wording. */
export const OWN_SOURCE = 'PeerReflect';

/** What sort of work a source is (content/sources.json `kind`), so a reader can weigh it. */
export const SOURCE_KINDS = ['peer-reviewed', 'book', 'report', 'guideline', 'practice-material', 'service-information', 'own-wording'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

export interface Source {
  readonly id: string;
  readonly kind: SourceKind;
  readonly title: string;
  readonly authors?: string;
  readonly year?: number;
  readonly publisher?: string;
  readonly doi?: string;
  readonly url?: string;
  readonly note?: string;
}

/** A piece of text the bot shows, with the id of its source in content/sources.json. */
export interface TextItem {
  readonly id: string;
  readonly text: string;
  readonly source: string;
}
export type Prompt = TextItem;

export interface Stage {
  readonly id: StageId;
  readonly title: string;
  readonly summary: string;
  readonly source: string;
  /** Stalls here need the most help: summaries list them by name, the others as a count. */
  readonly stallFocus?: boolean;
  readonly prompts: readonly Prompt[];
}

export interface Indicator {
  readonly id: string;
  readonly question: string;
  readonly stage: StageId;
  readonly weight: number;
  /** Completes "I suggest <stage> because …". */
  readonly reason: string;
  /** Trust indicators: said when the answer is no or not sure, i.e. trust is still in question. */
  readonly unmet?: string;
  readonly source: string;
}
export interface StageFinder {
  readonly intro: string;
  /** Used as the only reason when no indicator was answered yes. */
  readonly fallbackReason: string;
  readonly fallbackSource: string;
  readonly indicators: readonly Indicator[];
}

export interface StallStrategy {
  readonly id: string;
  /** Short, for a button (at most 30 characters). */
  readonly title: string;
  readonly text: string;
  readonly source: string;
}
export interface StageStalls {
  readonly stage: StageId;
  readonly intro: string;
  readonly questions: readonly Prompt[];
  readonly strategies: readonly StallStrategy[];
}

export interface Term {
  readonly id: string;
  /** The pattern with macros expanded; compile it with compilePattern(). */
  readonly pattern: string;
  readonly examples?: readonly string[];
}
export interface StallPhrase extends Term {
  readonly stage?: StageId;
  readonly source: string;
}
export interface RiskCategoryTerms {
  readonly id: RiskCategory;
  readonly label: string;
  /** Whose risk: a client's, or the PSW's own. */
  readonly audience: 'client' | 'psw';
  readonly source: string;
  readonly patterns: readonly Term[];
  readonly exclusions: readonly Term[];
}

export interface SafetyGuidance {
  readonly text: string;
  readonly steps: readonly string[];
  readonly source: string;
}
/** A legal step an organisation takes for a kind of concern (duty to report, duty to warn). */
export interface SafetyDuty {
  readonly title: string;
  /** "any" or an ISO 3166 country code, like a contact's. */
  readonly region: string;
  readonly text: string;
  readonly source: string;
}
/** The response to one kind of concern (content/safety-protocol.json `kinds`). */
export interface SafetyKind extends SafetyGuidance {
  /** Lower case, for the supervisor's alert ("suicidal thoughts"). */
  readonly label: string;
  /** The button when the PSW says which kind worries them. */
  readonly choice: string;
  /** A client's (or someone else's) safety, or the PSW's own. */
  readonly audience: 'client' | 'psw';
  readonly duties: readonly SafetyDuty[];
}
export interface SafetyContact {
  readonly id: string;
  readonly label: string;
  readonly detail: string;
  /** "any" or an ISO 3166 country code such as "CA" or "US". */
  readonly region: string;
  readonly for: readonly RiskCategory[];
  readonly source: string;
}
export interface SafetyProtocol {
  readonly id: string;
  readonly source: string;
  readonly pause: string;
  /** The pause in the worker's own strand (`reflect me`): spoken about them, not a debrief. */
  readonly pauseSelf?: string;
  readonly kinds: Readonly<Record<RiskCategory, SafetyKind>>;
  readonly contacts: readonly SafetyContact[];
  /** What the PSW is told about the alert; {who} names the person it goes to. */
  readonly supervisorAlert: {
    readonly offer: string;
    readonly offerNextInLine: string;
    readonly sending: string;
    readonly added: string;
    readonly alreadyDelivered: string;
    readonly delivered: string;
    readonly notDelivered: string;
    readonly nextInLine: string;
    readonly noOneLeft: string;
    readonly contactsIntro: string;
    readonly source: string;
  };
  /** The closing question of every debrief and of `worried`. */
  readonly check: { readonly question: string; readonly which: string; readonly source: string };
  /** A short, proportionate step for a self-check of 1 or 2 (never crisis lines). */
  readonly selfCare: SafetyGuidance & { readonly more: string };
  readonly resume: string;
  readonly notACrisisService: string;
  readonly notACrisisServiceSource: string;
}

export interface CheckChoice {
  /** Unique within its check only. */
  readonly id: string;
  readonly text: string;
  /** Feedback for this (wrong) choice; fall back to the check's feedback. */
  readonly feedback?: string;
}
export interface CheckQuestion {
  readonly id: string;
  readonly question: string;
  readonly choices: readonly CheckChoice[];
  /** The id of the right choice. */
  readonly answer: string;
  /** Explains the right answer. */
  readonly feedback: string;
  readonly source: string;
}
export interface OnboardingModule {
  readonly id: string;
  readonly stage: StageId;
  readonly title: string;
  readonly source: string;
  readonly inPractice: readonly TextItem[];
  readonly vignette: TextItem;
  readonly check: CheckQuestion;
  readonly reflect: Prompt;
}
export interface Onboarding {
  readonly intro: { readonly id: string; readonly title: string; readonly sections: readonly TextItem[] };
  /** One per stage, in stage order. */
  readonly modules: readonly OnboardingModule[];
  readonly practice: { readonly id: string; readonly title: string; readonly stage: StageId; readonly text: string; readonly source: string };
}

/** Proctor's three functions of supervision (proctor1986). */
export type SupervisionFunctionId = 'normative' | 'formative' | 'restorative';

export interface SupervisionFunction {
  readonly id: string;
  /** The kind of conversation in plain words: "a learning conversation". */
  readonly conversation: string;
  readonly about: string;
  readonly source: string;
}

/** A kind of flag a supervisor sees, the function it invites and what the conversation is about. */
export interface SupervisionFlag {
  readonly id: string;
  readonly function: SupervisionFunctionId;
  readonly text: string;
  readonly source: string;
}

export type SupervisionFlagKind = 'stall' | 'selfCheck' | 'clientSafety' | 'ownWellbeing';

export interface SupervisionFraming {
  readonly functions: Readonly<Record<SupervisionFunctionId, SupervisionFunction>>;
  readonly flags: Readonly<Record<SupervisionFlagKind, SupervisionFlag>>;
}

/** The worker's own side (content/you.json): a reflection about the PSW themselves, `reflect me`. */
export interface YouOffer {
  readonly text: string;
  readonly source: string;
  /** Words in a debrief's (de-identified) answers that hint at this topic; compiled with compilePattern(). */
  readonly patterns: readonly Term[];
  /** Debrief prompt ids whose answer (not skipped, not a plain no) offers this topic too. */
  readonly afterPrompts?: readonly string[];
}
export interface YouTopic {
  readonly id: string;
  /** A button title (at most 30 characters). */
  readonly title: string;
  readonly summary: string;
  readonly source: string;
  /** Two or three, asked one at a time. */
  readonly prompts: readonly Prompt[];
  /** When a debrief may offer this topic; a topic without one is only reached through `reflect me`. */
  readonly offer?: YouOffer;
}
export interface YouNeed {
  readonly id: string;
  readonly title: string;
  readonly text: string;
  /** Which of Proctor's functions of supervision it asks for. */
  readonly function: SupervisionFunctionId;
  readonly source: string;
}
export interface YouContent {
  readonly texts: Readonly<Record<'intro' | 'pick' | 'saved' | 'declined' | 'privacy' | 'privacyShared', TextItem>>;
  readonly topics: readonly YouTopic[];
  readonly supervision: { readonly question: TextItem; readonly needs: readonly YouNeed[]; readonly none: string; readonly detail: TextItem };
  /** After a low self-check: the offer, the stronger one (a 1 or two in a row), and the next morning's check-in. */
  readonly lowSelfCheck: { readonly offer: string; readonly again: string; readonly checkIn: string; readonly source: string };
}

/** A word that tells an answer carries feeling (content/acknowledgements.json); compile with compilePattern(). */
export interface FeelingTerm extends Term {
  readonly tone: 'hard' | 'warm' | 'cue';
}
/** A brief acknowledgement said after an answer that carries feeling. */
export interface Acknowledgement {
  readonly id: string;
  readonly tone: 'hard' | 'warm' | 'mixed' | 'feeling';
  readonly text: string;
  readonly source: string;
}
export interface Acknowledgements {
  readonly feelings: readonly FeelingTerm[];
  readonly acknowledgements: readonly Acknowledgement[];
}

export interface Content {
  /** The directory the content was read from. */
  readonly dir: string;
  readonly sources: readonly Source[];
  readonly sourceById: ReadonlyMap<string, Source>;
  /** In model order: trust, fostering, bridging, launching. */
  readonly stages: readonly Stage[];
  readonly stageById: Readonly<Record<StageId, Stage>>;
  readonly stageFinder: StageFinder;
  readonly stalls: Readonly<Record<StageId, StageStalls>>;
  readonly stallLanguage: readonly StallPhrase[];
  /** In RISK_CATEGORIES order. */
  readonly riskTerms: readonly RiskCategoryTerms[];
  readonly safetyProtocol: SafetyProtocol;
  readonly onboarding: Onboarding;
  /** The worker's own side: topics for `reflect me` and what a debrief may offer (content/you.json). */
  readonly you: YouContent;
  /** How supervision flags are framed (Proctor's functions): content/supervision.json. */
  readonly supervision: SupervisionFraming;
  /** What is said back after an answer that carries feeling: content/acknowledgements.json. */
  readonly acknowledgements: Acknowledgements;
}
