import { strict as assert } from 'node:assert';
import { content, RISK_CATEGORIES, type RiskCategory } from '../../services/content';
import { riskCategories, screenRisk } from '../../services/safety/screen';

const cats = (text: string): RiskCategory[] => riskCategories(screenRisk(text));

describe('safety screen', () => {
  const hits: Record<RiskCategory, string[]> = {
    overdose: [
      'C-14 overdosed in the washroom last week',
      'we found him unresponsive behind the building',
      'she went blue and we used naloxone on her',
      'he took too many pills on Friday',
      'there is a bad batch going around downtown',
      'they keep using alone at night',
    ],
    suicide: [
      'they said they want to kill themselves',
      'she told me she is feeling suicidal again',
      'he said everyone would be better off without him',
      'talked about ending it all',
      'C-3 has been giving away all his stuff',
      'he doesn’t want to be here anymore', // curly apostrophe
    ],
    self_harm: [
      'she showed me where she has been cutting herself',
      'history of self-harm, recent burns',
      'he keeps hurting himself when he drinks',
      'she cut her wrists last month',
    ],
    harm_to_others: [
      'he said he is going to kill his landlord',
      'threatened to stab a worker at the shelter',
      'he pulled a knife in the lineup',
      'she told me he hits his girlfriend',
      'he has had homicidal thoughts',
    ],
    abuse: [
      'she mentioned her partner hits the kids',
      'he leaves the kids home alone while he uses',
      'I think her nephew takes her pension every month',
      'there may be elder abuse going on',
      'she was sexually abused as a child and it is still happening to her sister',
    ],
    psw_distress: [
      "honestly I can't do this anymore",
      "I'm so burnt out after this week",
      'I relapsed on the weekend',
      'that visit really triggered me',
      "I'm not okay",
      'I feel hopeless about my caseload',
      "it's all my fault he used again",
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
            screenRisk(ex).some((h) => h.category === cat.id && h.termId === term.id),
            `example "${ex}" of ${term.id} was not flagged`,
          );
        }
      }
    }
  });

  const falseAlarms = [
    'She killed it at the interview!',
    "He's killing it in group lately",
    "I'm dying to see how the housing application goes",
    'I overdid it at the gym yesterday',
    'We shot a video for the peer group about the drop-in',
    "I'll shoot her a text tomorrow",
    'We were killing time at the library before the appointment',
    'Kill them with kindness, as my old sponsor said',
    'She beat everyone at cards at the drop-in',
    'He beat his son at chess and was so proud',
    'I did my suicide prevention training this morning',
    "I've been killing myself trying to finish these notes",
    'I wanted to die of embarrassment when I forgot the form',
    'Cut yourself some slack, my supervisor said',
    "She's cutting herself off from her old using friends, which is good",
    'He cut his arm on a fence at work',
    'I burned myself out last month, now I pace myself',
    'He hurt himself at the gym',
    "I didn't want to hurt her feelings",
    'The housing office was unresponsive to my emails',
    'We handed out naloxone kits at the event',
    'We gave them naloxone training on Tuesday',
    'Someone brought a bad batch of cookies to the potluck',
    'The landlord threatened them with eviction',
    "I'm going to attack the paperwork after lunch",
    "I'm not ok with the new intake policy",
    "I'm drowning in paperwork",
    "I'm thinking about using the new form for referrals",
    'I slipped on the ice outside the clinic',
    'The meds were being abused by someone at the shelter, staff say',
    'She talked about her past drug abuse and recovery',
    'He hit it off with the kids at the family day',
    'Great session, we talked about substance abuse services',
    'My tired brain is fried today but it was a good visit',
    'We walked to the overdose prevention site together',
    'International Overdose Awareness Day was a good event',
    'He cuts himself shaving every morning, he laughs about it',
    'He has a gun licence for hunting',
    'This commute is killing me',
  ];

  it(`raises no alarm on ${falseAlarms.length} everyday sentences`, () => {
    assert.ok(falseAlarms.length >= 20);
    for (const text of falseAlarms) assert.deepEqual(screenRisk(text), [], `false alarm on "${text}"`);
  });

  it('does not drop a real hit because an exclusion matched elsewhere in the text', () => {
    const text = 'He killed it at the interview, but later said he wants to kill himself.';
    assert.deepEqual(cats(text), ['suicide']);
    assert.ok(cats('I overdid it at the gym. Then C-2 overdosed in the lot.').includes('overdose'));
  });

  it('returns ids only, one entry per term, in category order', () => {
    const res = screenRisk('She overdosed twice and now says she wants to die; she overdosed again.');
    assert.deepEqual(res, [
      { category: 'overdose', termId: 'od-overdose' },
      { category: 'suicide', termId: 'sui-want-die' },
    ]);
    for (const h of res) assert.deepEqual(Object.keys(h).sort(), ['category', 'termId']);
  });

  it('handles empty, long and messy text', () => {
    assert.deepEqual(screenRisk(''), []);
    assert.deepEqual(screenRisk('   \n\t '), []);
    assert.ok(cats('WANTS\nTO   DIE').includes('suicide'));
    const long = 'we had coffee and talked about the weather. '.repeat(2000) + 'he overdosed';
    const t0 = Date.now();
    assert.ok(cats(long).includes('overdose'));
    assert.ok(Date.now() - t0 < 1000, 'screening 90 kB stays fast');
  });
});
