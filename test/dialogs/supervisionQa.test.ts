// QA fixes to the supervision commands, through the real dialogs over HTTP: periods as people type them, the limit on
// a period said plainly, roster time zones by city and the supervisor named, what helps read plainly, and a new
// hire's onboarding shown first.
import assert from 'node:assert/strict';
import type { AppServices } from '../../services/app';
import type { StrategyOutcome } from '../../services/reflections/model';
import { Conversation, useBot, visibleText } from '../helpers/bot';
import { putReflections, reflection } from '../services/supervision/fixtures';

describe('supervision QA fixes over HTTP', () => {
  const bot = useBot();
  let app: AppServices;
  const sup = () => new Conversation(bot().url, 'qa-sup');
  const admin = () => new Conversation(bot().url, 'qa-admin');

  before(async () => {
    app = bot().app;
    const { roster } = app.supervision;
    await roster.add({ channelId: 'qa-sup', role: 'supervisor', alias: 'Sup Q' });
    await roster.add({ channelId: 'qa-psw', role: 'psw', alias: 'PSW Q1', supervisor: 'Sup Q' });
    await roster.add({ channelId: 'qa-admin', role: 'admin', alias: 'Admin Q' });
    await roster.add({ channelId: 'qa-admin2', role: 'admin', alias: 'Admin Q2' });
    await roster.add({ channelId: 'qa-psw2', role: 'psw', alias: 'PSW Q2' });
    await putReflections(app, [reflection(app.personIdFor('qa-psw'), new Date(Date.now() - 7 * 86_400_000).toISOString())]);
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

  describe('what helps', () => {
    it('says a strategy planned but never tried plainly, not "helped 0 of 0 tries"', async () => {
      const { roster } = app.supervision;
      await roster.add({ channelId: 'qa-wh-sup', role: 'supervisor', alias: 'Sup WQ' });
      await roster.add({ channelId: 'qa-wh-psw', role: 'psw', alias: 'PSW WQ', supervisor: 'Sup WQ' });
      const psw = app.personIdFor('qa-wh-psw');
      const planned = (strategyId: string, outcome: StrategyOutcome['outcome'], h: number) =>
        reflection(psw, new Date(Date.now() - h * 3600_000).toISOString(), { strategyOutcome: { strategyId, stage: 'trust', plannedIn: 'r0', outcome } });
      await putReflections(app, [
        planned('trust-s-privacy', 'not_tried', 1),
        planned('trust-s-match', 'not_tried', 2),
        planned('trust-s-match', 'not_tried', 3),
        planned('trust-s-curious', 'helped', 4),
        planned('trust-s-curious', 'not_tried', 5),
      ]);
      const text = visibleText(await new Conversation(bot().url, 'qa-wh-sup').say('what helps'));
      assert.match(text, /\*\*Be clear about privacy\*\* — not tried yet; planned once\n/);
      assert.match(text, /\*\*Offer another peer\*\* — not tried yet; planned 2 times\n/);
      assert.match(text, /\*\*Be curious, not helpful\*\* — helped 1 of 1 try; planned once more, not tried yet\n/);
      assert.doesNotMatch(text, /of 0 tries|not got to/);
    });
  });

  describe('a new hire in the summary', () => {
    before(async () => {
      const { roster } = app.supervision;
      await roster.add({ channelId: 'qa-nh-sup', role: 'supervisor', alias: 'Sup NH' });
      await roster.add({ channelId: 'qa-nh', role: 'newhire', alias: 'New Hire Q', supervisor: 'Sup NH' });
      await new Conversation(bot().url, 'qa-nh').say('onboarding');
    });
    const facts = (replies: unknown): { title: string; value: string }[] => {
      const out: { title: string; value: string }[] = [];
      JSON.stringify(replies, (k, v: unknown) => {
        if (k === 'facts' && Array.isArray(v)) out.push(...(v as { title: string; value: string }[]));
        return v;
      });
      return out;
    };

    it('shows onboarding first and one short line, not five "none"s', async () => {
      const replies = await new Conversation(bot().url, 'qa-nh-sup').say('summary');
      const lines = facts(replies);
      assert.equal(lines[0]?.title, 'Onboarding');
      assert.match(lines[0]!.value, /^step \d+ of \d+/);
      assert.deepEqual(lines.slice(1), [{ title: 'Reflections', value: 'none yet' }]);
      assert.doesNotMatch(visibleText(replies), /no active relationships|nothing shared|none shared|Stalls/);
    });

    it("shows a new hire's onboarding in their drill-down", async () => {
      const replies = await new Conversation(bot().url, 'qa-nh-sup').say('summary New Hire Q');
      assert.match(facts(replies)[0]?.value ?? '', /^step \d+ of \d+/);
      const text = visibleText(replies);
      assert.ok(text.indexOf('Onboarding') >= 0 && text.indexOf('Onboarding') < text.indexOf('Nothing to show from the last 90 days'), text);
    });

    it('keeps the full lines for someone with reflections, onboarding first', async () => {
      await putReflections(app, [reflection(app.personIdFor('qa-nh'), new Date(Date.now() - 3600_000).toISOString())]);
      const lines = facts(await new Conversation(bot().url, 'qa-nh-sup').say('summary'));
      assert.deepEqual(lines.slice(0, 3).map((l) => l.title), ['Onboarding', 'Reflections', 'Stages']);
      assert.equal(lines[1]!.value, '1 shared, 0 private');
    });
  });

  describe('roster', () => {
    it('reads a time zone as `timezone` does: a city, a place or an area name', async () => {
      assert.match(visibleText(await admin().say('roster timezone psw q1 to Vancouver')), /Done\. PSW Q1 — PSW, supervisor Sup Q, America\/Vancouver/);
      assert.match(visibleText(await admin().say('roster timezone PSW Q1 to pacific')), /America\/Vancouver/);
      assert.match(visibleText(await admin().say('roster timezone PSW Q1 to America/Halifax')), /America\/Halifax/);
      assert.equal((await app.supervision.roster.byAlias('PSW Q1'))?.timeZone, 'America/Halifax');
      const refused = visibleText(await admin().say('roster timezone PSW Q1 to Narnia'));
      assert.match(refused, /I don't know that time zone or place\. Use a city, like `Vancouver`/);
      assert.equal((await app.supervision.roster.byAlias('PSW Q1'))?.timeZone, 'America/Halifax');
    });

    it('names the supervisor it set', async () => {
      const text = visibleText(await admin().say('roster supervisor PSW Q2 to sup q'));
      assert.match(text, /Done\. PSW Q2 — PSW, supervisor Sup Q,/);
      assert.doesNotMatch(text, /supervisor set/);
    });
  });
});
