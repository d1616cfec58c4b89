import assert from 'node:assert/strict';
import { deidentify } from '../../../services/deidentify';
import { ruralAddresses } from '../../../services/deidentify/ruralAddresses';

const spans = (t: string): string[] => ruralAddresses(t).map((e) => t.slice(e.start, e.end));

// Round 13.
describe('deidentify: rural, grid and post-office addresses', () => {
  it('finds the grid, land locations east of the meridian and General Delivery; a box keeps its town (round 25)', () => {
    assert.deepEqual(spans('the couple on 1730 w 400 s ok today'), ['1730 w 400 s']);
    assert.deepEqual(spans('moving to the house on 3215 S 500 E next month'), ['3215 S 500 E']);
    assert.deepEqual(spans('Mr. Harder, 96, of NE 14-6-6E, near Grunthal'), ['NE 14-6-6E']);
    assert.equal(deidentify('Mrs. Penner, Box 218, Blumenort MB R0A 0C0.').redacted, 'Mrs. [NAME], [ADDRESS], Blumenort MB [POSTAL_CODE].');
    assert.equal(deidentify('Mrs. Parenteau, Box 118, Buffalo Lake Métis Settlement, T0A 0R0').redacted, 'Mrs. [NAME], [ADDRESS], Buffalo Lake Métis Settlement, [POSTAL_CODE]');
    assert.deepEqual(spans('the new address is Box 9, Site 1, RR 4, the old school'), ['Box 9, Site 1, RR 4']);
    assert.deepEqual(spans('she stays with her brother at general delivery, sioux valley'), ['general delivery']);
    assert.deepEqual(spans('mail goes to cp 4421 succ park-ex lol'), ['cp 4421 succ park-ex']);
  });
  it('finds county roads, kilometre posts, towers and numbered houses where someone is', () => {
    assert.deepEqual(spans('his truck broke down on cr 19 by the wash'), ['cr 19']);
    assert.deepEqual(spans('the water truck didnt come to cr 1 mile 14 again'), ['cr 1 mile 14']);
    assert.deepEqual(spans('crashed his sled on rd 57 n by the river'), ['rd 57 n']);
    assert.deepEqual(spans('lives at km 2 hot springs rd with his dogs'), ['km 2 hot springs rd']);
    assert.deepEqual(spans('has a cabin at km 12 dempster, come for tea'), ['km 12 dempster']);
    assert.deepEqual(spans('moved to riverside plaza tower d apt 1912, elevator works'), ['riverside plaza tower d apt 1912']);
    assert.deepEqual(spans('hibo needs groceries, apt 2208 tower a'), ['apt 2208 tower a']);
    assert.deepEqual(spans('got a hud house, house 42 in kwethluk'), ['house 42 in kwethluk']);
  });
  it('leaves counts, doses, scores, times and prose in the same slots', () => {
    for (const t of [
      'score was 3-2-1 at the half',
      'send it to box 12, Thanks Mary',
      'his cr 1.2 was high on the labs',
      'the cr is 19 now',
      'walked 5 km to the store',
      'we were on km 12 when it rained',
      'at km 12 today the road was bad',
      'the tower is closed, apt is fine',
      'house 3 in a row was empty',
      'he has a cp appointment at 4',
      'general store was closed',
    ]) assert.deepEqual(spans(t), [], t);
  });
  it('hides two streets crossing that the name rules took as two names, and leaves two people as two names', () => {
    // Right after "at" or "on", a word of no English and a city streets are named for (messyPatterns.ts crossingSides).
    assert.equal(deidentify('sebastian at milwaukee n diversey by the bank').redacted, '[NAME] at [ADDRESS] by the bank');
    for (const t of ['conferences at toronto n ottawa', 'we got off at kennedy and walked', 'told everyone to stock up on tea and candles']) assert.ok(!deidentify(t).redacted.includes('[ADDRESS]'), t);
    assert.equal(deidentify('gopi and his wife moved to castlemore n mccowan, the new condos').redacted, '[NAME] and his wife moved to [ADDRESS], the new condos');
    for (const t of ['hanging out at jess n tom', 'was mad at tanis n kofi all day']) assert.ok(!deidentify(t).redacted.includes('[ADDRESS]'), t);
    const people = deidentify('stayed over at tanis n kofis place').redacted;
    assert.ok(!people.includes('[ADDRESS]'), people);
    const with2 = deidentify('had coffee with tanis n kofi today').redacted;
    assert.ok(!with2.includes('[ADDRESS]'), with2);
  });
});

// Round 21.
describe('deidentify: rural fire numbers, group boxes, numbered roads and crossings at a stop', () => {
  it('finds fire numbers, group boxes and Richmond roads', () => {
    assert.deepEqual(spans('she lives at e3310 hwy 12 past the dairy'), ['e3310 hwy 12']);
    assert.deepEqual(spans('his place is n815 county rd kk'), ['n815 county rd kk']);
    assert.deepEqual(spans('he lives at w4521 pine lake rd'), ['w4521 pine lake rd']);
    assert.deepEqual(spans('box 7 grp 220 rr 2 is where to mail'), ['box 7 grp 220 rr 2']);
    assert.deepEqual(spans('new address is 4120 no 1 rd'), ['4120 no 1 rd']);
  });
  it('leaves a county road with a word for letters, road words after a count and a shop on a numbered road', () => {
    assert.deepEqual(spans('n815 county rd to the lake'), []);
    assert.deepEqual(spans('there were no 2 road trips this year'), []);
    assert.deepEqual(spans('the pharmacy on no 3 rd is closed'), []);
  });
  it('takes a concession\'s number, a BIA route and a mobile home park after its lot', () => {
    const hidden = (t: string): string[] => deidentify(t).entities.filter((e) => e.type === 'ADDRESS').map((e) => t.slice(e.start, e.end));
    assert.deepEqual(hidden('she lives at 1875 concession 9'), ['1875 concession 9']);
    assert.deepEqual(hidden('they live on bia route 41'), ['bia route 41']);
    assert.deepEqual(hidden('she moved to lot 3 maplewood mobile home park'), ['lot 3 maplewood mobile home park']);
    assert.deepEqual(hidden('lot 14 shady pines trailer park'), ['lot 14 shady pines trailer park']);
  });
  it('hides a crossing joined by "+" or named for its stop, and leaves everyday pairs', () => {
    assert.equal(deidentify('he was at logan + selkirk last night').redacted, 'he was at [ADDRESS] last night');
    assert.equal(deidentify('at the dundas n jarvis bus stop').redacted, 'at the [ADDRESS] bus stop');
    assert.equal(deidentify('found him by the queen + ossington lights').redacted, 'found him by the [ADDRESS] lights');
    assert.equal(deidentify('met her at the corner queen and bathurst').redacted, 'met her at the corner [ADDRESS]');
    assert.equal(deidentify('found at jasper + 109 again').redacted, 'found at [ADDRESS] again');
    assert.equal(deidentify('sleeping at portage n main again').redacted, 'sleeping at [ADDRESS] again');
    for (const t of ['we love rock and roll and salt and pepper', 'she was at the rock and roll bus stop', 'first and foremost, main and foremost', 'he was at kyle + jordans place', 'we met at the corner salt and pepper shaker', 'we met at main and foremost', 'at the corner main and foremost', 'sat in the corner and cried', 'we were at mom + dad last night', 'she said 5 + 5 at school']) {
      assert.ok(!deidentify(t).redacted.includes('[ADDRESS]'), t);
    }
  });
});

