// Round 25 (issue 13): a surname of a modifier and its noun after a given name ("Many Guns", "Two Shoes"), and a
// modifier between two hidden names (nameTails.ts); each with the same words that must stay. Every example is made up
// for these tests. Shipped models.
import assert from 'node:assert/strict';
import { hidden, stays } from '../../helpers/deidentify';
import { nameTails, tailNoun } from '../../../services/deidentify/nameTails';

const NAME = (start: number, end: number) => ({ start, end, type: 'NAME' as const });

describe('deidentify: a surname of a modifier and its noun (nameTails.ts)', () => {
  it('widens a name whose last word is a count or a colour to the noun after it', () => {
    const text = 'called delia many guns';
    assert.deepEqual(nameTails(text, [NAME(7, 12), NAME(13, 17)]), [NAME(7, 12), NAME(13, 22)]);
    assert.deepEqual(nameTails('Tommy Two Shoes came in.', [NAME(0, 9)]), [NAME(0, 15)]);
    hidden('called delia many guns', 'delia many guns');
    hidden('Tommy Two Shoes came in.', 'Tommy Two Shoes');
  });

  it('hides a count and its noun after a name, both left, before a verb a person does', () => {
    hidden('delia many guns came by for her meds', 'delia many guns');
    hidden('tommy two shoes dropped in', 'tommy two shoes');
  });

  it('hides a modifier between two hidden names', () => {
    assert.deepEqual(nameTails('for ruby big plume is', [NAME(4, 8), NAME(13, 18)]), [NAME(4, 8), NAME(9, 12), NAME(13, 18)]);
  });

  it('keeps a time, a count, a person or a thing owned after a count, and a noun after a common surname', () => {
    stays('delia two days ago said she was fine', 'days');
    stays('saw delia two days ago', 'days');
    stays('delia many times asked for help', 'times');
    stays('delia two kids came with her', 'kids');
    stays('delia two boys came with her', 'boys');
    assert.deepEqual(nameTails('gave jo brown bag lunch', [NAME(5, 7), NAME(8, 13)]), [NAME(5, 7), NAME(8, 13)]);
    assert.deepEqual(nameTails('jo many said', [NAME(0, 2), NAME(3, 7)]), [NAME(0, 2), NAME(3, 7)]);
  });

  it('keeps a colour or a size and its noun after a name, and an everyday word after it that is no count', () => {
    stays('rita red grapefruit was all she wanted', 'grapefruit');
    stays('marcus brings coffee to every group', 'coffee');
    stays('marcus brings coffee to every group', 'brings');
  });

  it('reads a noun as a tail, never a verb, a function word, a time or a person', () => {
    assert.deepEqual(['guns', 'shoes', 'horse', 'said', 'the', 'days', 'kids', 'sister', 'people'].map(tailNoun), [true, true, true, false, false, false, false, false, false]);
  });
});
