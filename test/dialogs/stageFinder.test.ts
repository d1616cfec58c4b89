// The stage finder through the real dialog over HTTP (issue 14, item 2).
import assert from 'node:assert/strict';
import { content } from '../../services/content';
import { stageQuestions } from '../../services/stages/finder';
import { Conversation, useBot, visibleText } from '../helpers/bot';

describe('stage finder in the debrief', () => {
  const bot = useBot();

  async function toFinder(c: Conversation, code: string): Promise<string> {
    await c.say(`reflect ${code}`);
    await c.say('skip');
    return visibleText(await c.say('not sure'));
  }

  it('asks about every stage and can propose launching, which is then used', async () => {
    const c = new Conversation(bot().url);
    let replies = await toFinder(c, 'L-1');
    const asked: string[] = [];
    const byQuestion = new Map(content().stageFinder.indicators.map((i) => [i.question, i]));
    for (let n = 0; n < 12 && !/sounds like/.test(replies); n++) {
      const q = [...byQuestion.keys()].find((k) => replies.includes(k));
      assert.ok(q, replies);
      const stage = byQuestion.get(q)!.stage;
      asked.push(stage);
      assert.match(replies, /Not sure/);
      replies = visibleText(await c.say(stage === 'trust' || stage === 'launching' ? 'yes' : 'no'));
    }
    assert.deepEqual([...new Set(asked)], ['trust', 'fostering', 'bridging', 'launching']);
    assert.ok(asked.length <= 8);
    assert.match(replies, /It sounds like \*\*Launching towards independence\*\*/);
    const prompts = visibleText(await c.say('yes'));
    assert.ok(prompts.includes(content().stageById.launching.prompts[0]!.text), prompts);
  });

  it('trust in question proposes building trust, and "not sure" says check trust first', async () => {
    const [first, second] = stageQuestions('trust');
    const c = new Conversation(bot().url);
    assert.ok((await toFinder(c, 'T-1')).includes(first!.question));
    await c.say('no');
    const proposed = visibleText(await c.say('yes'));
    assert.match(proposed, /It sounds like \*\*Building trust\*\*. Trust comes first/);
    assert.ok(proposed.includes(first!.unmet!));

    const d = new Conversation(bot().url);
    await toFinder(d, 'T-2');
    assert.ok(visibleText(await d.say('not sure')).includes(second!.question));
    assert.match(visibleText(await d.say('yes')), /Check trust first/);
  });
});
