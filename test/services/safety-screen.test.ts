import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { content, RISK_CATEGORIES, type RiskCategory } from '../../services/content';
import { riskCategories, screenRisk, CLASSIFIER_TERM } from '../../services/safety/screen';
import { classify, features, MODEL_FILE, probabilities, shippedModel } from '../../services/safety/screen/classifier';
import { normalise } from '../../services/safety/screen/normalise';
import { train, DEFAULT_TRAIN, type Example } from '../../services/safety/screen/train';

const repo = path.join(__dirname, '..', '..');
const cats = (text: string): RiskCategory[] => riskCategories(screenRisk(text));

describe('safety screen', () => {
  describe('normalisation', () => {
    it('spells out phone typing, misspellings and contractions, and keeps placeholders as one token', () => {
      assert.equal(normalise('kms is what he texted, idk'), 'kill myself is what he texted , i do not know');
      assert.equal(normalise('my client overdoes on fent last nite'), 'my client overdosed on fentanyl last night');
      assert.equal(normalise("he od-ed, she OD'd, that's odd"), 'he overdosed , she overdosed , that is odd');
      assert.equal(normalise('she doesnt want to be here; I can’t'), 'she does not want to be here . i can not');
      assert.equal(normalise('[NAME] narcaned him x2'), 'xname narcanned him times 2');
      assert.equal(normalise('he overdoes it at the gym'), 'he overdoes it at the gym');
    });
  });

  // Each kind, in the registers PSWs use: careful notes, casual, SMS, typos, first and third person.
  const hits: Record<RiskCategory, string[]> = {
    suicide: [
      'Client endorses passive SI; states she would not mind not waking up.',
      'kms he texted me last nite',
      'she gave her cat away and said she wont need anything where shes going',
      'he asked how many of his pills it would take',
      'said everyone would be better off without him',
      'she is feeling suicdal again',
      'he bought a rope and picked the date',
    ],
    overdose: [
      'found her on the floor, lips blue, not breathing',
      'narcaned him twice before he came around',
      'gave 2 doses and did rescue breaths till ems came',
      'he was snoring weird and we couldnt wake him',
      'she keeps using alone in her room',
      'mixing benzos with down every night',
      'paramedics brought him back in the parking lot',
    ],
    self_harm: [
      'she is cutting again, fresh marks on her arms',
      'he burns himself with a lighter when he is upset',
      'noticed her wrists were bandaged',
      'she has not eaten in 4 days on purpose',
      'Client disclosed self-injury over the weekend.',
    ],
    harm_to_others: [
      'he said he is gonna make his ex pay',
      'she is carrying a knife and says she will use it',
      'he has a list of people he wants to hurt',
      'client made threats against staff',
      'ima stab that guy he kept saying',
    ],
    abuse: [
      'her bf takes her phone and wont let her see friends',
      'she had bruises on her neck and said he choked her',
      'the kids were left home alone for 2 days',
      'her nephew takes her pension every month',
      'her stepdad touched her',
      'he hits his girlfriend',
    ],
    psw_distress: [
      'i cant keep doing this job',
      'havent slept since the overdose, i keep seeing his face when i close my eyes',
      'been drinking every night after shift',
      "honestly I'm not ok",
      'that visit really triggered me',
      'i cried in my car for an hour',
    ],
  };

  for (const cat of RISK_CATEGORIES) {
    it(`hits ${cat}`, () => {
      for (const text of hits[cat]) assert.ok(cats(text).includes(cat), `"${text}" should hit ${cat}, got ${JSON.stringify(screenRisk(text))}`);
    });
  }

  it('hits every example in the content with its own term', () => {
    for (const cat of content().riskTerms) {
      for (const term of cat.patterns) {
        for (const ex of term.examples ?? []) {
          assert.ok(
            screenRisk(ex, content(), { classifier: false }).some((h) => h.category === cat.id && h.termId === term.id),
            `example "${ex}" of ${term.id} was not flagged`,
          );
        }
      }
    }
  });

  describe('context rules', () => {
    const none = (texts: string[]) => {
      for (const text of texts) assert.deepEqual(cats(text), [], `false alarm on "${text}": ${JSON.stringify(screenRisk(text))}`);
    };
    it('negation: a denial or "never" just before the words drops the hit', () => {
      none(['Client denies SI/HI, mood good', 'she said she is not suicidal, just frustrated', 'he would never hurt anyone', 'he is not using alone anymore', 'no signs of abuse at the visit']);
    });
    it('pseudo-negations ("no point", "idk", "not sure") negate nothing', () => {
      assert.ok(cats('she said no point booking, she wont be around next week').includes('suicide'));
      assert.ok(cats('idk he overdosed i think').includes('overdose'));
    });
    it('negation stays inside its clause', () => {
      assert.ok(cats('pt expressed wish to be dead, denies plan at this time').includes('suicide'));
      assert.ok(cats('not sure but i think he overdosed').includes('overdose'));
    });
    it('past and resolved: dropped, unless the sentence says it is current', () => {
      none(['he overdosed years ago and that got him into recovery', 'she used to cut as a teen, none since', 'she tried to kill herself back in 2015, doing much better now']);
      assert.ok(cats('she was 6 months clean from it and now she is cutting again').includes('self_harm'));
      assert.ok(cats('his dad used to lock him in the closet and still does').includes('abuse'));
    });
    it('harm-reduction talk is not an overdose', () => {
      none(['reminded him never to use alone', 'she carries naloxone everywhere', 'we practiced how to give narcan with the training kit', 'he uses at the supervised consumption site now', 'we went over the signs of an overdose: blue lips, slow breathing']);
    });
    it('figures of speech and accidents are not risk', () => {
      none(['she is killing it at her new job', 'im dying to know if he got the place', 'that almost killed me laughing', 'he cut his hand opening a can', 'this commute is killing me', 'she wants to dye her hair purple']);
    });
    it('the PSW’s ordinary tiredness is not distress; distress is first person', () => {
      none(['long day, im tired but it was a good one', 'exhausted lol but she got her id so worth it']);
      assert.ok(!cats('she said her worker is burnt out').includes('psw_distress'));
    });
  });

  // Rules added after the fifth batch (bench/data/screen-train-j.jsonl); wording here is not the batch's.
  describe('patterns for circumstances, cravings, ingestion and indirect farewells', () => {
    const term = (text: string) => screenRisk(text, content(), { classifier: false }).map((h) => h.termId);
    it('neglect of a dependant described only by circumstances', () => {
      assert.ok(term('no one had been changing him, he was soaked through').includes('ab-neglect-dependant'));
      assert.ok(term('they left her in bed all weekend with nothing to drink').includes('ab-neglect-dependant'));
      assert.ok(term('Resident appears unwashed; family reports she has not been bathed in two weeks.').includes('ab-neglect-dependant'));
      assert.ok(term('mom yanked the toddler up by one arm').includes('ab-rough-handling'));
      assert.ok(term('worried he shook the newborn last night').includes('ab-rough-handling'));
      assert.ok(term('the kids told me they had not eaten all weekend').includes('ab-kids-unfed'));
    });
    it('the PSW’s own relapse risk and vicarious trauma, first person', () => {
      assert.ok(term('honestly i was thinking about drinking on the way home').includes('pd-own-recovery'));
      assert.ok(term('my old triggers are creeping back with this caseload').includes('pd-own-recovery'));
      assert.ok(term('nearly relapsed saturday').includes('pd-own-recovery'));
      assert.ok(cats('i was craving the whole shift').includes('psw_distress'));
      assert.ok(term('i keep carrying their grief home with me').includes('pd-vicarious'));
    });
    it('intentional ingestion of medication', () => {
      assert.ok(term('she swallowed a handful of her dad’s sleeping pills').includes('od-ingestion'));
      assert.ok(term('he took 40 tylenol after the breakup').includes('od-ingestion'));
      assert.ok(term('took all his seroquel at once').includes('od-ingestion'));
      assert.ok(term('ate whatever was in the bathroom cabinet').includes('od-ingestion'));
    });
    it('suicide said indirectly', () => {
      assert.ok(term('says she wants to disappear forever').includes('sui-indirect'));
      assert.ok(term('whats the point anymore, he texted').includes('sui-indirect'));
      assert.ok(term('he gave me his watch and said he will not need it').includes('sui-indirect'));
      assert.ok(term('wants to fall asleep and not wake up').includes('sui-indirect'));
      assert.ok(term('she has been googling tall buildings downtown').includes('sui-indirect'));
    });
    it('ordinary plans, side effects, laughter and games are not risk', () => {
      for (const text of [
        'he wants to adopt a dog from the shelter',
        'she is getting a new phone next week',
        'the new meds knock her out by 8',
        'he was wiped out by the new dose',
        'we nearly died laughing at the bingo caller',
        'shot some hoops with him after group',
        'he took his pills on time every day this week',
        'she wants to disappear from facebook for a while',
        'i almost picked up the wrong bag at the office',
        'craving the good tacos from the truck lol',
        'the home care aide comes daily to wash and feed him',
      ]) {
        assert.deepEqual(cats(text), [], `false alarm on "${text}": ${JSON.stringify(screenRisk(text))}`);
      }
    });
  });

  it('does not drop a real hit because an exclusion matched elsewhere in the text', () => {
    assert.deepEqual(cats('He killed it at the interview, but later said he wants to kill himself.'), ['suicide']);
    assert.ok(cats('I overdid it at the gym. Then C-2 overdosed in the lot.').includes('overdose'));
  });

  it('screens de-identified text: placeholders do not break it', () => {
    assert.ok(cats('[NAME] told me she is tired of living').includes('suicide'));
    assert.ok(cats('wants to hurt [NAME] bad, knows where he lives').includes('harm_to_others'));
  });

  it('returns ids only, one entry per term, kinds in RISK_CATEGORIES order', () => {
    const res = screenRisk('She overdosed twice and now says she wants to die; she overdosed again.');
    assert.deepEqual(riskCategories(res), ['overdose', 'suicide']);
    assert.equal(res.filter((h) => h.termId === 'od-word').length, 1);
    for (const h of res) assert.deepEqual(Object.keys(h).sort(), ['category', 'termId']);
  });

  it('handles empty, long and messy text', () => {
    assert.deepEqual(screenRisk(''), []);
    assert.deepEqual(screenRisk('   \n\t '), []);
    assert.ok(cats('WANTS\nTO   DIE').includes('suicide'));
    assert.ok(cats('we had coffee and talked about the weather. '.repeat(2000) + 'he overdosed').includes('overdose'));
  });

  describe('classifier', () => {
    it('the shipped model loads, covers every kind and has a threshold for each', () => {
      const m = shippedModel();
      assert.deepEqual(m.kinds, [...RISK_CATEGORIES]);
      for (const k of RISK_CATEGORIES) assert.ok(m.thresholds[k] > 0 && m.thresholds[k] <= 1, k);
      assert.ok(Object.keys(m.weights).length > 1000);
      assert.ok(m.trainedOn.files.every((f) => !f.includes('screen-test')), 'never trained on the test set');
    });
    it('is deterministic: same text, same probabilities; same data, same model', () => {
      const m = shippedModel();
      const t = normalise('her partner controls her money and takes her phone');
      assert.deepEqual(probabilities(m, t), probabilities(m, t));
      const bank: Example[] = [
        { id: 'a', norm: normalise('he wants to die'), kinds: ['suicide'] },
        { id: 'b', norm: normalise('we had a good visit'), kinds: [] },
        { id: 'c', norm: normalise('she overdosed last night'), kinds: ['overdose'] },
      ];
      const opts = { ...DEFAULT_TRAIN, epochs: 20 };
      assert.deepEqual(train(bank, opts), train(bank, opts));
      // minGroups 1: in a three-sentence bank no word is shared by two writers.
      assert.ok(classify(train(bank, { ...DEFAULT_TRAIN, epochs: 200, minGroups: 1 }), normalise('he wants to die')).includes('suicide'));
    });
    it('adds a kind the patterns missed, marked as the classifier’s', () => {
      const m = { ...shippedModel(), thresholds: Object.fromEntries(RISK_CATEGORIES.map((k) => [k, 0])) as Record<RiskCategory, number> };
      const res = screenRisk('we had a good visit', content(), { classifier: m });
      assert.ok(res.length === RISK_CATEGORIES.length && res.every((h) => h.termId === CLASSIFIER_TERM));
      assert.deepEqual(screenRisk('we had a good visit', content(), { classifier: false }), []);
    });
    it('the sentence-level context rules gate its kinds too', () => {
      const m = { ...shippedModel(), thresholds: Object.fromEntries(RISK_CATEGORIES.map((k) => [k, 0])) as Record<RiskCategory, number> };
      const res = riskCategories(screenRisk('we practiced how to give narcan with the training kit', content(), { classifier: m }));
      assert.ok(!res.includes('overdose') && res.includes('suicide'), JSON.stringify(res));
    });
    it('features are word stems, bigrams and character n-grams, negated after a cue', () => {
      assert.ok(features('not suicidal', { bigrams: false, chars: [], stems: true, negation: true }).includes('neg:suicid'));
      const f = features('cutting again', { bigrams: true, chars: [4], stems: true });
      assert.ok(f.includes('cut') && f.includes('cut_again') && f.includes('#<cut'));
    });
    it('the model file is plain JSON in the repository', () => {
      assert.ok(fs.statSync(MODEL_FILE).size < 2_000_000);
    });
  });

  describe('command line (npm run --silent screen -- --jsonl)', function () {
    // Each test starts a process that loads tsx, the de-identifier and the model: seconds alone, more on a busy machine.
    this.timeout(90_000);
    const run = (input: string, args = ['--jsonl']) =>
      spawnSync(process.execPath, ['--import', 'tsx', path.join(repo, 'services/safety/cli.ts'), ...args], { input, encoding: 'utf8', cwd: repo, timeout: 60000 });

    it('writes one {"id","risk","kinds"} line per input line, de-identifying first', () => {
      const r = run(
        [
          JSON.stringify({ id: 'a', text: 'Maria said kms tonight' }),
          JSON.stringify({ id: 2, text: 'she killed it at her interview' }),
          JSON.stringify({ id: 'c', text: 'found him blue, narcaned him twice' }),
        ].join('\n') + '\n',
      );
      assert.equal(r.status, 0, r.stderr);
      const out = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as unknown);
      assert.deepEqual(out, [
        { id: 'a', risk: true, kinds: ['suicide'] },
        { id: 2, risk: false, kinds: [] },
        { id: 'c', risk: true, kinds: ['overdose'] },
      ]);
    });

    it('reports a bad line on stderr, keeps its id in the output, and exits 1', () => {
      const r = run(['{"id":"x","text":"he wants to die"}', 'not json', '{"id":"y"}', '{"id":"z","text":"good visit"}'].join('\n'));
      assert.equal(r.status, 1);
      const out = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { id: unknown; risk: unknown; error?: string });
      assert.deepEqual(out.map((o) => o.id), ['x', null, 'y', 'z']);
      assert.equal(out[2].risk, null);
      assert.match(out[2].error ?? '', /"text"/);
      assert.match(r.stderr, /line 2: not valid JSON/);
      assert.match(r.stderr, /line 3: expected an object/);
    });

    it('explains its usage without --jsonl', () => {
      const r = run('', []);
      assert.equal(r.status, 2);
      assert.match(r.stderr, /usage: npm run --silent screen -- --jsonl/);
    });
  });

  describe('content', () => {
    it('every pattern, exclusion and context rule names a known source', () => {
      const c = content();
      const raw = JSON.parse(fs.readFileSync(path.join(c.dir, 'risk-terms.json'), 'utf8')) as {
        context: { negation: { source: string }; resolved: { source: string }; current: { source: string }; suppress: { source: string }[] };
      };
      for (const cat of c.riskTerms) {
        for (const t of [...cat.patterns, ...cat.exclusions]) {
          const src = (t as { source?: string }).source;
          assert.ok(src && c.sourceById.has(src), `${t.id} has no known source`);
        }
      }
      for (const cue of [raw.context.negation, raw.context.resolved, raw.context.current, ...raw.context.suppress]) assert.ok(c.sourceById.has(cue.source));
    });
  });
});
