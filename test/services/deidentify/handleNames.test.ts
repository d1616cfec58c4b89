// Round 26 (handleNames.ts): a word that a hidden handle, email or link spells, said visibly in the same note in a
// person's slot, is that person's name — before a platform or contact word, right before the identifier, before "the"
// and a role, or opening a clause before a verb a person does; the same words stay as words elsewhere ("my email", "the
// ig post", "hope the case goes well"). Every example is made up for these tests. Shipped models.
import assert from 'node:assert/strict';
import { deidentify } from '../../../services/deidentify';
import { handleParts, spelledBy } from '../../../services/deidentify/handleNames';
import { hidden, stays } from '../../helpers/deidentify';

describe('deidentify: the owner of a hidden handle, email or link, named by the word it spells (handleNames.ts)', () => {
  it('hides a word-name before a platform or contact word when the hidden handle spells it', () => {
    hidden('deuce ig is deuce_westside if u need him', 'deuce', 'NAME');
    hidden('yoyo wechat is yoyo_lau_88', 'yoyo', 'NAME');
    hidden('rook discord is rookie#4411', 'rook', 'NAME');
    hidden('talked to dawn on insta @dawnmolokai_22 about the ride', 'dawn', 'NAME');
    hidden('found boy on fb as boy.hooperbay907', 'boy', 'NAME');
  });

  it('hides a word the start of an email or a link’s path spells, and its s-form', () => {
    hidden('mo email is momo.karenza@yahoo.ca', 'mo', 'NAME');
    hidden('clovers gofundme www.gofundme.com/f/clovers-top-surgery', 'clovers', 'NAME');
    hidden('storm messaged from @storm_rider_77 last night. storms snap is stormy.r.88', 'storms', 'NAME');
  });

  it('hides the word right before the identifier, before "the" and a role, and as a clause’s subject', () => {
    hidden('sunny (@sunnyday_22 on facebook) wants a call back', 'sunny', 'NAME');
    hidden('hope the case mgr new email hope.lindqvist@cfs.ca', 'hope', 'NAME');
    hidden('guy sent me his new email guy.lalonde77@hotmail.com', 'guy', 'NAME');
  });

  it('keeps the same words where they are words, with the identifier hidden', () => {
    stays('hope the case goes well. my email for the forms is hope.lindqvist@cfs.ca', 'hope');
    stays('saw the ig post from @deuce_westside, the post was about the shelter', 'post');
    stays('my email is jtk.mars@gmail.com if u need it', 'my');
    stays('the summer program flyer is on fb at summer.camp.yeg', 'summer');
    stays('did the fb post go up? fb is northside.dropin', 'fb');
    stays('the wiki page link is wiki.northside.org', 'wiki');
    // A link's path names a person only on a person's site (a fundraiser, a page): an organisation's pages are words.
    stays('signed him up for summer (www.northsidecfs.ca/summer-camp) starts july', 'summer');
    // A word the handle only starts with is no subject: "Referral" of "referrals.birchmount@…"; a link's later words describe.
    stays('Referral sent to the intake team at referrals.northside@example.org today', 'Referral');
    stays('gofundme for his truck is gofundme.com/f/save-rusty-truck pls share', 'truck');
    stays('new email is welcome.home@shelter.org', 'new');
    for (const t of ['saw the ig post from @deuce_westside, the post was about the shelter', 'the summer program flyer is on fb at summer.camp.yeg']) {
      assert.ok(!deidentify(t).entities.some((e) => e.type === 'NAME'), t);
    }
  });
});

describe('handleNames: the parts a hidden identifier spells', () => {
  it('splits a handle and an email’s user at marks and digits (a link’s path: each segment’s first word), and matches a part, a first part’s start or an s-form', () => {
    const text = 'x @dawn_moloka22 y momo.k@mail.com z https://gofundme.com/f/clovers-top';
    const at = (s: string) => text.indexOf(s);
    const h = handleParts(text, [
      { start: at('@dawn'), end: at('@dawn') + 15, type: 'HANDLE' },
      { start: at('momo'), end: at('momo') + 15, type: 'EMAIL' },
      { start: at('https'), end: text.length, type: 'URL' },
    ])!;
    assert.deepEqual([...h.parts].sort(), ['clovers', 'dawn', 'momo', 'moloka'].sort());
    assert.equal(spelledBy(h, 'dawn'), 'part');
    assert.equal(spelledBy(h, 'mo'), 'start');
    assert.equal(spelledBy(h, 'clover'), 'start');
    assert.equal(spelledBy(h, 'loka'), undefined);
    assert.equal(spelledBy(h, 'the'), undefined);
    assert.equal(spelledBy(h, 'clovers'), 'part');
    assert.equal(spelledBy(h, 'gofundme'), undefined);
    assert.equal(handleParts('no handle', [{ start: 0, end: 2, type: 'NAME' }]), undefined);
  });
});
