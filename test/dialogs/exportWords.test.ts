// The export through the real dialog over HTTP (issue 14 item 11): no internal id in the file — stages, strategies and
// questions in words, client codes and reflection ids as per-file labels — and a risk_flags column with the topic.
import assert from 'node:assert/strict';
import type { Activity } from 'botbuilder';
import { parse } from 'csv-parse/sync';
import { content } from '../../services/content';
import { Conversation, useBot, visibleText } from '../helpers/bot';

const PROMPTS = Math.min(content().stageById.trust.prompts.length, 5);

function csvOf(replies: Partial<Activity>[]): Record<string, string>[] {
  const file = replies.flatMap((a) => a.attachments ?? []).find((x) => x.contentType === 'text/csv');
  assert.ok(file?.contentUrl, 'an inline CSV');
  const text = Buffer.from(file.contentUrl.split(',')[1]!, 'base64').toString('utf8').replace(/^\uFEFF/, '');
  return parse(text, { columns: true }) as Record<string, string>[];
}

describe('the export speaks in words', () => {
  const bot = useBot();

  it('a PSW exports a debrief with a stall and a safety topic: titles and questions, no ids; a supervisor reads the same', async () => {
    const { roster } = bot().app.supervision;
    await roster.add({ channelId: 'exp-sup', role: 'supervisor', alias: 'Sup X', team: 'Team X' });
    await roster.add({ channelId: 'exp-psw', role: 'psw', alias: 'PSW X', supervisor: 'Sup X', team: 'Team X' });
    const c = new Conversation(bot().url, 'exp-psw');
    await c.say('reflect C-31');
    await c.say('skip');
    await c.say('building trust');
    // An answer the safety screen flags (overdose): through its pause to the next question.
    let replies = visibleText(await c.say('She overdosed on fentanyl last night and was narcaned at the shelter.'));
    for (let i = 0; i < 4 && !/\(2\//.test(replies); i++) replies = visibleText(await c.say(/alert|supervisor/i.test(replies) ? 'no' : 'ok'));
    assert.match(replies, /\(2\//);
    for (let i = 1; i < PROMPTS; i++) await c.say('skip');
    await c.say('stalling');
    await c.say('1'); // the first strategy
    await c.say('no');
    await c.say('3');
    await c.say('no');
    assert.match(visibleText(await c.say('save')), /Saved/);

    const rows = csvOf(await c.say('export'));
    assert.equal(rows.length, 1);
    const row = rows[0]!;
    const trust = content().stalls.trust;
    assert.equal(row.reflection, 'R1');
    assert.equal(row.client, 'C1');
    assert.equal(row.stage, 'Building trust');
    assert.equal(row.stage_chosen_by, 'PSW');
    assert.equal(row.stall_stage, 'Building trust');
    assert.equal(row.stall_strategy, trust.strategies[0]!.title);
    assert.equal(row.risk_flags, 'overdose');
    assert.ok(row.answers!.startsWith(`${content().stageById.trust.prompts[0]!.text}: `), row.answers);
    const file = JSON.stringify(rows);
    for (const id of [trust.strategies[0]!.id, content().stageById.trust.prompts[0]!.id, 'C-31', '"trust"']) assert.ok(!file.includes(id), `no ${id}`);
    const doc = (await bot().app.reflections.listByPsw(bot().app.personIdFor('exp-psw'))).items[0]!;
    assert.ok(!file.includes(doc.id), 'no reflection id');

    const sup = csvOf(await new Conversation(bot().url, 'exp-sup').say('export PSW X'));
    assert.equal(sup.length, 1);
    assert.equal(sup[0]!.risk_flags, 'overdose');
    assert.equal(sup[0]!.stall_strategy, trust.strategies[0]!.title);
  });
});
