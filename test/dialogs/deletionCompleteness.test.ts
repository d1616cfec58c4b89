// Deletion is complete and `my data` is whole (issue 15, items 8 and 9): the bot's own memory of a
// conversation — a debrief in progress — is part of what is shown and what is deleted, and nothing typed after
// `delete my data` is kept.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { Activity } from 'botbuilder';
import { BOT_STATE_CONTAINER } from '../../services/storage/containers';
import type { MyData } from '../../services/privacy/dataRights';
import { Conversation, type RunningBot, useBot, visibleText } from '../helpers/bot';

function attachedJson(replies: Activity[]): MyData {
  const file = replies.flatMap((a) => a.attachments ?? []).find((a) => a.contentType === 'application/json');
  assert.ok(file?.contentUrl, 'the JSON file is attached');
  return JSON.parse(Buffer.from(file!.contentUrl!.split(',')[1]!, 'base64').toString('utf8')) as MyData;
}

/** A debrief left at its second question, one answer given. */
async function debriefInProgress(c: Conversation, code: string, answer: string): Promise<void> {
  await c.say(`reflect ${code}`);
  await c.say('skip');
  await c.say('building trust');
  assert.match(visibleText(await c.say(answer)), /\(2\/\d\)/);
}

async function botState(bot: RunningBot): Promise<string> {
  const { resources } = await bot.app.store.database.container(BOT_STATE_CONTAINER).items.readAll().fetchAll();
  return JSON.stringify(resources);
}

describe('deletion completeness and the whole of my data', () => {
  const bot = useBot();

  it('`delete my data <text>` keeps none of <text> in bot state', async () => {
    const c = new Conversation(bot().url);
    assert.match(visibleText(await c.say('delete my data Maria Lopez 416-555-0199 please')), /cannot be undone/);
    const state = await botState(bot());
    assert.ok(state.includes(bot().app.personIdFor(c.userId)), 'the conversation state was stored');
    // Digits as whole runs only: a random UUID, etag or nonce in the state may hold 416 by chance.
    assert.doesNotMatch(state, /Maria|Lopez|please|(?<![\dA-Za-z])(?:416|555|0199)(?![\dA-Za-z])|4165550199/);
    assert.match(visibleText(await c.say('no')), /nothing was deleted/);
  });

  it('`my data` includes the bot state of a debrief in progress', async () => {
    const user = `user-${randomUUID().slice(0, 6)}`;
    const debrief = new Conversation(bot().url, user);
    await debriefInProgress(debrief, 'MD-1', 'We sat on the bench by the library');
    const mine = new Conversation(bot().url, user);
    const data = attachedJson(await mine.say('my data'));
    assert.ok(Array.isArray(data.conversations) && data.conversations.length >= 1, 'conversations exported');
    assert.match(JSON.stringify(data.conversations), /We sat on the bench by the library/, 'the draft in progress is shown');
    assert.doesNotMatch(JSON.stringify(data.conversations), new RegExp(user), 'the channel id is not in it');
  });

  it('a debrief in progress in another chat is not saved after `delete my data`', async () => {
    const user = `user-${randomUUID().slice(0, 6)}`;
    const debrief = new Conversation(bot().url, user);
    await debriefInProgress(debrief, 'DL-1', 'We talked about her sister');
    const other = new Conversation(bot().url, user);
    await other.say('delete my data');
    assert.match(visibleText(await other.say('Yes, delete everything')), /partway through/);
    assert.doesNotMatch(await botState(bot()), /her sister/, 'the draft is gone from bot state');
    // Carrying on in the debrief's chat: nothing of it is left to answer or save.
    const replies = visibleText(await debrief.say('She smiled more today'));
    assert.doesNotMatch(replies, /\(3\/\d\)/);
    for (const t of ['skip', 'skip', 'skip', 'progressing', '4', 'no', 'save']) await debrief.say(t);
    const id = bot().app.personIdFor(user);
    assert.equal((await bot().app.reflections.listByPsw(id)).items.length, 0, 'no reflection was saved after the deletion');
  });

  it('`delete my data` typed mid-debrief asks first; kept, the debrief carries on; deleted, nothing of it is ever saved', async () => {
    const c = new Conversation(bot().url);
    await debriefInProgress(c, 'DM-1', 'We walked to the pharmacy');
    assert.match(visibleText(await c.say('delete my data')), /cannot be undone/, 'not taken as an answer');
    const kept = visibleText(await c.say('no'));
    assert.match(kept, /nothing was deleted/);
    assert.match(kept, /\(2\/\d\)/, 'the debrief asks its question again');
    await c.say('delete my data');
    assert.match(visibleText(await c.say('Yes, delete everything')), /Done\. I deleted/);
    assert.doesNotMatch(await botState(bot()), /pharmacy/);
    for (const t of ['skip', 'skip', 'skip', 'skip', 'progressing', '4', 'no', 'save']) await c.say(t);
    assert.equal((await bot().app.reflections.listByPsw(bot().app.personIdFor(c.userId))).items.length, 0);
  });
});
