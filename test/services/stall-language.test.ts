import { strict as assert } from 'node:assert';
import { content } from '../../services/content';
import { detectStallLanguage } from '../../services/stalls/language';

const ids = (text: string): string[] => detectStallLanguage(text).map((h) => h.id);

describe('stall language', () => {
  const cases: [string, string, string | undefined][] = [
    ['Another no-show today.', 'stall-no-show', 'trust'],
    ['C-14 didn’t show up again', 'stall-didnt-show', 'trust'],
    ['She missed our meeting for the third week', 'stall-missed', 'trust'],
    ['I think I got ghosted', 'stall-ghosted', 'trust'],
    ["He won't talk to me since the thing with his worker", 'stall-wont-talk', 'trust'],
    ['Not returning my calls or texts', 'stall-not-returning', 'trust'],
    ['She shut down as soon as I asked about it', 'stall-shut-down', 'trust'],
    ['The referral fell through at the last minute', 'stall-referral-fell-through', 'bridging'],
    ['the detox referal fell thru again', 'stall-referral-fell-through', 'bridging'], // as phones type it
    ['Still on the waitlist for detox', 'stall-waitlist', 'bridging'],
    ['He got turned away at intake', 'stall-turned-away', 'bridging'],
    ['They have no ID so the clinic will not see them', 'stall-no-id', 'bridging'],
    ['No money for bus fare this week', 'stall-no-transport', 'bridging'],
    ['She refused the detox bed', 'stall-declined-service', 'bridging'],
    ['He had a bad experience with that clinic', 'stall-bad-experience', 'bridging'],
    ['We only do small talk', 'stall-surface', 'fostering'],
    ["She's so dependent on me", 'stall-dependent', 'launching'],
    ['Honestly it feels stuck', 'stall-stuck', undefined],
  ];

  for (const [text, id, stage] of cases) {
    it(`finds ${id} in "${text}"`, () => {
      const hit = detectStallLanguage(text).find((h) => h.id === id);
      assert.ok(hit, `no ${id} in ${JSON.stringify(detectStallLanguage(text))}`);
      assert.equal(hit.stage, stage);
      if (stage === undefined) assert.ok(!('stage' in hit));
    });
  }

  it('finds every example in the content', () => {
    for (const p of content().stallLanguage) for (const ex of p.examples ?? []) assert.ok(ids(ex).includes(p.id), `${p.id}: ${ex}`);
  });

  it('finds several phrases once each', () => {
    const res = detectStallLanguage('No-show again, another no show, and the referral fell through. Back on the waitlist.');
    assert.deepEqual(res.map((h) => h.id), ['stall-no-show', 'stall-referral-fell-through', 'stall-waitlist']);
  });

  it('stays quiet on ordinary progress', () => {
    for (const text of [
      'Great visit, they showed up early and we walked to the market.',
      'She opened up about her family and asked for my number for group.',
      'The intake went well and the worker was kind.',
      'I have no idea what the weather will be tomorrow.',
      'We talked about showing up for each other.',
      'He is doing well at his new job.',
      '',
    ]) {
      assert.deepEqual(detectStallLanguage(text), [], text);
    }
  });
});
