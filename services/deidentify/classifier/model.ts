/**
 * The name classifier (issue 13): an averaged perceptron over the features of ./features, trained on the labelled
 * development notes by `npm run train:deid` (bench/trainDeid.ts) and shipped as name-model.json beside this file;
 * nothing is fetched at run time. deidentify() asks it about the words the rules left visible: a word it scores at or
 * above the model's threshold is a name. It is on by default (ON_BY_DEFAULT below says why).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Entity } from '../types';
import { frenchWordsOf, spoken } from '../dictionaries';
import { blank, stemEnd, withoutPossessive } from '../words';
import { isJoinWord, joinedTo, joinSign } from '../listJoins';
import { BITS, boundary, contextFeatures, lists, listsOf, noteContext, ownFeatures, tokenize, Token, type NoteContext } from './features';
import { PERSON_AFTER, PERSON_BEFORE, RELATIONS, SUBJECT_VERBS } from '../messy';
import { wordMemo } from '../wordMemo';
import { riskLexiconWords } from './riskWords';
import { givingVerb } from '../giving';
import { ModelSwitch } from './modelSwitch';
import { CoveredCursor } from '../spans';
import { inRunOfOneWord, wordSense } from '../wordSenses';

export interface NameModel {
  version: 1;
  bits: number;
  /** A word scoring at or above it is a name. */
  threshold: number;
  /** Added to the threshold for a word-name, a misspelt word or a word asked only for its slot (WORD_NAME_MARGIN if absent). */
  wordNameMargin?: number;
  /**
   * Round 8: what is added to the threshold for each kind of word asked (index = asked()'s answer, 2 … 6), chosen one
   * kind at a time by leaving one writer out; a kind absent here takes `wordNameMargin`.
   */
  kindMargins?: number[];
  /**
   * 2 (round 7): the note context's features (features.ts NoteContext) and the words asked for their slot (asked());
   * absent: round 5's features and candidate() alone.
   */
  featureSet?: 2 | 3 | 4 | 5 | 7 | 9;
  /** How it was made: the files and a SHA-256 of their contents, epochs, seed, words seen and how many were names. */
  trainedOn: { files: string[]; sha256: string; rules?: string; learner?: string; epochs: number; seed: number; tokens: number; names: number };
  /** Non-zero averaged weights by bucket. */
  weights: Record<string, number>;
  /**
   * Round 15 (stacking), measured only: a second pass, the same features, whose note context marks this model's names
   * as found ("tina [klassen]"); bench/stackPass.ts scores it, bench/deidStack.ts trains it. The service never reads it
   * (round 16: +0.11 point on held-out writers, and the recipe does not make it; the slot beside a hidden name is
   * ../nameHalves.ts).
   */
  second?: NameModel;
}

export const MODEL_FILE = path.join(__dirname, 'name-model.json');

/** A model ready to score: its weights in a flat array, and each typed form's own score cached. */
export class NameScorer {
  private readonly w: Float32Array;
  private readonly own = new Map<string, number>();
  /** What a word asked as each kind (asked(): 0 … 13) must score. */
  private readonly needs: number[];
  /** featureSet 5 (round 9): a misspelt word's own features say what it misspells. */
  private readonly typos: boolean;
  /** featureSet 9 (round 22): the parts of speech of the word and its neighbours (features.ts posFeatures). */
  private readonly pos: boolean;

  constructor(readonly model: NameModel) {
    if (model.version !== 1 || model.bits !== BITS) throw new Error('deidentify: name-model.json is not a model this code can read');
    this.w = new Float32Array(1 << BITS);
    for (const [k, v] of Object.entries(model.weights)) this.w[Number(k)] = v;
    this.needs = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13].map((ask) => needOf(model, ask));
    // featureSet 7 is featureSet 5's features with round 12's words asked.
    this.typos = (model.featureSet ?? 0) >= 5;
    // featureSet 9 is featureSet 7's features and words asked, with the parts of speech.
    this.pos = (model.featureSet ?? 0) >= 9;
  }

  private sum(features: number[]): number {
    let s = 0;
    for (const f of features) s += this.w[f]!;
    return s;
  }

  /** The score of the word at `i` (higher: more likely a name); `ctx` and `ask` for a round-7 model. */
  score(text: string, toks: readonly Token[], i: number, ctx?: NoteContext, ask = 0): number {
    const t = toks[i]!;
    let own = this.own.get(t.raw);
    if (own === undefined) {
      if (this.own.size >= 50_000) this.own.clear();
      own = this.sum(ownFeatures(t.raw, t.lower, this.typos, this.pos));
      this.own.set(t.raw, own);
    }
    return own + this.sum(contextFeatures(text, toks, i, ctx, ask, this.pos));
  }

  /** What a word asked as `ask` (asked()) must score to be a name. */
  need(ask: number): number {
    return this.needs[ask] ?? needOf(this.model, ask);
  }
}

/**
 * What a word asked as `ask` must score under `point`: the threshold, plus for every kind but a plain candidate (1) its
 * own margin (`kindMargins`) or the word-name margin.
 */
export function needOf(point: Pick<NameModel, 'threshold' | 'wordNameMargin' | 'kindMargins'>, ask: number): number {
  if (ask === 1) return point.threshold;
  return point.threshold + (point.kindMargins?.[ask] ?? point.wordNameMargin ?? WORD_NAME_MARGIN);
}

/**
 * The words the classifier is asked about: words of two letters or more that are no function word, not on the
 * keep-list (what must stay, stays: "called Crystal meth") and, if English or an inflection of it ("shirts"), a given
 * name or word-name ("dawn", "rusty") or a surname that is no everyday word ("cardinal"). Few words pass, which keeps
 * the classifier cheap. A misspelt everyday word in no name list ("talkd", "realy") is not asked about either.
 */
export function candidate(t: Token): boolean {
  return candidateWord.of(t);
}
const candidateWord = wordMemo((raw): boolean => {
  const t = new Token(0, raw.length, raw);
  const l = t.word && raw.length >= 2 ? lists(t.lower) : 'S';
  if (CANDIDATES === 'old') return !/[SKTMW]/.test(l) && (!/[CVEI]/.test(l) || (/[FN]/.test(l) && !/[CV]/.test(l)));
  if (/[SKT]/.test(l)) return false;
  // Word-names ("hope", "rusty") and misspelt words ("seun" or a typo) are asked too: context decides.
  if (/[WM]/.test(l)) return true;
  if (CANDIDATES === 'wide' && /F/.test(l)) return true;
  return !/[CVEI]/.test(l) || (/[FN]/.test(l) && !/[CV]/.test(l));
});
/**
 * A word-name or a misspelt word ("dawn", "rain", "cricket", "seun") is a word far more often than a name: the
 * classifier takes it only with this much more evidence than another word (round 5, chosen by leave-one-set-out).
 */
export const WORD_NAME_MARGIN = Number(process.env.DEID_WORD_NAME_MARGIN ?? 0.5);

/**
 * Why the word at `i` is asked, for a round-7 model (featureSet 2): 0 not asked; 1 a candidate(); 2 a candidate that is a
 * word-name or a misspelt word (held to the margin); and, held to the margin too, an English word asked for its slot —
 * 3 right after a name the rules found or a given name ("marcus fields", "ann little"), 4 after a verb or role that
 * takes a person ("met rose", "w/ major"), 5 with a capital inside a sentence of a note that capitalises ("saw Little").
 * Never a function word, keep-list word or title. Round-5 models (`slots` false) ask candidate() words only.
 */
export function asked(text: string, toks: readonly Token[], i: number, ctx: NoteContext | undefined, slots: boolean, every = false, wider = false, named = false): number {
  const a = askedBefore(text, toks, i, ctx, slots, every, wider);
  return a || !named || !ctx || ctx.found[i] !== 0 ? a : namedSlotAsk(text, toks, i, ctx);
}

/** asked() up to featureSet 5 (round 8's kinds 1 … 9). */
function askedBefore(text: string, toks: readonly Token[], i: number, ctx: NoteContext | undefined, slots: boolean, every: boolean, wider: boolean): number {
  const t = toks[i]!;
  const k = wordAsk.of(t);
  if (k & A.candidate) return !(k & A.wordLike) ? 1 : wider && k & A.notWordName ? 9 : 2;
  if (!(k & A.slot) || !slots || !ctx || ctx.found[i] !== 0) return wider && k & A.keptName && ctx?.found[i] === 0 ? widerAsk(text, toks, i, ctx, k) : 0;
  const p1 = toks[i - 1];
  if (p1 && blank(text, p1.end, t.start)) {
    if (ctx.found[i - 1] === 1 || (p1.word && wordAsk.of(p1) & A.given)) return 3;
    if (k & A.named && PERSON_BEFORE.has(p1.lower)) return 4;
  }
  // Where it stands first: the note's habit is read only for a capital inside a sentence.
  if (k & A.capital && boundary(text, toks, i) === '-' && ctx.habit !== 'x') return 5;
  // featureSet 3: a word a name list holds ("trinity", "breeze", "gift"), wherever it stands, unless among the 500
  // commonest spoken words ("will", "long", "young"): those are words uncued, and most of the classifier's cost.
  // featureSet 4: a word the risk screen reads ("shallow", "hollow") is asked in a person's slot only, not for its list.
  if (every && k & A.rare && !(wider && k & A.risk)) return 6;
  return wider && k & A.plain ? widerAsk(text, toks, i, ctx, k) : 0;
}

/**
 * featureSet 4 (round 8), words never asked before, each kind with its own line: 7 a given name on the keep-list
 * ("june", "crystal") right after a relation, a verb that takes a person or a found name ("her sister june"); 8 an
 * English word in no name list right after a relation or a verb of contact ("his buddy bishop", "texted vegan"); and
 * 9, split from 2, a candidate that is a misspelt word, an English word or inflection, or a word the risk screen reads
 * ("talkd", "sais", "hope"), where 2 keeps the word-names ("dawn", "rusty"). A risk word is no longer asked as 6.
 */
function widerAsk(text: string, toks: readonly Token[], i: number, ctx: NoteContext, k: number): number {
  const p1 = toks[i - 1];
  if (!p1 || !blank(text, p1.end, toks[i]!.start)) return 0;
  if (k & A.keptName) return PERSON_BEFORE.has(p1.lower) || ctx.found[i - 1] === 1 ? 7 : 0;
  return RELATIONS.has(p1.lower) || CONTACT.has(p1.lower) ? 8 : 0;
}
/**
 * featureSet 7 (round 12): words never asked before, where the names left visible on held-out writers stand — a word
 * in a name list (the keep-list's given names and surnames too: "tina", "crystal", "june"; common ones: "chance") or,
 * for 10, any word that is no function word, title or relation, each kind with its own line:
 * 10 first in a sentence, clause or list, right before a name the rules found ("tina [klassen]", "bed [kumari]");
 * 11 first in a sentence, clause or list, right before a person's or a subject's verb ("crystal is back", "june said");
 * 12 joined by n / & / and / + / a comma to a name the rules found or a word asked as a name ("june n [tash]",
 * "reign n chance"); 13 else first in a sentence or note ("chance bird broke his arm", "tina want to switch").
 * Asked only of words asked as nothing else; the model's line per kind decides. A word the risk screen reads is asked
 * only as 10 (a name's first word is a person's slot).
 */
function namedSlotAsk(text: string, toks: readonly Token[], i: number, ctx: NoteContext): number {
  const k = wordAsk.of(toks[i]!);
  if (!(k & (A.listed | A.unlisted))) return 0;
  const t = toks[i]!;
  const p1 = toks[i - 1];
  const n1 = toks[i + 1];
  const nextBlank = !!n1 && blank(text, t.end, n1.start);
  const first = !p1 || boundary(text, toks, i) !== '-' || isJoinWord(text, p1) || joinSign(text, p1.end, t.start);
  // A verb that gives the person after it a thing is no first word of their name ("grabbed [priyanka] some food";
  // giving.ts, round 25).
  if (first && nextBlank && ctx.found[i + 1] === 1) return givingVerb(t.lower) ? 0 : 10;
  if (!(k & A.listed)) return 0;
  if (first && nextBlank && n1.word && (SUBJECT_VERBS.has(n1.lower) || PERSON_AFTER.has(n1.lower) || SUBJECT_NEXT.has(n1.lower))) return 11;
  if (joinedToName(text, toks, i, ctx, -1) || joinedToName(text, toks, i, ctx, 1)) return 12;
  // With no cue at all, not one of the commonest spoken words ("may need a ride", "will do"), as for kind 6.
  return !(k & A.spoken) && boundary(text, toks, i) === 'S' ? 13 : 0;
}
/** What follows a person a note opens with, besides a verb ("june at the pharmacy", "migs back from detox"). */
const SUBJECT_NEXT = new Set(['at', 'in', 'on', 'back', 'not', 'no', 'aint']);
/** Whether the word at `i` is joined (listJoins.ts, or a comma) on side `dir` to a name the rules found, a given name or a word asked as a name ("reign n chance"). */
function joinedToName(text: string, toks: readonly Token[], i: number, ctx: NoteContext, dir: -1 | 1): boolean {
  const a = toks[i + dir];
  if (!a) return false;
  let j = joinedTo(text, toks, i, dir);
  if (j < 0 && /^[ \t]*,[ \t]*$/.test(dir < 0 ? text.slice(a.end, toks[i]!.start) : text.slice(toks[i]!.end, a.start))) j = i + dir;
  const o = toks[j];
  if (!o?.word) return false;
  return ctx.found[j] === 1 || !!(wordAsk.of(o) & A.given) || askedBefore(text, toks, j, ctx, true, true, true) !== 0;
}

/** Verbs of contact whose object is a person far more often than a thing. */
const CONTACT = new Set('met texted txted messaged msgd emailed phoned visited hugged dm dmd dmed facetimed pinged'.split(' '));

/** A name-list word asked wherever it stands must be rarer than this many commonest spoken words (chosen by LOWO and cost). */
const RARE_RANK = 500;

/** What a typed word can be asked as (asked()), one bit each; worked out once per word. */
const A = { candidate: 1, wordLike: 2, slot: 4, named: 8, given: 16, capital: 32, rare: 64, keptName: 128, plain: 256, risk: 512, notWordName: 1024, listed: 2048, unlisted: 4096, spoken: 8192 };
const wordAsk = wordMemo((raw): number => {
  const t = new Token(0, raw.length, raw);
  let k = 0;
  const l = t.word && raw.length >= 2 ? lists(t.lower) : '';
  // A candidate that is also an English word or an inflection of one ("sais", "comin") is held to the margin too.
  if (candidate(t)) k |= A.candidate | (wordLike(t) || /[EI]/.test(l) ? A.wordLike : 0);
  if (!l) return k;
  if (riskLexiconWords().has(withoutPossessive(t.lower))) k |= A.risk;
  // featureSet 4: a misspelt word, an English word or a risk word asked as a candidate has a line of its own (9).
  if (k & A.wordLike && (k & A.risk || !l.includes('W'))) k |= A.notWordName;
  // A given name that is no common word ("marcus", "ann"; not "will"): what is after it may be a surname.
  if (l.includes('F') && !/[SKCVW]/.test(l)) k |= A.given;
  // A given name the keep-list keeps ("june", "crystal"): asked only in a person's slot, featureSet 4.
  if (/K/.test(l) && l.includes('F') && !/[ST]/.test(l)) k |= A.keptName;
  // featureSet 7 (namedSlotAsk()): a word of a name list, the keep-list's too, or another word of letters; never a
  // function word, title, relation or person verb, nor a word the keep-list alone holds ("lol", "ppl").
  if (!/[STR]/.test(l) && /^\p{L}[\p{L}'’]+$/u.test(raw)) k |= /[FN]/.test(l) && !(k & A.risk) ? A.listed : l.includes('K') && !/[FN]/.test(l) ? 0 : A.unlisted;
  if (k & A.listed && (spoken().rank.get(withoutPossessive(t.lower)) ?? RARE_RANK) < RARE_RANK) k |= A.spoken;
  if (/[SKT]/.test(l)) return k;
  k |= A.slot;
  if (!/[FNWR]/.test(l) && /[ECVI]/.test(l)) k |= A.plain;
  if (/[FN]/.test(l)) {
    k |= A.named;
    const rank = spoken().rank.get(withoutPossessive(t.lower));
    if (rank === undefined || rank >= RARE_RANK) k |= A.rare;
  }
  if (/^\p{Lu}/u.test(raw) && !/^\p{Lu}+$/u.test(raw)) k |= A.capital;
  return k;
});

/** Whether a candidate is a word-name or a misspelt word (held to WORD_NAME_MARGIN). */
export function wordLike(t: Token): boolean {
  const l = listsOf(t);
  return l.includes('W') || l.includes('M');
}

/** Which words are asked: 'old' (round 11), 'names' (and word-names and misspellings), 'wide' (and every given name). */
const CANDIDATES = process.env.DEID_CLASSIFIER_CANDIDATES ?? 'names';

/**
 * Hyphenated words a PSW writes every day ("check-in", "no-show") are words, not names. Only these, and compounds of
 * three or more common words ("peer-support-worker"): a two-word compound of words may be a name ("Morning-Star"),
 * and on held-out notes the classifier's gains were such names.
 */
const EVERYDAY_COMPOUNDS = new Set(
  ('check-in check-ins no-show no-shows follow-up follow-ups drop-in drop-ins walk-in walk-ins sign-up self-care ' +
    'one-on-one face-to-face in-person part-time full-time long-term short-term day-to-day well-being co-worker ' +
    'co-workers step-dad step-mom step-mum ex-boyfriend ex-girlfriend ex-wife ex-husband x-ray e-mail t-shirt ' +
    'pick-up time-out high-risk low-barrier re-entry half-way pre-contemplation check-up wrap-around same-day ' +
    'next-day first-time so-called on-call after-care sit-down take-out set-up clean-up break-up make-up')
    .split(' '),
);

function wordCompound(lower: string): boolean {
  if (!lower.includes('-')) return false;
  if (EVERYDAY_COMPOUNDS.has(lower)) return true;
  const parts = lower.split('-').filter(Boolean);
  return parts.length > 2 && parts.every((p) => /[SKCV]/.test(lists(p)) && !/F/.test(lists(p)));
}

/**
 * On by default since round 11: on held-out notes (docs/history/DEIDENTIFICATION-rounds.md, "Token classifier") it cut the leak
 * from 2.0 to 0.7 % (hand-test) and 1.2 to 0.6 % (sms-test) for +0.1 to +0.5 points of over-redaction, all limits
 * kept. A leaked name costs a client more than a hidden word costs a reader. The words it wrongly took ("bus tix", a
 * roster alias "Admin") are on the keep-list now. Turning it off is this one constant.
 */
const ON_BY_DEFAULT = true;

/** The shipped model (name-model.json beside this file), read once. */
export function shippedModel(): NameModel {
  shipped ??= JSON.parse(fs.readFileSync(MODEL_FILE, 'utf8')) as NameModel;
  return shipped;
}
let shipped: NameModel | undefined;

const nameModel = new ModelSwitch<NameModel, NameScorer>(() => (ON_BY_DEFAULT ? shippedModel() : null), (m) => new NameScorer(m));

/** The scorer deidentify() uses: none (or the shipped model when ON_BY_DEFAULT) unless useNameModel() set one. */
export function activeScorer(): NameScorer | null {
  return nameModel.scorer();
}

/** For training and the benchmark: score with `model`, turn the classifier off (null), or back to the default (undefined). */
export function useNameModel(model: NameModel | null | undefined): void {
  nameModel.use(model);
}

/** A word the classifier scored: where it is, its score and what it needed (NameScorer.need). */
export interface Scored {
  start: number;
  end: number;
  score: number;
  need: number;
  /** Why it was asked (asked()): 1 is held to the threshold, the others to the threshold and the margin. */
  ask: number;
}

/** For bench/deidLowo.ts: called with each text and the rules' spans the classifier is given (null: no observer). */
let observer: ((text: string, covered: readonly Entity[]) => void) | null = null;
export function observeClassifier(f: ((text: string, covered: readonly Entity[]) => void) | null): void {
  observer = f;
}

/** asked()'s kinds of word beyond round 7's: a model's feature set says them (flagsOf), training's options (train.ts). */
export interface AskFlags {
  every: boolean;
  wider: boolean;
  named: boolean;
}

/** The kinds a model's feature set asks; none for a model file from before feature sets. */
function flagsOf(model: NameModel): AskFlags | undefined {
  const fs = model.featureSet;
  return fs === undefined ? undefined : { every: fs >= 3, wider: fs >= 4, named: fs >= 7 };
}

/**
 * How the word at `i` is asked (0: not asked): asked() with `flags`, or round 7's candidates alone without them. The one
 * gate for the words scored after the rules (scoredWords) and the words training learns from (train.ts noteExamples).
 */
export function askWith(flags: AskFlags | undefined, text: string, toks: readonly Token[], i: number, ctx: NoteContext | undefined): number {
  if (!flags) return candidate(toks[i]!) ? (wordLike(toks[i]!) ? 2 : 1) : 0;
  return asked(text, toks, i, ctx, true, flags.every, flags.wider, flags.named);
}

/**
 * Every word `scorer` is asked about among the words no span in `covered` (sorted by start) holds, with its score.
 * `marked` (sorted, a superset of `covered`; the second pass): the spans the note context marks as found — a word
 * marked but not covered is asked as if visible, its own mark lifted, as training asks it (train.ts noteExamples).
 */
export function scoredWords(scorer: NameScorer, text: string, covered: readonly Entity[], marked?: readonly Entity[], stack?: Uint8Array): Scored[] {
  const toks = tokenize(text);
  const out: Scored[] = [];
  const fr = frenchWordsOf(text);
  const flags = flagsOf(scorer.model);
  let ctx: NoteContext | undefined;
  const cursor = new CoveredCursor(covered);
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    if (cursor.covers(t.start, t.end)) continue;
    // The note's context is made at its first word that may be asked; it reads the note's words only when a word is.
    if (flags && !ctx && t.word && t.raw.length >= 2) ctx = noteContext(text, toks, marked ?? covered, stack);
    const mark = ctx?.found[i] ?? 0;
    if (mark) ctx!.found[i] = 0;
    const ask = askWith(flags, text, toks, i, ctx);
    // A compound of words is checked here, not in candidate(): training sees the words it always saw.
    if (ask && !wordCompound(t.lower) && !fr?.(t.lower) && !inRun(text, toks, i)) {
      // "Sam's brother": the possessive stays outside the placeholder, as everywhere() leaves it.
      const end = stemEnd(t);
      out.push({ start: t.start, end, score: scorer.score(text, toks, i, ctx, ask), need: scorer.need(ask), ask });
    }
    if (mark) ctx!.found[i] = mark;
  }
  return out;
}

/** The words of `scored` at or above their line, less those whose neighbours show the word's own sense (wordSense()). */
export function takenWords(text: string, scored: readonly Scored[]): Entity[] {
  const out: Entity[] = [];
  for (const w of scored) if (w.score >= w.need && !wordSense(text, w.start, w.end)) out.push({ start: w.start, end: w.end, type: 'NAME' });
  return out;
}

/**
 * Whether the word at `i` is in a run of one word said three times or more ("weary weary weary …": ../wordSenses.ts
 * inRunOfOneWord()); its neighbours are the word itself, so the context says nothing of a person and the note-wide
 * features ("again") fire for every word of the run: round 9's model read a word said a hundred times as one name.
 * The tokens' forms gate it: a word beside itself is rare.
 */
function inRun(text: string, toks: readonly Token[], i: number): boolean {
  const w = toks[i]!.lower;
  return (toks[i - 1]?.lower === w || toks[i + 1]?.lower === w) && inRunOfOneWord(text, toks[i]!.start, toks[i]!.end);
}

/**
 * Names among the words no span in `covered` (sorted by start) holds: the classifier's second look after the rules.
 * A word it takes is given back where its neighbours show the word's own sense (../wordSenses.ts: "rain not stopping",
 * "hope came up", "crystal meth", "watching cricket"): rules with a reason each, run after the model, so that a few
 * phrases do not set the model's lines for every word.
 */
export function classifierNames(text: string, covered: readonly Entity[], scored?: Scored[]): Entity[] {
  observer?.(text, covered);
  const scorer = activeScorer();
  if (!scorer) return [];
  const words = scoredWords(scorer, text, covered);
  // `scored` (round 16): the words and scores kept for a later stage (../nameHalves.ts reads how far below its line a word beside a name scored).
  if (scored) for (const w of words) scored.push(w);
  return takenWords(text, words);
}
