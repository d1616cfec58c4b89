import assert from 'node:assert/strict';
import fs from 'node:fs';
import { deidentify } from '../../../services/deidentify';
import { candidates, caseHabit, decode, FACILITY_MODEL_FILE, FACILITY_SLOT_MODEL_FILE, FacilityScorer, tokenMarks, useFacilityModel, useFacilitySlotModel, withFacilities, type FacilityModel } from '../../../services/deidentify/classifier/facilityModel';
import { noteContext, tokenize } from '../../../services/deidentify/classifier/features';
import { trainingFile, writerNotes } from '../../../bench/deidLowo';
import { noteExamples, shippedExamples, shippedSource, THRESHOLDS, trainFacility, trainShipped } from '../../../bench/trainFacility';
import type { Entity } from '../../../services/deidentify';
import type { Note } from '../../../bench/deidLowo';

/** The candidate spans of a text as the model is asked about them (nothing found by the rules); `slot`: the slots' only, or round 13's only. */
function spans(text: string, found: Entity[] = [], slot?: boolean): string[] {
  const toks = tokenize(text);
  return candidates(text, toks, tokenMarks(toks, found))
    .filter((c) => slot === undefined || c.slot === slot)
    .map((c) => text.slice(c.start, c.end));
}

/** Notes where the one or two words after "at the"/"to" are a place's name, and notes where they are everyday words. */
function fixture(): Note[] {
  const places = ['zorblax', 'quendry', 'mirrowood', 'pellinor', 'vastrel', 'okkamay', 'thessaly brook', 'ardent vale'];
  const words = ['park', 'store', 'bus stop', 'end of it', 'library', 'river', 'front desk', 'laundromat'];
  const notes: Note[] = [];
  places.forEach((p, i) => {
    for (const head of ['dropped her off at the ', 'she stayed at the ', 'got him a bed at ']) {
      const text = `${head}${p} last night`;
      notes.push({ id: `p${i}-${head.length}`, writer: 'fixture', source: 'fixture', text, spans: [{ start: head.length, end: head.length + p.length, type: 'FACILITY' }] });
      notes.push({ id: `w${i}-${head.length}`, writer: 'fixture', source: 'fixture', text: `${head}${words[i]} last night`, spans: [] });
    }
  });
  return notes;
}

/** A shipped facility model file: it loads, is small, has a threshold of the grid and was trained on development files only. */
function shipsSmall(file: string): void {
  const model = JSON.parse(fs.readFileSync(file, 'utf8')) as FacilityModel;
  assert.ok(new FacilityScorer(model));
  assert.ok(THRESHOLDS.includes(model.threshold));
  assert.ok(fs.statSync(file).size < 100 * 1024);
  assert.ok(model.trainedOn.files.every((f) => trainingFile(f)), 'development sets only');
}

describe('deidentify: the facility model', () => {
  afterEach(() => useFacilityModel(undefined));

  describe('candidates', () => {
    it('are one to four words after a place preposition and an optional "the", up to a sign or a function word', () => {
      assert.deepEqual(spans('dropped her off at the foothills, she was ok'), ['foothills']);
      assert.deepEqual(spans('back @ sunrise lodge rn'), ['sunrise', 'sunrise lodge', 'sunrise lodge rn']);
      assert.deepEqual(spans('admitted to St. Jude\'s'), ["St", "St. Jude's"]);
      assert.deepEqual(spans('went to qureshi family clinic'), ['qureshi', 'qureshi family', 'qureshi family clinic']);
      // "of" joins a name, never ends one; "Three" opens one only with its capital inside a sentence.
      // A kind of place alone in lower case ("house") is no candidate since round 8; the name holding it is.
      assert.deepEqual(spans('went to house of hope'), ['house of hope']);
      // "for" joins a name inside since round 10 ("centre for addiction …"), never ends one.
      assert.deepEqual(spans('Referred to Three Forks for detox'), ['Three', 'Three Forks', 'Three Forks for detox']);
      assert.deepEqual(spans('went to three of them'), []);
    });

    it('never open on a keep-listed word (chains, programs, cities) or a function word, nor where the rules found another identifier', () => {
      // A sentence's first word before a determiner is asked as a subject since round 10 ("grabbed"); "tims" never is.
      assert.deepEqual(spans('grabbed a coffee at tims'), ['grabbed']);
      assert.deepEqual(spans('she went to walmart'), []);
      assert.deepEqual(spans('they moved to calgary'), []);
      assert.deepEqual(spans('talked to her after'), []);
      assert.deepEqual(spans('the kids go to staff-approved childcare'), []);
      assert.deepEqual(spans('staying at grandmas this week'), []);
      assert.deepEqual(spans('slept at the park again'), []);
      const text = 'meet at 10135 117 st';
      assert.deepEqual(spans(text, [{ start: 8, end: text.length, type: 'ADDRESS' }]), []);
    });
  });

  describe('candidates in slots with no place preposition, for the slots\' model (round 20)', () => {
    afterEach(() => useFacilitySlotModel(undefined));

    it('open after a verb of contact, a thing a place gives, "says", a care moment and a sign, and before what else a place does', () => {
      assert.deepEqual(spans('i called peel dialysis and they moved him', [], true), ['peel', 'peel dialysis']);
      assert.deepEqual(spans('on the waitlist for hillside house', [], true), ['hillside', 'hillside house']);
      assert.ok(spans('hugh says kaien house kicked him out', [], true).includes('kaien house'));
      assert.ok(spans('in hospital. mount st joseph. pneumonia', [], true).includes('mount st joseph'));
      assert.ok(spans('northern star sed no beds again', [], true).includes('northern star'));
      assert.ok(spans('the oaks is doing a dinner', [], true).includes('oaks'));
    });

    it('open none over the words that stay in those slots', () => {
      for (const text of ['called his mom again', 'says hes coming tmrw', 'says the food is bad', 'try again tmrw', 'at the door of it']) assert.deepEqual(spans(text, [], true), [], text);
    });

    it('open none on a person cue in lower case: the word after "calling" is a person\'s (round 24)', () => {
      // The slot after "tried" opened on "calling": "tried [calling dawn] back" was a facility.
      assert.deepEqual(spans('tried calling dawn back, no answer', [], true), ['dawn']);
      assert.deepEqual(spans('tried texted mercy twice', [], true), []);
      // Nor a subject the slots' model reads before what else a place does ("[sunrise] sed").
      assert.deepEqual(spans('texted sunrise sed no beds', [], true), []);
      assert.deepEqual(spans('tried calling sunrise lodge, no beds', [], true), ['sunrise', 'sunrise lodge']);
      // A cue written with a capital may open a place's name ("tried Calling Lake Centre").
      assert.ok(spans('tried Calling Lake Centre again', [], true).includes('Calling Lake Centre'));
      assert.equal(deidentify('tried calling dawn back, no answer').redacted.startsWith('tried calling '), true);
    });

    it("leave round 13's candidates as they were: a subject before what a place does or has, a place after a preposition", () => {
      assert.deepEqual(spans('sunrise has no beds', [], true), []);
      assert.ok(spans('sunrise has no beds', [], false).includes('sunrise'));
      assert.deepEqual(spans('dropped her off at the foothills, she was ok', [], false), ['foothills']);
      // A slot's candidate is no example of round 13's model (bench/trainFacility.ts noteExamples): only the slots' recipe learns it.
      const note: Note = { id: 'x', writer: 'fixture', source: 'fixture', text: 'i called peel dialysis and they moved him', spans: [] };
      assert.equal(noteExamples(note, []).length, 0);
      assert.equal(noteExamples(note, [], true).length, 2);
    });

    it("are taken at the slots' model's own line, never by round 13's", () => {
      const text = 'i called peel dialysis and they moved him';
      const toks = tokenize(text);
      const scored = candidates(text, toks, tokenMarks(toks, [])).map((c) => ({ ...c, score: c.to === c.from ? 0.5 : 1 }));
      assert.deepEqual(decode(scored, 0, 2), []);
      assert.deepEqual(decode(scored, 2, 0.75).map((e) => text.slice(e.start, e.end)), ['peel dialysis']);
      // With the slots' model off, a slot's candidate is never taken, whatever round 13's model says.
      useFacilitySlotModel(null);
      assert.equal(withFacilities(text, []).length, 0);
    });
  });

  describe("the shipped slots' model (facility-slot-model.json)", () => {
    afterEach(() => useFacilitySlotModel(undefined));

    it('loads, small, with a threshold from the grid, trained on development files only', () => shipsSmall(FACILITY_SLOT_MODEL_FILE));

    it('hides places named in slots with no place preposition, and only with the slots\' model on', () => {
      for (const [text, want] of [
        ['hes on the waitlist for hillside house', 'hes on the waitlist for [FACILITY]'],
        ['northern star sed no beds again', '[FACILITY] sed no beds again'],
        ['i called peel dialysis and they moved him', 'i called [FACILITY] and they moved him'],
        ['she tried renascent again but no luck', 'she tried [FACILITY] again but no luck'],
      ]) {
        assert.equal(deidentify(text!).redacted, want);
        useFacilitySlotModel(null);
        assert.notEqual(deidentify(text!).redacted, want);
        useFacilitySlotModel(undefined);
      }
    });

    it('keeps the everyday words of the same slots', () => {
      for (const text of ['called his mom again', 'says the food is bad', 'the bus was late again', 'try again tmrw', 'got the number for the clinic', 'the weather is bad'])
        assert.equal(deidentify(text).redacted, text);
    });
  });

  it("reads the note's case habit by the rule of the name classifier's note context", () => {
    for (const text of ['met dawn at the mission', 'Met Dawn at the Mission. She was ok.', 'met Dawn at the mission. she was ok. I left', 'I met dawn']) {
      const toks = tokenize(text);
      assert.equal(caseHabit(text, toks), noteContext(text, toks, []).habit, text);
    }
  });

  describe('training', () => {
    it('is deterministic: the same notes give the same model, byte for byte', () => {
      const data = fixture().flatMap((n) => noteExamples(n, []));
      assert.equal(JSON.stringify(trainFacility(data, 0)), JSON.stringify(trainFacility(data, 0)));
      assert.ok(data.some((e) => e.label === 1) && data.some((e) => e.label === -1));
    });

    it('learns a place after "at the" from the fixture and leaves everyday words', () => {
      const model = trainFacility(fixture().flatMap((n) => noteExamples(n, [])), 0);
      useFacilityModel(model);
      assert.equal(deidentify('dropped her off at the brennory last night').redacted, 'dropped her off at the [FACILITY] last night');
      assert.equal(deidentify('dropped her off at the park last night').redacted, 'dropped her off at the park last night');
    });
  });

  describe('whole spans', () => {
    it('a facility over a name the rules found takes the whole span ("royal [NAME]" becomes one FACILITY)', () => {
      const model = trainFacility(fixture().flatMap((n) => noteExamples(n, [])), 0);
      useFacilityModel(model);
      const text = 'she stayed at the thessaly brook last night';
      const name = { start: text.indexOf('brook'), end: text.indexOf('brook') + 5, type: 'NAME' as const };
      const out = withFacilities(text, [name]);
      assert.deepEqual(out.map((e) => [text.slice(e.start, e.end), e.type]), [['thessaly brook', 'FACILITY']]);
      // A name alone after "at" stays a name: the model adds nothing where the rules hid every word.
      const met = 'we met at the brook last night';
      assert.deepEqual(withFacilities(met, [{ start: 14, end: 19, type: 'NAME' }]).map((e) => e.type), ['NAME']);
      useFacilityModel(null);
      assert.deepEqual(withFacilities(text, [name]), [name]);
    });
  });

  describe('the shipped model', () => {
    const shipped = JSON.parse(fs.readFileSync(FACILITY_MODEL_FILE, 'utf8')) as FacilityModel;

    it('loads, small, with a threshold from the leave-one-writer-out grid, trained on development files only', () => shipsSmall(FACILITY_MODEL_FILE));

    it('hides places by their short names after a place preposition', () => {
      for (const [text, want] of [
        ['dropped her off at the willowbrook last night', 'dropped her off at the [FACILITY] last night'],
        ['hes back at the foothills since monday', 'hes back at the [FACILITY] since monday'],
        ['she was discharged from the pinegrove yesterday', 'she was discharged from the [FACILITY] yesterday'],
        ['He was admitted to Kestrel Ridge on friday', 'He was admitted to [FACILITY] on friday'],
        ['spent 3 nights at the juniper', 'spent 3 nights at the [FACILITY]'],
      ]) assert.equal(deidentify(text!).redacted, want);
    });

    it('takes whole a place the name rules hid in part, its other words naming places, near its line (round 24)', () => {
      for (const [text, want] of [
        ['helped me restock at the Tuvalik site', 'helped me restock at the [FACILITY]'],
        ['booked an xray at the st-brenier clsc', 'booked an xray at the [FACILITY]'],
        ['took him to the okanese chapter for the meeting', 'took him to the [FACILITY] for the meeting'],
      ]) assert.equal(deidentify(text!).redacted, want);
      // Not someone's ("[NAME]'s memorial"), a list ("the centre and [NAME]"), a town of the list, nor with the model off.
      for (const [text, want] of [
        ["went to Ernie's memorial at the hall", "went to [NAME]'s memorial at the hall"],
        ['we fed birds at the centre and nukum said spring', 'we fed birds at the centre and [NAME] said spring'],
        ['he moved to watson lake in june', 'he moved to watson lake in june'],
      ]) assert.equal(deidentify(text!).redacted, want);
      useFacilityModel(null);
      try {
        assert.equal(deidentify('helped me restock at the Tuvalik site').redacted, 'helped me restock at the [NAME] site');
      } finally {
        useFacilityModel(undefined);
      }
    });

    it('keeps everyday places, chains, programs and cities', () => {
      for (const text of [
        'went to the park after lunch', 'grabbed coffee at tims', 'she went to walmart for diapers', 'got food at the food bank',
        'went to church sunday', 'he went to school late', 'talked to the worker at the store', 'met her at the library',
        'went to see her at home', 'she is in the hospital again', 'they moved to calgary last yr', 'at the end of the day she cried',
        'in the morning we walked to the river', 'she went to the store', 'he is at work till 5', 'the kids go to staff-approved childcare', 'slept at the park again', 'staying at grandmas this week',
      ]) assert.equal(deidentify(text).redacted, text);
    });

    it('is what `npm run train:deid:facility` makes from the development notes and rules (byte for byte)', function () {
      this.timeout(300_000);
      // Round 22: whether the inputs are as trained is known before training — other files named at once, else the
      // hash of the notes, the name model and the rules' spans — so the full training is spent only when it can be compared.
      const sameFiles = JSON.stringify(shippedSource().files) === JSON.stringify(shipped.trainedOn.files);
      const prepared = sameFiles ? shippedExamples(writerNotes()) : undefined;
      if (prepared?.source.sha256 !== shipped.trainedOn.sha256) {
        // The notes, the name model or the rules' spans changed since it was trained: training must still be deterministic.
        const some = writerNotes().slice(0, 300);
        assert.equal(JSON.stringify(trainShipped(some, shipped.threshold)), JSON.stringify(trainShipped(some, shipped.threshold)));
        // Round 17: said, not passed in silence — the shipped file is not what the recipe makes now
        // (`npx tsx bench/trainFacility.ts --check` names what changed).
        this.skip();
      }
      const made = trainFacility(prepared.data, shipped.threshold, prepared.source);
      // Compared whole, reported short (the file is one long line).
      assert.ok(`${JSON.stringify(made)}\n` === fs.readFileSync(FACILITY_MODEL_FILE, 'utf8'), 'facility-model.json differs from what training makes now');
    });
  });
});
