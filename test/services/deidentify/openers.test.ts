import assert from 'node:assert/strict';
import { deidentify, type Entity } from '../../../services/deidentify';
import { bucket, tokenize } from '../../../services/deidentify/classifier/features';
import { useNameModel } from '../../../services/deidentify/classifier/model';
import { randomWeights } from '../../helpers/slotWeights';
import { hiddenTypes, SLACK, slotReading, type HalfModel, type SlotReadingHolder } from '../../../services/deidentify/nameHalves';
import { openerBuckets, openerCeilingFor, openerFeatures, openers, openerSlots, useOpenerModel } from '../../../services/deidentify/openers';

/** A made-up opener model: every opening word scores `bias` (the one feature every slot word has). */
const modelOf = (bias: number, threshold: number): HalfModel => ({
  version: 1,
  bits: 18,
  threshold,
  trainedOn: { files: [], sha256: '', epochs: 0, seed: 0, tokens: 0, names: 0 },
  weights: { [String(bucket('open:bias', ''))]: bias },
});
const NAME = (start: number, end: number): Entity => ({ start, end, type: 'NAME' });
const words = (text: string, spans: readonly Entity[]): string[] => spans.map((e) => text.slice(e.start, e.end));
const slotWords = (text: string, spans: Entity[]): string[] => {
  const toks = tokenize(text);
  return openerSlots(text, toks, hiddenTypes(toks, spans)).map((i) => toks[i]!.raw);
};

/** The first word's features of these templates, by template, in a note with nothing hidden. */
const firstWordReads = (templates: readonly string[]) => (text: string): Record<string, string> => {
  const toks = tokenize(text);
  return Object.fromEntries(openerFeatures(text, toks, 0, hiddenTypes(toks, []), undefined).filter(([k]) => templates.includes(k)));
};

// Round 16.
describe('deidentify: a name opening a sentence or the note (openers.ts)', () => {
  afterEach(() => {
    useOpenerModel(undefined);
    useNameModel(undefined);
  });

  it('the slot is the first visible word of the note, of a line and after . ! ?, not one beside a hidden name', () => {
    assert.deepEqual(slotWords('quorra came by. she was ok\nvelt called, then brix left! Dorn too', []), ['quorra', 'she', 'velt', 'Dorn']);
    // "klassen" is beside a hidden name (nameHalves.ts' slot); "12" is no word; past the name, "jolvi" opens again.
    assert.deepEqual(slotWords('Tina klassen came. 12 beds. Sam. jolvi left', [NAME(0, 4), NAME(28, 31)]), ['jolvi']);
  });

  // Round 25: a role or a title opening a sentence is no candidate, whatever the model's weights.
  it('never takes a role or a title opening a sentence ("bishop at …", "Doctor said"), whatever it scores, and takes a name there', () => {
    useOpenerModel(modelOf(5, 0));
    assert.equal(deidentify('bishop at st nektarios blessed the food').redacted, 'bishop at [FACILITY] blessed the food');
    assert.equal(deidentify('Doctor said ok').redacted, 'Doctor said ok');
    assert.equal(deidentify('quorra at st nektarios blessed the food').redacted, '[NAME] at [FACILITY] blessed the food');
  });

  it('its buckets, hashed in place, are bucket(open:template, value) of its features, each once, in order', () => {
    let slots = 0;
    for (const [text, spans] of [
      ["note\nquorra's mom came. velt called", []],
      ['Tina came. tina left (again)! Brix, 12 beds. brix Sam', [NAME(0, 4), NAME(50, 53)]],
      ['Velt and her kid. VELT was upset', []],
    ] as Array<[string, Entity[]]>) {
      const toks = tokenize(text);
      const types = hiddenTypes(toks, spans);
      for (const i of openerSlots(text, toks, types)) {
        for (const margin of [undefined, 0.2, -0.3, -1, -3]) {
          const want = [...new Set(openerFeatures(text, toks, i, types, margin).map(([k, v]) => bucket(`open:${k}`, v)))];
          assert.deepEqual(openerBuckets(text, toks, i, types, margin), want, `${text} @${toks[i]!.raw}`);
        }
        slots++;
      }
    }
    assert.ok(slots >= 7, `${slots} slots`);
  });

  it('reads what follows the word, where it opens, and the word again in the note', () => {
    const text = "note\nquorra's mom came. velt called. Velt left\ntina";
    const toks = tokenize(text);
    const types = hiddenTypes(toks, [NAME(47, 51)]);
    const f = (i: number) => Object.fromEntries(openerFeatures(text, toks, i, types, undefined));
    assert.equal(f(0).where, 'note');
    assert.equal(f(1).where, 'line');
    assert.equal(f(1).poss, 'true');
    assert.equal(f(4).where, 'stop');
    assert.equal(f(4).next, 'verb');
    assert.equal(f(4).again, 'visible');
    assert.equal(f(4).named, 'true');
    assert.equal(f(4).m, 'na');
    assert.equal(f(3).next, 'stop');
  });

  it('reads (round 19) an English word\'s own form, and the verb or function word after the word, not a word of other kinds', () => {
    const read = firstWordReads(['w', 'nw', 'nw+cls']);
    // "peaches" is an English word, not a common one: its form is read since round 19; "came" and "is" are both 'verb' to next.
    assert.deepEqual(read('peaches came by'), { w: 'peaches', nw: 'came', 'nw+cls': 'came|V' });
    assert.deepEqual(read('hope is a big word'), { w: 'hope', nw: 'is', 'nw+cls': 'is|C' });
    assert.deepEqual(read('peaches and cream'), { w: 'peaches', nw: 'and', 'nw+cls': 'and|V' });
    // No English word: no form; a noun or a comma after: no next word.
    assert.deepEqual(read('quorra came by'), { nw: 'came', 'nw+cls': 'came|name' });
    assert.deepEqual(read('hope van broke'), { w: 'hope' });
    assert.deepEqual(read('hope, she said'), { w: 'hope' });
  });

  it('reads (round 21) the word\'s part of speech and the next word\'s, when the next is a plain word of the same sentence', () => {
    const read = firstWordReads(['pos', 'npos', 'pos+npos']);
    // An adjective before a plural noun, a noun before a past verb, a name-list word before a present verb.
    assert.deepEqual(read('major changes to the plan'), { pos: 'A', npos: 'VZ', 'pos+npos': 'A|VZ' });
    assert.deepEqual(read('rose texted me'), { pos: 'N', npos: 'VD', 'pos+npos': 'N|VD' });
    assert.deepEqual(read('rose petals on the table'), { pos: 'N', npos: 'NP', 'pos+npos': 'N|NP' });
    // A word the table does not hold is 'U'; a stop, a comma or a hidden word after it: no next word's part.
    assert.deepEqual(read('quorra came by'), { pos: 'U', npos: 'VD', 'pos+npos': 'U|VD' });
    assert.deepEqual(read('rose. she left'), { pos: 'N' });
    assert.deepEqual(read('rose, she said'), { pos: 'N' });
    const text = 'rose Quorra came';
    const toks = tokenize(text);
    assert.ok(!openerFeatures(text, toks, 0, hiddenTypes(toks, [NAME(5, 11)]), undefined).some(([k]) => k === 'npos'));
  });

  it('hides an opening word at or above the line, the possessive outside, and nothing below it', () => {
    const text = "quorra's van came";
    useOpenerModel(modelOf(1, 0.5));
    assert.deepEqual(words(text, openers(text, [], [])), ['quorra']);
    useOpenerModel(modelOf(1, 1.5));
    assert.deepEqual(openers(text, [], []), []);
  });

  it('runs only with a name model: the rules alone are as before', () => {
    useOpenerModel(modelOf(1, 0.5));
    useNameModel(null);
    assert.deepEqual(openers('quorra came', [], []), []);
  });

  it('the shipped model hides a short name opening the note or a sentence, that the steps before it leave', () => {
    for (const [text, name] of [
      ['jun n his dad at the clinic', 'jun'],
      ['jun stayed at the camp', 'jun'],
      // "mo and his cousin came by" (round 16) is no longer taken: round 21's file, at line 0.625, leaves "mo".
      // Round 19: an English word opening a sentence before a person's verb (round 17's model left it).
      ['quiet day. pickles said shes ok now', 'pickles'],
      ['long day. pickles says shes tired', 'pickles'],
    ] as const) {
      useOpenerModel(null);
      assert.ok(deidentify(text).redacted.includes(name), `without the slot: ${text}`);
      useOpenerModel(undefined);
      const out = deidentify(text).redacted;
      assert.ok(!new RegExp(`\\b${name}\\b`).test(out) && out.includes('[NAME]'), `${text} -> ${out}`);
    }
  });

  it('the shipped model leaves the ordinary words that open a sentence: a verb, ok, today, a weekday, a drug, a town, a word that is a name too', () => {
    for (const text of [
      'ok went to the pharmacy',
      'today she was calm. Monday court',
      'Methadone picked up. ok',
      'suboxone dose ok. Saturday clinic closed',
      'walked to tims. seemed ok',
      'went to Thornbury. came back late',
      'slept at the camp. Friday she goes to detox',
      // Round 19: words that are names too, opening a sentence or a clause as words (bench/slotStays.ts).
      'ok. will call tmrw abt the intake',
      'grace period ends friday for the rent',
      'frank talk w her today abt the pills',
      'sunny out so we walked to the river',
      'she was quiet, little by little it gets easier',
      // The same word as a word, before a verb or function word that is no person's (round 19: the word after is read).
      'quiet day. peaches were in the food bank box',
      'quiet day. peaches and cream for dessert',
      'quiet day. peaches from the food bank',
    ]) {
      assert.equal(deidentify(text).redacted, text);
    }
  });
  it('an opening word whose ceiling is below the line is not read further: the note it acts on is still changed, the one it skips is as before', () => {
    // Every opening word scores 0.5, 0.5 more when it is hidden elsewhere in the note, 2 less with a possessive.
    useOpenerModel({
      ...modelOf(0.5, 0.75),
      weights: { [String(bucket('open:bias', ''))]: 0.5, [String(bucket('open:again', 'hidden'))]: 0.5, [String(bucket('open:poss', 'true'))]: -2 },
    });
    // Acts: "quorra" opening the note reaches the line only because the note hides it again further on.
    const acts = 'quorra came by. she saw quorra';
    assert.deepEqual(words(acts, openers(acts, [NAME(24, 30)], [])), ['quorra', 'quorra']);
    assert.deepEqual(openers('quorra came by', [], []), []);
    // Skipped: "quorra's" cannot reach the line whatever the note says; the spans come back as they were.
    const skips = "quorra's van came. quorra";
    const spans = [NAME(19, 25)];
    const toks = tokenize(skips);
    assert.ok(openerCeilingFor(skips, toks, 0, hiddenTypes(toks, spans), undefined).ceiling < 0.75);
    assert.equal(openers(skips, spans, []), spans);
  });

  it('reads the slot reading nameHalves kept for the same spans, and the note again for other spans', () => {
    useOpenerModel({
      ...modelOf(0.5, 0.75),
      weights: { [String(bucket('open:bias', ''))]: 0.5, [String(bucket('open:again', 'hidden'))]: 0.5 },
    });
    const text = 'quorra came by. she saw quorra';
    const spans = [NAME(24, 30)];
    const holder: SlotReadingHolder = { slotReading: slotReading(text, spans) };
    assert.deepEqual(words(text, openers(text, spans, [], holder)), ['quorra', 'quorra']);
    assert.equal(holder.slotReading, undefined, 'used once');
    // A reading made for other spans (nameHalves added a name) is not used: read under it, "quorra" is hidden nowhere.
    holder.slotReading = slotReading(text, []);
    assert.deepEqual(words(text, openers(text, spans, [], holder)), ['quorra', 'quorra']);
    assert.deepEqual(words(text, openers(text, [], [])), []);
  });

  it('an opening word\'s ceiling is never below its own score (random weights on every bucket the words and their "again" reach, every margin band)', () => {
    const cases: Array<[string, Entity[]]> = [
      ['quorra came by. she was ok\nvelt called, then brix left! Dorn too', []],
      ["Jun's van. jun n his dad at the clinic\nok today", [NAME(11, 14)]],
      ['Went to the shelter. Tina was there. tina said hi', [NAME(21, 25)]],
    ];
    const margins = [undefined, 0.2, -0.3, -1, -3];
    const buckets = new Set<number>();
    for (const [text, spans] of cases) {
      const toks = tokenize(text);
      const types = hiddenTypes(toks, spans);
      for (const i of openerSlots(text, toks, types)) {
        const cls = openerFeatures(text, toks, i, types, undefined).find(([k]) => k === 'cls')![1];
        for (const v of ['none', 'visible', 'hidden']) buckets.add(bucket('open:again', v)).add(bucket('open:again+cls', `${v}|${cls}`));
        for (const m of margins) for (const [k, v] of openerFeatures(text, toks, i, types, m)) buckets.add(bucket(`open:${k}`, v));
      }
    }
    let slots = 0;
    let below = 0;
    for (let round = 0; round < 5; round++) {
      useOpenerModel({ ...modelOf(0, 0.75), weights: randomWeights(buckets, 17 + round) });
      for (const [text, spans] of cases) {
        const toks = tokenize(text);
        const types = hiddenTypes(toks, spans);
        for (const i of openerSlots(text, toks, types)) {
          for (const margin of margins) {
            const { ceiling, score } = openerCeilingFor(text, toks, i, types, margin);
            assert.ok(ceiling + SLACK >= score, `${text} @${toks[i]!.raw}: ${ceiling} < ${score}`);
            if (ceiling < 0.75) below++;
            slots++;
          }
        }
      }
    }
    assert.ok(slots >= 100 && below > 0 && below < slots, `${slots} slots, ${below} below the line`);
  });

});
