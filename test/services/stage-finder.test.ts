import { strict as assert } from 'node:assert';
import { content, STAGE_IDS } from '../../services/content';
import { nextQuestion, proposeStage, QUESTIONS_PER_STAGE, stageQuestions, type FinderAnswer, type FinderAnswers } from '../../services/stages/finder';

/** Answers every question the finder asks with `answer(indicator)`, as the dialog does; returns what was asked. */
function run(answer: (id: string, stage: string) => FinderAnswer): { asked: string[]; answers: FinderAnswers } {
  const answers: Record<string, FinderAnswer> = {};
  const asked: string[] = [];
  for (let q = nextQuestion(answers); q; q = nextQuestion(answers)) {
    asked.push(q.id);
    answers[q.id] = answer(q.id, q.stage);
  }
  return { asked, answers };
}

const stageOf = (id: string) => content().stageFinder.indicators.find((i) => i.id === id)!.stage;

describe('stage finder', () => {
  it('phrases every question positively and gives trust questions words for "not yet"', () => {
    for (const i of content().stageFinder.indicators) {
      assert.doesNotMatch(i.question, /\b(still|little|not|never|stuck at)\b/i, i.question);
      if (i.stage === 'trust') assert.ok(i.unmet, i.id);
    }
  });

  it('asks about every stage, 2 questions at most per stage, when each is answered no or yes', () => {
    for (const later of ['no', 'yes'] as const) {
      const { asked } = run((_, stage) => (stage === 'trust' ? 'yes' : later));
      for (const s of STAGE_IDS) {
        const n = asked.filter((id) => stageOf(id) === s).length;
        assert.ok(n >= 1 && n <= QUESTIONS_PER_STAGE, `${s}: ${n}`);
      }
      // A "yes" settles a stage in one question; a "no" asks its second.
      assert.equal(asked.length, later === 'yes' ? 2 + 3 : 2 + 3 * 2);
    }
  });

  it('can propose launching', () => {
    const p = proposeStage(run((_, stage) => (stage === 'trust' || stage === 'launching' ? 'yes' : 'no')).answers);
    assert.equal(p.stage, 'launching');
    assert.deepEqual(p.reasons, [{ kind: 'met', text: stageQuestions('launching')[0]!.reason }]);
  });

  it('proposes the furthest stage with a yes once trust is there', () => {
    assert.equal(proposeStage(run((_, s) => (s === 'trust' || s === 'fostering' ? 'yes' : 'no')).answers).stage, 'fostering');
    assert.equal(proposeStage(run((_, s) => (s === 'launching' ? 'no' : 'yes')).answers).stage, 'bridging');
    // Trust there and nothing further: fostering comes next.
    assert.equal(proposeStage(run((_, s) => (s === 'trust' ? 'yes' : 'no')).answers).stage, 'fostering');
  });

  it('trust in question wins over any later stage, and stops the questions', () => {
    const [first, second] = stageQuestions('trust');
    const { asked, answers } = run((id) => (id === first!.id ? 'no' : 'yes'));
    assert.deepEqual(asked, [first!.id, second!.id]);
    // Even with every later stage said yes, scores never outvote trust.
    const all: FinderAnswers = Object.fromEntries(content().stageFinder.indicators.map((i) => [i.id, i.id === second!.id ? 'no' : 'yes']));
    for (const a of [answers, all]) {
      const p = proposeStage(a);
      assert.equal(p.stage, 'trust');
      assert.equal(p.trustInQuestion, true);
      assert.equal(p.checkTrustFirst, false);
    }
    assert.deepEqual(proposeStage(answers).reasons, [{ kind: 'unmet', text: first!.unmet }]);
  });

  it('"not sure" about trust says check trust first', () => {
    const [first] = stageQuestions('trust');
    const p = proposeStage(run((id) => (id === first!.id ? 'unsure' : 'yes')).answers);
    assert.equal(p.stage, 'trust');
    assert.equal(p.checkTrustFirst, true);
    assert.deepEqual(p.reasons, [{ kind: 'unsure', text: first!.reason }]);
  });

  it('"not sure" on a later stage is not a yes', () => {
    assert.equal(proposeStage(run((_, s) => (s === 'trust' ? 'yes' : s === 'bridging' ? 'unsure' : 'no')).answers).stage, 'fostering');
  });

  it('ignores unknown indicator ids; with no answers at all proposes trust with the fallback reason', () => {
    assert.equal(proposeStage({ 'no-such-question': 'yes' }).stage, 'trust');
    assert.deepEqual(proposeStage({}).reasons, [{ kind: 'met', text: content().stageFinder.fallbackReason }]);
  });
});
