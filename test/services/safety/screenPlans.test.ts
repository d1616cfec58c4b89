// Batch o's round (content/risk-terms.json): overdose risk told by circumstances (using hidden away, a new
// supply, more than usual, lost tolerance, found down, pills then opioids, the rest of a bottle), sideways threats
// and a young child left alone by age; and the false-alarm rules: benign plans before a move, surgery or a new job
// (ctx-benign-plan), harm-reduction teaching, a chore one is "done with". Wordings here are not batch o's own.
// Figures: `npx tsx bench/screenBatch.ts bench/data/screen-train-o.jsonl` and docs/history/SAFETY-rounds.md.
import assert from 'node:assert/strict';
import { content, type RiskCategory } from '../../../services/content';
import { riskCategories, screenRisk } from '../../../services/safety/screen';

const c = content();
const patternsOnly = (text: string) => riskCategories(screenRisk(text, c, { classifier: false }));
const cats = (text: string) => riskCategories(screenRisk(text, c));

describe('risk screen: circumstances, sideways threats and benign plans', () => {
  it('raises overdose risk told only by circumstances, by its patterns alone', () => {
    const cases: [RiskCategory, string][] = [
      ['overdose', 'she goes behind the shed to use so her kids do not see'],
      ['overdose', 'he uses in his truck before going home'],
      ['overdose', 'new dealer this week and the dope is way stronger than before'],
      ['overdose', 'he did way more than usual last night'],
      ['overdose', 'released from jail friday and he copped the same night, same amount as before'],
      ['overdose', 'we found her in the stairwell, she was not moving'],
      ['overdose', 'his lips were kind of purple when I got there'],
      ['overdose', 'she had a few drinks then did a point of down'],
      ['overdose', 'he took the rest of his lithium after the call with his mom'],
      ['suicide', 'he swallowed his pills with rum hoping never to wake up'],
      ['harm_to_others', 'he says his boss better watch his back'],
      ['harm_to_others', 'she knows where her ex works now and says it will be sorted'],
      ['harm_to_others', 'if the neighbour says one more word he is grabbing the hammer'],
      ['abuse', 'mom left the 2 year old home alone to go to the bar'],
    ];
    for (const [kind, text] of cases) assert.ok(patternsOnly(text).includes(kind), `${kind}: ${text} -> ${patternsOnly(text)}`);
  });

  it('raises nothing for plans, harm-reduction teaching and chores that share those words', () => {
    const negatives = [
      'he is giving his dresser to his cousin because he is moving in with his girlfriend',
      'she got her papers and affairs in order before her knee surgery, her doctor suggested it',
      'he said goodbye to the staff, he starts his new job in the city on monday',
      'she is rehoming her dog because the new apartment does not allow pets',
      'we went over what to do if someone goes blue, she wants to carry narcan now',
      'she asked me what to do if somebody stops breathing at the camp',
      'i am so done with charting today lol',
      'we gave out naloxone and test strips at the drop in',
    ];
    for (const text of negatives) assert.deepEqual(cats(text), [], text);
  });

  it('keeps a farewell that says its meaning even beside a move or surgery', () => {
    assert.ok(cats('he is giving away his things before the move, says he will not need them where he is going').includes('suicide'));
    assert.ok(cats("she's giving away her things before her move, says she won't be needing them").includes('suicide'));
    assert.ok(cats('he gave his savings to his brother and moved out of his room with nowhere to go').includes('suicide'));
    assert.ok(cats('she put her affairs in order before surgery and said she hopes she does not wake up').includes('suicide'));
  });
});
