// Text that slipped past the detectors when deidentify() was called directly (the CLI, any caller but the bot):
// invisible characters, bidi overrides, full-width, mathematical and look-alike letters, letters for digits, phones
// in words and names spelled out letter by letter. Each is hidden now; accented words a person wrote stay as written.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { deidentify, withoutInvisible } from '../../../services/deidentify';
import { detectionView, disguisedNames, spelledPhones, toCaller } from '../../../services/deidentify/evasion';
import { hashWord, hideNames } from '../../../services/reflections/hiddenNames';
import { redactText } from '../../../services/reflections/redact';
import { hidden, kept } from '../../helpers/deidentify';

const INVISIBLE = /\u034F|[\u00AD\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/;

/** The redacted text has no invisible character and every entity's slice of the input is the hidden value. */
function hides(text: string, values: Array<[string, string]>): string {
  const r = deidentify(text);
  assert.doesNotMatch(r.redacted, INVISIBLE, `no invisible character in ${JSON.stringify(r.redacted)}`);
  const slices = r.entities.map((e) => `${e.type}:${text.slice(e.start, e.end)}`);
  for (const [type, value] of values) assert.ok(slices.includes(`${type}:${value}`), `${type} ${JSON.stringify(value)} in ${JSON.stringify(slices)}`);
  return r.redacted;
}

describe('deidentify: invisible characters and bidi controls (evasion)', () => {
  it('keeps at most 10,000 code points in its fold memos: past them it starts over, and folds as before', () => {
    // 12,000 different CJK ideographs (none folds) fill both memos past their bound: memory stays flat on any input.
    let many = '';
    for (let cp = 0x4e00; cp < 0x4e00 + 12_000; cp++) many += String.fromCodePoint(cp);
    assert.equal(detectionView(many), undefined, 'nothing in them to fold');
    assert.equal(detectionView('call Ｊｏｈｎ')?.text, 'call John', 'a full-width name still folds');
    assert.equal(detectionView('学校'), undefined, 'an ideograph met before the memo started over still reads as itself');
  });

  it('a name or phone split by zero-width, joiner, word-joiner or soft-hyphen characters is hidden whole', () => {
    assert.equal(hides('called Mar\u200Bcy Trem\u200Dblay from 780\u200B-555-0199', [['NAME', 'Mar\u200Bcy Trem\u200Dblay'], ['PHONE', '780\u200B-555-0199']]), 'called [NAME] from [PHONE]');
    assert.equal(hides('met Jo\u200Bhn at the dropin', [['NAME', 'Jo\u200Bhn']]), 'met [NAME] at the dropin');
    assert.equal(hides('met Sarah\u00ADThompson today', [['NAME', 'Sarah\u00ADThompson']]), 'met [NAME] today');
    assert.equal(hides('John\u2060Smith called', [['NAME', 'John\u2060Smith']]), '[NAME] called');
    assert.equal(hides('email j\uFEFFdoe@gmail.com', [['EMAIL', 'j\uFEFFdoe@gmail.com']]), 'email [EMAIL]');
  });

  it('a right-to-left override is read as stored and as it shows: the reversed email is found', () => {
    // "\u202Emoc.liamg@nhoj\u202C" shows as john@gmail.com.
    assert.equal(hides('write to \u202Emoc.liamg@nhoj\u202C tonight', [['EMAIL', 'moc.liamg@nhoj']]), 'write to [EMAIL] tonight');
    assert.equal(hides('met \u202EJohn\u202C at the dropin', [['NAME', 'John']]), 'met [NAME] at the dropin');
    // "\u202E41 xob 9 etis 1 rr\u202C" shows as "rr 1 site 9 box 14".
    assert.equal(deidentify('she lives at \u202E41 xob 9 etis 1 rr\u202C with her aunt').redacted, 'she lives at [ADDRESS] with her aunt');
    assert.equal(hides('met \u2067Rupal\u2069 today', [['NAME', 'Rupal']]), 'met [NAME] today');
  });

  it('the stored text carries no invisible character; what it keeps is otherwise as written, emoji joiners included', () => {
    assert.equal(deidentify('see you Thurs\u200Bday at the\u00AD dropin \u202Eok\u202C').redacted, 'see you Thursday at the dropin ok');
    assert.equal(deidentify('good visit 👨\u200D👩\u200D👧').redacted, 'good visit 👨\u200D👩\u200D👧');
    assert.equal(withoutInvisible('Mar\u200Bcy'), 'Marcy');
  });

  it('entity offsets point into the text as given, invisible characters and surrogate pairs included', () => {
    const text = '𝐉𝐨𝐡𝐧 called\u200B from 780\u200B-555-0142 at 2';
    const r = deidentify(text);
    assert.deepEqual(r.entities.map((e) => [e.type, text.slice(e.start, e.end)]), [['NAME', '𝐉𝐨𝐡𝐧'], ['PHONE', '780\u200B-555-0142']]);
    assert.equal(r.redacted, '[NAME] called from [PHONE] at 2');
  });

  it('the detection view maps each of its spans back to the caller’s characters', () => {
    const text = 'a\u200Bb Ｃd';
    const view = detectionView(text)!;
    assert.equal(view.text, 'ab Cd');
    assert.deepEqual(toCaller(view, { start: 0, end: 2, type: 'NAME' }), { start: 0, end: 3, type: 'NAME' });
    assert.deepEqual(toCaller(view, { start: 3, end: 5, type: 'NAME' }), { start: 4, end: 6, type: 'NAME' });
    assert.equal(detectionView('plain text, nothing to fold'), undefined);
    assert.equal(detectionView('Zoë and Félix and Nguyễn'), undefined);
  });
});

describe('deidentify: full-width, mathematical and look-alike letters (evasion)', () => {
  it('full-width and mathematical digits and letters no longer hide emails, phones, postal codes, addresses and dates', () => {
    assert.equal(hides('or ｊｏｈｎ＠ｇｍａｉｌ．ｃｏｍ', [['EMAIL', 'ｊｏｈｎ＠ｇｍａｉｌ．ｃｏｍ']]), 'or [EMAIL]');
    assert.equal(hides('call ７８０-５５５-０１４２ tonight', [['PHONE', '７８０-５５５-０１４２']]), 'call [PHONE] tonight');
    assert.equal(hides('postal code Ｔ５Ｋ ２Ｊ１', [['POSTAL_CODE', 'Ｔ５Ｋ ２Ｊ１']]), 'postal code [POSTAL_CODE]');
    assert.equal(hides('visit at ｕｎｉｔ ５ ４４ ｋｉｎｇ ｓｔ', [['ADDRESS', 'ｕｎｉｔ ５ ４４ ｋｉｎｇ ｓｔ']]), 'visit at [ADDRESS]');
    assert.equal(hides('born 𝟎𝟒/𝟏𝟏/𝟏𝟗𝟖𝟕', [['DATE', '𝟎𝟒/𝟏𝟏/𝟏𝟗𝟖𝟕']]), 'born [DATE]');
    hidden('met Ｊｏｈｎ at the dropin', 'Ｊｏｈｎ', 'NAME');
    hidden('met 𝐉𝐨𝐡𝐧 at the dropin', '𝐉𝐨𝐡𝐧', 'NAME');
  });

  it('Cyrillic look-alikes inside a Latin word or number are read as the Latin letters', () => {
    hidden('call 780-555-О1О2 tonight', '780-555-О1О2', 'PHONE');
    hidden('Later Sаrah Thоmpson phoned the office.', 'Sаrah Thоmpson', 'NAME');
    hidden('met Јое at the dropin', 'Јое', 'NAME');
  });

  it('marks no letter takes (strike-through, stacked "zalgo" marks) no longer split an email or a phone', () => {
    assert.equal(hides('email j\u0336doe@gmail.com', [['EMAIL', 'j\u0336doe@gmail.com']]), 'email [EMAIL]');
    assert.equal(hides('call 7\u03368\u03360-555-0142', [['PHONE', '7\u03368\u03360-555-0142']]), 'call [PHONE]');
    hidden('Later S\u0336a\u0336r\u0336a\u0336h\u0336 Thompson phoned the office.', 'S\u0336a\u0336r\u0336a\u0336h\u0336 Thompson', 'NAME');
  });

  it('digits of other scripts are digits', () => {
    hidden('her number is ٧٨٠٥٥٥٠١٤٢', '٧٨٠٥٥٥٠١٤٢');
  });

  it('ordinary accented words, full-width prose and Greek words among their own stay exactly as written', () => {
    kept('the café on Thursday was full');
    kept('cafe\u0301 on Thursday was full');
    kept('ｔｈａｎｋｓ ｆｏｒ ｔｏｄａｙ');
    kept('she said merci beaucoup, à demain');
    const greek = 'the home city ΜΟΝΗ ΑΓΙΩΝ';
    assert.equal(detectionView(greek), undefined);
    const named = deidentify('met Nguye\u0302\u0303n and Zoe\u0308 at the dropin');
    assert.equal(named.redacted, 'met [NAME] and [NAME] at the dropin');
  });
});

describe('deidentify: letters for digits, phones in words, names spelled out (evasion)', () => {
  it('a phone with en dashes or non-breaking hyphens (smart punctuation) is hidden; a dash in prose stays', () => {
    hidden('call 780–555–0142 tonight', '780–555–0142', 'PHONE');
    hidden('call 780\u2011555\u20110142 tonight', '780\u2011555\u20110142', 'PHONE');
    kept('we met 2–3 times, Monday – Friday 9–5');
  });

  it('a phone with O for zero or l/I for one is hidden', () => {
    hidden('call 780-555-O1O2 tonight', '780-555-O1O2', 'PHONE');
    hidden('her dob is Jan 5, ph 4O3 555 Ol67', '4O3 555 Ol67', 'PHONE');
    hidden('text her at +l 5l4 555 Ol87 after 5', '+l 5l4 555 Ol87', 'PHONE');
    hidden('Called the shelter at l-8OO-555-Ol23 to ask about a bed.', 'l-8OO-555-Ol23', 'PHONE');
    hidden('she gave me 587.555.OllO.', '587.555.OllO', 'PHONE');
    // A "lol" after a number is a laugh, not digits: the phone before it is hidden as it was.
    hidden('her new # is 780 555 9 0 1 2 lol typo prob', '780 555 9 0 1 2', 'PHONE');
    kept('lol');
  });

  it('a phone said in words, alone or with digits, is hidden', () => {
    assert.equal(hides('call four oh three five five five oh one four two tonight', [['PHONE', 'four oh three five five five oh one four two']]), 'call [PHONE] tonight');
    assert.equal(hides('new cell 825 five five five 0130', [['PHONE', '825 five five five 0130']]), 'new cell [PHONE]');
    assert.deepEqual(spelledPhones('seven eight oh, double five five, oh one four two').length, 1);
    hidden('appelle-la au sept huit zéro cinq cinq cinq zéro un quatre deux', 'sept huit zéro cinq cinq cinq zéro un quatre deux', 'PHONE');
    hidden('llama al siete ocho cero cinco cinco cinco cero uno cuatro dos', 'siete ocho cero cinco cinco cinco cero uno cuatro dos', 'PHONE');
  });

  it('numbers in prose, counting and short codes stay', () => {
    kept('she has two kids, five and seven');
    kept('counted one two three four five six seven');
    kept('call 911 or 988 if it gets bad');
    kept('we went two or three times, one of the days was fine');
    assert.deepEqual(spelledPhones('one or two, maybe three'), []);
  });

  it('a name spelled out after a person cue or before a person’s verb is hidden, and hidden again written whole', () => {
    assert.equal(hides('met j o h n at the dropin, john was cold', [['NAME', 'j o h n'], ['NAME', 'john']]), 'met [NAME] at the dropin, [NAME] was cold');
    hidden('texted j.o.h.n about the ride', 'j.o.h.n', 'NAME');
    hidden('texted J. O. H. N. about it', 'J. O. H. N.', 'NAME');
    hidden('j-o-h-n said he was ok', 'j-o-h-n', 'NAME');
    hidden('Mr. S m i t h called', 'S m i t h', 'NAME');
    hidden('sat w j o h n at the dropin', 'j o h n', 'NAME');
    assert.deepEqual(disguisedNames('sat w j o h n at the dropin').words, ['john']);
    assert.deepEqual(disguisedNames('w o j c i e c h came in').words, ['wojciech']);
    // Four letters or more spaced out need no cue; a second spelled word goes with the first.
    assert.equal(hides('a u t u m n is in the hospital again', [['NAME', 'a u t u m n']]), '[NAME] is in the hospital again');
    assert.equal(hides('j a m a l  s m i t h and his dad came early', [['NAME', 'j a m a l  s m i t h']]), '[NAME] and his dad came early');
  });

  it('a name with digits for letters in a person slot is hidden, and hidden again written plainly', () => {
    assert.equal(hides('met J0hn today, john was cold', [['NAME', 'J0hn'], ['NAME', 'john']]), 'met [NAME] today, [NAME] was cold');
    hidden('texted m4rcy about the ride', 'm4rcy', 'NAME');
    assert.deepEqual(disguisedNames('with ke11y at 2').words, ['keiiy', 'kelly']);
    kept('met with 2 kids and their mom at 10am');
    kept('texted b4 lunch, gr8 news about the unit');
  });

  it('letters spelled out with no person around them are left to the other detectors', () => {
    assert.deepEqual(disguisedNames('plan a b c d for the week').spans, []);
    assert.deepEqual(disguisedNames('the R.C.M.P. came by').spans, []);
    assert.deepEqual(disguisedNames('she is on O.D.S.P. now').spans, []);
    kept('options a b c d or w x y z');
    kept('plan a b c d for the week');
  });
});

describe('name memory with evasive text (evasion)', () => {
  const secret = 'test-secret-test-secret-test-secret-0000';

  it('a name the PSW asked to hide is hidden written full-width, with a look-alike letter or split by an invisible character', () => {
    const hidden = hideNames(secret, ['Storm'])!;
    for (const t of ['the ｓｔｏｒｍ kept everyone in', 'the st\u200Borm kept everyone in', 'the Ѕtorm kept everyone in']) {
      assert.equal(deidentify(t).redacted, withoutInvisible(t), 'kept without the memory');
      assert.equal(redactText(t, { secret, hidden }).text, 'the [NAME] kept everyone in');
    }
  });

  it('a name is hashed as the de-identifier reads it, so later debriefs match it however it was typed', () => {
    assert.equal(hashWord(secret, 'salt', 'Ｊｏｈｎ'), hashWord(secret, 'salt', 'john'));
    assert.equal(hashWord(secret, 'salt', 'Jоhn'), hashWord(secret, 'salt', 'john'));
    const memory = hideNames(secret, ['Storm'])!;
    // One word hashed, "john", not the fragments "Jo" and "hn".
    assert.deepEqual(redactText('met Jo\u200Bhn at the dropin', { secret, hidden: memory }).found, [hashWord(secret, memory.salt, 'john')]);
  });
});

describe('deid CLI with evasive text', () => {
  it('keeps its contract: offsets into the input line, placeholders in a text without invisible characters', function () {
    this.timeout(60000);
    const repoRoot = path.resolve(__dirname, '..', '..', '..');
    const text = 'met Jo\u200Bhn, cell ７８０-５５５-０１４２';
    const res = spawnSync(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'services/deidentify/cli.ts'), '--jsonl'], { input: `${JSON.stringify({ id: 7, text })}\n`, encoding: 'utf8', cwd: repoRoot });
    assert.equal(res.status, 0, res.stderr);
    const out = JSON.parse(res.stdout.trim()) as { id: number; redacted: string; entities: Array<{ start: number; end: number; type: string }> };
    assert.deepEqual(Object.keys(out), ['id', 'redacted', 'entities']);
    assert.equal(out.id, 7);
    assert.equal(out.redacted, 'met [NAME], cell [PHONE]');
    assert.deepEqual(out.entities.map((e) => text.slice(e.start, e.end)), ['Jo\u200Bhn', '７８０-５５５-０１４２']);
  });
});
