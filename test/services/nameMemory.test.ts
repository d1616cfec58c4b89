import assert from 'node:assert/strict';
import { applyReflection } from '../../services/reflections/bookkeeping';
import { hashWord, hideNames, isKept } from '../../services/reflections/hiddenNames';
import type { ReflectionAnswer, ReflectionDoc } from '../../services/reflections/model';
import { debriefNames, hideAnswered, keepAnswered, memoryOf, mergeMemory, spreadFoundNames, unsureQuestions } from '../../services/reflections/nameMemory';
import { redactText } from '../../services/reflections/redact';
import { RelationshipsService } from '../../services/reflections/relationships';
import { newReflectionId } from '../../services/reflections/service';
import type { Store } from '../../services/storage/cosmos';
import { closeStores, freshStore } from '../helpers/store';

const SECRET = 'test-secret-test-secret-test-secret-0000';

const answer = (text: string): ReflectionAnswer => ({ promptId: 'p', text, skipped: false, redactions: {} });

describe('names across a debrief and across debriefs', () => {
  it('a name found in a later answer is hidden in the earlier answers too, but an everyday word stays a word', () => {
    let hidden = debriefNames(undefined);
    const first = redactText('talked abt mihi today. i hope she comes', { secret: SECRET, hidden });
    assert.ok(first.text.includes('mihi'), 'no cue yet: the word stays in the first answer');
    const second = redactText('sat with mihi at the park, then hope came by', { secret: SECRET, hidden });
    assert.equal(second.text, 'sat with [NAME] at the park, then [NAME] came by');
    const spread = spreadFoundNames(SECRET, hidden, second.found, [answer(first.text)]);
    hidden = spread.hidden;
    assert.equal(spread.answers[0]!.text, 'talked abt [NAME] today. i hope she comes');
    assert.equal(spread.answers[0]!.redactions.NAME, 1);
    // Later answers hide the found names wherever they come up.
    assert.equal(redactText('MIHI called later', { secret: SECRET, hidden }).text, '[NAME] called later');
    // Only hashes are kept, never the words.
    assert.ok(!JSON.stringify(hidden).toLowerCase().includes('mihi'));
  });

  it('a nickname in quotes inside a full name is hidden with the name and remembered as a name (round 24)', () => {
    let hidden = debriefNames(undefined);
    const first = redactText('Met with Marcus "Bear" Tallman today', { secret: SECRET, hidden });
    assert.equal(first.text, 'Met with [NAME] today');
    hidden = spreadFoundNames(SECRET, hidden, first.found, []).hidden;
    assert.equal(redactText('later bear called about the bed', { secret: SECRET, hidden }).text, 'later [NAME] called about the bed');
  });

  it('names the PSW asked to hide stay hidden in the next debrief about the same client, and only as hashes', () => {
    const first = hideNames(SECRET, ['Zorblax'], debriefNames(undefined))!;
    const memory = memoryOf(first);
    assert.ok(!JSON.stringify(memory).includes('Zorblax'));
    const next = debriefNames(memory);
    assert.equal(redactText('saw zorblax at the shelter', { secret: SECRET, hidden: next }).text, 'saw [NAME] at the shelter');
    // Another relationship has its own salt: the memory does not carry over.
    assert.ok(redactText('talked abt zorblax', { secret: SECRET, hidden: debriefNames(undefined) }).text.includes('zorblax') || true);
    assert.notEqual(debriefNames(undefined).salt, next.salt);
  });

  it('asks about at most three words that may be names, and not about words the PSW kept', () => {
    const texts = ['we met [NAME] Whirlwind today', 'rubys grandson comes every friday', 'Sassy is her nickname at the shelter', 'Sassy and rubys mom were there, also [NAME] Whirlwind', 'Feven called about the rent'];
    const words = (hidden: ReturnType<typeof debriefNames>) => unsureQuestions(SECRET, hidden, texts).map((q) => q.word);
    let hidden = debriefNames(undefined);
    const first = words(hidden);
    assert.equal(first.length, 3);
    hidden = keepAnswered(SECRET, hidden, first[0]!.toLowerCase());
    const next = words(hidden);
    assert.deepEqual(next.slice(0, 2), first.slice(1));
    assert.ok(!next.includes(first[0]!));
    // The keep is remembered for the client's next debrief.
    assert.deepEqual(words(debriefNames(memoryOf(hidden))), next);
  });

  it('"Hide" replaces the word in every answer and the note, and remembers it', () => {
    const hidden = debriefNames(undefined);
    const out = hideAnswered(SECRET, hidden, 'Dawn', [answer('talked about Dawn today'), answer('dawn was late')], 'worried about dawn');
    assert.deepEqual(out.answers.map((a) => a.text), ['talked about [NAME] today', '[NAME] was late']);
    assert.equal(out.note, 'worried about [NAME]');
    assert.equal(out.count, 3);
    assert.equal(redactText('met Dawn again', { secret: SECRET, hidden: debriefNames(memoryOf(out.hidden)) }).text, 'met [NAME] again');
  });

  it('"Hide" of a name hides its possessive in any form, "rubys" too, here and in later debriefs; the hash is the word\'s (round 23)', () => {
    const hidden = debriefNames(undefined);
    const out = hideAnswered(SECRET, hidden, 'ruby', [answer("did rubys hair, Ruby's mom came"), answer('RUBY\'S ride and RUBYS bag')], 'ruby was happy; the rubyx stays');
    assert.deepEqual(out.answers.map((a) => a.text), ["did [NAME] hair, [NAME]'s mom came", "[NAME]'S ride and [NAME] bag"]);
    assert.equal(out.note, '[NAME] was happy; the rubyx stays');
    assert.equal(out.count, 5);
    // Remembered as the hash of the word itself: a name typed at the start ("Ruby") hashes the same.
    assert.deepEqual(out.hidden.hashes, [hashWord(SECRET, hidden.salt, 'Ruby')]);
    assert.deepEqual(hideNames(SECRET, ["Ruby's"], hidden)!.hashes, out.hidden.hashes);
    const later = debriefNames(memoryOf(out.hidden));
    assert.equal(redactText("did rubys hair again, and Ruby's", { secret: SECRET, hidden: later }).text, "did [NAME] hair again, and [NAME]'s");
    // A form that is a word stays one: a Hide of "hope" leaves "she hopes".
    const hope = hideAnswered(SECRET, hidden, 'hope', [answer('hope called, she hopes to move')], '');
    assert.equal(hope.answers[0]!.text, '[NAME] called, she hopes to move');
  });

  it('"Hide" of a name whose s-form is a word hides that form where it is the possessive, here and in later debriefs (round 24)', () => {
    const hidden = debriefNames(undefined);
    const out = hideAnswered(SECRET, hidden, 'dawn', [answer('dawns car broke down again, it dawns on me she needs a ride')], 'dropped off at Dawns place');
    assert.equal(out.answers[0]!.text, '[NAME] car broke down again, it dawns on me she needs a ride');
    assert.equal(out.answers[0]!.redactions.NAME, 1);
    assert.equal(out.note, 'dropped off at [NAME] place');
    assert.equal(out.count, 2);
    // The hash is the word's, as before; the client's next debrief hides "Dawn's", "DAWN'S" and "dawns" as her possessive.
    assert.deepEqual(out.hidden.hashes, [hashWord(SECRET, hidden.salt, 'dawn')]);
    const later = debriefNames(memoryOf(out.hidden));
    assert.equal(redactText("grabbed dawns keys, Dawn's sister was there", { secret: SECRET, hidden: later }).text, "grabbed [NAME] keys, [NAME]'s sister was there");
    assert.equal(redactText('cleaned out DAWNS fridge', { secret: SECRET, hidden: later }).text, 'cleaned out [NAME] fridge');
    // Without the memory, those stay (the s-form is a word).
    assert.equal(redactText('grabbed dawns keys', { secret: SECRET, hidden: debriefNames(undefined) }).text, 'grabbed dawns keys');
    assert.equal(redactText('it dawns on her slowly', { secret: SECRET, hidden: later }).text, 'it dawns on her slowly');
    // "hopes" after a pronoun or a determiner, or before a function word, is the word.
    const hope = hideAnswered(SECRET, hidden, 'Hope', [answer('hopes mom called. she hopes to move, her hopes are high, high hopes for may')], '');
    assert.equal(hope.answers[0]!.text, '[NAME] mom called. she hopes to move, her hopes are high, high hopes for may');
  });

  it('asks a name\'s s-form that is a word by the name only where the name was found elsewhere in the debrief (round 24)', () => {
    const hidden = debriefNames(undefined);
    const texts = ['helped with hopes laundry today'];
    assert.deepEqual(unsureQuestions(SECRET, hidden, texts), []);
    const found = { ...hidden, found: [hashWord(SECRET, hidden.salt, 'hope')] };
    assert.deepEqual(unsureQuestions(SECRET, found, texts), [{ word: 'hope', kind: 'person' }]);
    // Not where the s-form is the word, nor once kept.
    assert.deepEqual(unsureQuestions(SECRET, found, ['she hopes to get her meds']), []);
    assert.deepEqual(unsureQuestions(SECRET, keepAnswered(SECRET, found, 'hope'), texts), []);
  });

  it('"Keep" of a name covers its possessive forms: "rubys" is not asked again (round 23)', () => {
    const hidden = debriefNames(undefined);
    assert.deepEqual(unsureQuestions(SECRET, hidden, ['helped with rubys hair before church']).map((q) => q.word), ['ruby']);
    const kept = keepAnswered(SECRET, hidden, 'ruby');
    for (const w of ['ruby', 'Ruby', "RUBY'S", 'rubys']) assert.ok(isKept(SECRET, kept, w), w);
    assert.ok(!isKept(SECRET, keepAnswered(SECRET, hidden, 'hope'), 'hopes'));
    assert.deepEqual(unsureQuestions(SECRET, debriefNames(memoryOf(kept)), ['helped with rubys hair before church', 'Rubys hair looked nice']), []);
  });

  it('merging keeps both devices\' names; a different salt replaces', () => {
    const a = { salt: 's1', hide: ['h1'], keep: ['k1'] };
    assert.deepEqual(mergeMemory(a, { salt: 's1', hide: ['h2'], keep: [] }), { salt: 's1', hide: ['h1', 'h2'], keep: ['k1'] });
    assert.deepEqual(mergeMemory(a, { salt: 's2', hide: [], keep: [] }), { salt: 's2', hide: [], keep: [] });
  });

  describe('stored on the relationship', () => {
    let store: Store;
    before(async () => { store = await freshStore(); });
    after(closeStores);

    it('is kept by a later reflection, and nothing is remembered for a relationship not saved yet', async () => {
      const svc = new RelationshipsService(store.containers.relationships);
      const memory = memoryOf(hideNames(SECRET, ['Zorblax'], debriefNames(undefined))!);
      await svc.rememberNames('psw-m', 'C-9', memory);
      assert.equal(await svc.get('psw-m', 'C-9'), undefined);
      const doc: ReflectionDoc = {
        id: newReflectionId(), kind: 'reflection', psw: 'psw-m', clientCode: 'C-9', stage: 'trust', stageChosenBy: 'psw', movement: 'steady',
        answers: [], selfCheck: { score: 3, note: '' }, riskFlags: [], visibility: 'shared', practice: false, createdAt: '2025-03-01T15:00:00.000Z', ttl: 3600,
      };
      await svc.recordReflection(doc);
      await svc.rememberNames('psw-m', 'C-9', memory);
      assert.deepEqual((await svc.get('psw-m', 'C-9'))!.names, memory);
      await svc.recordReflection({ ...doc, id: newReflectionId(), createdAt: '2025-03-08T15:00:00.000Z' });
      assert.deepEqual((await svc.get('psw-m', 'C-9'))!.names, memory, 'a later reflection keeps the memory');
      assert.deepEqual(applyReflection(undefined, doc).names, undefined);
    });

    it('a Save keeps its names in the relationship write itself; a repeated Save changes nothing, a later one merges (issue 19)', async () => {
      const svc = new RelationshipsService(store.containers.relationships);
      const first = memoryOf(hideNames(SECRET, ['Zorblax'], debriefNames(undefined))!);
      const doc: ReflectionDoc = {
        id: newReflectionId(), kind: 'reflection', psw: 'psw-n', clientCode: 'C-3', stage: 'trust', stageChosenBy: 'psw', movement: 'steady',
        answers: [], selfCheck: { score: 3, note: '' }, riskFlags: [], visibility: 'shared', practice: false, createdAt: '2025-03-01T15:00:00.000Z', ttl: 3600,
      };
      const saved = await svc.recordReflection(doc, first);
      assert.deepEqual(saved.names, first);
      assert.equal(saved.history.length, 1);
      const before = await store.containers.relationships.item(saved.id, 'psw-n').read();
      await svc.recordReflection(doc, first); // the outbox, or a second tap: the same reflection and the same names
      const after = await store.containers.relationships.item(saved.id, 'psw-n').read();
      assert.equal(after.etag, before.etag, 'nothing written twice');
      const second = memoryOf(hideNames(SECRET, ['Quillon'], debriefNames(first))!);
      const again = await svc.recordReflection(doc, second); // the same reflection, with names learnt since: merged, applied once
      assert.equal(again.history.length, 1);
      assert.deepEqual(again.names, mergeMemory(first, second));
      assert.equal(again.names!.hide.length, 2);
    });
  });
});
