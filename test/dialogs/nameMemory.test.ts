// Names across answers and across debriefs, and the "Is 'Joy' a person?" questions, over HTTP against the real
// bot and the in-process Cosmos server.
import assert from 'node:assert/strict';
import { content } from '../../services/content';
import type { ReflectionDoc } from '../../services/reflections/model';
import { Conversation, type RunningBot, useBot, visibleText } from '../helpers/bot';
import { everyDocument, holdsWord } from '../helpers/store';

async function newest(bot: RunningBot, userId: string): Promise<ReflectionDoc> {
  const items = (await bot.app.reflections.listByPsw(bot.app.personIdFor(userId))).items;
  return items.sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0]!;
}

/** A debrief up to the review: names, stage "building trust", the given answers (the rest skipped), progressing, 4, no. */
async function toReview(c: Conversation, code: string, names: string, answers: string[]): Promise<string> {
  await c.say(`reflect ${code}`);
  await c.say(names);
  await c.say('building trust');
  const n = Math.min(content().stageById.trust.prompts.length, 5);
  for (let i = 0; i < n; i++) await c.say(answers[i] ?? 'skip');
  await c.say('progressing'); // no stall to infer, however many reflections at this stage
  await c.say('4 fine');
  return visibleText(await c.say('no')); // the safety question that ends every debrief → the review or a name question
}

describe('names across answers and debriefs, over HTTP', function () {
  // Three whole debriefs in the first test: 10–13 s alone, past mocha's 20 s on a loaded machine (round 15).
  this.timeout(60_000);
  const bot = useBot();

  it('hides a name found later in earlier answers, asks about unsure words, and remembers Hide and Keep for the client', async () => {
    const c = new Conversation(bot().url);
    // Debrief 1: a name to hide, a name found only in the second answer, an unsure word.
    let text = await toReview(c, 'C-21', 'Coach, Zorblax', ['talked abt mihi, she was quiet', 'sat with mihi at the park after', 'We talked about Joy and the new place']);
    assert.match(text, /Is "Joy" a person\?/);
    text = visibleText(await c.say('hide'));
    assert.ok(!/mihi|Joy/i.test(text), text);
    assert.match(text, /talked abt \[NAME\], she was quiet/);
    assert.match(visibleText(await c.say('save')), /Saved/);
    let doc = await newest(bot(), c.userId);
    assert.ok(!/mihi|joy/i.test(JSON.stringify(doc.answers)), JSON.stringify(doc.answers));

    // Debrief 2, same client: the remembered names are hidden ("coach" alone would be a word; round 10: the word was
    // "cook", which round 10's name model reads as a person before "knows" by itself), "Patches" is asked
    // about and kept (round 17: an everyday word no name list holds, "Splicer", is no longer asked opening a sentence).
    text = await toReview(c, 'C-21', 'skip', ['i think coach knows the landlord. Patches family lost their dog', 'joy was there too']);
    assert.match(text, /Is "Patches" a person\?/);
    text = visibleText(await c.say('keep'));
    assert.match(text, /i think \[NAME\] knows the landlord. Patches family lost their dog/);
    assert.match(text, /\[NAME\] was there too/);
    await c.say('save');
    doc = await newest(bot(), c.userId);
    assert.ok(!/coach|joy/i.test(JSON.stringify(doc.answers)));

    // Debrief 3: "Patches" is not asked about again; the review comes straight away.
    text = await toReview(c, 'C-21', 'skip', ['Patches family found the dog']);
    assert.ok(!/(?:a person|part of a name)\?/.test(text), text);
    assert.match(text, /Save this\?/);
    await c.say('save');

    // Another client does not inherit this client's names: there "coach" is a word.
    text = await toReview(c, 'C-22', 'skip', ['i think coach knows the landlord']);
    assert.match(text, /i think coach knows the landlord/);
    await c.say('save');
    assert.match(JSON.stringify((await newest(bot(), c.userId)).answers), /i think coach knows the landlord/);

    // Nothing stored holds a hidden name in clear: the relationship keeps hashes only.
    const all = (await everyDocument(bot().store)).join('\n');
    for (const w of ['zorblax', 'mihi', 'joy']) assert.ok(!holdsWord(all, w), w);
    const rel = await bot().app.relationships.get(bot().app.personIdFor(c.userId), 'C-21');
    assert.ok(rel?.names && rel.names.hide.length >= 2 && rel.names.keep.length === 1);
  });

  it('a name found in the self-check note or in an edited answer is hidden in the other answers', async () => {
    const c = new Conversation(bot().url);
    await c.say('reflect E-3');
    await c.say('skip');
    await c.say('building trust');
    const n = Math.min(content().stageById.trust.prompts.length, 5);
    await c.say('talked abt mihi and her plans');
    await c.say('talked about ngaio today');
    for (let i = 2; i < n; i++) await c.say('skip');
    await c.say('progressing');
    await c.say('4 good day, mihi said thanks');
    let text = visibleText(await c.say('no'));
    assert.match(text, /talked abt \[NAME\] and her plans/);
    assert.match(text, /talked about ngaio today/);
    await c.say('edit');
    await c.say('1');
    text = visibleText(await c.say('sat with ngaio at the park'));
    assert.match(text, /talked about \[NAME\] today/);
    await c.say('save');
    assert.doesNotMatch(JSON.stringify((await newest(bot(), c.userId)).answers), /mihi|ngaio/);
  });

  it('a possessive typed without its apostrophe is asked by its name, and Hide hides every form of it, in later debriefs too (round 23)', async () => {
    const c = new Conversation(bot().url);
    let text = await toReview(c, 'D-6', 'skip', ['helped with rubys hair before church']);
    assert.match(text, /Is "ruby" a person\?/);
    text = visibleText(await c.say('yes'));
    assert.match(text, /helped with \[NAME\] hair before church/);
    await c.say('save');
    // The same client's next debrief: the remembered name hides "rubys" and "Ruby's", and nothing is asked.
    text = await toReview(c, 'D-6', 'skip', ["did rubys hair again, Ruby's mom came"]);
    assert.match(text, /did \[NAME\] hair again, \[NAME\]'s mom came/);
    assert.ok(!/(?:a person|part of a name)\?/.test(text), text);
    await c.say('save');
    const all = (await everyDocument(bot().store)).join('\n');
    for (const w of ['ruby', 'rubys']) assert.ok(!holdsWord(all, w), w);
  });

  it('a name\'s s-form that is a word is asked by the name where the name was found, and a Hide hides it as her possessive in later debriefs (round 24)', async () => {
    const c = new Conversation(bot().url);
    let text = await toReview(c, 'D-7', 'skip', ['met with hope at the dropin', 'helped with hopes laundry after, she hopes to move soon']);
    const asked: string[] = [];
    for (let i = 0; i < 3 && /(?:a person|part of a name)\?/.test(text); i++) {
      asked.push(/Is "([^"]+)" (?:a person|part of a name)\?/.exec(text)![1]!);
      text = visibleText(await c.say(asked.at(-1) === 'hope' ? 'hide' : 'keep'));
    }
    assert.ok(asked.includes('hope'), asked.join());
    assert.match(text, /met with \[NAME\] at the dropin/);
    assert.match(text, /helped with \[NAME\] laundry after, she hopes to move soon/);
    await c.say('save');
    // The client's next debrief: "hopes" as her possessive is hidden by the remembered name, the verb stays, nothing is asked.
    text = await toReview(c, 'D-7', 'skip', ['picked up hopes keys for her', 'she hopes it works out']);
    assert.match(text, /picked up \[NAME\] keys for her/);
    assert.match(text, /she hopes it works out/);
    assert.ok(!/(?:a person|part of a name)\?/.test(text), text);
    await c.say('save');
    const all = (await everyDocument(bot().store)).join('\n');
    assert.ok(!holdsWord(all, 'hope'), 'hope');
  });

  it('typing works as well as tapping, and at most three questions are asked', async () => {
    const c = new Conversation(bot().url);
    // "tuckers" opening a sentence (Tucker's grandson) is hidden by the openers' model since round 26's file (round 19's
    // to 25's asked it), and "grandson" beside it is never asked: a kin word is no name (unsure.ts knownNoName).
    let text = await toReview(c, 'D-5', 'skip', ['We talked about Joy and the new place', 'Splicer family lost their dog', 'tuckers grandson comes every friday', 'we met jolene Saab today']);
    const asked: string[] = [];
    for (let i = 0; i < 5 && /(?:a person|part of a name)\?/.test(text); i++) {
      asked.push(/Is "([^"]+)" (?:a person|part of a name)\?/.exec(text)![1]!);
      // A word beside a hidden name is asked as part of it (round 15).
      if (asked.at(-1) === 'Saab') assert.match(text, /Is "Saab" part of a name\? If so, I'll hide it\./);
      text = visibleText(await c.say(i % 2 ? 'no' : 'yes'));
    }
    // The likeliest names first (round 15): the name model's word, then the word beside a hidden name.
    assert.deepEqual(asked, ['Joy', 'Saab']);
    assert.match(text, /\[NAME\] grandson comes every friday/);
    assert.match(text, /Save this\?/);
  });
});
