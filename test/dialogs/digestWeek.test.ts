// The weekly digest and `summary last week` over HTTP name the same week and show the same figures, on a digest sent
// on a Friday (DIGEST_WEEKDAY=5) for the week the clocks went back (sinon clock; Toronto leaves EDT on 1 Nov 2026).
import assert from 'node:assert/strict';
import sinon from 'sinon';
import { noticeRenderer } from '../../bot/notices';
import { digestJobId } from '../../services/supervision/digest';
import { Conversation, useBot, visibleText } from '../helpers/bot';
import { putReflections, reflection } from '../services/supervision/fixtures';

describe('the digest and `summary last week` agree (a Friday digest, across the autumn change)', () => {
  let clock: sinon.SinonFakeTimers;
  before(() => {
    clock = sinon.useFakeTimers({ now: new Date('2026-11-04T12:00:00Z'), toFake: ['Date'] });
  });
  after(() => clock.restore());
  const bot = useBot({ config: { digestWeekday: 5, digestHour: 16 } });

  it('names the week of 26 Oct and counts Monday 00:30 to Sunday 23:30 local, in both', async () => {
    const { app } = bot();
    await app.supervision.roster.add({ channelId: 'dw-sup', role: 'supervisor', alias: 'Sup W', team: 'West', timeZone: 'America/Toronto' });
    await app.supervision.roster.add({ channelId: 'dw-psw', role: 'psw', alias: 'PSW W', supervisor: 'Sup W', team: 'West' });
    const psw = app.personIdFor('dw-psw');
    await putReflections(app, [
      reflection(psw, '2026-10-26T03:30:00Z'), // Sun 25 Oct 23:30 EDT: the week before
      reflection(psw, '2026-10-26T04:30:00Z'), // Mon 26 Oct 00:30 EDT: in
      reflection(psw, '2026-11-02T04:30:00Z'), // Sun 1 Nov 23:30 EST: in
      reflection(psw, '2026-11-02T05:30:00Z'), // Mon 2 Nov 00:30 EST: this week
      reflection(psw, '2026-11-05T15:00:00Z'), // Thu 5 Nov: this week
    ]);
    const job = (await app.jobs.get(digestJobId(app.personIdFor('dw-sup'))))!;
    assert.equal(job.due, '2026-11-06T21:00:00.000Z', 'Friday 16:00 EST');
    clock.setSystemTime(new Date(job.due));
    const out = await app.supervision.digest.handler(job, new Date());
    const digest = noticeRenderer(app)(out.messages[0]!.notice!);
    const replies = await new Conversation(bot().url, 'dw-sup').say('summary last week');
    // The same words for the period, and the same figures: the cards differ only in their title.
    assert.equal(digest.text, "Here's your team for the week of 26 Oct 2026: 1 person.");
    assert.ok(visibleText(replies).includes(digest.text!), 'the summary says the same sentence');
    const card = replies.flatMap((a) => a.attachments ?? []).map((x) => x.content as { body: unknown[] })[0]!;
    assert.match(JSON.stringify(card.body[0]), /Your team — week of 26 Oct 2026/);
    assert.match(JSON.stringify(digest.card!.body[0]), /Your weekly digest — week of 26 Oct 2026/);
    assert.deepEqual(digest.card!.body.slice(1), card.body.slice(1));
    assert.match(JSON.stringify(card.body), /"title":"Reflections","value":"2 shared, 0 private"/, 'Mon 26 Oct 00:30 to Sun 1 Nov 23:30');
    assert.match(JSON.stringify(card.body), /Self-check by week: 19 Oct 4 · 26 Oct 4/, 'trend weeks on the same edges');
  });
});
