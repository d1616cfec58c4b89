// Round 11 (SMS names, issue 13): the person an SMS note opens with, and a surname after a title. Each rule with text
// it must hide and the same words as words that must stay; the examples are made up for these tests (no dev note).
// The rules are tested alone (the name model off): what they hide and keep must not lean on the model, whose own
// verdicts are the classifier tests' (it hides "Joy at the group today" and "sage and cedar …" by itself today).
import { useNameModel } from '../../../services/deidentify/classifier/model';
import { hidden, kept, stays } from '../../helpers/deidentify';

describe('deidentify: SMS note heads and titles, the rules alone', () => {
  before(() => useNameModel(null));
  after(() => useNameModel(undefined));

  describe('deidentify: a word-name opening an SMS note, then where the person is', () => {
    it('a given name that is a word, before "at", "@" or "from" a place', () => {
      hidden('dusty at the bottle depot again, says hes ok', 'dusty', 'NAME');
      hidden('sunny @ the soup kitchen, wants a call back', 'sunny', 'NAME');
      hidden('ivy from the east camp needs boots size 9', 'ivy', 'NAME');
      hidden('got there late. rocky at the laundromat, lost quarters', 'rocky', 'NAME');
    });
    it('a given name that is a word, before "in" a place where a person is held or cared for', () => {
      hidden('rocky in jail again, court fri', 'rocky', 'NAME');
      hidden('brandy in the drunk tank since last nite', 'brandy', 'NAME');
    });
    it('"in" before anything else, or a season before a ward, stays', () => {
      kept('rain in the forecast all week');
      kept('summer in the er is always busy');
    });
    it('a season, a time after "at", a cue verb or a feeling typed with its capital stays', () => {
      kept('summer at the plant is rough, 40 degrees');
      kept('hope at the end of the day we did ok');
      kept('snow at noon, roads bad');
      stays('saw frank at the depot', 'saw');
      kept('Joy at the group today: everyone stayed for tea');
      kept('lunch at the centre was soup');
    });
  });

  describe('deidentify: given names joined by SMS n, + or & opening a note', () => {
    it('two or three given names joined, with no verb after them', () => {
      hidden('chance + chase the twins, both ok', 'chance', 'NAME');
      hidden('chance + chase the twins, both ok', 'chase', 'NAME');
      hidden('major n sunny outside the door again', 'major', 'NAME');
      hidden('major n sunny outside the door again', 'sunny', 'NAME');
    });
    it('a given name joined to a plain word, or plants joined by "and", stay', () => {
      kept('sunny n warm 2day, took everyone to the park');
      kept('honey n tea for the cough');
      kept('snow n ice everywhere today');
      kept('sage and cedar at the smudge this morning');
    });
  });

  describe('deidentify: a word opening a note that the note says is a name', () => {
    it('"his real name", "her last name", "nickname" in the same sentence', () => {
      hidden('jolly lol his real name, he is so sad today', 'jolly', 'NAME');
      hidden('storm lol his nickname, he was in a fight again', 'storm', 'NAME');
    });
    it('a name asked for or forgotten, a name in another sentence, "real name" itself, stay', () => {
      kept('hope lol whats her name again');
      kept('storm last nite. his real name is on the form');
      kept('real name on the form is fine');
    });
  });

  describe('deidentify: a surname after mr, mrs or ms in any case', () => {
    it('the word after the title is a surname, whatever word it is', () => {
      hidden('went by mr cain, hes fine', 'cain', 'NAME');
      hidden('im stuck at mrs lee till 3', 'lee', 'NAME');
      hidden('pls pray for ms ivy', 'ivy', 'NAME');
      hidden('mr. young called back', 'young', 'NAME');
    });
    it('"ms" the illness, and a function word after a title, stay', () => {
      kept('her ms is flaring up again');
      kept('ms symptoms worse in the heat');
      stays('mr and mrs gill came', 'and');
    });
  });
});

describe('deidentify: SMS note heads and titles with the shipped name model on', () => {
  it('still hides them', () => {
    hidden('dusty at the bottle depot again, says hes ok', 'dusty', 'NAME');
    hidden('chance + chase the twins, both ok', 'chase', 'NAME');
    hidden('went by mr cain, hes fine', 'cain', 'NAME');
  });
});
