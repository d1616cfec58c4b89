// Reminders and time zones through the real dialog over HTTP: several reminders, each listed and stoppable (by its
// button, its number or its time); a new one never silently replaces an old one; `timezone <city>`.
import assert from 'node:assert/strict';
import type { Activity } from 'botbuilder';
import { DateTime } from 'luxon';
import { MAX_REMINDERS } from '../../services/reminders/reminders';
import { Conversation, useBot, visibleText } from '../helpers/bot';

function buttons(replies: Partial<Activity>[]): { title: string; data: Record<string, unknown> }[] {
  return replies.flatMap((a) => a.attachments ?? []).flatMap((x) => ((x.content as { actions?: { title: string; data: Record<string, unknown> }[] }).actions ?? []));
}

describe('reminders and time zones over HTTP', () => {
  const bot = useBot();

  const jobsOf = async (id: string) => (await bot().app.jobs.listFor(id, 'reminder')).map((j) => ({ id: j.id, time: j.payload.time, days: j.payload.days, due: j.due }));

  it('keeps several reminders, lists each with its own Stop button, and stops one at a time', async () => {
    const c = new Conversation(bot().url);
    const id = bot().app.personIdFor(c.userId);
    assert.match(visibleText(await c.say('remind me at 16:30 on weekdays')), /Done\. I'll send a short reminder at 4:30 pm on weekdays/);
    const second = visibleText(await c.say('remind me at 9am on weekends'));
    assert.match(second, /I'll also remind you at 9:00 am on weekends/);
    assert.match(second, /You have 2 reminders now/);
    assert.equal((await jobsOf(id)).length, 2, 'the first one is not replaced');
    // The same time again adds its days to that reminder (never two messages at one minute); the same rule is said so.
    assert.match(visibleText(await c.say('remind me at 4:30pm on saturday')), /added those days to it: 4:30 pm on Monday, Tuesday, Wednesday, Thursday, Friday and Saturday/);
    assert.match(visibleText(await c.say('remind me at 9:00 on weekends')), /You already have that one: 9:00 am on weekends/);
    assert.equal((await jobsOf(id)).length, 2);

    const listed = await c.say('reminders');
    const text = visibleText(listed);
    assert.match(text, /1\. 9:00 am on weekends — next one/);
    assert.match(text, /2\. 4:30 pm on Monday, Tuesday, Wednesday, Thursday, Friday and Saturday — next one/);
    const stops = buttons(listed);
    assert.deepEqual(stops.map((b) => b.title), ['Stop 9:00 am on weekends', 'Stop 4:30 pm on Monday, Tuesday, Wednesday, Thursday, Friday and Saturday']);
    // Tapping a Stop button stops that one only.
    assert.match(visibleText(await c.say(stops[0]!.data)), /stopped your reminder at 9:00 am on weekends\. You still have one other/);
    assert.deepEqual((await jobsOf(id)).map((j) => j.time), ['16:30']);
    // By number (of the list as it is now), and a number that is not there.
    assert.match(visibleText(await c.say('stop reminder 3')), /don't have a reminder number 3/);
    assert.match(visibleText(await c.say('remove reminder 1')), /stopped your reminder at 4:30 pm/);
    assert.deepEqual(await jobsOf(id), []);
    assert.match(visibleText(await c.say('reminders')), /You have no reminder set/);
    assert.match(visibleText(await c.say('stop reminders')), /nothing to stop/);
  });

  it('`remind me at 4:30 on weekdays` asks morning or afternoon with two buttons; a tap sets that one', async () => {
    const c = new Conversation(bot().url);
    const id = bot().app.personIdFor(c.userId);
    const asked = await c.say('remind me at 4:30 on weekdays');
    assert.match(visibleText(asked), /^4:30 in the morning, or 4:30 in the afternoon\?/);
    assert.deepEqual(await jobsOf(id), [], 'nothing set until they say which');
    assert.deepEqual(buttons(asked).map((b) => b.title), ['4:30 am on weekdays', '4:30 pm on weekdays']);
    assert.match(visibleText(await c.say(buttons(asked)[1]!.data)), /I'll send a short reminder at 4:30 pm on weekdays/);
    assert.deepEqual((await jobsOf(id)).map((j) => j.time), ['16:30']);
    assert.match(visibleText(await c.say('remind me at 7 on weekends')), /^7:00 in the morning, or 7:00 in the evening\?/);
    // QA: typed, "morning" or "evening" answers it (it used to reach no one: "I didn't catch that").
    assert.match(visibleText(await c.say('morning')), /remind you at 7:00 am on weekends/);
    await c.say('remind me at 6:15 every day');
    assert.match(visibleText(await c.say('evening')), /6:15 pm every day/);
    // `stop reminder 4:30` finds the one they have.
    assert.match(visibleText(await c.say('stop reminder 4:30')), /stopped your reminder at 4:30 pm on weekdays/);
  });

  it('`remind me at 5pm weekdys` reads the misspelt day', async () => {
    const c = new Conversation(bot().url);
    assert.match(visibleText(await c.say('remind me at 5pm weekdys')), /I'll send a short reminder at 5:00 pm on weekdays/);
    assert.match(visibleText(await c.say('remind me at 6pm on tusdays')), /I'll also remind you at 6:00 pm on Tuesday/);
  });

  it('stops one by its time, all at once with `stop reminders`, and allows at most MAX_REMINDERS', async () => {
    const c = new Conversation(bot().url);
    const id = bot().app.personIdFor(c.userId);
    for (let h = 0; h < MAX_REMINDERS; h++) await c.say(`remind me at ${8 + h}:15 on weekdays`);
    assert.equal((await jobsOf(id)).length, MAX_REMINDERS);
    assert.match(visibleText(await c.say('remind me at 20:00 daily')), new RegExp(`You have ${MAX_REMINDERS} reminders already`));
    assert.equal(buttons(await c.say('reminders')).length, MAX_REMINDERS, 'one Stop button each, within six actions');
    assert.match(visibleText(await c.say('stop reminder 9:15am')), /stopped your reminder at 9:15 am on weekdays\. You still have 4 others/);
    assert.match(visibleText(await c.say('stop reminder at 7:00')), /don't have a reminder at that time/);
    const all = visibleText(await c.say('stop reminders'));
    assert.match(all, /stopped all 4 of your reminders \(8:15 am on weekdays; 10:15 am on weekdays; 11:15 am on weekdays; 12:15 pm on weekdays\)/);
    assert.deepEqual(await jobsOf(id), []);
  });

  it('`timezone <city>` sets the zone and moves every reminder, an old single reminder included', async () => {
    const c = new Conversation(bot().url);
    const id = bot().app.personIdFor(c.userId);
    await c.say('remind me at 16:30 on weekdays');
    // A reminder stored before several were allowed (one job per person) is listed, moved and then kept under its time.
    const now = bot().app.now();
    await bot().app.jobs.put({ id: `reminder|${id}`, kind: 'reminder', personId: id, due: new Date(now.getTime() + 3600_000).toISOString(), payload: { time: '07:45', days: [1, 3, 5] } }, now);
    assert.match(visibleText(await c.say('reminders')), /1\. 7:45 am on Monday, Wednesday and Friday/);

    const set = visibleText(await c.say('timezone Vancouver'));
    assert.match(set, /Your time zone is now America\/Vancouver \(it's \d{1,2}:\d\d [ap]m there now\)/);
    assert.match(set, /Your reminders move with you: 7:45 am on Monday, Wednesday and Friday; 4:30 pm on weekdays, your time/);
    assert.equal((await bot().app.people.get(id))?.timeZone, 'America/Vancouver');
    const jobs = await jobsOf(id);
    assert.deepEqual(jobs.map((j) => j.id).sort(), [`reminder|${id}|07:45`, `reminder|${id}|16:30`]);
    for (const j of jobs) assert.equal(DateTime.fromISO(j.due).setZone('America/Vancouver').toFormat('HH:mm'), j.time, 'due at its time in Vancouver');

    assert.match(visibleText(await c.say('timezone Calgary')), /now America\/Edmonton/);
    assert.match(visibleText(await c.say("timezone St. John's")), /now America\/St_Johns/);
    assert.match(visibleText(await c.say('timezone Montréal, QC')), /now America\/Toronto/);
    assert.match(visibleText(await c.say('timezone Narnia')), /don't know that time zone or place\. Try your city, like `timezone Vancouver`/);
    assert.equal((await bot().app.people.get(id))?.timeZone, 'America/Toronto', 'an unknown place changes nothing');
    assert.match(visibleText(await c.say('timezone')), /Your time zone is America\/Toronto/);
  });

  it('`timezone EST` is Eastern time with daylight saving, not a fixed offset', async () => {
    const c = new Conversation(bot().url);
    const id = bot().app.personIdFor(c.userId);
    assert.match(visibleText(await c.say('timezone EST')), /Your time zone is now America\/Toronto/);
    assert.equal((await bot().app.people.get(id))?.timeZone, 'America/Toronto');
    assert.match(visibleText(await c.say('timezone pst')), /Your time zone is now America\/Vancouver/);
  });

  it('reads a time typed as phones type it ("430pm everyday") and stops it the same way', async () => {
    const c = new Conversation(bot().url);
    const id = bot().app.personIdFor(c.userId);
    assert.match(visibleText(await c.say('remind me at 430pm everyday')), /Done\. I'll send a short reminder at 4:30 pm every day/);
    assert.deepEqual((await jobsOf(id)).map((j) => j.time), ['16:30']);
    assert.match(visibleText(await c.say('stop reminder 430pm')), /stopped your reminder at 4:30 pm every day/);
    assert.deepEqual(await jobsOf(id), []);
  });
});
