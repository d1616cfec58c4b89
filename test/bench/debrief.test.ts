// The benchmark's scripted debrief (bench/debrief.ts) against the real bot over HTTP: every card button it taps
// is on the previous reply's card, every reply matches the script's `expect`, and the Save stores what was said.
// If the dialog changes, this fails before a bench run is wasted on a script that no longer fits it.
import assert from 'node:assert/strict';
import { cardValue, DEBRIEF } from '../../bench/debrief';
import { Conversation, startBot, type RunningBot } from '../helpers/bot';
import { closeStores } from '../helpers/store';

describe('the bench scripted debrief', () => {
  let bot: RunningBot;
  before(async () => { bot = await startBot(); });
  after(async () => { await bot.stop(); await closeStores(); });

  it('follows the dialog turn by turn, every reply checked, and its Save is stored', async () => {
    const c = new Conversation(bot.url);
    let last: string | undefined;
    for (const [i, turn] of DEBRIEF.entries()) {
      assert.ok(turn.expect, `turn ${i + 1} checks its reply`);
      const value = turn.card ? cardValue(last, turn.card) : turn.value;
      if (turn.card) assert.ok(value, `turn ${i + 1}: button ${turn.card.title} on the previous card`);
      const { status, activities } = await c.post(value ? { value, text: '' } : { text: turn.text ?? '' });
      assert.equal(status, 200);
      last = JSON.stringify({ activities }); // the same JSON body the load generator sees
      assert.match(last, turn.expect!, `turn ${i + 1} (${turn.text ?? turn.card?.title})`);
    }
    const { items } = await bot.app.reflections.listByPsw(bot.app.personIdFor(c.userId));
    assert.equal(items.length, 1);
    const [saved] = items;
    assert.equal(saved!.clientCode, 'C-14');
    assert.deepEqual(saved!.selfCheck, { score: 3, note: 'tired but okay' });
    assert.equal(saved!.stall?.flaggedForSupervision, true);
    assert.ok(saved!.stall?.strategyId, 'the first strategy chosen');
  });
});
