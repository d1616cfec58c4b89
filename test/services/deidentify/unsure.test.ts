// Round 15: the words the review asks about ("Is 'X' a person?", "Is 'X' part of a name?"), read from the text as stored.
import assert from 'node:assert/strict';
import { deidentify, unsureWords } from '../../../services/deidentify';
import { bucket } from '../../../services/deidentify/classifier/features';
import { activeScorer, scoredWords, useNameModel } from '../../../services/deidentify/classifier/model';
import { halfMargins, useHalfModel, type HalfModel } from '../../../services/deidentify/nameHalves';
import { openerMargins, useOpenerModel } from '../../../services/deidentify/openers';
import { HALF_ASK_BELOW, knownNoName, SAFE_OPENER_ASK_BELOW, typedPossessiveOf, typedPossessiveStem } from '../../../services/deidentify/unsure';
import { unsureQuestions } from '../../../services/reflections/nameMemory';

/** The words asked about `text` with the openers' model off (round 15's shapes for a word opening a sentence). */
const withoutOpeners = (text: string): string[] => {
  useOpenerModel(null);
  try {
    return unsureWords(text).map((u) => u.word);
  } finally {
    useOpenerModel(undefined);
  }
};

/** What the review would ask about `raw` once it is de-identified: [word, kind]. */
const asked = (raw: string): Array<[string, string]> => unsureWords(deidentify(raw).redacted).map((u) => [u.word, u.kind]);

describe('unsureWords: what the review asks about', () => {
  it('asks about a word the name model left just under its line, where a person fits', () => {
    assert.deepEqual(unsureWords('talked about [NAME] and grace, i hope it helps').map((u) => u.word), ['grace']);
    assert.deepEqual(asked('We talked about Joy and the new place.'), [['Joy', 'person']]);
  });

  it('asks about a word opening a sentence that is no common word, less likely an everyday one', () => {
    useNameModel(null);
    try {
      const [rare] = unsureWords('rubys grandson comes every friday');
      const [everyday] = unsureWords('Sassy is her nickname at the shelter');
      // A possessive typed without its apostrophe asks its stem (round 23).
      assert.deepEqual([rare?.word, everyday?.word], ['ruby', 'Sassy']);
      assert.ok(rare!.rank > everyday!.rank);
    } finally {
      useNameModel(undefined);
    }
  });

  it('asks whether a word beside a hidden name is part of it: a capitalised word after it, two letters opening before it', () => {
    // Round 18: the half model hides "Whirlwind" after "Jolene"; since round 21's rebuild (line 0.25) after a lower-case
    // "jolene" too. A capitalised brand after it is left, and asked.
    assert.deepEqual(asked('we met jolene Saab today'), [['Saab', 'part']]);
    assert.deepEqual(unsureWords('met [NAME] Saab at the office').map((u) => [u.word, u.kind]), [['Saab', 'part']]);
    assert.deepEqual(unsureWords('jo [NAME] came by').map((u) => [u.word, u.kind]), [['jo', 'part']]);
  });

  it('never asks about ordinary words beside a hidden name, nor a common word opening a sentence', () => {
    for (const t of ['[NAME] was there too', 'saw [NAME] Friday at the clinic', 'her grandson [NAME] came by', 'talked w [NAME] abt housing', 'Church was good today', 'harder on the roof again']) {
      assert.deepEqual(unsureWords(t), [], t);
    }
  });

  it('never asks about a pronoun run into its verb, apostrophe or not', () => {
    for (const t of ["shes doing better this week", "We're meeting again friday", "They're moving to a new place", "She'll call the worker", "whos going to drive her"]) {
      assert.deepEqual(unsureWords(t).map((u) => u.word), [], t);
    }
    // A name opening the same kind of sentence is still asked.
    assert.deepEqual(unsureWords('Destiny is doing better this week').map((u) => u.word), ['Destiny']);
  });

  it('never asks after a determiner, pronoun or copula, nor about keep-list words, hidden words or a word its neighbours make a word', () => {
    for (const t of ['she was so glad her kids called', 'went to the bank and saw her case worker', 'it was sunny', 'the summer was hard', 'she will call', 'i hope so', 'went to walmart with her', 'picked up her invega', 'rain not stopping today', '[NAME] and [NAME] at [FACILITY]']) {
      assert.deepEqual(unsureWords(t), [], t);
    }
  });
});

// Round 17.
describe('unsureWords: a word opening a sentence, by the openers\' model', () => {
  it('asks about an opening word the model scores within 2 of its line, a common word too (the shapes never asked one)', () => {
    for (const t of ['chance found his sister at the hotel', 'Patches the cat had kittens']) {
      assert.deepEqual(unsureWords(t).map((u) => u.word), [t.split(' ')[0]], t);
      assert.deepEqual(withoutOpeners(t), [], t);
    }
  });

  it('asks about a common word in lower case only within 1 of the line', () => {
    // Between 1 and 2 below the line (where a word that is not a common one is asked): not asked.
    for (const t of ['calm and steady after the visit', 'good and calm after the visit']) {
      const m = openerMargins(t, [], [], 2)!.get(0)!;
      assert.ok(m < -1 && m >= -2, `${t}: ${m}`);
      assert.deepEqual(unsureWords(t).filter((u) => u.start === 0), [], t);
    }
    // Within 1 (round 19's model reads "little" before "from" nearer a name than round 17's did): asked.
    const t = 'little from the group wants flyers';
    assert.ok(openerMargins(t, [], [], 2)!.get(0)! >= -1, t);
    assert.deepEqual(unsureWords(t).filter((u) => u.start === 0).map((u) => u.word), ['little'], t);
  });

  it('never asks about an opening word it scores further below, though the shapes asked it', () => {
    for (const t of ['Paperwork signed at the office', 'Cataract surgery next week', 'Probation officer called']) {
      assert.deepEqual(unsureWords(t), [], t);
      assert.deepEqual(withoutOpeners(t), [t.split(' ')[0]], t);
    }
  });

  it('never asks about a comparative before a function word; an -er word with no superlative is still asked', () => {
    for (const t of ['harder on the roof again', 'older than her sister now', 'longer at the shelter now']) assert.deepEqual(unsureWords(t), [], t);
    assert.deepEqual(unsureWords('tucker on the phone again').map((u) => u.word), ['tucker']);
  });

  it('reads the stored text: a word far below the line gets its ceiling, and no margins with the slot off', () => {
    const far = openerMargins('ok she went home', [], [], 2)!;
    assert.ok(far.get(0)! < -2);
    useOpenerModel(null);
    try {
      assert.equal(openerMargins('ok she went home', [], [], 2), undefined);
    } finally {
      useOpenerModel(undefined);
    }
  });
});

/** The half-name model's margin for the word at `word` in a stored `text`, read as the review reads it. */
const halfMargin = (text: string, word: string): number | undefined => {
  const covered = [...text.matchAll(/\[NAME\]/g)].map((m) => ({ start: m.index!, end: m.index! + m[0].length, type: 'NAME' as const }));
  return halfMargins(text, covered, scoredWords(activeScorer()!, text, covered))?.get(text.indexOf(word));
};

describe('unsureWords: a word beside a hidden name, by the half-name model (round 18)', () => {
  it('asks whether the other word of a full name with one half hidden is part of it', () => {
    assert.deepEqual(asked('lurdes okafor came w soup'), [['lurdes', 'part']]);
    assert.deepEqual(unsureWords('awa [NAME] drove me to the clinic').map((u) => [u.word, u.kind]), [['awa', 'part']]);
  });

  it('never asks about a word beside a hidden name that is plainly a word: the model scores it far below its line', () => {
    for (const [t, w] of [['[NAME] said she was tired', 'said'], ['went to the store with [NAME] today', 'today'], ['[NAME] called about rent', 'called'], ['went to the store with [NAME] today', 'with']] as const) {
      assert.deepEqual(unsureWords(t), [], t);
      assert.ok(halfMargin(t, w)! < -HALF_ASK_BELOW, `${t}: ${w}`);
    }
  });

  it('reads a placeholder as the hidden name beside the word; with the slot off, no margins and the shapes alone', () => {
    assert.ok(halfMargin('awa [NAME] drove me', 'awa')! >= -HALF_ASK_BELOW);
    useHalfModel(null);
    try {
      assert.equal(halfMargins('awa [NAME] drove me', [{ start: 4, end: 10, type: 'NAME' }], []), undefined);
      assert.deepEqual(unsureWords('awa [NAME] drove me to the clinic'), []);
      assert.deepEqual(unsureWords('met [NAME] Saab at the office').map((u) => u.word), ['Saab']);
    } finally {
      useHalfModel(undefined);
    }
  });
});

describe('unsureWords: more of the names left, asked last (round 23)', () => {
  it('asks about a word no model scores that is joined to a hidden name, when it can be a name there', () => {
    assert.deepEqual(unsureWords('[NAME] n spider got into it outside the store').map((u) => [u.word, u.kind, u.rank]), [['spider', 'person', -0.45]]);
    assert.deepEqual(unsureWords('[NAME] and ferial make me sit and eat').map((u) => u.word), ['ferial']);
  });

  it('never asks a joined word that its neighbours show is a word: a verb form, before a function word, or ending a phrase of words', () => {
    // (Round 23's end: the openers' file rebuilt at line 0.5 asks "speaks" opening a note, 0.35 below its line; after "he"
    // it is no opener. What this test pins is the joined word, "mandarin".)
    for (const t of ['[NAME] n gravy on the side', 'released [NAME] and her sister', 'the family group n [NAME] cried', 'he speaks mandarin + [NAME]', 'walked w [NAME] today']) {
      assert.deepEqual(unsureWords(t), [], t);
    }
  });

  it('asks about a word the safe lists hold where a model scores it near its line: beside a hidden name in lower case, or opening a sentence', () => {
    assert.deepEqual(unsureWords('her sister [NAME] night is in the hospital').map((u) => [u.word, u.kind, u.rank]), [['night', 'part', -0.5]]);
    assert.deepEqual(unsureWords('[NAME] sunday lost her job at the store').map((u) => u.word), ['sunday']);
    const [christmas] = unsureWords('christmas lol yes her name is christmas');
    assert.equal(christmas?.word, 'christmas');
    const scored = scoredWords(activeScorer()!, 'christmas lol yes her name is christmas', []);
    assert.ok(openerMargins('christmas lol yes her name is christmas', [], scored, 2)!.get(0)! >= -SAFE_OPENER_ASK_BELOW);
  });

  it('never asks a safe word that is capitalised beside a hidden name (a date), an adverb, or hyphened', () => {
    assert.ok(halfMargin('saw [NAME] Friday at the clinic', 'Friday')! >= -HALF_ASK_BELOW, 'the half model scores it as a surname');
    for (const t of ['saw [NAME] Friday at the clinic', 'saw [NAME] tuesday at the clinic', 'so [NAME] called back', 'Move-in for [NAME] is set', 'went w [NAME] to the bank']) {
      assert.deepEqual(unsureWords(t), [], t);
    }
  });

  it('ranks them under every question asked before: a note with three of those asks the same three', () => {
    useNameModel(null);
    try {
      const three = ['Sassy is her nickname at the shelter', 'rubys grandson comes every friday', 'we met [NAME] Whirlwind today'];
      const before = unsureQuestions('secret', undefined, three);
      assert.equal(before.length, 3);
      assert.deepEqual(unsureQuestions('secret', undefined, [...three, '[NAME] n spider got into it']), before);
      assert.deepEqual(unsureQuestions('secret', undefined, three.slice(1).concat('[NAME] n spider got into it')).map((q) => q.word), ['Whirlwind', 'ruby', 'spider']);
    } finally {
      useNameModel(undefined);
    }
  });
});

describe('unsureWords: a possessive typed without its apostrophe asks its stem (round 23)', () => {
  it('asks the given name a typed possessive belongs to, as its stem, where no other rule asks the word (last)', () => {
    assert.deepEqual(unsureWords('helped with rubys hair before church').map((u) => [u.word, u.kind, u.start, u.end, u.rank]), [['ruby', 'person', 12, 16, -0.55]]);
    assert.deepEqual(unsureWords('picked up terrys meds at noon').map((u) => u.word), ['terry']);
    // Asked by another rule (the openers' model here), the stem still, in the case typed.
    assert.deepEqual(unsureWords('Rubys hair looked nice').map((u) => u.word), ['Ruby']);
    assert.deepEqual(unsureWords('RUBYS HAIR WAS DONE').map((u) => u.word), ['RUBY']);
  });

  it('never asks a word that is a word: a pronoun, a plural, a verb, a relation, a function word', () => {
    for (const t of ['this is hard, its raining and the bag is hers', 'after years of waiting she hopes to move']) assert.deepEqual(unsureWords(t), [], t);
    for (const w of ['this', 'its', 'hers', 'years', 'hopes', 'dawns', 'grannys', 'buddys', 'elses', 'guns']) assert.equal(typedPossessiveStem(w), undefined, w);
    assert.equal(typedPossessiveStem('felicitys'), 'felicity');
  });

  it('a word\'s possessive typed without the apostrophe, unless that form is a word', () => {
    assert.equal(typedPossessiveOf('ruby'), 'rubys');
    assert.equal(typedPossessiveOf('zorblax'), 'zorblaxs');
    for (const w of ['hope', 'dawn', 'bill', 'will']) assert.equal(typedPossessiveOf(w), undefined, w);
  });
});

describe('unsureQuestions: the likeliest names first, at most three', () => {
  it('orders by rank across the answers and keeps three', () => {
    useNameModel(null);
    try {
      // Ranks: beside a hidden name −0.2, a rare opener −0.3, an everyday opener −0.4 (asked last, here not at all).
      const texts = ['Sassy is her nickname at the shelter', 'rubys grandson comes every friday', 'we met [NAME] Whirlwind today', 'Lehua brought her mom'];
      assert.deepEqual(unsureQuestions('secret', undefined, texts), [
        { word: 'Whirlwind', kind: 'part' },
        { word: 'ruby', kind: 'person' },
        { word: 'Lehua', kind: 'person' },
      ]);
    } finally {
      useNameModel(undefined);
    }
  });
});

/** A made-up slot model (`prefix` 'open:' or 'half:'): every slot word scores `bias`, the one feature each has. */
const slotModelOf = (prefix: string, bias: number, threshold: number): HalfModel => ({
  version: 1,
  bits: 18,
  threshold,
  trainedOn: { files: [], sha256: '', epochs: 0, seed: 0, tokens: 0, names: 0 },
  weights: { [String(bucket(`${prefix}bias`, ''))]: bias },
});

// Round 26: the openers' file rebuilt with train-cd asked about "grandson" ("[NAME] grandson comes") and "Changed" opening a sentence.
describe('unsureWords: a word known to be no name where it stands is never asked, whatever a model scores (round 26)', () => {
  afterEach(() => {
    useOpenerModel(undefined);
    useHalfModel(undefined);
  });

  it('never asks a kin word, a relation, a role or a title opening a sentence; an unknown name there is still asked', () => {
    // Every opening word half a point under the line: within reach of a question.
    useOpenerModel(slotModelOf('open:', 1, 1.5));
    for (const t of ['Grandson called today', 'Sponsor called back', 'Kokum was tired today', 'Nurse came at noon']) assert.deepEqual(unsureWords(t), [], t);
    assert.deepEqual(unsureWords('Quorra called today').map((u) => u.word), ['Quorra']);
    // A kin word that is a given name too is still asked.
    assert.deepEqual(unsureWords('Lola came by at noon').map((u) => u.word), ['Lola']);
  });

  it('never asks a past or -ing verb opening a sentence that no list reads as a name; a name of that form is still asked', () => {
    useOpenerModel(slotModelOf('open:', 1, 1.5));
    for (const t of ['Changed her mind about the meds', 'Signed the lease today', 'Walking better this week']) {
      assert.deepEqual(unsureWords(t).filter((u) => u.start === 0), [], t);
    }
    // A given name, a nickname or a family name that is also an adjective or a verb's form: still the model's.
    for (const t of ['Hung called back', 'Blessing came by']) assert.deepEqual(unsureWords(t).map((u) => u.word), [t.split(' ')[0]], t);
  });

  it('never asks a kin word beside a hidden name as part of it, whatever the half-name model scores; where it stands as a name it is still asked', () => {
    useHalfModel(slotModelOf('half:', 1, 1.5));
    assert.deepEqual(unsureWords('[NAME] grandson comes every friday'), []);
    assert.deepEqual(unsureWords('bible study at tita [NAME] house').map((u) => u.word), ['house']);
    assert.deepEqual(unsureWords('[NAME] okafor comes every friday').map((u) => [u.word, u.kind]), [['okafor', 'part']]);
    // Capitalised right after a hidden name, a family name; joined to a hidden name, a name in a list.
    assert.deepEqual(unsureWords('met [NAME] Bishop.').map((u) => [u.word, u.kind]), [['Bishop', 'part']]);
    assert.deepEqual(unsureWords('[NAME] + teta at the cafe').map((u) => u.word), ['teta']);
  });

  it('reads the word where it stands: a verb\'s form only opening a sentence, a kin word unless it stands as a name', () => {
    const at = (opens: boolean, after = false, joined = false) => ({ opens, after, joined: () => joined });
    assert.equal(knownNoName('Changed', at(true)), true);
    assert.equal(knownNoName('changed', at(false)), false);
    for (const w of ['grandson', 'mom', 'sponsor', 'nurse', 'sgt', 'Grandson']) assert.equal(knownNoName(w, at(false)), true, w);
    for (const w of ['lola', 'rusty', 'hung', 'quorra']) assert.equal(knownNoName(w, at(true)), false, w);
    assert.equal(knownNoName('Bishop', at(false, true)), false);
    assert.equal(knownNoName('bishop', at(false, true)), true);
    assert.equal(knownNoName('teta', at(false, false, true)), false);
  });
});
