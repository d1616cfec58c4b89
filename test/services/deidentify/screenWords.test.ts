// Words the risk screen needs survive de-identification (docs/DEIDENTIFICATION.md, "Words the risk screen needs"):
// the screen reads de-identified text, so a risk word hidden as a name is a risk it cannot see.
import assert from 'node:assert/strict';
import { deidentify } from '../../../services/deidentify';
import { wordCompound } from '../../../services/deidentify/compounds';
import { keepScreenWords } from '../../../services/deidentify/screenWords';
import { riskLexiconWords } from '../../helpers/riskLexicon';
import { hidden, kept } from '../../helpers/deidentify';

/** Where `word` sits in `text` is no part of any entity. */
function survives(text: string, word: string): boolean {
  const at = text.indexOf(word);
  return !deidentify(text).entities.some((e) => e.start < at + word.length && at < e.end);
}

describe('deidentify: words the risk screen needs', () => {
  it('keeps the hyphenated words the screen reads', () => {
    kept('Client reports self-harm in adolescence.');
    kept("PSW reports client's self-harm has escalated");
    kept('Client disclosed xylazine-associated wounds on both forearms.');
    kept('her 8-year-old was home alone');
    kept('her ex-partner showed up at the shelter');
    kept('Found client face down, non-responsive, called 911.');
    kept('Client has a history of fire-setting.');
    kept("she's been OD-ing almost every weekend");
    kept('he od-ed twice this week');
    kept('her mother-in-law hits her kids');
    kept("client's live-in caregiver keeps her money");
    kept("she's thirty-eight now");
    kept('the kids go to staff-approved childcare');
    kept('Client disclosed self-injurious behaviour.');
    kept('he has been drug-seeking at the ER');
    kept('a non-client in the lobby was overdosing');
  });

  it('still hides hyphenated names', () => {
    hidden('met Jean-Luc at the dropin', 'Jean-Luc', 'NAME');
    hidden('her sponsor anne-sophie called', 'anne-sophie', 'NAME');
    hidden('Mary-Kate said she is fine', 'Mary-Kate', 'NAME');
    hidden('texted Morning-Star about the ride', 'Morning-Star', 'NAME');
  });

  it('tells word compounds from names by their parts', () => {
    for (const w of ['self-harm', 'ex-partner', 'non-client', 'co-parent', '8-year-old', 'thirty-eight', 'xylazine-associated', 'alcohol-free', 'fire-setting', 'live-in', 'shoot-up', 'mother-in-law', 'od-ing', 'narcan-ed', 'staff-approved']) {
      assert.ok(wordCompound(w), w);
    }
    for (const w of ['jean-luc', 'anne-sophie', 'mary-kate', 'morning-star', 'ka-ling', 'abdel-hamid', 'smith-jones', 'ex-dave']) assert.ok(!wordCompound(w), w);
  });

  it('keeps the drugs, services and note words of the keep-list', () => {
    kept('referred to EAP');
    kept('using hydromorph again');
    kept('bought a few dillies off a guy');
    kept('the tranq dope has been going around');
    kept('there is carfent in the supply');
    kept('the ACT team came by');
    kept('Client reports he checks in with Never Use Alone when he uses.');
    kept("he's been using the never use alone hotline, it helps");
    kept('she goes to the SCS every day');
    kept('got her into the RAAM clinic');
    kept('Supervisee reports difficulty sleeping.');
    kept('writer assisted with a budget today');
    kept('Collateral from home care indicates the same.');
    kept('we started cpr');
    kept('client reports SI with no plan');
    kept('Foster placement visit today');
  });

  it('keeps a keep-list word whatever rule took it for a name, unless someone may be named so', () => {
    kept("she OD'd in the bathroom at the mcdonalds");
    kept("when he OD'd in a McDonald's bathroom");
    hidden('met Crystal at the dropin', 'Crystal', 'NAME');
  });

  it('keeps an English word after an article as a word, not a family or a nickname', () => {
    kept('the little boy told me his dad makes him stand in the corner');
    kept("the old man's son takes his money");
    kept('the new guy moved in across the hall');
    hidden("staying at the smiths' place for now", 'smiths', 'NAME');
    hidden('thx 4 the coffee grizzly lol', 'grizzly', 'NAME');
  });

  it('never gives back an age over 89 in words, nor a word right before a number', () => {
    // Whichever detector took them (the classifier, today), they stay taken.
    for (const [text, word] of [["he'll turn ninety-nine in april", 'ninety-nine'], ['at 12 rue st-michel app 5', 'app']]) {
      const at = text!.indexOf(word!);
      const span = { start: at, end: at + word!.length, type: 'NAME' as const };
      assert.deepEqual(keepScreenWords(text!, [span]), [span], word);
    }
    const at = 'turn sixty-one'.indexOf('sixty-one');
    assert.deepEqual(keepScreenWords('turn sixty-one', [{ start: at, end: at + 9, type: 'NAME' }]), []);
  });

  it('never gives back a name the PSW asked to hide', () => {
    for (const [text, name] of [['the storm kept everyone in', 'storm'], ['si again last night', 'si'], ['Client reports self-harm', 'self-harm']]) {
      const res = deidentify(text, { knownNames: [name!] });
      assert.ok(res.entities.some((e) => text.slice(e.start, e.end).toLowerCase() === name), `${name} in ${res.redacted}`);
    }
  });

  it("keeps someone's kind of place, not a named one", () => {
    kept("the client's detox got pushed back");
    kept("her mom's hospital stay was short");
    hidden('moved him to sunrise lodge', 'sunrise lodge', 'FACILITY');
    hidden("dropped sam's detox bag off", 'sam', 'FACILITY');
  });

  it('keeps contractions and lower-case screen words, not a capitalised name', () => {
    kept("she said if they take the baby she'll burn the office down");
    kept("he said he'd never touch his kids");
    kept('people who\'ve got it coming');
    kept('ive got nothing left in the tank');
    kept('si again last night');
    hidden('Si came by the office', 'Si', 'NAME');
    hidden('met with Maria about housing', 'Maria', 'NAME');
  });

  it('keeps every literal word of the risk lexicon in carrier sentences', () => {
    const words = riskLexiconWords();
    assert.ok(words.size > 500, `the walker found only ${words.size} words: has risk-terms.json changed shape?`);
    // Names alone, words only in the screen's phrases ("tim hortons", "a mickey", "porta potty", "tracking app";
    // "app" is also a unit, "app 5"): tested in those.
    // "ama" (against medical advice) is also a given name (Akan): lower-case "ama" after a verb stays hidden, as names
    // do; the screen still reads "AMA" and "against medical advice" (tested below).
    const phraseOnly = new Set(['tim', 'hortons', 'mickey', 'porta', 'app', 'ama']);
    const lost: string[] = [];
    for (const w of words) {
      if (phraseOnly.has(w)) continue;
      for (const carrier of ['Client reports X.', 'her X', 'X again', "PSW reports client's X has escalated"]) {
        const text = carrier.replace('X', w);
        if (!survives(text, w)) lost.push(`${w} (${deidentify(text).redacted})`);
      }
    }
    assert.deepEqual(lost, [], `risk words hidden by de-identification: ${lost.join(', ')}`);
    kept('signed himself out AMA yesterday and is using');
    kept('left against medical advice and went to his dealer');
    kept("PSW reports client's detention has escalated");
    kept('she OD-ed in the tim hortons bathroom');
    kept('ngl bought a mickey on the way home');
    kept('he uses in the porta potty behind the store');
    kept('she found a tracking app on her phone');
  });
});
