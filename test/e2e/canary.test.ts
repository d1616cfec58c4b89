// Canary test (issue 4): whole debriefs carrying made-up identifiers run through the HTTP endpoint, typed into
// every place a PSW can type — the client-code step, names to hide, answers, the self-check card, "hide more
// words", edits, history and stray card submissions — with every log line captured at debug level. Afterwards
// no canary may appear in any stored document of any container of any database (bot state included) or in
// any log line: case-insensitive, and digits also with separators stripped.
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import pino from 'pino';
import { setLogSink } from '../../services/log';
import { cardData, Conversation, startBot, visibleText, type RunningBot } from '../helpers/bot';
import { closeStores, everyDocument } from '../helpers/store';

const CANARY = {
  name: 'Zephyrine Quillfeather',
  first: 'Zephyrine',
  last: 'Quillfeather',
  phone: '613-555-0147',
  email: 'zq.canary@example.org',
  healthCard: '4532 281 946 QX',
  sin: '046 454 286',
  address: '4417 Thistledown Crescent',
  street: 'Thistledown',
  dob: '1948-03-17',
  mrn: '88412073',
};
const TEXT_CANARIES = [CANARY.first, CANARY.last, CANARY.email, 'zq.canary', CANARY.street];
const DIGIT_CANARIES = [CANARY.phone, CANARY.healthCard, CANARY.sin, CANARY.address, CANARY.dob, CANARY.mrn].map((d) => d.replace(/\D/g, ''));



function leaks(haystack: string[]): string[] {
  const found: string[] = [];
  for (const line of haystack) {
    const lower = line.toLowerCase();
    for (const t of TEXT_CANARIES) if (lower.includes(t.toLowerCase())) found.push(`"${t}" in ${line.slice(0, 200)}`);
    // Digits with separators stripped: "613-555-0147" and "6135550147" and "613 555 0147" all match.
    // Our own timestamps go first: with separators stripped, 02:34:41.7 reads as ...4417, the address canary.
    const digits = line.replace(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z?/g, ' ').replace(/[\s().\-/\\]/g, '');
    for (const d of DIGIT_CANARIES) if (digits.includes(d)) found.push(`digits ${d} in ${line.slice(0, 200)}`);
  }
  return found;
}

describe('canary identifiers never persist or reach the logs', () => {
  let bot: RunningBot;
  const logLines: string[] = [];
  let previousSink: ReturnType<typeof setLogSink> | undefined;
  before(async () => {
    previousSink = setLogSink(pino({ level: 'debug', base: undefined }, new Writable({ write(chunk, _enc, done) { logLines.push(String(chunk)); done(); } })));
    bot = await startBot();
  });
  after(async () => {
    if (previousSink) setLogSink(previousSink); // the quiet test sink, not a fresh one at `info`
    await bot.stop();
    await closeStores();
  });

  it('a whole debrief typed full of canaries leaves none behind', async () => {
    const c = new Conversation(bot.url);
    // Client-code step: identifiers are refused as codes (and not kept), then a real code.
    assert.match(visibleText(await c.say(`reflect ${CANARY.name}`)), /looks like a name|Keep client codes short/);
    assert.match(visibleText(await c.say(CANARY.first)), /looks like a name/);
    await c.say(CANARY.phone);
    await c.say(CANARY.healthCard);
    await c.say('C-77');
    // Names to hide.
    assert.match(visibleText(await c.say(`${CANARY.name}, ${CANARY.street}`)), /hide those/);
    await c.say('1');
    const answers = [
      `Met ${CANARY.name} at ${CANARY.address}; she gave ${CANARY.phone} and ${CANARY.email}.`,
      `Her health card is ${CANARY.healthCard}, SIN ${CANARY.sin}, born ${CANARY.dob}.`,
      `Hospital chart MRN ${CANARY.mrn}; ${CANARY.first.toLowerCase()} wants her sister to call ${CANARY.phone.replace(/-/g, ' ')}.`,
      `${CANARY.last}'s worker said ${CANARY.first} is doing ok on methadone.`,
      'skip',
    ];
    for (const a of answers) await c.say(a);
    const selfCheckAsk = await c.say('steady');
    // The self-check form, submitted as a card with canaries in its fields.
    const form = cardData(selfCheckAsk);
    await c.say({ ...form, score: '3', note: `thinking about ${CANARY.name} ${CANARY.phone}` });
    await c.say('no'); // the safety question that ends every debrief
    // Review: hide more words, then edit an answer with canaries again.
    assert.match(visibleText(await c.say('hide more words')), /Which words/);
    await c.say(`${CANARY.street}, ${CANARY.email}, ${CANARY.first}`);
    assert.match(visibleText(await c.say('edit')), /Which answer/);
    await c.say('1');
    await c.say(`Changed: ${CANARY.first} ${CANARY.last} moved from ${CANARY.address}, call ${CANARY.phone}, DOB ${CANARY.dob}.`);
    assert.match(visibleText(await c.say('save')), /Saved/);
    // History with an identifier for a code, and a stray card submission carrying canaries.
    await c.say(`history ${CANARY.name}`);
    await c.say(`history ${CANARY.phone}`);
    await c.say('history C-77');
    await c.say({ choice: CANARY.name, note: CANARY.email, score: CANARY.sin, nonce: CANARY.phone });
    await c.say(CANARY.address);
  });

  it('a second debrief with the canaries as known names in lower case, cancelled midway, leaves none behind', async () => {
    const c = new Conversation(bot.url);
    await c.say('reflect');
    await c.say(CANARY.mrn);
    await c.say('K-9');
    await c.say(CANARY.name.toLowerCase());
    await c.say('2');
    await c.say(`${CANARY.first.toLowerCase()} ${CANARY.last.toLowerCase()} phoned from ${CANARY.phone}`);
    await c.say('cancel');
  });

  it('no stored document and no log line holds a canary', async () => {
    const docs = await everyDocument(bot.store);
    assert.ok(docs.some((d) => d.includes('/reflections: ')), 'the saved reflection is among the documents searched');
    const containers = new Set(docs.map((d) => d.split(':')[0]!));
    assert.ok([...containers].some((c) => /botstate/i.test(c)), `bot state is searched too: ${[...containers].join(', ')}`);
    // The search itself finds a canary however it is spaced or cased.
    assert.equal(leaks([`x ${CANARY.phone.replace(/-/g, ' ')} y`, CANARY.first.toUpperCase(), `(613) 555.0147`]).length, 3);
    assert.ok(logLines.length > 0, 'log lines were captured');
    assert.deepEqual(leaks(docs), []);
    assert.deepEqual(leaks(logLines), []);
  });
});
