import assert from 'node:assert/strict';
import { content as loadedContent } from '../../services/content';
import { gradeCheck, onboardingPlan, OnboardingService, totalRedactions } from '../../services/onboarding';
import { describeRedactions } from '../../cards/words/redactions';
import type { ReflectionDoc } from '../../services/reflections/model';
import type { Store } from '../../services/storage/cosmos';
import { closeStores, freshStore } from '../helpers/store';

// The shipped content, loaded and validated as the bot loads it.
const content = loadedContent().onboarding;
const T0 = new Date('2026-03-02T14:00:00Z');
const later = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

describe('onboarding progress and grading', () => {
  let store: Store;
  let service: OnboardingService;
  before(async () => {
    store = await freshStore();
    service = new OnboardingService(store.containers.onboarding, content);
  });
  after(closeStores);

  it('plans an introduction, a check and a reflective prompt per stage, then the practice debrief', () => {
    const plan = onboardingPlan(content);
    assert.deepEqual(plan.map((s) => s.kind), ['intro', 'check', 'reflect', 'check', 'reflect', 'check', 'reflect', 'check', 'reflect', 'practice']);
    assert.deepEqual(plan.filter((s) => s.kind === 'check').map((s) => s.stage), ['trust', 'fostering', 'bridging', 'launching']);
  });

  it('no module heading gives its quiz answer away', () => {
    const stageTitles = new Map(loadedContent().stages.map((st) => [st.id, st.title.toLowerCase()]));
    for (const m of content.modules) {
      const answer = m.check.choices.find((c) => c.id === m.check.answer)!;
      const title = m.title.toLowerCase();
      assert.ok(!title.includes(answer.text.toLowerCase()), `${m.id}: the heading names the answer`);
      // A "which stage?" question: the heading must not name the stage that answers it.
      const stage = stageTitles.get(answer.id as never);
      if (stage) assert.ok(!title.includes(stage) && !title.includes(answer.id), `${m.id}: the heading "${m.title}" names the answer stage`);
    }
  });

  it('grades a right answer, and a wrong one with its own feedback and the right answer named', () => {
    const right = gradeCheck(content, 'onb-trust-check', 'trust');
    assert.equal(right.right, true);
    assert.equal(right.choiceFeedback, undefined);
    assert.match(right.feedback, /still testing/);
    const wrong = gradeCheck(content, 'onb-bridging-check', 'cancel');
    assert.equal(wrong.right, false);
    assert.equal(wrong.answerText, "Ask what's behind the maybe, and what they want from the visit.");
    assert.match(wrong.choiceFeedback ?? '', /"Maybe" is worth exploring/);
    assert.throws(() => gradeCheck(content, 'onb-trust-check', 'nonsense'), /Unknown choice/);
  });

  it('reports an untouched person as not started', async () => {
    assert.deepEqual(await service.onboardingStatus('nobody'), {
      started: false, completed: false, step: 0, total: 10, checksRight: 0, checksAnswered: 0, restarted: false,
    });
  });

  it('keeps progress step by step, idempotently, and counts only the first answer to a check', async () => {
    const id = 'p-steps';
    const begun = await service.begin(id, T0);
    assert.equal(begun.step, 0);
    assert.equal(begun.startedAt, T0.toISOString());
    await service.completeStep(id, 0, later(1));
    await service.completeStep(id, 0, later(1)); // the same button twice, or a second device: no double step
    assert.equal((await service.get(id))!.step, 1);
    assert.equal((await service.answerCheck(id, 'onb-trust-check', 'bridging', later(2))).right, false);
    assert.equal((await service.answerCheck(id, 'onb-trust-check', 'trust', later(3))).right, true, 'graded anew');
    await service.completeStep(id, 1, later(3));
    await service.completeStep(id, 3, later(3)); // a stale index from an old card does not skip ahead
    const status = await service.onboardingStatus(id);
    assert.deepEqual(status, { started: true, completed: false, step: 2, total: 10, checksRight: 0, checksAnswered: 1, restarted: false });
    assert.equal((await service.get(id))!.checks['onb-trust-check']!.choiceId, 'bridging');
  });

  it('never loses a step when two devices write at once (etag retries)', async () => {
    const id = 'p-race';
    await service.begin(id, T0);
    await Promise.all([
      service.answerCheck(id, 'onb-trust-check', 'trust', later(1)),
      service.answerCheck(id, 'onb-fostering-check', 'advise', later(1)),
      service.answerCheck(id, 'onb-bridging-check', 'go-with', later(1)),
      service.completeStep(id, 0, later(1)),
    ]);
    const p = (await service.get(id))!;
    assert.deepEqual(Object.keys(p.checks).sort(), ['onb-bridging-check', 'onb-fostering-check', 'onb-trust-check']);
    assert.equal(p.step, 1);
  });

  it('completes, and a restart goes back to the start: completion stays, earlier check answers stop counting', async () => {
    const id = 'p-done';
    await service.begin(id, T0);
    await service.answerCheck(id, 'onb-launching-check', 'trust', later(5));
    await service.complete(id, later(10));
    assert.deepEqual(await service.onboardingStatus(id), { started: true, completed: true, step: 10, total: 10, checksRight: 1, checksAnswered: 1, restarted: false });
    const restarted = await service.restart(id, later(60));
    assert.equal(restarted.step, 0);
    assert.equal(restarted.completedAt, later(10).toISOString());
    assert.deepEqual(restarted.checks, {});
    assert.deepEqual(await service.onboardingStatus(id), { started: true, completed: true, step: 0, total: 10, checksRight: 0, checksAnswered: 0, restarted: true });
    // The new go's first answer counts, wrong or right.
    await service.answerCheck(id, 'onb-trust-check', 'fostering', later(61));
    const status = await service.onboardingStatus(id);
    assert.equal(status.checksAnswered, 1);
    assert.equal(status.checksRight, 0);
  });

  it('says what a supervisor sees once only, however often it is asked (two devices at once too)', async () => {
    const id = 'p-told';
    const firsts = await Promise.all([service.firstSupervisorNotice(id, T0), service.firstSupervisorNotice(id, T0)]);
    assert.deepEqual(firsts.sort(), [false, true]);
    assert.equal(await service.firstSupervisorNotice(id, later(1)), false);
    await service.restart(id, later(2));
    assert.equal(await service.firstSupervisorNotice(id, later(3)), false, 'not again after a restart');
  });

  it('says in plain words what de-identification removed', () => {
    assert.equal(describeRedactions({}), '');
    assert.equal(describeRedactions({ NAME: 0 }), '');
    assert.equal(describeRedactions({ NAME: 1 }), '1 name');
    assert.equal(describeRedactions({ ADDRESS: 1, NAME: 2 }), '2 names and 1 street address');
    assert.equal(describeRedactions({ PHONE: 1, NAME: 3, SIN: 1 }), '3 names, 1 phone number and 1 SIN');
    const doc: Pick<ReflectionDoc, 'answers'> = { answers: [
      { promptId: 'a', text: '[NAME] at [ADDRESS]', skipped: false, redactions: { NAME: 1, ADDRESS: 1 } },
      { promptId: 'b', text: '', skipped: true, redactions: {} },
      { promptId: 'c', text: '[NAME]', skipped: false, redactions: { NAME: 1 } },
    ] };
    assert.deepEqual(totalRedactions(doc), { NAME: 2, ADDRESS: 1 });
  });
});
