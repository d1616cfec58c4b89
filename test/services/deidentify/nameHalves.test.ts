import assert from 'node:assert/strict';
import { deidentify, type Entity } from '../../../services/deidentify';
import { bucket, tokenize } from '../../../services/deidentify/classifier/features';
import { useNameModel } from '../../../services/deidentify/classifier/model';
import { hiddenTypes, nameHalves, slotsOf, useHalfModel, type HalfModel } from '../../../services/deidentify/nameHalves';

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

describe('deidentify: the other half of a full name (round 16, nameHalves.ts)', () => {
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

  it('hides a slot word at or above the line, the possessive outside, and nothing below it', () => {
    const text = "tina klassen's van";
    useHalfModel(modelOf(1, 0.5));
    assert.deepEqual(words(text, nameHalves(text, [NAME(0, 4)], [])), ['tina', 'klassen']);
    useHalfModel(modelOf(1, 1.5));
    assert.deepEqual(words(text, nameHalves(text, [NAME(0, 4)], [])), ['tina']);
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
    ] as const) {
      const out = deidentify(text).redacted;
      assert.ok(!out.includes(half), `${text} -> ${out}`);
    }
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
    ] as const) {
      const out = deidentify(text).redacted;
      assert.ok(out.includes('[NAME]') && out.includes(stays), `${text} -> ${out}`);
    }
    // No hidden name beside it: the day stays a day.
    assert.equal(deidentify('Sunday was busy at the shelter').redacted, 'Sunday was busy at the shelter');
  });
});
