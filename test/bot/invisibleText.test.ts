// QA: zero-width characters inside a name or a phone ("Mar\u200Bcy Trem\u200Dblay", "780\u200B-555-0199") hid them
// from de-identification: the review showed "Mar[NAME] Trem[NAME] called from 780-555-0199". They are taken out
// when a message arrives; emoji sequences and scripts that need a joiner keep it.
import assert from 'node:assert/strict';
import { withoutInvisible } from '../../bot/invisibleText';
import { Conversation, asRole, useBot, visibleText } from '../helpers/bot';

describe('invisible characters in what a person types', () => {
  it('are taken out of words and numbers; an emoji family and a Persian non-joiner keep theirs', () => {
    assert.equal(withoutInvisible('Mar\u200Bcy Trem\u200Dblay 780\u200B-555\uFEFF-0199 \u202Ehi\u202C'), 'Marcy Tremblay 780-555-0199 hi');
    assert.equal(withoutInvisible('👨\u200D👩\u200D👧'), '👨\u200D👩\u200D👧');
    assert.equal(withoutInvisible('می\u200Cخواهم'), 'می\u200Cخواهم');
    assert.equal(withoutInvisible('soft\u00ADhyphen'), 'softhyphen');
  });

  describe('over the bot', () => {
    const bot = useBot();

    it('a name and a phone with zero-width characters inside are hidden in the review and the saved reflection', async () => {
      const c = new Conversation(bot().url, 'qa-invisible-1');
      const psw = await asRole(bot(), c.userId, 'psw');
      await c.say('reflect C-61');
      await c.say('skip');
      await c.say('building trust');
      await c.say('Mar\u200Bcy Trem\u200Dblay called from 780\u200B-555-0199 🙃');
      for (let i = 1; i < 5; i++) await c.say('skip');
      await c.say('steady');
      await c.say('3');
      const review = visibleText(await c.say('no'));
      assert.doesNotMatch(review, /555|Mar\S*\[NAME\]|Trem/);
      assert.match(review, /\[PHONE\]/);
      await c.say('save');
      const { items: [doc] } = await bot().app.reflections.listByPsw(psw);
      assert.doesNotMatch(JSON.stringify(doc), /555-0199|Marcy|Tremblay|Mar\u200B|Trem\u200D/);
    });
  });
});
