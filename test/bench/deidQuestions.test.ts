import assert from 'node:assert/strict';
import { emptyTally, mergeTallies, nameForms, tallyLines, tallyNote, visibleIdWords } from '../../bench/deidQuestions';
import { parseNote } from '../../bench/data/handNotes';

/** A labelled note, the characters hidden (the labelled spans of the types in `hide`) and its text as stored. */
function debrief(marked: string, hide: readonly string[]): { note: ReturnType<typeof parseNote>; hidden: Uint8Array; stored: string } {
  const note = parseNote('q', `casual\t${marked}`);
  const hidden = new Uint8Array(note.text.length);
  let stored = '';
  let at = 0;
  for (const s of note.spans) {
    if (!hide.includes(s.type)) continue;
    hidden.fill(1, s.start, s.end);
    stored += `${note.text.slice(at, s.start)}[${s.type === 'PERSON' ? 'NAME' : s.type}]`;
    at = s.end;
  }
  return { note, hidden, stored: stored + note.text.slice(at) };
}

/** Round 21: each review question is about a name left visible, a word of another identifier left visible, or a word that should stay. */
describe('bench/deidQuestions', () => {
  it('says what each question is about', () => {
    const t = emptyTally();
    const aims: string[] = [];
    const say = (what: 'question' | 'miss', q: { aim?: string }) => {
      if (what === 'question') aims.push(q.aim!);
    };
    // A name left visible and asked.
    const name = debrief('We talked about [[N:Joy]] and the new place.', []);
    tallyNote(t, name.note, name.hidden, name.stored, say);
    // A word of a facility left visible: "Hide" is right, but it is no name.
    const place = debrief('Long drive out to [[F:Cedar Hill]] with [[N:Mara]] for her heart appointment.', ['PERSON']);
    tallyNote(t, place.note, place.hidden, place.stored, say);
    // A word that should stay.
    const word = debrief("[[N:Mara]]'s case number is [[M:4471]]; renewal is due [[D:May 3]].", ['PERSON', 'MRN', 'DATE_TIME']);
    tallyNote(t, word.note, word.hidden, word.stored, say);
    assert.deepEqual(aims, ['name', 'id', 'word']);
    assert.deepEqual(t.aims, { name: 1, id: 1, word: 1 });
    assert.equal(t.questions, 3);
    assert.equal(t.notes, 3);
    // Joy is the one name left visible, and it is asked.
    assert.deepEqual([...t.leaks.values()].reduce((s, l) => [s[0]! + l.all, s[1]! + l.asked], [0, 0]), [1, 1]);
    const lines = tallyLines('g', mergeTallies([t, t]));
    assert.match(lines[0]!, /left visible 2, asked 2 \(100\.0 %\)/);
    assert.match(lines[2]!, /questions 6 .*a name left visible 2 .*another identifier 2, a word that should stay 2/);
  });

  it('counts a question about the stem of a name typed with its possessive and no apostrophe as a name (round 23)', () => {
    const t = emptyTally();
    const aims: string[] = [];
    // Labelled without the s ("ruby" in "rubys hair"), or whole ("tonys" in "tonys mom"): the review asks "ruby", "tony".
    for (const marked of ['helped with [[N:ruby]]s hair before church', 'dropped off [[N:tonys]] forms today']) {
      const d = debrief(marked, []);
      tallyNote(t, d.note, d.hidden, d.stored, (what, q) => {
        if (what === 'question') aims.push(`${q.word} ${q.aim}`);
      });
    }
    assert.deepEqual(aims, ['ruby name', 'tony name']);
    assert.deepEqual([...t.leaks.values()].reduce((s, l) => [s[0]! + l.all, s[1]! + l.asked], [0, 0]), [2, 2]);
    // The forms a question may name a labelled word by: the s typed after it, the stem of a word labelled whole; never a
    // stem the review would not ask ("guns" is a word).
    const note = debrief('[[N:ruby]]s and [[N:guns]]', []).note;
    assert.deepEqual(nameForms(note.text, { end: 4, word: 'ruby' }), ['ruby', 'rubys']);
    assert.deepEqual(nameForms(note.text, { end: note.text.length, word: 'guns' }), ['guns']);
  });

  it('reads only the visible words of identifiers that are not names', () => {
    const d = debrief('met [[N:Mara]] at [[F:Cedar Hill]] on [[A:12 King St]]', ['PERSON', 'STREET_ADDRESS']);
    assert.deepEqual([...visibleIdWords(d.note, d.hidden)].sort(), ['cedar', 'hill']);
  });
});
