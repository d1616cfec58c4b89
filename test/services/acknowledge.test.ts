// Acknowledge before moving on (issue 14): what counts as an answer carrying feeling, and what is said back.
import assert from 'node:assert/strict';
import { content } from '../../services/content';
import { acknowledgementFor, feelingTone } from '../../services/reflections/acknowledge';

describe('acknowledgements after an answer that carries feeling', () => {
  it('tells the tone from simple feeling words; no feeling word, no acknowledgement', () => {
    const cases: [string, ReturnType<typeof feelingTone>][] = [
      ['I was so frustrated with the waitlist', 'hard'],
      ['honestly it was a really hard visit', 'hard'],
      ['not great, he left early', 'hard'],
      ['I cried in the car after', 'hard'],
      ["I'm proud of [NAME], she made the call herself", 'warm'],
      ['felt good to see him laugh', 'warm'],
      ['relieved but also exhausted', 'mixed'],
      ['I felt it afterwards, on the bus home', 'feeling'],
      ['it really got to me', 'feeling'],
      ['We talked about the housing form and set a date', undefined],
      ['picked up groceries, then the clinic at 3', undefined],
      ['skip', undefined],
      ['hardware store run, then coffee', undefined],
    ];
    for (const [text, tone] of cases) assert.equal(feelingTone(text), tone, text);
  });

  it('never says the same line twice in a row, and varies across a debrief', () => {
    let last: string | undefined;
    const said: string[] = [];
    for (let turn = 0; turn < 20; turn++) {
      const ack = acknowledgementFor('it was a hard day and I was worried', last, turn);
      assert.ok(ack);
      assert.notEqual(ack.id, last, `turn ${turn}`);
      said.push(ack.id);
      last = ack.id;
    }
    assert.ok(new Set(said).size >= 3, `varied: ${[...new Set(said)].join(', ')}`);
    assert.equal(acknowledgementFor('we filled in the form', undefined, 0), undefined);
  });

  it('every line is brief, plain and sourced: no platitude, no clinical word, no advice', () => {
    const c = content();
    const lines = c.acknowledgements.acknowledgements;
    const banned = /everything happens|for a reason|stay positive|you(?:'ve| have) got this|don'?t worry|it will be (?:ok|okay|fine)|i understand|i know how you feel|good job|well done|calm down|at least|should|must|try to|symptom|diagnos|trauma|patient|disorder|cop(?:e|ing)|therap/i;
    for (const a of lines) {
      assert.doesNotMatch(a.text, banned, a.id);
      assert.ok(a.text.split(/\s+/).length <= 10, `${a.id} is brief`);
      assert.ok(c.sourceById.has(a.source), `${a.id}: source ${a.source}`);
    }
    // Reflective listening, cited at its source as a book; the wording is ours.
    const mi = c.sourceById.get('miller-rollnick2023')!;
    assert.equal(mi.kind, 'book');
    assert.match(mi.authors!, /Miller WR, Rollnick S/);
    assert.equal(new Set(lines.map((a) => a.text)).size, lines.length, 'no line twice');
  });
});
