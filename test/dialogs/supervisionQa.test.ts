// QA fixes to the supervision commands, through the real dialogs over HTTP: periods as people type them, the limit on
// a period said plainly, roster time zones by city and the supervisor named, what helps read plainly, and a new
// hire's onboarding shown first.
import assert from 'node:assert/strict';
import type { AppServices } from '../../services/app';
import { Conversation, startBot, visibleText, type RunningBot } from '../helpers/bot';
import { closeStores } from '../helpers/store';
import { putReflections, reflection } from '../services/supervision/fixtures';

describe('supervision QA fixes over HTTP', () => {
  let bot: RunningBot;
  let app: AppServices;
  const sup = () => new Conversation(bot.url, 'qa-sup');

  before(async () => {
    bot = await startBot();
    app = bot.app;
    const { roster } = app.supervision;
    await roster.add({ channelId: 'qa-sup', role: 'supervisor', alias: 'Sup Q' });
    await roster.add({ channelId: 'qa-psw', role: 'psw', alias: 'PSW Q1', supervisor: 'Sup Q' });
    await putReflections(app, [reflection(app.personIdFor('qa-psw'), new Date(Date.now() - 7 * 86_400_000).toISOString())]);
  });
  after(async () => {
    await bot.stop();
    await closeStores();
  });

  describe('periods', () => {
    for (const typed of ['export lastweek', 'export last wk', 'export PSW Q1 last wk']) {
      it(`reads "${typed}" as last week, not as an alias`, async () => {
        const text = visibleText(await sup().say(typed));
        assert.doesNotMatch(text, /couldn't find/);
        assert.match(text, /Here's your export: 1 reflection, week of /);
      });
    }

    it('reads "summary lastweek" as last week', async () => {
      const replies = await sup().say('summary lastweek');
      const text = visibleText(replies);
      assert.doesNotMatch(text, /couldn't find/);
      assert.match(text, /Here's your team for the week of /);
    });

    it('says the limit when a period is too long', async () => {
      for (const typed of ['export 13 weeks', 'summary 13 weeks', 'my summary 20 wks']) {
        assert.match(visibleText(await sup().say(typed)), /up to the last 12 weeks/, typed);
      }
    });
  });
});
