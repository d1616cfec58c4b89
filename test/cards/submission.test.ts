import assert from 'node:assert/strict';
import { ACTIONS_LABEL_ID, choiceCard, formCard } from '../../cards/card';
import { actionCount, MAX_ACTIONS } from '../../cards/limits';
import { checkSubmission, choiceSubmissionSchema, formSubmissionSchema } from '../../cards/submission';
import { matchChoice, yesNo } from '../../dialogs/prompts/match';

const STAGES = [
  { value: 'trust', title: 'Building trust' },
  { value: 'fostering', title: 'Fostering the relationship' },
  { value: 'bridging', title: 'Bridging to services' },
  { value: 'launching', title: 'Launching towards independence' },
  { value: 'unsure', title: 'Not sure' },
];

describe('cards', () => {
  it('builds a 1.5 card with one Action.Submit per choice carrying step and nonce', () => {
    const card = choiceCard({ step: 'stage', nonce: 'n1', prompt: 'Where?', choices: STAGES });
    assert.equal(card.version, '1.5');
    assert.equal(card.actions!.length, 5);
    assert.deepEqual(card.actions![2], { type: 'Action.Submit', title: 'Bridging to services', data: { step: 'stage', nonce: 'n1', choice: 'bridging' } });
  });

  it('accepts a valid choice submission and refuses stale and malformed ones', () => {
    const schema = choiceSubmissionSchema('stage', STAGES.map((s) => s.value));
    assert.deepEqual(checkSubmission(schema, { step: 'stage', nonce: 'n1', choice: 'trust' }, 'n1'), { ok: true, data: { step: 'stage', nonce: 'n1', choice: 'trust' } });
    assert.deepEqual(checkSubmission(schema, { step: 'stage', nonce: 'old', choice: 'trust' }, 'n1'), { ok: false, problem: 'stale' });
    assert.deepEqual(checkSubmission(schema, { step: 'movement', choice: 'steady' }, 'n1'), { ok: false, problem: 'stale' });
    assert.deepEqual(checkSubmission(schema, { step: 'stage', nonce: 'n1', choice: 'everything' }, 'n1'), { ok: false, problem: 'invalid' });
    assert.deepEqual(checkSubmission(schema, 'trust', 'n1'), { ok: false, problem: 'invalid' });
  });

  it('validates form submissions against their inputs', () => {
    const inputs = [
      { type: 'choice' as const, id: 'score', label: 'Score', required: true, choices: ['1', '2', '3', '4', '5'].map((v) => ({ value: v, title: v })) },
      { type: 'text' as const, id: 'note', label: 'Words', maxLength: 50 },
    ];
    const card = formCard({ step: 'selfcheck', nonce: 'n', prompt: 'How are you?', inputs, submitTitle: 'Next' });
    assert.deepEqual(card.body.map((b) => b.type), ['TextBlock', 'Input.ChoiceSet', 'Input.Text']);
    const schema = formSubmissionSchema('selfcheck', inputs);
    assert.equal(checkSubmission(schema, { step: 'selfcheck', nonce: 'n', score: '4', note: 'ok' }, 'n').ok, true);
    assert.deepEqual(checkSubmission(schema, { step: 'selfcheck', nonce: 'n', score: '9' }, 'n'), { ok: false, problem: 'invalid' });
    // Length is FormStep's check (one "a bit long" message for typed and card text), not the schema's.
    assert.equal(checkSubmission(schema, { step: 'selfcheck', nonce: 'n', score: '3', note: 'x'.repeat(51) }, 'n').ok, true);
    // Closed: anything the card did not send is refused whole.
    assert.deepEqual(checkSubmission(schema, { step: 'selfcheck', nonce: 'n', score: '3', psw: 'someone' }, 'n'), { ok: false, problem: 'invalid' });
  });
});

describe('a form answered by buttons (the self-check score)', () => {
  const inputs = [
    { type: 'text' as const, id: 'note', label: 'Words', maxLength: 50 },
    { type: 'buttons' as const, id: 'score', label: 'How you are (1 = rough, 5 = good)', choices: ['1', '2', '3', '4', '5'].map((v) => ({ value: v, title: `${v} of 5` })) },
  ];

  it('puts the label last in the body and one Action.Submit per choice, carrying step, nonce and its value; no submit button', () => {
    const card = formCard({ step: 'selfcheck', nonce: 'n', prompt: '', inputs });
    assert.deepEqual(card.body.map((b) => b.type), ['Input.Text', 'TextBlock']);
    assert.equal(card.body[1]!.id, ACTIONS_LABEL_ID);
    assert.deepEqual(card.actions, ['1', '2', '3', '4', '5'].map((v) => ({ type: 'Action.Submit', title: `${v} of 5`, data: { step: 'selfcheck', nonce: 'n', score: v } })));
    assert.ok(actionCount(card) <= MAX_ACTIONS);
  });

  it('requires one of its values in a submission', () => {
    const schema = formSubmissionSchema('selfcheck', inputs);
    assert.equal(checkSubmission(schema, { step: 'selfcheck', nonce: 'n', score: '5', note: '' }, 'n').ok, true);
    assert.deepEqual(checkSubmission(schema, { step: 'selfcheck', nonce: 'n', note: 'no score' }, 'n'), { ok: false, problem: 'invalid' });
    assert.deepEqual(checkSubmission(schema, { step: 'selfcheck', nonce: 'n', score: '' }, 'n'), { ok: false, problem: 'invalid' });
  });

  it('refuses buttons that are not the last input, or more than Teams shows', () => {
    assert.throws(() => formCard({ step: 's', nonce: 'n', prompt: '', inputs: [inputs[1]!, inputs[0]!] }), /last/);
    const seven = { ...inputs[1]!, choices: Array.from({ length: 7 }, (_, i) => ({ value: String(i), title: String(i) })) };
    assert.throws(() => formCard({ step: 's', nonce: 'n', prompt: '', inputs: [seven] }), /at most 6/);
  });
});

describe('matchChoice', () => {
  it('reads numbers, titles, distinctive words and small typos', () => {
    assert.deepEqual(matchChoice('3', STAGES), { index: 2, via: 'number' });
    assert.equal(matchChoice('6', STAGES), undefined);
    assert.equal(matchChoice('BUILDING TRUST', STAGES)?.index, 0);
    assert.equal(matchChoice('bridging', STAGES)?.index, 2);
    assert.equal(matchChoice('Bulding trust', STAGES)?.index, 0);
    assert.equal(matchChoice('fosterng', STAGES)?.index, 1);
    assert.equal(matchChoice('not sure', STAGES)?.index, 4);
    assert.equal(matchChoice('the weather', STAGES), undefined);
    assert.equal(matchChoice('yep', yesNo())?.index, 0);
    assert.equal(matchChoice('nope', yesNo())?.index, 1);
  });
});
