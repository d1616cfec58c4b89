// The screen reads a turn's words as typed and de-identified (services/safety/turn.ts, round 13): a risk word the
// de-identifier hides as a name is still risk the screen sees; a hit only the de-identified view has is kept; people
// called Hope, Faith, Joy, Grace, Penny, Destiny or Chance raise nothing by their names alone. The CLI screens the same.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { content } from '../../../services/content';
import { deidentify } from '../../../services/deidentify';
import { screenAnswer } from '../../../services/safety/protocol';
import { riskCategories, screenRisk } from '../../../services/safety/screen';
import { screenTurn } from '../../../services/safety/turn';

const c = content();
const kinds = (raw: string | undefined, redacted?: string) => riskCategories(screenTurn({ raw, redacted }, c));

describe('risk screen: the words as typed and de-identified', () => {
  it('a risk word hidden as a name in the stored text is still seen in the words as typed', () => {
    for (const [raw, redacted, kind] of [
      ['Client reports self-harm', 'Client reports [NAME]', 'self_harm'],
      ['she has been cutting again', 'she has been [NAME] again', 'self_harm'],
      ['Cliff says he will jump off a cliff', '[NAME] says he will jump off a [NAME]', 'suicide'],
      ['she keeps saving up her pills', 'she keeps saving up her [NAME]', 'overdose'],
    ] as const) {
      assert.deepEqual(riskCategories(screenRisk(redacted, c)), [], `the stored text alone raises nothing: ${redacted}`);
      assert.ok(kinds(raw, redacted).includes(kind), raw);
    }
  });

  it('a hit only the de-identified view has is kept (the union never loses what the old screen found)', () => {
    assert.deepEqual(kinds('we had coffee and talked', 'she overdosed last night'), ['overdose']);
    assert.deepEqual(kinds(undefined, 'she overdosed last night'), ['overdose'], 'words held across turns: the stored text alone');
    assert.deepEqual(kinds('   ', 'we had coffee'), []);
  });

  it('derives the de-identified view when only the words as typed are given', () => {
    const raw = 'Jordan Mitchell said he took too many pills last night';
    assert.deepEqual(screenTurn({ raw }, c), screenTurn({ raw, redacted: deidentify(raw).redacted }, c));
    assert.deepEqual(screenAnswer(raw), { all: ['overdose'], fresh: ['overdose'] });
  });

  it('people named Hope, Faith, Joy, Grace, Penny, Destiny, Chance… raise nothing by their names', () => {
    for (const text of [
      'Hope came by the drop-in and we had coffee.',
      'Faith and Joy helped me move the couch this morning.',
      'Grace said the kids are doing great at school.',
      'Penny brought her daughter Destiny to group today.',
      'Chance is starting a new job on Monday.',
      'I have not seen Hope since Tuesday, she missed her appointment.',
      'Hope lost her job last week but she has a lead on another.',
      'Faith went to detox on her own, proud of her.',
      'Mercy and her mom came to the food bank.',
      'Justice has been clean 30 days.',
      'Harmony is staying at her sister’s for now.',
    ]) {
      assert.deepEqual(kinds(text), [], text);
    }
  });

  it('…and still raise what the sentence says about them', () => {
    assert.deepEqual(kinds('Faith said she wants to end it all tonight.'), ['suicide']);
    assert.deepEqual(kinds('Grace says she is cutting again'), ['self_harm']);
    assert.deepEqual(kinds('her boyfriend Chance hits her when he drinks'), ['abuse']);
  });

  it('a name as typed is someone else: the PSW’s own distress is not read into a client’s words', () => {
    assert.deepEqual(kinds('Maria said kms tonight'), ['suicide']);
    assert.deepEqual(kinds('Dave doesn’t carry narcan, "if I go, I go", uses alone in his room'), ['overdose']);
    assert.deepEqual(kinds('Honestly I can’t do this anymore'), ['psw_distress']);
    assert.ok(kinds('the memorial was today and i do not want to be here').includes('psw_distress'), 'the worker alone: their own too');
  });

  it('the CLI screens what the bot screens', function () {
    this.timeout(120_000); // a child process loads the de-identifier's models: slow on a shared machine
    const repo = path.resolve(__dirname, '../../..');
    const input = ['Hope came by the drop-in and we had coffee.', 'Grace says she is cutting again'].map((text, i) => JSON.stringify({ id: i, text })).join('\n');
    const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(repo, 'services/safety/cli.ts'), '--jsonl'], { input, encoding: 'utf8', cwd: repo, timeout: 60000 });
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(r.stdout.trim().split('\n').map((l) => JSON.parse(l) as unknown), [
      { id: 0, risk: false, kinds: [] },
      { id: 1, risk: true, kinds: ['self_harm'] },
    ]);
  });
});
