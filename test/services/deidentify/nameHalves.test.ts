import assert from 'node:assert/strict';
import { deidentify, type Entity } from '../../../services/deidentify';
import { bucket, tokenize } from '../../../services/deidentify/classifier/features';
import { useNameModel } from '../../../services/deidentify/classifier/model';
import { randomWeights } from '../../helpers/slotWeights';
import { spansIn } from '../../../services/deidentify/deidentify';
import { halfCeilingFor, hiddenTypes, maySlot, nameHalves, slotBuckets, slotFeatures, slotReading, slotsOf, SLACK, useHalfModel, type HalfModel, type SlotReadingHolder } from '../../../services/deidentify/nameHalves';

/** A made-up slot model: every slot word scores `bias` (the one feature every slot word has). */
const modelOf = (bias: number, threshold: number): HalfModel => ({
  version: 1,
  bits: 18,
  threshold,
  trainedOn: { files: [], sha256: '', epochs: 0, seed: 0, tokens: 0, names: 0 },
  weights: { [String(bucket('half:bias', ''))]: bias },
});
const NAME = (start: number, end: number): Entity => ({ start, end, type: 'NAME' });
const words = (text: string, spans: readonly Entity[]): string[] => spans.map((e) => text.slice(e.start, e.end));

// Round 16.
describe('deidentify: the other half of a full name (nameHalves.ts)', () => {
  afterEach(() => {
    useHalfModel(undefined);
    useNameModel(undefined);
  });

  it('the slot is the words with only spaces between them and a hidden name, on either side', () => {
    const text = 'met tina klassen, and jo at 12 Main St';
    const toks = tokenize(text);
    const spans: Entity[] = [NAME(4, 8), { start: 28, end: 38, type: 'ADDRESS' }];
    const slots = slotsOf(text, toks, hiddenTypes(toks, spans)).map((s) => toks[s.i]!.raw);
    // "met" before the name and "klassen" after it; not "and" (a comma between), nor "at" beside an address.
    assert.deepEqual(slots, ['met', 'klassen']);
  });

  it('the slot\'s buckets, hashed in place into one buffer, are bucket(half:template, value) of its features, each once, in order', () => {
    const cases: Array<[string, Entity[]]> = [
      ["SAM'S van and sam's keys, sam left", [NAME(0, 3), NAME(15, 18)]],
      ['met tina klassen. klassen came, tina klassen again', [NAME(4, 8), NAME(31, 35)]],
      ['Dr Jolene Friday will call (friday) 12 times', [NAME(3, 9)]],
      ['her kokum rose’s house; rose and tom marie', [NAME(10, 14), NAME(33, 36)]],
    ];
    let slots = 0;
    for (const [text, spans] of cases) {
      const toks = tokenize(text);
      const types = hiddenTypes(toks, spans);
      for (const slot of slotsOf(text, toks, types)) {
        for (const margin of [undefined, 0.2, -0.3, -1, -3]) {
          const want = [...new Set(slotFeatures(text, toks, slot, types, margin).map(([k, v]) => bucket(`half:${k}`, v)))];
          assert.deepEqual(slotBuckets(text, toks, slot, types, margin), want, `${text} @${toks[slot.i]!.raw}`);
        }
        slots++;
      }
    }
    assert.ok(slots >= 8, `${slots} slots`);
    // A word's own form is a feature only for function and common words; the possessive is compared without its 's.
    const text = "SAM'S van and sam's keys";
    const toks = tokenize(text);
    const f = slotFeatures(text, toks, { i: 0, left: false, right: true }, hiddenTypes(toks, [NAME(6, 9)]), undefined);
    assert.deepEqual(f.find(([k]) => k === 'again'), ['again', 'visible']);
    assert.deepEqual(f.find(([k]) => k === 'side+wc+cls')?.[1].split('|').length, 3);
  });

  it('skips a note before reading its words only when no slot can exist (no blank beside a hidden name)', () => {
    for (const [text, spans, may] of [
      ['(tina)', [NAME(1, 5)], false],
      ['tina,klassen;bob', [NAME(0, 4), NAME(13, 16)], false],
      ['tina, klassen', [NAME(0, 4)], true],
      ["tina's van", [NAME(0, 4)], true],
      ['met tina', [NAME(4, 8)], true],
      ['tina klassen', [{ start: 0, end: 4, type: 'FACILITY' }], false],
    ] as Array<[string, Entity[], boolean]>) {
      assert.equal(maySlot(text, spans), may, text);
      const toks = tokenize(text);
      if (!may) assert.deepEqual(slotsOf(text, toks, hiddenTypes(toks, spans)), [], text);
    }
  });

  it('reads the far word itself when it is a function word (round 18): "In May [NAME]" is a date, "[NAME] Friday came" a name', () => {
    const farw = (text: string, spans: Entity[], word: string) => {
      const toks = tokenize(text);
      const types = hiddenTypes(toks, spans);
      const slot = slotsOf(text, toks, types).find((x) => toks[x.i]!.raw === word)!;
      return slotFeatures(text, toks, slot, types, undefined).find(([k]) => k === 'farw')?.[1];
    };
    assert.equal(farw('In May Kowalczyk moved', [NAME(7, 16)], 'May'), 'R|in');
    assert.equal(farw('saw tom friday at the clinic', [NAME(4, 7)], 'friday'), 'L|at');
    // A far word that is no function word, a stop, or a hidden word: no such feature.
    assert.equal(farw('Tom Friday came in', [NAME(0, 3)], 'Friday'), undefined);
    assert.equal(farw('met Tom Friday.', [NAME(4, 7)], 'Friday'), undefined);
    assert.equal(farw('with Tom Friday', [NAME(5, 8)], 'with'), undefined);
  });

  it('reads the word as a surname that is a word (round 22: its Census band), its part of speech and the far plain word\'s', () => {
    const read = (text: string, spans: Entity[], word: string) => {
      const toks = tokenize(text);
      const types = hiddenTypes(toks, spans);
      const slot = slotsOf(text, toks, types).find((x) => toks[x.i]!.raw === word)!;
      return new Map(slotFeatures(text, toks, slot, types, undefined));
    };
    const brown = read('jolene brown came by', [NAME(0, 6)], 'brown');
    assert.equal(brown.get('sw'), 'a');
    assert.equal(brown.get('side+sw'), 'L|a');
    assert.equal(brown.get('pos'), 'A');
    assert.equal(brown.get('fpos'), 'L|VD');
    assert.equal(brown.get('pos+fpos'), 'L|A|VD');
    // "eagle": a rarer surname; no plain word after a stop, so no far part of speech.
    const eagle = read('saw jolene eagle. she was ok', [NAME(4, 10)], 'eagle');
    assert.equal(eagle.get('sw'), 'c');
    assert.equal(eagle.get('fpos'), undefined);
    // Before the name: the far word is the one before it ("called marcus [NAME]").
    const marcus = read('called marcus reyes today', [NAME(14, 19)], 'marcus');
    assert.equal(marcus.get('sw'), 'no');
    assert.equal(marcus.get('pos'), 'P');
    assert.equal(marcus.get('fpos'), 'R|VD');
    // The possessive is read as its word, in any case (round 23: "BROWN'S" too, its part of speech as "brown"'s).
    assert.equal(read("tina brown's van", [NAME(0, 4)], "brown's").get('sw'), 'a');
    const caps = read("TINA BROWN'S VAN", [NAME(0, 4)], "BROWN'S");
    assert.equal(caps.get('sw'), 'a');
    assert.equal(caps.get('pos'), 'A');
  });

  it('hides a slot word at or above the line, the possessive outside, and nothing below it', () => {
    const text = "tina klassen's van";
    useHalfModel(modelOf(1, 0.5));
    assert.deepEqual(words(text, nameHalves(text, [NAME(0, 4)], [])), ['tina', 'klassen']);
    // In capitals too (round 23): "KLASSEN'S" is hidden as "[NAME]'S".
    const caps = "TINA KLASSEN'S VAN";
    assert.deepEqual(words(caps, nameHalves(caps, [NAME(0, 4)], [])), ['TINA', 'KLASSEN']);
    useHalfModel(modelOf(1, 1.5));
    assert.deepEqual(words(text, nameHalves(text, [NAME(0, 4)], [])), ['tina']);
  });

  it('keeps the note\'s slot reading for openers: for these very spans, and none where it added a name', () => {
    const text = 'tina klassen came';
    const spans = [NAME(0, 4)];
    const holder: SlotReadingHolder = {};
    useHalfModel(modelOf(1, 1.5));
    assert.equal(nameHalves(text, spans, [], holder), spans);
    const read = holder.slotReading!;
    assert.equal(read.spans, spans);
    assert.deepEqual(read.slots, slotsOf(text, read.toks, hiddenTypes(read.toks, spans)));
    // Kept only for the same array: the spans nameHalves gives back when it added a name are another, read again.
    assert.equal(slotReading(text, spans, read), read);
    useHalfModel(modelOf(1, 0.5));
    const more = nameHalves(text, spans, [], holder);
    assert.deepEqual(words(text, more), ['tina', 'klassen']);
    assert.notEqual(slotReading(text, more, holder.slotReading), holder.slotReading);
    assert.deepEqual(slotReading(text, more).types, hiddenTypes(read.toks, more));
    // No slot can exist (maySlot): none is looked for.
    assert.deepEqual(slotReading('tina, klassen', [NAME(0, 4)]).slots, []);
  });

  it('runs only with a name model and a hidden name: the rules alone are as before', () => {
    useHalfModel(modelOf(1, 0.5));
    useNameModel(null);
    assert.deepEqual(words('tina klassen', nameHalves('tina klassen', [NAME(0, 4)], [])), ['tina']);
    useNameModel(undefined);
    assert.deepEqual(nameHalves('tina klassen', [], []), []);
  });

  it('the shipped model hides a full name\'s other word that is a day of the week', () => {
    for (const [text, half] of [
      ['Tom Friday came in for his meds', 'Friday'],
      ['Maggie Sunday turned 97 today', 'Sunday'],
      // Round 18 (the recipe with train-br's halves that are words, and the far word's form): lower case too.
      // Round 22: "jolene sunday lost her bus pass" is no longer hidden — the parts-of-speech table reads "lost" as an
      // adjective (a noun before an adjective, 0.11 under the line 0.375); before a past verb the day is still taken.
      ['jolene sunday came by for her bus pass', 'sunday'],
    ] as const) {
      const out = deidentify(text).redacted;
      assert.ok(!out.includes(half), `${text} -> ${out}`);
    }
  });

  it('names itself to a trace of the stages, as every step that hides words does (bench/deidOverStages.ts, deidGiveBack.ts)', () => {
    const text = 'Tom Friday came in for his meds';
    const first = new Map<number, string>();
    spansIn(text, {}, (stage, spans) => {
      for (const e of spans) if (!first.has(e.start)) first.set(e.start, stage);
    });
    assert.equal(first.get(text.indexOf('Friday')), 'nameHalves');
  });

  it('the shipped model leaves the ordinary words beside a hidden name', () => {
    for (const [text, stays] of [
      ['Sarah will call back tomorrow', 'will call back'],
      ['his wife brenda will check on him', 'wife'],
      ['his wife brenda will check on him', 'will check'],
      ['Marcus was upset today and left early', 'was upset'],
      ['Sarah and her mom came by', 'and her mom'],
      ['met with Jolene at the dropin', 'met with'],
      ['met with Jolene at the dropin', 'at the dropin'],
      ['gave tanya the number for housing', 'gave'],
      // Round 18: the same words as words beside a name — a month after "In", "may come sunday", "little by little", "will call".
      ['In May Kowalczyk moved to the shelter.', 'In May'],
      ['tina may come sunday for her cheque', 'may come sunday'],
      ['i told Marcus little by little it gets easier', 'little by little'],
      ['josh will call back later', 'will call'],
    ] as const) {
      const out = deidentify(text).redacted;
      assert.ok(out.includes('[NAME]') && out.includes(stays), `${text} -> ${out}`);
    }
    // No hidden name beside it: the day stays a day.
    assert.equal(deidentify('Sunday was busy at the shelter').redacted, 'Sunday was busy at the shelter');
  });
  it('a slot word whose ceiling is below the line is not read further: the note it acts on is still changed, the one it skips is as before', () => {
    // Every slot word scores 0.5, 0.5 more when the word is hidden elsewhere in the note, 2 less with the name on its right.
    const model: HalfModel = {
      ...modelOf(0.5, 0.75),
      weights: { [String(bucket('half:bias', ''))]: 0.5, [String(bucket('half:again', 'hidden'))]: 0.5, [String(bucket('half:side', 'R'))]: -2 },
    };
    useHalfModel(model);
    // Acts: "klassen" after "tina" reaches the line only because the note hides it again further on.
    const acts = 'tina klassen came, klassen said';
    assert.deepEqual(words(acts, nameHalves(acts, [NAME(0, 4), NAME(19, 26)], [])), ['tina', 'klassen', 'klassen']);
    // Its ceiling counts what the note could say ("again"): without the second one it is read, and left.
    assert.deepEqual(words('tina klassen came', nameHalves('tina klassen came', [NAME(0, 4)], [])), ['tina']);
    // Skipped: "met" before the name cannot reach the line whatever the note says; the spans come back as they were.
    const skips = 'met tina, tina met';
    const toks = tokenize(skips);
    const types = hiddenTypes(toks, [NAME(4, 8), NAME(10, 14)]);
    const met = slotsOf(skips, toks, types).find((x) => x.i === 0)!;
    assert.ok(halfCeilingFor(skips, toks, met, types, undefined).ceiling < 0.75);
    const spans = [NAME(4, 8), NAME(10, 14)];
    assert.equal(nameHalves(skips, spans, []), spans);
  });

  it('a slot word\'s ceiling is never below its own score (random weights on every bucket the slots and their "again"/"pair" reach, every margin band)', () => {
    const cases: Array<[string, Entity[]]> = [
      ["SAM'S van and sam's keys, sam left", [NAME(0, 3), NAME(15, 18)]],
      ['met tina klassen. klassen came, tina klassen again', [NAME(4, 8), NAME(31, 35)]],
      ['Dr Jolene Friday will call (friday) 12 times', [NAME(3, 9)]],
      ['her kokum rose’s house; rose and tom marie', [NAME(10, 14), NAME(33, 36)]],
      ['was with kevin gallant and then kevin left', [NAME(9, 14), NAME(32, 37)]],
    ];
    const margins = [undefined, 0.2, -0.3, -1, -3];
    const buckets = new Set<number>(['none', 'visible', 'hidden'].map((v) => bucket('half:again', v)).concat([bucket('half:pair', 'true'), bucket('half:pair', 'false')]));
    for (const [text, spans] of cases) {
      const toks = tokenize(text);
      const types = hiddenTypes(toks, spans);
      for (const slot of slotsOf(text, toks, types)) for (const m of margins) for (const [k, v] of slotFeatures(text, toks, slot, types, m)) buckets.add(bucket(`half:${k}`, v));
    }
    let slots = 0;
    let below = 0;
    for (let round = 0; round < 5; round++) {
      useHalfModel({ ...modelOf(0, 0.75), weights: randomWeights(buckets, 17 + round) });
      for (const [text, spans] of cases) {
        const toks = tokenize(text);
        const types = hiddenTypes(toks, spans);
        for (const slot of slotsOf(text, toks, types)) {
          for (const margin of margins) {
            const { ceiling, score } = halfCeilingFor(text, toks, slot, types, margin);
            assert.ok(ceiling + SLACK >= score, `${text} @${toks[slot.i]!.raw}: ${ceiling} < ${score}`);
            if (ceiling < 0.75) below++;
            slots++;
          }
        }
      }
    }
    assert.ok(slots >= 200 && below > 0 && below < slots, `${slots} slots, ${below} below the line`);
  });

});
