// Short labels that escape the de-identifier: client codes, roster aliases and team names must not carry a
// date, a year, a piece of a phone number or a person's given name (issue 15, item 8).
import assert from 'node:assert/strict';
import { labelProblem, looksLikeIdentifier, quasiIdentifier } from '../../services/deidentify';
import { clientCodeRefusal } from '../../cards/words/clientCode';

describe('client codes refuse quasi-identifiers with a clear reason', () => {
  const cases: [string, string][] = [
    ['ZQ 03-14', 'date'],
    ['C 14/3', 'date'],
    ['K-2024-03', 'year'],
    ['TB 1987', 'year'],
    ["AB '87", 'year'],
    ['C 416 555', 'phone'],
    // Round 14: a letter and five digits is read as a file number (an id's own letters go with its number).
    ['C-55501', 'chart or file number'],
    ['416 555', 'phone'],
  ];
  for (const [code, reason] of cases) {
    it(`refuses ${JSON.stringify(code)}`, () => {
      const r = looksLikeIdentifier(code);
      assert.ok(!r.ok);
      const words = clientCodeRefusal(r);
      assert.match(words, new RegExp(reason));
      assert.match(words, /C-14/, 'says what to use instead');
      assert.ok(!words.includes(code), 'never repeats what was typed');
    });
  }
  for (const code of ['C-14', 'A7', 'JD7', 'client 3', 'JD', 'AB-113', 'K-7-203', 'C 416', 'X-0']) {
    it(`still accepts ${JSON.stringify(code)}`, () => assert.equal(looksLikeIdentifier(code).ok, true, JSON.stringify(looksLikeIdentifier(code))));
  }
  it('names the kind of quasi-identifier', () => {
    assert.equal(quasiIdentifier('ZQ 03-14'), 'date');
    assert.equal(quasiIdentifier('TB 1987'), 'year');
    assert.equal(quasiIdentifier('C 416 555'), 'phone');
    assert.equal(quasiIdentifier('C-14'), undefined);
  });
});

describe('roster labels (aliases, teams) are checked like client codes', () => {
  for (const [label, problem] of [
    ['Maria Lopez', 'name'],
    ['Supervisor Jo', 'name'],
    ['Sam', 'name'],
    ['mike', 'name'],
    ['416-555-0199', 'phone'],
    ['PSW 03-14', 'date'],
    ['Class of 1987', 'year'],
    ['maria@example.org', 'identifier'],
  ] as const) {
    it(`refuses ${JSON.stringify(label)} (${problem})`, () => assert.equal(labelProblem(label), problem));
  }
  it('refuses a phone fragment however the de-identifier reads it', () => assert.ok(labelProblem('Team 416 555')));
  for (const label of ['PSW 1', 'PSW 12', 'Supervisor 1', 'New Hire 1', 'Admin', 'JD', 'Harbour', 'North', 'East Team', 'Harm Reduction', 'Outreach West', 'Housing First', 'Team 2']) {
    it(`accepts ${JSON.stringify(label)}`, () => assert.equal(labelProblem(label), undefined));
  }
});
