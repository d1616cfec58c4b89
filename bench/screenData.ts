/**
 * The risk screen's labelled sets (bench/data/screen-*.jsonl): one {"id","text","kinds"} per line, kinds from
 * RISK_CATEGORIES, [] for a hard negative. Read here for the benchmark and the training script; each sentence is
 * de-identified (and normalised, for the classifier's training), and screened by `screenLabelled` as the bot screens
 * a turn: as typed and de-identified (services/safety/turn.ts, round 13).
 */
import fs from 'node:fs';
import path from 'node:path';
import { RISK_CATEGORIES, type RiskCategory } from '../services/content';
import { deidentify } from '../services/deidentify';
import type { Content } from '../services/content';
import { riskCategories, type RiskHit, type ScreenLayers, type ScreenOptions } from '../services/safety/screen';
import { screenTurn } from '../services/safety/turn';
import { parseNote } from './data/handNotes';
import { normalise } from '../services/safety/screen/normalise';
import { DEFAULT_TRAIN, type Example } from '../services/safety/screen/train';

export const DATA_DIR = path.join(__dirname, 'data');
export const SCREEN_SETS = {
  dev: path.join(DATA_DIR, 'screen-dev.jsonl'),
  test: path.join(DATA_DIR, 'screen-test.jsonl'),
  // screen-fresh*.jsonl are the lead's blind sets: no path to them here, so no script of ours reads them.
  /** Optional extra training sentences (never test sentences). */
  train: path.join(DATA_DIR, 'screen-train.jsonl'),
  /** The worker's own strand (`reflect me`), screened with its own rules; never trained on. Tune on dev only. */
  youDev: path.join(DATA_DIR, 'screen-you-dev.jsonl'),
  youTest: path.join(DATA_DIR, 'screen-you-test.jsonl'),
} as const;

/** Development batches kept out of training and tuning: the rounds' own held-out measures (docs/history/SAFETY-rounds.md), scored
 * before and after with bench/screenBatch.ts (never with --ids). Round 6: `z`, the last batch to arrive (`t` and `v`,
 * round 5's, were read many times and now train); round 7 keeps `z` out and adds `ac`, its last batch; round 8 adds `ai`; round 9 adds `ao`; round 11 adds `at`
 * (a new writer's batch, untouched by round 11's screen work); round 13 gives `ai` back to development (one of its
 * sentences was read in round 12). */
export const HELD_OUT = ['screen-train-z.jsonl', 'screen-train-ac.jsonl', 'screen-train-ao.jsonl', 'screen-train-at.jsonl'];

/** Every training batch (never a test set or a held-out batch): the first four in screen-train.jsonl, later ones one file each
 * (screen-train-j.jsonl, screen-train-m.jsonl, …), each screened once before it joined (docs/history/SAFETY-rounds.md). */
export const TRAIN_BATCHES = fs
  .readdirSync(DATA_DIR)
  .filter((f) => /^screen-train(?:-[a-z0-9]+)?\.jsonl$/.test(f) && !HELD_OUT.includes(f))
  .sort((a, b) => a.length - b.length || a.localeCompare(b))
  .map((f) => path.join(DATA_DIR, f));
export const readTrain = (): Labelled[] => TRAIN_BATCHES.flatMap((f) => readSet(f));

/** The normalised text the recipe's classifier trains on: the words as typed when it reads them (round 15: a fixed
 * vocabulary, so nothing the de-identifier does moves it), else the de-identified view. */
export function classifierNorm(text: string, screened: string): string {
  return normalise(DEFAULT_TRAIN.features.typed && text ? text : screened);
}

export interface Labelled extends Example {
  /** As written ('' for a sentence cut from a de-identified note: only its de-identified view exists). */
  text: string;
  /** De-identified text, as the bot stores it. */
  screened: string;
}

/** A labelled sentence screened as the bot screens a turn: the words as typed and de-identified, hits of both. */
export function screenLabelled(ex: Pick<Labelled, 'text' | 'screened'>, c?: Content, layers: ScreenLayers = {}, opts: ScreenOptions = {}): RiskHit[] {
  return screenTurn({ raw: ex.text || undefined, redacted: ex.screened }, c, layers, opts);
}

/**
 * Ordinary debrief notes from the de-identification corpus (bench/data/psw-dev.jsonl: {"id","text"}), used as
 * extra negatives so the classifier learns that everyday notes, placeholders and drug names are not risk. Notes
 * that mention an overdose are left out: whether they are risk depends on more than the note says.
 */
export const ORDINARY_NOTES = path.join(DATA_DIR, 'psw-dev.jsonl');
export function readOrdinary(file: string = ORDINARY_NOTES): Labelled[] {
  if (!fs.existsSync(file)) return [];
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((line) => JSON.parse(line) as { id: string; text: string })
    .filter((r) => !/overdos/i.test(r.text))
    .map((r) => {
      const screened = deidentify(r.text).redacted;
      return { id: r.id, text: r.text, screened, norm: classifierNorm(r.text, screened), kinds: [] };
    });
}

/** Everyday debrief notes in many writers' voices: the de-identifier's training notes (bench/data/train-*.txt, one
 * note a line, identifiers marked; development data, never a test or blind set). Used as low-weight negatives so
 * the classifier learns what ordinary notes in a voice it has not read look like: round 7's retrained models gave
 * everyday sentences ("she said she would") suicide probabilities over the floor. Every `step`-th note of each file,
 * whole and sentence by sentence
 * (they are many and training cost grows with them); a note that names a risk outright or that the patterns flag
 * ("cut herself last nite", "od'd in the stairwell") is left out: a risk note must not teach "not risk". */
// Pinned (round 9), so a retrain is reproducible while the de-identifier's writers add files: the 35 present when
// round 9's candidate model was trained (train-a … train-z, train-aa … train-ah, train-aj; the shipped model is still
// round 8's, trained on a … ag: docs/history/SAFETY-rounds.md). A later file joins by being named here.
export const EVERYDAY_WRITERS = [...'abcdefghijklmnopqrstuvwxyz'.split(''), 'aa', 'ab', 'ac', 'ad', 'ae', 'af', 'ag', 'ah', 'aj'];
export const EVERYDAY_NOTES = EVERYDAY_WRITERS.map((w) => `train-${w}.txt`)
  .sort()
  .map((f) => path.join(DATA_DIR, f));
export const EVERYDAY_WEIGHT = 0.3;
const NAMES_RISK = /overdos|\bod\b|od'?d|narcan|naloxone|suicid|kill|cut (?:him|her|my|them)sel|self.?harm|abus|hit (?:him|her|me)|\bdie\b|dead|died/;
export function readEveryday(step = 3, files: readonly string[] = EVERYDAY_NOTES): Labelled[] {
  return files.flatMap((file) =>
    fs
      .readFileSync(file, 'utf8')
      .split('\n')
      .filter((l) => l.trim() && !l.startsWith('#'))
      .filter((_l, i) => i % step === 0)
      .flatMap((line, i) => {
        const id = `${path.basename(file, '.txt')}:${i * step}`;
        const text = parseNote(id, line).text;
        const screened = deidentify(text).redacted;
        const norm = classifierNorm(text, screened);
        // A recipe that reads the words as typed asks the patterns of them alone: which notes it trains on must not
        // depend on the de-identifier either.
        const asRead = DEFAULT_TRAIN.features.typed ? text : screened;
        if (NAMES_RISK.test(norm) || riskCategories(screenLabelled({ text, screened: asRead }, undefined, { classifier: false })).length) return [];
        // The note and, when it has several, each of its sentences: short everyday sentences are where a bare frame
        // ("she said she would …") shows. The words as typed are split, each sentence de-identified on its own, so both
        // views exist (round 15; until then the de-identified note was split, and a sentence had no typed view).
        const parts = text.split(/(?<=[.!?;])\s+/).filter((p) => p.trim().length > 3).map((t) => ({ t, s: deidentify(t).redacted }));
        return [{ t: text, s: screened }, ...(parts.length > 1 ? parts : [])].map(({ t, s }, j) => ({ id: j ? `${id}.${j}` : id, text: t, screened: s, norm: classifierNorm(t, s), kinds: [] as RiskCategory[], weight: EVERYDAY_WEIGHT, group: path.basename(file) }));
      }),
  );
}

export function readSet(file: string): Labelled[] {
  if (!fs.existsSync(file)) return [];
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((line, i) => {
      const r = JSON.parse(line) as { id: string; text: string; kinds: string[] };
      if (typeof r.id !== 'string' || typeof r.text !== 'string' || !Array.isArray(r.kinds) || !r.kinds.every((k) => (RISK_CATEGORIES as readonly string[]).includes(k))) {
        throw new Error(`${path.basename(file)} line ${i + 1}: expected {"id","text","kinds":[...]} with known kinds`);
      }
      const screened = deidentify(r.text).redacted;
      return { id: r.id, text: r.text, screened, norm: classifierNorm(r.text, screened), kinds: r.kinds as RiskCategory[] };
    });
}
