// Round 13 (the classifier): harm to others' threshold 0.8 -> 0.6 (0.62 for the end-of-round model; bench/screenLobo
// CEILING), chosen on the batches the shipped model never read and confirmed on the held-out ones (docs/history/SAFETY-rounds.md,
// "Round 13 (classifier)"). A threat said sideways, with no word a pattern holds, now reaches the screen; the everyday
// sentences that share its frame stay quiet. Every sentence here is invented.
import assert from 'node:assert/strict';
import { shippedModel } from '../../../services/safety/screen/classifier';
import { screen, keeps, patterns, rulesOut } from '../../helpers/screenAsserts';

describe('risk screen: harm to others said sideways, from the classifier', () => {
  const sideways = [
    'he said his ex is lucky he has not caught up with her yet',
    "she said her sister's boyfriend will not be walking right when she is done with him",
    'he said his boss is lucky he did not bring his gun to work',
  ];

  it('harm to others counts from 0.62 at most, never above the ceiling', () => {
    assert.ok(shippedModel().thresholds.harm_to_others <= 0.62);
  });

  it('raises a threat told sideways that no pattern reads', () => {
    // The patterns alone miss each: the classifier's threshold is what moved.
    rulesOut('harm_to_others', sideways, patterns);
    keeps(sideways.map((t) => ['harm_to_others', t] as const), screen);
  });

  it('leaves the everyday sentences that share its frame alone', () => {
    rulesOut(
      'harm_to_others',
      [
        'he is lucky he did not get hurt at work today',
        'his boss is lucky the shift went well',
        'she said her sister will not be walking for a while after the knee surgery',
        'he keeps driving past his old school on the way to work',
        'he is going to get even more hours at his new job',
        'he is going to sort out his taxes himself this year',
        'he keeps a bat by the door for softball season',
        'she is burning the old letters from her ex in the fire pit at camp',
      ],
      screen,
    );
  });
});
