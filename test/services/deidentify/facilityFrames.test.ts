import assert from 'node:assert/strict';
import { deidentify, type Entity } from '../../../services/deidentify';
import { withFramedFacilities } from '../../../services/deidentify/facilityFrames';

/** The facilities withFramedFacilities() adds to `found` (names the rules found, by their words), as their words. */
function framed(text: string, names: string[] = []): string[] {
  const found: Entity[] = names.map((w) => ({ start: text.indexOf(w), end: text.indexOf(w) + w.length, type: 'NAME' }));
  return withFramedFacilities(text, found)
    .filter((e) => e.type === 'FACILITY')
    .map((e) => text.slice(e.start, e.end));
}

// Round 25 (made-up notes).
describe('deidentify: a place named in a frame of a stay, a treatment or a custody (facilityFrames.ts)', () => {
  it('takes the words after a stay, a treatment or a custody, everyday words too; a generic place, a time or a number stays', () => {
    assert.deepEqual(framed('day 6 at nickel hill, she is tired'), ['nickel hill']);
    assert.deepEqual(framed('day 6 at home, she is tired'), []);
    assert.deepEqual(framed('admitted to mohawk valley recovery on friday'), ['mohawk valley recovery']);
    assert.deepEqual(framed('admitted to the icu on friday'), []);
    assert.deepEqual(framed('appt @ nose creek tmrw'), ['nose creek']);
    assert.deepEqual(framed('appt at 3pm tmrw'), []);
    assert.deepEqual(framed('inmate # 4417 @ the hmp, call monday'), ['hmp']);
    assert.deepEqual(framed('no showed birch hill again'), ['birch hill']);
    assert.deepEqual(framed('long day, 1 no show gonna sleep'), []);
    // A bed's kind after the name is the place's: "[sun valley detox]".
    assert.deepEqual(framed('she got the bed at sun valley detox'), ['sun valley detox']);
    // A town of the list stays ("red deer"), and so do an office, a room, a unit.
    assert.deepEqual(framed('day 3 in red deer with her aunt'), []);
    assert.deepEqual(framed('transferred to the north office'), []);
    assert.deepEqual(framed('admitted to the withdrawal management unit'), []);
  });

  it('takes one English word after an article only in a stay or care frame, never an everyday word or a kind of care', () => {
    assert.deepEqual(framed('intake at the samaritan went ok'), ['samaritan']);
    assert.deepEqual(framed('intake at the shelter went ok'), []);
    assert.deepEqual(framed('appt at the dentist went ok'), []);
    assert.deepEqual(framed('booked at the optometrist for friday'), []);
    assert.deepEqual(framed('detained at the border for hours'), []);
    assert.deepEqual(framed('a ride to the store'), []);
  });

  it('takes the words before a frame after them: an illness or a test, a floor, AMA, a day, nights after "at"', () => {
    assert.deepEqual(framed('a ride to prairie mercy for bloodwork'), ['prairie mercy']);
    assert.deepEqual(framed('a ride to the store for bloodwork'), []);
    assert.deepEqual(framed('in bellin for pneumonia'), ['bellin']);
    assert.deepEqual(framed("she's at sun mesa day 4"), ['sun mesa']);
    assert.deepEqual(framed("she's at home day 4"), []);
    assert.deepEqual(framed('visiting him at pemberly crest 4th floor'), ['pemberly crest']);
    assert.deepEqual(framed('found him in the stairwell 2nd floor'), []);
    assert.deepEqual(framed('drove him to the lighthouse 4 intake'), ['lighthouse']);
    assert.deepEqual(framed('has been at the samaritan three nights'), ['samaritan']);
    assert.deepEqual(framed('let him sleep in the church basement 2 nights'), []);
    assert.deepEqual(framed('he is in whitehorse lasts 2 weeks'), []);
  });

  it('takes whole a place the name rules hid in part in such a frame; a name alone stays a name', () => {
    assert.deepEqual(framed('discharged from kestrel front range on tuesday', ['kestrel']), ['kestrel front range']);
    assert.deepEqual(framed('left highland brook AMA last night', ['brook']), ['highland brook']);
    assert.deepEqual(framed('discharged to mary on tuesday', ['mary']), []);
    assert.equal(deidentify('discharged to mary on tuesday').redacted, 'discharged to [NAME] on tuesday');
  });

  it('hides them in the whole pipeline', () => {
    assert.equal(deidentify('day 6 at nickel hill, she is tired').redacted, 'day 6 at [FACILITY], she is tired');
    assert.equal(deidentify('a ride to prairie mercy for bloodwork').redacted, 'a ride to [FACILITY] for bloodwork');
    assert.equal(deidentify('day 6 at home, she is tired').redacted, 'day 6 at home, she is tired');
    assert.equal(deidentify('set up her bed in the living room').redacted, 'set up her bed in the living room');
  });
});

// Round 26 (made-up notes).
describe('deidentify: frames a place is named in that round 25 did not read (facilityFrames.ts)', () => {
  it('reads "with" an illness, a part of the body after "for", the night spent and an inmate number after the place', () => {
    assert.deepEqual(framed('at kestrel point with an infection'), ['kestrel point']);
    assert.deepEqual(framed('a ride to tarnvale for his leg'), ['tarnvale']);
    assert.deepEqual(framed('shes at the cornerstone for the night'), ['cornerstone']);
    assert.deepEqual(framed('hes in kelmorrow again, inmate no. 4471'), ['kelmorrow']);
    // One English word alone after a part of the body: a place's frame, not a stay's.
    assert.deepEqual(framed('drove her to the gym for her knee'), []);
    assert.deepEqual(framed('sat at the table with an infection'), []);
    assert.deepEqual(framed('he is at the park for the night'), []);
    assert.deepEqual(framed('stayed at her moms for the night'), []);
  });
  it("reads a jail's gate before the place, and no gate's code", () => {
    assert.deepEqual(framed('picked him up at the gate kelmorrow 6am'), ['kelmorrow']);
    assert.deepEqual(framed('2 gate pickups - kelmorrow, then home'), ['kelmorrow']);
    assert.deepEqual(framed('the gate code changed, ask him'), []);
  });
  it('lets "back", "down" or "up" open a place of three words, never two or a compass point', () => {
    assert.deepEqual(framed('at back bay mercy with an infection'), ['back bay mercy']);
    assert.deepEqual(framed('a ride 2 down east community for her knee'), ['down east community']);
    assert.deepEqual(framed('admitted to up north'), []);
    assert.deepEqual(framed('back in the car with her'), []);
    assert.deepEqual(framed('she came back down the hall for her meds'), []);
  });
});
