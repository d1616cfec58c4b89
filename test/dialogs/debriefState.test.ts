// The dialog state a debrief writes and reads on every turn stays small (issue 19, docs/BENCHMARKS.md "Turn state"):
// a whole debrief with every answer and the self-check's words at MAX_TEXT_LENGTH (bench/stateSize.ts drives it over
// HTTP and weighs the conversation's state document after each turn) never passes the budget, and at the review the
// draft is kept once (it was three times: the debrief's copy, the review's options and a copy in its values).
import assert from 'node:assert/strict';
import { longestDebrief, measureDebriefState } from '../../bench/stateSize';

/** Measured 9,971 B at its largest (the turn after the self-check) once the review kept the draft once; 27,273 B before. */
const BUDGET_BYTES = 12_000;

describe('dialog state of a debrief at its largest', function () {
  this.timeout(120_000);

  it(`stays under ${BUDGET_BYTES.toLocaleString('en')} bytes on every turn, and the review holds the draft once`, async () => {
    const script = longestDebrief();
    const run = await measureDebriefState('budget', script);
    const over = run.turns.filter((t) => t.conversationBytes > BUDGET_BYTES).map((t) => `turn ${t.turn} (${t.said}): ${t.conversationBytes} B`);
    assert.deepEqual(over, [], `heaviest parts: ${JSON.stringify(run.largest.parts.slice(0, 8))}`);
    assert.ok(run.turns.every((t) => t.conversationBytes > 0 || t.turn === 1), 'the state was read back after every turn');
    // At the review (the turn before Save) one answer at the length limit appears once in the whole document.
    const review = run.turns.at(-2)!;
    assert.ok(review.conversationBytes > 5 * 1900, `the review turn holds the answers (${review.conversationBytes} B)`);
    const answer = script.find((t) => t.text?.startsWith('Yes, I brought'))!.text!; // whole, and nothing in it to hide
    const reviewState = await measureReviewState(script);
    assert.equal(reviewState.split(answer).length - 1, 1, 'one copy of each answer at the review');
  });
});

/** The conversation's state document at the review, as JSON (the script up to, not including, Save). */
async function measureReviewState(script: ReturnType<typeof longestDebrief>): Promise<string> {
  const run = await measureDebriefState('review', script.slice(0, -1));
  return JSON.stringify(run.lastDocument);
}
