// Context rules of the risk screen (services/safety/screen/lexicon.ts, content/risk-terms.json `context`) that keep
// risk words out of scope without a phrase exception per sentence: negation through a list, a screening answer
// after the word, harm-reduction supplies, ordinary causes of a bruise, history told as history, hyperbole with
// laughter, and the classifier reading only what the rules leave in scope. Each rule has a hard negative and a
// risk it must not swallow. Figures: docs/SAFETY.md (batch table, `npm run bench:screen -- --lobo`).
import assert from 'node:assert/strict';
import { content, type RiskCategory } from '../../../services/content';
import { riskCategories, screenRisk } from '../../../services/safety/screen';
import { inScope } from '../../../services/safety/screen/lexicon';
import { normalise } from '../../../services/safety/screen/normalise';

const c = content();
const cats = (text: string) => riskCategories(screenRisk(text, c));
const patternsOnly = (text: string) => riskCategories(screenRisk(text, c, { classifier: false }));

function expectNone(texts: string[]): void {
  for (const t of texts) assert.deepEqual(cats(t), [], `"${t}" gave ${JSON.stringify(cats(t))}`);
}
function expectKind(cases: [RiskCategory, string][], screen = cats): void {
  for (const [kind, t] of cases) assert.ok(screen(t).includes(kind), `${kind}: "${t}" gave ${JSON.stringify(screen(t))}`);
}

describe('risk screen: context rules', () => {
  it('reads texting in fragments as words ("n", "w", "abt", dropped g)', () => {
    assert.equal(normalise('out of hosp yest n usin w the door locked'), 'out of hospital yesterday and using with the door locked');
    assert.equal(normalise('talkin abt smth else'), 'talking about something else');
  });

  it('a denial reaches every item of its list, and no further than the list', () => {
    expectNone(['Denies SI, HI, and self harm. Enjoying her new volunteer shifts.', 'client denied suicidal thoughts, homicidal thoughts or self-harm today']);
    expectKind([['self_harm', 'denies SI but she has been cutting her arms again'], ['suicide', 'denies drinking, and she wants to kill herself']]);
  });

  it('a screening question answered no is not a risk; an answer with a "but" still is', () => {
    expectNone(['I checked in about suicide, no thoughts, no plan, she is excited about her cousin coming', 'screened for self harm, she says no']);
    expectKind([['suicide', 'asked about suicide, no plan but she said she wants to die']], patternsOnly);
  });

  it('harm-reduction supplies and teaching are not an overdose; a rescue is', () => {
    expectNone(['delivered naloxone kits and strips to the drop in this morning', 'went over the signs of an opioid overdose with the new volunteers']);
    expectKind([['overdose', 'his roommate had to bring him back with narcan on saturday']]);
  });

  it('a bruise with an ordinary cause is not abuse; one explained away or shaped like a hand is', () => {
    expectNone(['he banged his head on the train window when it stopped, no injury']);
    expectNone(['bruise on his shin from rec league soccer', 'she has a bruise from the blood draw at the clinic', 'black eye, ball to the face at baseball']);
    expectKind([['abuse', 'bruises on her neck that looked like fingers'], ['abuse', 'bruise on her arm, she said she walked into the door again']]);
  });

  it('history told as history is past; said again now, it is not', () => {
    expectNone(['she attempted suicide in her teens and now works as a peer mentor', 'overdosed at the shelter, they narcanned him, he is in detox now and doing ok', 'history of overdose, 2016 and 2018']);
    expectKind([['suicide', 'she tried to kill herself in her teens and says she wants to again'], ['overdose', 'he overdosed last night, doing ok now']]);
  });

  it('a threat said laughing about family is hyperbole; one with a plan or a weapon is not', () => {
    expectNone(['she said she would kill her sister for borrowing the car, laughing the whole time']);
    expectKind([['harm_to_others', 'joking he will kill his landlord but he knows where he parks and has a knife']]);
  });

  it('"again" framed in the past is not now; pills kept safe and taken as told are not a stockpile; touching a thing of hers is not touching her', () => {
    expectNone(['I relapsed last winter when I was drinking again, but I have been sober 10 months now', 'he keeps his pills in a dosette and takes them how the pharmacist said']);
    expectKind([['psw_distress', 'I was sober for a year but I am drinking again this week']]);
    assert.ok(!patternsOnly('her brother touched her laptop without asking').includes('abuse'));
    expectKind([['abuse', 'the kid says her stepdad touches her at night'], ['abuse', 'he touched her chest when mom was out']], patternsOnly);
  });

  it('the classifier reads only the parts the context rules leave in scope', () => {
    const norm = normalise('told me about her dad hitting her mom when she was little, she is working through it in therapy');
    assert.equal(inScope(norm, 'abuse', c), 'she is working through it in therapy');
    assert.equal(inScope(normalise('he is hitting her again'), 'abuse', c), 'he is hitting her again');
    assert.equal(inScope(normalise('we handed out naloxone kits'), 'overdose', c), '');
  });
});
