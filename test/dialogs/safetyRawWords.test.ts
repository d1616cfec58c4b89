// The screen reads the words as typed, in the turn (round 13), over HTTP against the real bot: a risk word that is also
// a name the PSW asked to hide ("Cliff … off a cliff") is hidden in storage and still raises the pause — typed as an
// answer, in the self-check note, or in an answer over the length limit that waits a turn for "Keep the first part"
// (only its de-identified text and the kinds found wait). People called Hope, Faith or Grace raise nothing. The raw word reaches no dialog
// state, no stored document and no log.
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import pino from 'pino';
import { t } from '../../services/catalogue';
import { content } from '../../services/content';
import { setLogSink } from '../../services/log';
import type { ReflectionDoc } from '../../services/reflections/model';
import { asRole, Conversation, startBot, visibleText, type RunningBot } from '../helpers/bot';
import { closeStores, everyDocument, holdsWord } from '../helpers/store';

const protocol = content().safetyProtocol;
const RAW = /cliff/i;

describe('the screen reads the words as typed, in the turn', function () {
  this.timeout(60_000); // the first answer loads the de-identifier's models: slow on a shared machine
  let bot: RunningBot;
  const logLines: string[] = [];
  let previousSink: ReturnType<typeof setLogSink> | undefined;
  before(async () => {
    previousSink = setLogSink(pino({ level: 'debug', base: undefined }, new Writable({ write(chunk, _enc, done) { logLines.push(String(chunk)); done(); } })));
    bot = await startBot({ config: { maxTextLength: 300 } });
  });
  after(async () => {
    if (previousSink) setLogSink(previousSink);
    await bot.stop();
    await closeStores();
  });

  async function start(alias: string, code: string, names: string): Promise<(text: string | Record<string, unknown>) => Promise<string>> {
    const c = new Conversation(bot.url, alias);
    await asRole(bot, c.userId, 'psw');
    const say = async (text: string | Record<string, unknown>) => visibleText(await c.say(text));
    await say(`reflect ${code}`);
    await say(names);
    await say('1');
    return say;
  }

  async function save(say: (text: string) => Promise<string>, from: number): Promise<void> {
    for (let i = from; i < 5; i++) await say('skip');
    await say('steady');
    assert.ok((await say('3')).includes(protocol.check.question));
    assert.match(await say(t('safety.checkNo')), /exactly what I'll save/);
    assert.match(await say('save'), /Saved/);
  }

  async function newest(alias: string): Promise<ReflectionDoc> {
    const [doc] = (await bot.app.reflections.listByPsw(bot.app.personIdFor(alias))).items;
    return doc!;
  }

  it('a name to hide that is also the risk word: hidden in storage, and the pause still comes', async () => {
    const say = await start('raw-words-1', 'C-51', 'Cliff');
    const shown = await say('Cliff says he will jump off a cliff');
    assert.ok(shown.includes(protocol.kinds.suicide.text), 'the suicide response');
    assert.doesNotMatch(shown, RAW);
    assert.match(await say(t('prompts.carryOn')), /\(2\/5\)/);
    await save(say, 1);
    const doc = await newest('raw-words-1');
    assert.equal(doc.answers[0]!.text, '[NAME] says he will jump off a [NAME]');
    assert.deepEqual(doc.riskFlags, ['suicide']);
    assert.ok(!(await everyDocument(bot.store)).some((d) => holdsWord(d, 'cliff')), 'no stored document (state included) holds the word');
    assert.doesNotMatch(logLines.join(''), RAW, 'nor any log line');
  });

  it('an answer over the limit waits a turn de-identified, with the kinds found in the words as typed', async () => {
    const say = await start('raw-words-2', 'C-52', 'Cliff');
    const long = `Cliff says he will jump off a cliff. ${'we talked a while '.repeat(20)}`;
    assert.ok(long.length > bot.app.config.maxTextLength);
    assert.doesNotMatch(await say(long), /pause/i, 'the offer first');
    assert.ok(!(await everyDocument(bot.store)).some((d) => holdsWord(d, 'cliff')), 'while it waits, nothing raw is kept');
    const kept = await say('keep');
    assert.match(kept, /kept the first part/);
    assert.ok(kept.includes(protocol.kinds.suicide.text), 'keeping it raises what the words as typed said');
    await say(t('prompts.carryOn'));
    await save(say, 1);
    const doc = await newest('raw-words-2');
    assert.match(doc.answers[0]!.text, /^\[NAME\] says he will jump off a \[NAME\]\./);
    assert.deepEqual(doc.riskFlags, ['suicide']);
    assert.ok(!(await everyDocument(bot.store)).some((d) => holdsWord(d, 'cliff')));
    assert.doesNotMatch(logLines.join(''), RAW);
  });

  it('the self-check note (a form) reads the words as typed too', async () => {
    const say = await start('raw-words-4', 'C-54', 'Cliff');
    for (let i = 0; i < 5; i++) await say('skip');
    await say('steady');
    const shown = await say('3 Cliff says he will jump off a cliff');
    assert.ok(shown.includes(protocol.kinds.suicide.text), 'the suicide response');
    assert.ok((await say(t('prompts.carryOn'))).includes(protocol.check.question));
    assert.match(await say(t('safety.checkNo')), /exactly what I'll save/);
    assert.match(await say('save'), /Saved/);
    const doc = await newest('raw-words-4');
    assert.deepEqual(doc.riskFlags, ['suicide']);
    assert.ok(!(await everyDocument(bot.store)).some((d) => holdsWord(d, 'cliff')));
  });

  it('people called Hope, Faith or Grace raise nothing by their names', async () => {
    const say = await start('raw-words-3', 'C-53', 'skip');
    for (const [i, text] of ['Hope came by the drop-in and we had coffee', 'Faith and Grace helped me move the couch'].entries()) {
      const shown = await say(text);
      assert.doesNotMatch(shown, /pause/i, text);
      assert.match(shown, new RegExp(`\\(${i + 2}/5\\)`));
    }
    await save(say, 2);
    assert.deepEqual((await newest('raw-words-3')).riskFlags, []);
  });
});
