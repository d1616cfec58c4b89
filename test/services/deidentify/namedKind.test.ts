import assert from 'node:assert/strict';
import type { Entity } from '../../../services/deidentify';
import { withNamedKinds } from '../../../services/deidentify/namedKind';

/** withNamedKinds() over `text` when the name rules found each of `names` as a NAME. */
function kinds(text: string, ...names: string[]): string[] {
  const found: Entity[] = names.map((n) => ({ start: text.indexOf(n), end: text.indexOf(n) + n.length, type: 'NAME' as const }));
  return withNamedKinds(text, found).map((e) => `${e.type}:${text.slice(e.start, e.end)}`);
}

// Round 13.
describe('deidentify: a name the name rules took and the kind of place after it', () => {
  it('makes one facility of the name and its kind', () => {
    assert.deepEqual(kinds('rajan at the desk of wexmoor family clinic says', 'wexmoor'), ['FACILITY:wexmoor family clinic']);
    assert.deepEqual(kinds('i called tarnvale dialysis and they moved him', 'tarnvale'), ['FACILITY:tarnvale dialysis']);
    assert.deepEqual(kinds('picked her up from brisworth jr high, she forgot', 'brisworth'), ['FACILITY:brisworth jr high']);
    assert.deepEqual(kinds('a ride to the kelmont ihs, 10am', 'kelmont'), ['FACILITY:kelmont ihs']);
    assert.deepEqual(kinds('no, ardley elders home, she moved in', 'ardley'), ['FACILITY:ardley elders home']);
    assert.deepEqual(kinds('at the er in dunmore regional w her son', 'dunmore'), ['FACILITY:dunmore regional']);
    // A run of names one space apart takes the kind after the last.
    assert.deepEqual(kinds('the social at the polish sokol varno hall', 'sokol', 'varno'), ['FACILITY:sokol varno hall']);
  });
  it('leaves a person, an owner, a faith, a mall and a street as they are', () => {
    // A given name before "house", a possessive without its apostrophe, a word shared with people with no place word before it.
    assert.deepEqual(kinds('went to tanya house after', 'tanya'), ['NAME:tanya']);
    assert.deepEqual(kinds('dropped the kids at kevins school', 'kevins'), ['NAME:kevins']);
    assert.deepEqual(kinds('found tyler high again behind the store', 'tyler'), ['NAME:tyler']);
    assert.deepEqual(kinds('she is at her tittuh house now', 'tittuh'), ['NAME:tittuh']);
    // A faith or a people before a house of worship, a mall, care, and a street named "… church".
    assert.deepEqual(kinds('renewed their vows at the maronite church', 'maronite'), ['NAME:maronite']);
    assert.deepEqual(kinds('helen at sunridge mall with the bus pass', 'sunridge'), ['NAME:sunridge']);
    assert.deepEqual(kinds('asked about free dental care for his son', 'free'), ['NAME:free']);
    assert.deepEqual(kinds('got a ticket on huron church, hes mad', 'huron'), ['NAME:huron']);
    // The kind is another span's or runs into a word: nothing changes.
    assert.deepEqual(kinds('at wexmoor clinical trials', 'wexmoor'), ['NAME:wexmoor']);
  });
});

// Round 14.
describe('deidentify: one list of kinds of place, and a kind written first', () => {
  it('takes the kinds the facility rules take too, and a kind of place before the name', () => {
    assert.deepEqual(kinds('Called Al-Harith Funeral Services for a quote.', 'Al-Harith'), ['FACILITY:Al-Harith Funeral Services']);
    assert.deepEqual(kinds('the funeral at the dunmere cemetery sat', 'dunmere'), ['FACILITY:dunmere cemetery']);
    assert.deepEqual(kinds('the forbes family got into the brockton family residence', 'brockton'), ['FACILITY:brockton family residence']);
    assert.deepEqual(kinds('colt riding bull at the wetumka arena tonite', 'wetumka'), ['FACILITY:wetumka arena']);
    assert.deepEqual(kinds('a coat from the donation room at masjid al-rahim', 'al-rahim'), ['FACILITY:masjid al-rahim']);
    assert.deepEqual(kinds('Nicole wants to go back to Refuge de l’Aurore, her boyfriend', 'de l’Aurore'), ['FACILITY:Refuge de l’Aurore']);
    assert.deepEqual(kinds('its villa athina, the chsld for greeks', 'athina'), ['FACILITY:villa athina']);
    assert.deepEqual(kinds('on the waiting list for dunvale long term care, the daughter', 'dunvale'), ['FACILITY:dunvale long term care']);
    assert.deepEqual(kinds('her son got into tolliver high’s robotics team', 'tolliver'), ['FACILITY:tolliver high']);
    assert.deepEqual(kinds('in da waiting room at kalani medical 4 hrs', 'kalani'), ['FACILITY:kalani medical']);
    // The name rules took the kind as the run's first name.
    assert.deepEqual(kinds('Called Centre Saint-Roch for Pedro.', 'Centre', 'Saint-Roch', 'Pedro'), ['FACILITY:Centre Saint-Roch', 'NAME:Pedro']);
  });
  it('leaves a ward after a name, someone at the centre, and a camp', () => {
    assert.deepEqual(kinds('harlan at tarnvale detox since fri', 'tarnvale'), ['NAME:tarnvale']);
    assert.deepEqual(kinds('at the centre mike said hi', 'mike'), ['NAME:mike']);
    assert.deepEqual(kinds('at camp jordan got sick', 'jordan'), ['NAME:jordan']);
    assert.deepEqual(kinds('the villa was nice, maria said', 'maria'), ['NAME:maria']);
    assert.deepEqual(kinds('said tom medical stuff is private', 'tom'), ['NAME:tom']);
  });
});

// Round 20.
describe('deidentify: a unit, hub or service with its own kind word after a name (placeKinds.ts UNIT_KINDS)', () => {
  it('makes one facility of the name and its kind', () => {
    assert.deepEqual(kinds('she went to marlow crisis unit last night', 'marlow'), ['FACILITY:marlow crisis unit']);
    assert.deepEqual(kinds('at the Dunmore Crisis Stabilization Unit since sat', 'Dunmore'), ['FACILITY:Dunmore Crisis Stabilization Unit']);
    assert.deepEqual(kinds('picked up from tarnvale sobering unit', 'tarnvale'), ['FACILITY:tarnvale sobering unit']);
    assert.deepEqual(kinds('admitted to Kelso Mental Health Unit', 'Kelso'), ['FACILITY:Kelso Mental Health Unit']);
    assert.deepEqual(kinds('on the list at Ardley Withdrawal Management', 'Ardley'), ['FACILITY:Ardley Withdrawal Management']);
    assert.deepEqual(kinds('needles from the brisworth harm reduction hub', 'brisworth'), ['FACILITY:brisworth harm reduction hub']);
    assert.deepEqual(kinds('went to varno health hub for his meds', 'varno'), ['FACILITY:varno health hub']);
    assert.deepEqual(kinds('group at wexmoor wellness tues', 'wexmoor'), ['FACILITY:wexmoor wellness']);
    assert.deepEqual(kinds('intake at Halden Counselling on fri', 'Halden'), ['FACILITY:Halden Counselling']);
    assert.deepEqual(kinds('lunch at the Sokol Drop-In and kelmont drop in', 'Sokol', 'kelmont'), ['FACILITY:Sokol Drop-In', 'FACILITY:kelmont drop in']);
    assert.deepEqual(kinds('moved into orley boarding home', 'orley'), ['FACILITY:orley boarding home']);
    assert.deepEqual(kinds('called the tarn lake nursing station and the orvil band office', 'tarn lake', 'orvil'), ['FACILITY:tarn lake nursing station', 'FACILITY:orvil band office']);
    assert.deepEqual(kinds('he is at dunvale youth custody till june', 'dunvale'), ['FACILITY:dunvale youth custody']);
    assert.deepEqual(kinds('forms at the larkmoor annex', 'larkmoor'), ['FACILITY:larkmoor annex']);
    assert.deepEqual(kinds('her date at Brockton Treatment Court', 'Brockton'), ['FACILITY:Brockton Treatment Court']);
  });
  it('leaves a wellness check, a ward or a service alone after a name', () => {
    assert.deepEqual(kinds('asked for a marlow wellness check', 'marlow'), ['NAME:marlow']);
    assert.deepEqual(kinds('harlan at tarnvale er since fri', 'tarnvale'), ['NAME:tarnvale']);
    assert.deepEqual(kinds('she is with tarnvale unit 5 now', 'tarnvale'), ['NAME:tarnvale']);
  });
});

// Round 26 (made-up notes).
describe('deidentify: a psych, a crisis line, a mission, a fellowship, support services and a nation band office after a name', () => {
  it('makes one facility of the name and its kind', () => {
    assert.deepEqual(kinds('took her to tarnvale psych last nite', 'tarnvale'), ['FACILITY:tarnvale psych']);
    assert.deepEqual(kinds('dropped him at the kelmora crisis for the night', 'kelmora'), ['FACILITY:kelmora crisis']);
    assert.deepEqual(kinds('supper at brisworth mission', 'brisworth'), ['FACILITY:brisworth mission']);
    assert.deepEqual(kinds('went to Varno Fellowship Church sunday', 'Varno'), ['FACILITY:Varno Fellowship Church']);
    assert.deepEqual(kinds('called wexmoor support services about housing', 'wexmoor'), ['FACILITY:wexmoor support services']);
    assert.deepEqual(kinds('she works at dunvale nation band office now', 'dunvale'), ['FACILITY:dunvale nation band office']);
  });
  it('leaves a person in crisis, a psych ward or appointment, and a kind with no place word before the name', () => {
    assert.deepEqual(kinds('jolene crisis again last nite', 'jolene'), ['NAME:jolene']);
    assert.deepEqual(kinds('at the tarnvale psych ward since fri', 'tarnvale'), ['NAME:tarnvale']);
    assert.deepEqual(kinds('took jolene to her psych appt', 'jolene'), ['NAME:jolene']);
    assert.deepEqual(kinds('said jolene psych appt is tues', 'jolene'), ['NAME:jolene']);
  });
});
