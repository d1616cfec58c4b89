import assert from 'node:assert/strict';
import { noteContext, tokenize } from '../../../services/deidentify/classifier/features';
import { asked, NameScorer, needOf, scoredWords, useNameModel } from '../../../services/deidentify/classifier/model';
import { examples, train, type LabelledNote } from '../../../services/deidentify/classifier/train';
import { chooseByKind, chooseOperatingPoint, judged, leaveGroupsOut, leaveOneWriterOut, macro, report, type Note, type Writer } from '../../../bench/deidLowo';
import { deidentify, type Entity } from '../../../services/deidentify';

const at = (text: string, word: string) => tokenize(text).findIndex((t) => t.raw === word);

describe('deidentify: the name classifier, round 7 (note context, words asked for their slot)', () => {
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

    it('holds each kind of word asked to its own margin (round 8), the others to the word-name margin', () => {
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

  describe('the shipped model (round 7)', () => {
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

  describe('the shipped model (round 8: a line per kind of word asked)', () => {
    it('hides a name-list word after a verb that takes a person, which round 7 kept, and keeps the same word as a word', () => {
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
