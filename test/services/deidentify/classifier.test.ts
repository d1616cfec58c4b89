// The name classifier (classifier/features.ts, model.ts, train.ts) and its bench recipes.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { boundary, bucket, contextFeatures, lists, ownFeatures, ownFeaturesAndForm, shape, tokenize, noteContext } from '../../../services/deidentify/classifier/features';
import { activeScorer, candidate, classifierNames, MODEL_FILE, NameScorer, useNameModel, wordLike, type NameModel, asked, needOf, scoredWords } from '../../../services/deidentify/classifier/model';
import { examples, MAX_WEIGHTS, train, type LabelledNote } from '../../../services/deidentify/classifier/train';
import { devNotes, devSource, GRID, mustStayScores, rulesDigest, rulesRuns, trainShipped } from '../../../bench/trainDeid';
import { trainingFile, chooseByKind, chooseKindsFrom, chooseOperatingPoint, judged, leaveGroupsOut, leaveOneWriterOut, macro, report, type Note, type Writer } from '../../../bench/deidLowo';
import { deidentify, type Entity } from '../../../services/deidentify';

/** Notes where the word after "met"/"texted" is a name and everything else is not. */
function slotNotes(): LabelledNote[] {
  const names = ['oksana', 'deshawn', 'Rupal', 'chukwuemeka', 'Ximena', 'svetlana', 'Harjit', 'ahanu', 'mihaela', 'tomasz'];
  const places = ['dropin', 'clinic', 'shelter', 'park'];
  const notes: LabelledNote[] = [];
  names.forEach((name, i) => {
    for (const verb of ['met', 'texted', 'called']) {
      const head = `${verb} `;
      const text = `${head}${name} at the ${places[i % places.length]} abt her invega shot`;
      notes.push({ id: `n${i}-${verb}`, text, spans: [{ start: head.length, end: head.length + name.length, type: 'PERSON' }] });
    }
  });
  return notes;
}
const at = (text: string, word: string) => tokenize(text).findIndex((t) => t.raw === word);

describe('deidentify: the name classifier', () => {
  afterEach(() => useNameModel(undefined));

  describe('features', () => {
    it('splits a text into words and numbers with their offsets', () => {
      const toks = tokenize("Met anne-sophie's mom at 10");
      assert.deepEqual(toks.map((t) => [t.raw, t.start, t.end, t.word]), [
        ['Met', 0, 3, true],
        ["anne-sophie's", 4, 17, true],
        ['mom', 18, 21, true],
        ['at', 22, 24, true],
        ['10', 25, 27, false],
      ]);
      assert.equal(toks[1]!.lower, "anne-sophie's");
    });

    it('reads shapes with runs collapsed', () => {
      assert.equal(shape('Dawn'), 'Xx');
      assert.equal(shape('dawn'), 'x');
      assert.equal(shape('JT'), 'X');
      assert.equal(shape('anne-sophie'), 'x-x');
      assert.equal(shape('t5k2j1'), 'xdxdxd');
      assert.equal(shape('Élodie'), 'Xx');
    });

    it('says which lists hold a word', () => {
      assert.match(lists('the'), /S/);
      assert.match(lists('invega'), /K/);
      assert.match(lists('dawn'), /F/);
      assert.match(lists('dawn'), /C/);
      assert.match(lists('felines'), /[EI]/);
      assert.match(lists('talkd'), /M/, 'a misspelt everyday word');
      assert.equal(lists('zxqvbn'), 'U', 'in no list');
    });

    it('knows where a word stands in its sentence', () => {
      const text = 'met dawn. Then rusty came, hope';
      const toks = tokenize(text);
      assert.deepEqual(toks.map((_t, i) => boundary(text, toks, i)), ['S', '-', 'S', '-', '-', 'c']);
    });

    it('asks only about words that may be names', () => {
      const ask = (w: string) => candidate(tokenize(w)[0]!);
      assert.equal(ask('oksana'), true, 'no English word');
      assert.equal(ask('Jennifer'), true, 'a given name');
      assert.equal(ask('the'), false, 'a function word');
      assert.equal(ask('invega'), false, 'on the keep-list');
      assert.equal(ask('shirts'), false, 'an English word in no name list');
      // Since round 5 word-names and misspelt words are asked too, and held to WORD_NAME_MARGIN.
      assert.equal(ask('talkd'), true, 'a misspelt everyday word');
      assert.equal(wordLike(tokenize('talkd')[0]!), true, 'held to the margin');
      assert.equal(wordLike(tokenize('dawn')[0]!), true, 'a word-name, held to the margin');
      assert.equal(wordLike(tokenize('oksana')[0]!), false, 'a name that is no word');
      assert.equal(ask('hope'), true, 'a word-name: asked since round 5, held to the margin');
      assert.equal(ask('12'), false, 'a number');
    });
  });

  describe('training and scoring', () => {
    it('learns a person slot and finds a new name in it, not the words around it', () => {
      const model = train(examples(slotNotes()), 0);
      useNameModel(model);
      const text = 'texted nkechi at the clinic abt her invega shot';
      assert.deepEqual(classifierNames(text, []), [{ start: 7, end: 13, type: 'NAME' }]);
    });

    it('leaves the words the rules already hid and keeps a possessive outside the name', () => {
      useNameModel(train(examples(slotNotes()), 0));
      const text = "met nkechi's sister";
      assert.deepEqual(classifierNames(text, [{ start: 0, end: 3, type: 'NAME' }]), [{ start: 4, end: 10, type: 'NAME' }]);
      assert.deepEqual(classifierNames(text, [{ start: 4, end: 12, type: 'NAME' }]), []);
    });

    it('scores a word in a person slot above the same word after a determiner', () => {
      const scorer = new NameScorer(train(examples(slotNotes()), 0));
      const a = 'texted nkechi at the park';
      const b = 'the nkechi at the park';
      assert.ok(scorer.score(a, tokenize(a), 1) > scorer.score(b, tokenize(b), 1));
    });

    it('leaves everyday hyphenated words and compounds of three common words to the reader', () => {
      useNameModel(undefined);
      for (const text of ['summary of what we agreed: one check-in a week', 'Another no-show today', 'alias Peer-support-worker 7']) {
        const compound = /\S*-\S*/.exec(text)!;
        const over = classifierNames(text, []).filter((e) => e.start < compound.index + compound[0].length && compound.index < e.end);
        assert.deepEqual(over, [], text);
      }
    });

    it('finds nothing when turned off, and is on by default with the shipped model', () => {
      useNameModel(null);
      assert.deepEqual(classifierNames('texted nkechi at the clinic', []), []);
      useNameModel(undefined);
      assert.ok(activeScorer(), 'the shipped model scores by default');
    });

    it('trains deterministically: the same notes give the same weights', () => {
      const a = JSON.stringify(train(examples(slotNotes()), 0.5));
      const b = JSON.stringify(train(examples(slotNotes()), 0.5));
      assert.equal(a, b);
    });

    it('leaves the word\'s own letters out of a share of training steps when asked (round 23, dropForm), and as before at 0', () => {
      const { features, form: [a, b] } = ownFeaturesAndForm('deshawn', 'deshawn');
      assert.deepEqual(features, ownFeatures('deshawn', 'deshawn'));
      assert.deepEqual(features.slice(a, b), [bucket('p2', 'de'), bucket('s2', 'wn'), bucket('p3', 'des'), bucket('s3', 'awn')]);
      // Words of two letters mark two, of one none (round 24: ownFeatures says where, no second copy of its layout).
      const two = ownFeaturesAndForm('Jo', 'jo');
      assert.deepEqual(two.features.slice(...two.form), [bucket('p2', 'jo'), bucket('s2', 'jo')]);
      const one = ownFeaturesAndForm('J', 'j').form;
      assert.equal(one[0], one[1]);
      const data = examples(slotNotes());
      assert.ok(data.every((e) => e.form), 'every training word marks its letters');
      const opts = { epochs: 8, seed: 13, learner: 'logistic' as const };
      const plain = train(data, 0, opts);
      assert.equal(JSON.stringify(train(data, 0, { ...opts, dropForm: 0 })), JSON.stringify(plain), 'dropForm 0: the same file');
      const dropped = train(data, 0, { ...opts, dropForm: 0.5 });
      assert.equal(JSON.stringify(train(data, 0, { ...opts, dropForm: 0.5 })), JSON.stringify(dropped), 'deterministic');
      assert.match(dropped.trainedOn.learner ?? '', /own letters dropped 0.5/);
      // A name no training note holds, in the slot: the context carries more of its score when the letters were dropped.
      const text = 'met zanele at the park abt her invega shot';
      const of = (m: NameModel) => scoredWords(new NameScorer(m), text, []).find((w) => text.slice(w.start, w.end) === 'zanele')!.score;
      assert.ok(of(dropped) > of(plain));
    });

    it('learns only the features words of enough writers have when asked (round 23, minWriters), and as before without', () => {
      // Each name its own writer: a name's letters are one writer's, the verbs before them every writer's.
      const data = examples(slotNotes()).map((e, i) => ({ ...e, writer: Math.floor(i / 3) }));
      const opts = { epochs: 8, seed: 13, learner: 'logistic' as const };
      const plain = train(data, 0, opts);
      assert.equal(JSON.stringify(train(data, 0, { ...opts, minWriters: 1 })), JSON.stringify(plain), 'minWriters 1: the same file');
      const shared = train(data, 0, { ...opts, minWriters: 2 });
      assert.match(shared.trainedOn.learner ?? '', /features of 2\+ writers/);
      const chu = String(bucket('p3', 'chu'));
      assert.ok(plain.weights[chu] !== undefined && shared.weights[chu] === undefined, 'one writer\'s letters are not learned');
      assert.ok(Object.keys(shared.weights).length < Object.keys(plain.weights).length);
      const text = 'met zanele at the park abt her invega shot';
      assert.ok(scoredWords(new NameScorer(shared), text, []).find((w) => text.slice(w.start, w.end) === 'zanele')!.score > 0, 'the slot is still learned');
    });
  });

  describe('the shipped model', () => {
    const shipped = JSON.parse(fs.readFileSync(MODEL_FILE, 'utf8')) as NameModel;

    it('loads, small, with a threshold from the cross-validation grid', () => {
      assert.ok(new NameScorer(shipped));
      assert.ok(GRID.includes(shipped.threshold));
      assert.ok(Object.keys(shipped.weights).length > 100);
      // Round 8's logistic model keeps its weights (train.ts MAX_WEIGHTS: pruned to round 7's size it lost 0.8 points).
      // Round 10: 67 writers give 83,625 weights (1,226 KB); the bound is train.ts MAX_WEIGHTS (100,000, ~1.5 MB), and
      // the scorer's memory is one 2^18 array whatever the file holds.
      assert.ok(Object.keys(shipped.weights).length <= MAX_WEIGHTS);
      assert.ok(fs.statSync(MODEL_FILE).size < 1600 * 1024);
      assert.ok(shipped.trainedOn.files.every((f) => trainingFile(f)), 'development sets only');
      assert.throws(() => trainingFile('bench/data/names-test3.txt'), /not a development file/);
      assert.throws(() => trainingFile('bench/data/hand-fresh6.txt'), /not a development file/);
    });

    it('finds a new name after a person cue with the shipped weights, and leaves the words around it', () => {
      useNameModel(shipped);
      const text = 'texted nkechi abt the rent';
      assert.deepEqual(classifierNames(text, []).map((e) => text.slice(e.start, e.end)), ['nkechi']);
      assert.equal(deidentify(text).redacted, 'texted [NAME] abt the rent');
    });

    it('keeps every pinned word: the words-that-stay phrases and every risk-lexicon word in the screen carriers', function () {
      this.timeout(120_000);
      const scorer = new NameScorer(shipped);
      const hidden = mustStayScores(shipped).filter((p) => p.score >= scorer.need(p.ask));
      assert.deepEqual(hidden.map((p) => p.word), []);
    });

    it('is what `npm run train:deid` makes from the development notes it names (byte for byte)', function () {
      this.timeout(300_000);
      const point = { t: shipped.threshold, m: shipped.wordNameMargin ?? 0.5, ...(shipped.kindMargins ? { kinds: shipped.kindMargins } : {}) };
      const notes = devNotes();
      // Whether the inputs are as trained is known before training (the notes' hash, then the rules' spans): the one
      // full training is spent only on the comparison it can make (round 22; it trained twice when they had changed).
      if (devSource().sha256 === shipped.trainedOn.sha256) {
        const runs = rulesRuns(notes);
        if (rulesDigest(notes, runs) === shipped.trainedOn.rules) {
          const again = trainShipped(notes, point, { runs, exampleOf: new Map() });
          assert.equal(`${JSON.stringify(again)}\n`, fs.readFileSync(MODEL_FILE, 'utf8'));
          return;
        }
      }
      // The dev notes grew, or the rules whose spans the model learns beside changed, since it was trained: training
      // must still be deterministic on what is there (`npm run train:deid` makes the model again). Shown on every
      // eighth note, so on every writer's: two trainings from the notes alone, rules' runs and all (round 22: it was
      // two trainings on all of them, ~250 s on a loaded machine against a 300 s limit).
      const some = notes.filter((_n, i) => i % 8 === 0);
      assert.equal(JSON.stringify(trainShipped(some, point)), JSON.stringify(trainShipped(some, point)));
      // Said, not passed in silence (as the facility model's test, round 17): the shipped file was not compared.
      this.skip();
    });
  });
});

// Round 5.
describe('deidentify: the name classifier, features', () => {
  it('hears where a word stands: after a preposition (SMS "4" too), in a list beside a name, before what is someone\'s', () => {
    const feats = (text: string, word: string) => {
      const toks = tokenize(text);
      return new Set(contextFeatures(text, toks, toks.findIndex((t) => t.raw === word)));
    };
    const plain = feats('the pass ruby', 'ruby');
    const afterFour = feats('the pass 4 ruby', 'ruby');
    assert.ok([...afterFour].some((f) => !plain.has(f)), 'a preposition before it is a feature');
    const listed = feats('picked up kofi and ruby', 'ruby');
    const alone = feats('picked up bread and ruby', 'ruby');
    assert.ok([...listed].some((f) => !alone.has(f)), 'a name on the other side of "and" is a feature');
  });
  it('knows how often spoken English says a word, and whether mostly with a capital', () => {
    assert.match(lists('hunter'), /P/, 'mostly written Hunter in speech');
    assert.doesNotMatch(lists('joy'), /P/, 'mostly written joy');
  });
});

// Round 22.
describe('deidentify: the name classifier (featureSet 9: parts of speech)', () => {
  afterEach(() => useNameModel(undefined));
  const feats = (text: string, word: string, pos: boolean, found: Array<{ start: number; end: number; type: string }> = []) => {
    const toks = tokenize(text);
    return new Set(contextFeatures(text, toks, toks.findIndex((t) => t.raw === word), noteContext(text, toks, found), 1, pos));
  };
  const differ = (a: Set<number>, b: Set<number>) => [...a].some((f) => !b.has(f)) || [...b].some((f) => !a.has(f));

  it('reads the part of speech of the word after: a past verb ("rose texted") against a plural noun ("rose petals")', () => {
    const verb = feats('ok so rose texted', 'rose', true);
    const noun = feats('ok so rose petals', 'rose', true);
    // Without them the two differ only by the next word's form and its class.
    const plainVerb = feats('ok so rose texted', 'rose', false);
    const plainNoun = feats('ok so rose petals', 'rose', false);
    assert.ok(differ(verb, noun));
    assert.equal([...verb].filter((f) => !noun.has(f)).length, [...plainVerb].filter((f) => !plainNoun.has(f)).length + 4, 'four more features tell them apart: the next word\'s class alone, with the word before, with the word and with its lists');
  });

  it('reads an edge or a hidden name beside the word in place of a part of speech', () => {
    const stop = feats('saw rose. texted', 'rose', true);
    const joined = feats('saw rose texted', 'rose', true);
    assert.ok(differ(stop, joined), 'a stop after the word is not the verb after it');
    const text = 'met rose kowalczyk today';
    const hidden = feats(text, 'rose', true, [{ start: 9, end: 18, type: 'NAME' }]);
    const visible = feats(text, 'rose', true);
    assert.ok(differ(hidden, visible));
  });

  it('adds the word\'s own part of speech to its own features; a model of an earlier feature set reads none of them', () => {
    assert.equal(ownFeatures('rose', 'rose', true, true).length, ownFeatures('rose', 'rose', true).length + 2);
    const notes = slotNotes();
    const found = () => [];
    const before = train(examples(notes, found, true), 0, { epochs: 2, seed: 13, featureSet: 7 });
    const scorer = new NameScorer(before);
    const text = 'met rupal at the park';
    const toks = tokenize(text);
    const ctx = noteContext(text, toks, []);
    const i = at(text, 'rupal');
    const expected = [...ownFeatures('rupal', 'rupal', true), ...contextFeatures(text, toks, i, ctx, 1)].reduce((s, f) => s + (before.weights[String(f)] ?? 0), 0);
    assert.ok(Math.abs(scorer.score(text, toks, i, ctx, 1) - expected) < 1e-3, 'featureSet 7 scores without the parts of speech');
  });
});

// Round 7 (was classifierRound7.test.ts).
describe('deidentify: the name classifier (note context, words asked for their slot)', () => {
  afterEach(() => useNameModel(undefined));

  describe('the note context', () => {
    it("reads the note's case habit", () => {
      const habit = (text: string) => noteContext(text, tokenize(text), []).habit;
      assert.equal(habit('met rosa at the dropin. she was ok'), 'x');
      assert.equal(habit('Met Rosa at the drop-in. She was ok.'), 'C');
      assert.equal(habit('met Rosa at the dropin. she was ok. left early'), 'm');
    });

    it('marks the words the rules hid, as names or as other identifiers, and words written twice', () => {
      const text = 'saw marcus fields at 10 main st, fields said hi';
      const toks = tokenize(text);
      const covered: Entity[] = [
        { start: 4, end: 10, type: 'NAME' },
        { start: 21, end: 30, type: 'ADDRESS' },
      ];
      const ctx = noteContext(text, toks, covered);
      assert.equal(ctx.found[at(text, 'marcus')], 1);
      assert.equal(ctx.found[at(text, 'main')], 2);
      assert.equal(ctx.found[at(text, 'fields')], 0);
      assert.equal(ctx.firstName, at(text, 'marcus'));
      assert.ok(ctx.again.has('fields'));
      assert.ok(!ctx.again.has('saw'));
    });
  });

  describe('which words are asked', () => {
    const ask = (text: string, word: string, covered: Entity[] = [], every = false) => {
      const toks = tokenize(text);
      return asked(text, toks, at(text, word), noteContext(text, toks, covered), true, every);
    };

    it('asks about an English word right after a name the rules found or a given name (a surname that is a word)', () => {
      assert.equal(ask('saw marcus fields today', 'fields', [{ start: 4, end: 10, type: 'NAME' }]), 3);
      assert.equal(ask('saw the fields today', 'fields'), 0, 'no name before it');
    });

    it('asks about a name-list word after a verb that takes a person, and a capital inside a capitalised sentence', () => {
      assert.equal(ask('we met rivers at the park', 'rivers'), 4);
      assert.equal(ask('we crossed two rivers at noon', 'rivers'), 0);
      assert.equal(ask('Then Little came to the shelter.', 'Little'), 5);
    });

    it('asks (featureSet 4) about a kept given name in a person slot and a plain word after a relation or contact verb', () => {
      const wide = (text: string, word: string, covered: Entity[] = []) => {
        const toks = tokenize(text);
        return asked(text, toks, at(text, word), noteContext(text, toks, covered), true, true, true);
      };
      assert.equal(wide('her sister crystal came by', 'crystal'), 7);
      assert.equal(wide('she used crystal again', 'crystal'), 0, 'no person slot');
      assert.equal(ask('her sister crystal came by', 'crystal', [], true), 0, 'not asked before featureSet 4');
      assert.equal(wide('her buddy vegan came by', 'vegan'), 8);
      assert.equal(wide('texted vegan abt rent', 'vegan'), 8);
      assert.equal(wide('ate vegan food', 'vegan'), 0);
    });

    it('asks about every word a name list holds only in featureSet 3, and never a keep-list or function word', () => {
      assert.equal(ask('dropped off trinity then grabbed smokes', 'trinity'), 0);
      assert.equal(ask('dropped off trinity then grabbed smokes', 'trinity', [], true), 6);
      assert.equal(ask('met the worker at noon', 'the', [], true), 0);
      assert.equal(ask('her invega shot is due', 'invega', [], true), 0);
    });
  });

  describe('training with the note context', () => {
    /** Surnames that are words, after given names the rules found; the same words as words elsewhere. */
    function notes(): LabelledNote[] {
      const pairs = [['marcus', 'fields'], ['ann', 'little'], ['tomas', 'young'], ['priya', 'rivers'], ['kofi', 'white'], ['olga', 'stone']];
      const out: LabelledNote[] = [];
      pairs.forEach(([given, surname], i) => {
        const text = `saw ${given} ${surname} at the clinic`;
        out.push({ id: `p${i}`, text, spans: [{ start: 4, end: 4 + given!.length + 1 + surname!.length, type: 'PERSON' }] });
        const word = `the ${surname} were quiet at the clinic`;
        out.push({ id: `w${i}`, text: word, spans: [] });
      });
      return out;
    }
    /** What the rules would give the classifier: the given name found. */
    const found = (n: LabelledNote): Entity[] => (n.spans[0] ? [{ start: n.spans[0].start, end: n.text.indexOf(' ', n.spans[0].start), type: 'NAME' }] : []);

    it('learns a surname slot after a found name and scores it above the same word as a word', () => {
      const model = train(examples(notes(), found, true), 0, { epochs: 8, seed: 13, featureSet: 3, wordNameMargin: 0 });
      assert.equal(model.featureSet, 3);
      const scorer = new NameScorer(model);
      const text = 'saw nadia brooks at the clinic';
      const asName = scoredWords(scorer, text, [{ start: 4, end: 9, type: 'NAME' }]).find((w) => text.slice(w.start, w.end) === 'brooks');
      const plain = 'the brooks were quiet at the clinic';
      const asWord = scoredWords(scorer, plain, []).find((w) => plain.slice(w.start, w.end) === 'brooks');
      assert.ok(asName && asWord, 'both asked');
      assert.ok(asName.score > asWord.score);
    });

    it('trains deterministically by logistic regression too, and records the learner', () => {
      const opts = { epochs: 4, seed: 13, featureSet: 3 as const, learner: 'logistic' as const };
      const a = train(examples(notes(), found, true), 0, opts);
      assert.equal(JSON.stringify(a), JSON.stringify(train(examples(notes(), found, true), 0, opts)));
      assert.match(a.trainedOn.learner ?? '', /logistic/);
      const scorer = new NameScorer(a);
      const text = 'saw nadia brooks at the clinic';
      const asName = scoredWords(scorer, text, [{ start: 4, end: 9, type: 'NAME' }]).find((w) => text.slice(w.start, w.end) === 'brooks');
      const plain = 'the brooks were quiet at the clinic';
      const asWord = scoredWords(scorer, plain, []).find((w) => plain.slice(w.start, w.end) === 'brooks');
      assert.ok(asName && asWord && asName.score > asWord.score);
    });

    it('averages its weights over seeds when asked (round 19, the half slot), and as before with one seed', () => {
      const data = examples(notes(), found, true);
      const opts = { epochs: 4, seed: 13, featureSet: 3 as const, learner: 'logistic' as const };
      assert.equal(JSON.stringify(train(data, 0, { ...opts, seeds: 1 })), JSON.stringify(train(data, 0, opts)), 'one seed: the same file');
      const mean = train(data, 0, { ...opts, seeds: 6 });
      assert.match(mean.trainedOn.learner ?? '', /mean of 6 seeds/);
      // Another first seed moves each weight less when six orders are averaged than when one is.
      const moved = (a: NameModel, b: NameModel) => {
        const keys = new Set([...Object.keys(a.weights), ...Object.keys(b.weights)]);
        return [...keys].reduce((s, k) => s + Math.abs((a.weights[k] ?? 0) - (b.weights[k] ?? 0)), 0);
      };
      const one = moved(train(data, 0, opts), train(data, 0, { ...opts, seed: 14 }));
      const six = moved(mean, train(data, 0, { ...opts, seed: 14, seeds: 6 }));
      assert.ok(six < one / 1.5, `${six} vs ${one}`);
    });

    it('holds each kind of word asked to its own margin, the others to the word-name margin', () => {
      const point = { threshold: 0.25, wordNameMargin: 0.5, kindMargins: [0, 0, 0.75, -0.25] };
      assert.equal(needOf(point, 1), 0.25);
      assert.equal(needOf(point, 2), 1);
      assert.equal(needOf(point, 3), 0);
      assert.equal(needOf(point, 6), 0.75, 'no margin of its own');
      const model = train(examples(notes(), found, true), 0.25, { epochs: 4, seed: 13, featureSet: 3, wordNameMargin: 0.5, kindMargins: [0, 0, 0.75, -0.25] });
      const scorer = new NameScorer(model);
      assert.equal(scorer.need(3), 0);
      assert.equal(scorer.need(2), 1);
      // A surname asked after a found name (kind 3) at a score between the two lines is a name only by its own line.
      const text = 'saw nadia brooks at the clinic';
      const w = scoredWords(scorer, text, [{ start: 4, end: 9, type: 'NAME' }]).find((x) => text.slice(x.start, x.end) === 'brooks')!;
      assert.equal(w.ask, 3);
      assert.equal(w.need, 0);
    });

    it('trains deterministically with the note context', () => {
      const a = JSON.stringify(train(examples(notes(), found, true), 0, { epochs: 8, seed: 13, featureSet: 3 }));
      const b = JSON.stringify(train(examples(notes(), found, true), 0, { epochs: 8, seed: 13, featureSet: 3 }));
      assert.equal(a, b);
    });
  });

  describe('the shipped model', () => {
    it('hides a word-name opening a note before what a person does, and keeps the same word as a word', () => {
      useNameModel(undefined);
      assert.equal(deidentify('bishop wanted a blanket n a narcan kit').redacted, '[NAME] wanted a blanket n a narcan kit');
      assert.equal(deidentify('we saw the bishop at the cathedral').redacted, 'we saw the bishop at the cathedral');
      assert.equal(deidentify('the bishop came to mass').redacted, 'the bishop came to mass');
    });

    it('hides a short surname after a lower-case title, and keeps words that must stay', () => {
      useNameModel(undefined);
      assert.equal(deidentify('mrs le no answer door, pls call').redacted, 'mrs [NAME] no answer door, pls call');
      for (const text of ['met kofi, hope he is ok', 'talkd about her kids for a whle', 'tavake comin by later', 'shallow again', 'a cool breeze today', 'got a gift card']) {
        const res = deidentify(text);
        // Only the names ("kofi", "tavake") may go; every other word stays.
        const hidden = text.split(/[ ,]+/).filter((w) => w && !res.redacted.includes(w));
        assert.ok(hidden.every((w) => ['kofi', 'tavake'].includes(w)), `${text} -> ${res.redacted}`);
      }
    });
  });

  // Round 8.
  describe('the shipped model: a line per kind of word asked', () => {
    it('hides a name-list word after a verb that takes a person, which one line for every kind kept, and keeps the same word as a word', () => {
      useNameModel(undefined);
      assert.equal(deidentify('met rivers at the dropin').redacted, 'met [NAME] at the dropin');
      assert.equal(deidentify('we crossed two rivers').redacted, 'we crossed two rivers');
    });

    it('keeps word-names used as words, risk words and kept words where no person stands', () => {
      useNameModel(undefined);
      for (const text of ['sunny out today', 'a major problem', 'precious little time', 'crystal meth again', 'no hope left', 'shallow again', 'Client reports hollow.', 'the young ones', 'ate vegan food']) {
        assert.equal(deidentify(text).redacted, text);
      }
    });
  });

  describe('the leave-one-writer-out bench (a tiny fixture)', () => {
    const writers: Writer[] = [{ name: 'w1', files: [] }, { name: 'w2', files: [] }, { name: 'w3', files: [] }, { name: 'gen', files: [], generated: true }];
    function fixture(): Note[] {
      const names = ['oksana', 'deshawn', 'chukwuemeka', 'ximena', 'svetlana', 'ahanu', 'mihaela', 'tomasz', 'nkechi', 'bartek', 'yusra', 'keoni'];
      const out: Note[] = [];
      names.forEach((name, i) => {
        const writer = writers[i % writers.length]!.name;
        const text = `texted ${name} abt the rent, she is ok`;
        out.push({ id: `${writer}-${i}`, text, register: 'lower', writer, source: writer, spans: [{ start: 7, end: 7 + name.length, type: 'PERSON' }] });
        out.push({ id: `${writer}-k${i}`, text: 'the rent is due friday, all ok', register: 'sms', writer, source: writer, spans: [] });
      });
      return out;
    }

    it('holds out each writer in turn, scores the grid, averages the human writers and picks a point', function () {
      this.timeout(60_000);
      const opts = { features: 8 as const, data: 'all' as const, train: { epochs: 4, seed: 13 }, thresholds: [0, 1], margins: [0, 0.5] };
      const results = leaveOneWriterOut(fixture(), opts, writers);
      assert.deepEqual(results.map((r) => r.writer), ['w1', 'w2', 'w3', 'gen']);
      assert.ok(results.find((r) => r.writer === 'gen')!.generated);
      for (const r of results) {
        assert.equal(r.notes, 6);
        assert.equal(r.grid.length, 2);
        assert.equal(r.grid[0]!.length, 2);
        assert.ok(r.registers.lower && r.registers.sms);
      }
      const m = macro(results, (r) => r.rules);
      assert.ok(m.names >= 0 && m.names <= 1);
      const point = chooseOperatingPoint(results, opts);
      assert.ok(point === null || ([0, 1].includes(point.t) && [0, 0.5].includes(point.m)));
      const lines = report(results, opts, point ?? { t: 1, m: 0.5 });
      assert.ok(lines.some((l) => l.startsWith('| w2 ')));
      assert.ok(lines.some((l) => l.includes('gen (generated)')));
      // A line per kind, from the global point: never worse by the rule, deterministic, and every pinned point kept.
      const start = point ?? { t: 1, m: 0.5 };
      const byKind = chooseByKind(results, start);
      assert.deepEqual(chooseByKind(results, start), byKind);
      const net = (p: typeof byKind) => judged(results, (r) => r.at!(p).all) ?? -Infinity;
      assert.ok(net(byKind) >= net({ ...start, kinds: undefined }) - 1e-9);
      const fenced = chooseByKind(results, start, (p) => (p.kinds?.[2] ?? p.m) >= 0.5);
      assert.ok((fenced.kinds?.[2] ?? 0) >= 0.5, 'a kind held by a pinned word stays at or above its line');
      // Round 21: chooseKindsFrom() moves only the kinds named, by the same ascent (deidLowo.ts ascend()), never worse.
      const from = { ...byKind, kinds: byKind.kinds ?? [0, 0, byKind.m] };
      const added = chooseKindsFrom(results, from, [2]);
      assert.deepEqual(chooseKindsFrom(results, from, [2]), added);
      assert.ok(net(added) >= net(from) - 1e-9);
      assert.equal(added.t, from.t);
      assert.ok(report(results, opts, byKind).some((l) => l.includes('margins by kind')));
    });

    it('leaves groups of writers out (--groups K): a group a writer is leave one writer out, fewer groups fewer models', function () {
      this.timeout(60_000);
      const opts = { features: 10 as const, data: 'all' as const, train: { epochs: 4, seed: 13 }, thresholds: [0, 1], margins: [0, 0.5] };
      const figures = (rs: ReturnType<typeof leaveOneWriterOut>) => JSON.stringify(rs.map((r) => [r.writer, r.generated, r.rules, r.grid]));
      assert.equal(figures(leaveGroupsOut(fixture(), opts, 4, writers)), figures(leaveOneWriterOut(fixture(), opts, writers)));
      const two = leaveGroupsOut(fixture(), opts, 2, writers);
      assert.deepEqual(two.map((r) => r.writer), ['w1', 'w2', 'w3', 'gen']);
      assert.ok(two.every((r) => r.grid.length === 2 && r.notes === 6));
    });
  });
});

// Round 10 (was classifierRound10.test.ts).
describe('deidentify: the name classifier on one-word runs', () => {
  const shipped = JSON.parse(fs.readFileSync(MODEL_FILE, 'utf8')) as NameModel;
  // A model that takes every word it is asked about: what is left visible is what is never asked.
  const greedy: NameModel = { ...shipped, threshold: -1000, kindMargins: shipped.kindMargins?.map(() => 0) };
  afterEach(() => useNameModel(undefined));

  describe('a run of one word is no name', () => {
    const run = (word: string, n: number, sep = ' ') => Array.from({ length: n }, () => word).join(sep);

    it('never asks about a word said three times or more in a row, whatever it scores', () => {
      useNameModel(greedy);
      for (const text of [run('weary', 100), run('weary', 3), run('weary', 4, ', '), `so ${run('Weary', 5, ', ')} end`]) {
        const taken = classifierNames(text, []).map((e) => text.slice(e.start, e.end).toLowerCase());
        assert.ok(!taken.includes('weary'), `${text.slice(0, 40)} -> ${taken.join(',')}`);
      }
    });

    it('still asks about the same word once, or twice (a slip), and about other words beside a run', () => {
      const scorer = new NameScorer(greedy);
      const asked = (text: string) => scoredWords(scorer, text, []).map((s) => text.slice(s.start, s.end));
      assert.deepEqual(asked('texted nkechi nkechi abt rent'), ['nkechi', 'nkechi']);
      assert.ok(asked(`met nkechi then ${run('weary', 3)}`).includes('nkechi'));
      assert.ok(!asked(`met nkechi then ${run('weary', 3)}`).includes('weary'));
    });

    it('the rules leave a run of one word too (a span is no run of one word), and a name said twice is still hidden', () => {
      useNameModel(null);
      for (const text of [run('grace', 3), run('grace', 100), run('hope', 4, ', '), run('rusty', 6)]) assert.equal(deidentify(text).redacted, text);
      assert.equal(deidentify('texted nkechi nkechi abt rent').redacted, 'texted [NAME] abt rent');
    });

    it('a word said a hundred times stays as it was typed with the shipped model (the self-check note of a long answer)', () => {
      useNameModel(undefined);
      for (const word of ['weary', 'tired', 'drained', 'grace']) {
        const text = run(word, 100);
        assert.equal(deidentify(text).redacted, text);
      }
    });
  });
});

// Round 12 (was classifierRound12.test.ts).
describe('deidentify: the name classifier (featureSet 7: words asked where the names left visible stand)', () => {
  /**
   * Why `word` in `text` is asked, with the words in `found` hidden by the rules as names, by a featureSet-7 model
   * (`named`) or by the shipped kinds alone.
   */
  const ask = (text: string, word: string, found: string[] = [], named = true): number => {
    const toks = tokenize(text);
    const spans = toks.filter((t) => found.includes(t.raw)).map((t) => ({ start: t.start, end: t.end, type: 'NAME' }));
    const i = toks.findIndex((t) => t.raw === word);
    return asked(text, toks, i, noteContext(text, toks, spans), true, true, true, named);
  };

  it('asks a word first in a sentence or list right before a name the rules found (10), and no function word or verb of contact there', () => {
    assert.equal(ask('tina klassen off sick today', 'tina', ['klassen']), 10);
    assert.equal(ask('ok. tika ram finally talked in group', 'tika', ['ram']), 10);
    assert.equal(ask('darcy and june sidney playing crib', 'june', ['darcy', 'sidney']), 10);
    // A word the risk screen reads is asked here too (a name's first word is a person's slot), and not elsewhere.
    assert.equal(ask('ok. iron cloud said her grandson needs a ride', 'iron', ['cloud']), 10);
    assert.equal(ask('ok. iron cloud said her grandson needs a ride', 'iron'), 0);
    // Everyday words in that slot: function words, relations and verbs that take a person are never asked.
    assert.equal(ask('Today Marcus came in', 'Today', ['Marcus']), 0);
    assert.equal(ask('met marcus at the shelter', 'met', ['marcus']), 0);
    assert.equal(ask('sister marcy called', 'sister', ['marcy']), 0);
    assert.equal(ask('lol jared said no', 'lol', ['jared']), 0);
    // Inside a sentence it is a verb's object or the like, not the start of a name: not asked.
    assert.equal(ask('we drove tina klassen home', 'drove', ['klassen']), 0);
  });

  it('asks a name-list word first in a sentence before a subject or person verb (11), and not a plain word or a word inside a sentence', () => {
    assert.equal(ask('crystal is back with jared again', 'crystal'), 11);
    assert.equal(ask('ok. tina said her cheque came', 'tina'), 11);
    assert.equal(ask('june from the band office called', 'june'), 11);
    assert.equal(ask('june at the pharmacy, she needs her meds early', 'june'), 11);
    assert.equal(ask('group at 3 today', 'group'), 0);
    // Everyday subjects in the same slot hold no name list: "rent", "food", "group" are not asked.
    assert.equal(ask('rent is due friday', 'rent'), 0);
    assert.equal(ask('food was good, group went well', 'food'), 0);
    assert.equal(ask('food was good, group went well', 'group'), 0);
    // The same word inside a sentence ("so crystal was found") or before no verb ("may need a ride") is not asked.
    assert.equal(ask('so crystal was found in his bag', 'crystal'), 0);
    assert.equal(ask('may need a ride', 'may'), 0);
  });

  it('asks a name-list word joined to a name by n / & / and / + / a comma (12), and not one joined to a plain word', () => {
    assert.equal(ask('saw reign n chance today', 'chance'), 12);
    assert.equal(ask('went w tash, june to the store', 'june', ['tash']), 12);
    assert.equal(ask('mo + dilmaya walked to the temple', 'mo', ['dilmaya']), 12);
    // Joined to an everyday word no name list holds: "chance and luck", "chance n eggs".
    assert.equal(ask('it was chance and luck', 'chance'), 0);
    assert.equal(ask('chance n eggs', 'chance'), 0);
  });

  it('asks a name-list word first in a sentence or note with no cue (13), and not one of the commonest spoken words', () => {
    assert.equal(ask('ok. tina want to switch to friday', 'tina'), 13);
    assert.equal(ask('crystal clean 100 days', 'crystal'), 13);
    // "may need a ride", "will do": among the 500 commonest spoken words, no cue: not asked (as for kind 6).
    assert.equal(ask('may need a ride tmrw', 'may'), 0);
    assert.equal(ask('may have to reschedule', 'may'), 0);
    // Inside a sentence, or a plain word: not asked.
    assert.equal(ask('so crystal clean 100 days', 'crystal'), 0);
    assert.equal(ask('rent went up again', 'rent'), 0);
  });

  it('asks nothing new of an older model: the shipped kinds are unchanged', () => {
    assert.equal(ask('tina klassen off sick today', 'tina', ['klassen'], false), 0);
    assert.equal(ask('crystal is back with jared again', 'crystal', [], false), 0);
    assert.equal(ask('reign n chance at the skate park', 'chance', [], false), 0);
    // A word asked before is asked as before.
    assert.equal(ask('reign n chance at the skate park', 'reign', [], true), ask('reign n chance at the skate park', 'reign', [], false));
  });
});
