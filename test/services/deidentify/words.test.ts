import assert from 'node:assert/strict';
import { blank, factsOf, MARK, ownerMarked, plainLetters, possessive, stemEnd, stemLength, Token, withoutPossessive, wordsOf } from '../../../services/deidentify/words';
import { tokenize } from '../../../services/deidentify/classifier/features';

describe('deidentify: words (one tokenisation shared by messyNames and the classifier)', () => {
  it('finds words joined by apostrophes and hyphens, and numbers, with their offsets', () => {
    const text = "Met anne-sophie's mom at 10, she’d called Zoë twice";
    const toks = wordsOf(text);
    assert.deepEqual(
      toks.map((t) => [t.raw, t.start, t.end, t.word]),
      [
        ['Met', 0, 3, true],
        ["anne-sophie's", 4, 17, true],
        ['mom', 18, 21, true],
        ['at', 22, 24, true],
        ['10', 25, 27, false],
        ['she’d', 29, 34, true],
        ['called', 35, 41, true],
        ['Zoë', 42, 45, true],
        ['twice', 46, 51, true],
      ],
    );
    for (const t of toks) assert.equal(text.slice(t.start, t.end), t.raw);
    assert.equal(toks[1]!.lower, "anne-sophie's");
  });

  it('keeps the last text only: the same text gets the same list, another text its own', () => {
    const a = wordsOf('texted rusty at noon');
    assert.equal(wordsOf('texted rusty at noon'), a, 'the second reader of a text gets the list already made');
    assert.equal(tokenize('texted rusty at noon'), a, "the classifier's tokenize is the same list");
    const b = wordsOf('met dawn');
    assert.notEqual(b, a);
    assert.deepEqual(b.map((t) => t.raw), ['met', 'dawn']);
    assert.ok(b[0] instanceof Token);
  });

  it("gives messyNames the words its own regex found (the letters' tokens, numbers left out)", () => {
    const MESSY = /\p{L}[\p{L}\p{M}]*(?:['’-]\p{L}[\p{L}\p{M}]*)*/gu;
    for (const text of ['apt 4c 1210 98 st nw w/ his cousin', "rr 3 site 2 box 9, t5k2j1 o'neil-smith", '١٢ abc٣def 4ever 2moro', 'İstanbul ΣΟΦΙΑ 7 naïve']) {
      const theirs = [...text.matchAll(MESSY)].map((m) => [m[0], m.index]);
      const ours = wordsOf(text)
        .filter((t) => t.word)
        .map((t) => [t.raw, t.start]);
      assert.deepEqual(ours, theirs, text);
    }
  });

  it('tells a gap of spaces and tabs as /^[ \\t]+$/ does, without a string made (every gap of a text, offsets past its end too)', () => {
    for (const text of ['a  b', 'a\tb', 'a\n b', 'ab', 'a, b', ' \t ', 'a\u00a0b']) {
      for (let from = 0; from <= text.length + 1; from++) {
        for (let to = 0; to <= text.length + 2; to++) assert.equal(blank(text, from, to), /^[ \t]+$/.test(text.slice(from, to)), `${JSON.stringify(text)} ${from}-${to}`);
      }
    }
  });

  it('tells a word of ASCII letters only (one run of letters, same length lower-cased)', () => {
    for (const w of ['dawn', 'Royal', 'ZZ']) assert.equal(plainLetters(w), true, w);
    for (const w of ["o'neil", 'anne-sophie', 'Zoë', 'İstanbul', 'ab1', '`', '@', '[']) assert.equal(plainLetters(w), false, w);
  });

  it('tells the gates what the regexes they replace would (all ASCII, digits, capitals A-Z, marks), on random texts', () => {
    const alphabet = ['a', 'Z', 'M', '0', '9', '5', ' ', '/', ':', '@', '.', '_', '-', '＠', '．', '[', '`', '{', '~', '\u007F', '\u0080', 'é', '７', '\u200B', '\uD83D', '\uDE00', 'Ω'];
    let seed = 13;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
    for (let k = 0; k < 3000; k++) {
      let text = '';
      for (let n = next() % 12; n > 0; n--) text += alphabet[next() % alphabet.length];
      const f = factsOf(text);
      assert.equal(f.ascii, !/[\u0080-\uFFFF]/.test(text), text);
      assert.equal(f.digits, text.match(/\d/g)?.length ?? 0, text);
      assert.equal(f.capitals, text.match(/[A-Z]/g)?.length ?? 0, text);
      assert.equal(f.smalls, text.match(/[a-z]/g)?.length ?? 0, text);
      const marks = { digit: /\d/.test(text), at: text.includes('@'), dot: text.includes('.'), colon: text.includes(':'), underscore: text.includes('_'), slash: text.includes('/'), hyphen: text.includes('-') };
      for (const [mark, held] of Object.entries(marks)) assert.equal((f.marks & MARK[mark as keyof typeof MARK]) !== 0, held, `${mark} in ${text}`);
      assert.equal(factsOf(text), f, 'kept for the last text');
    }
  });

  it('tells the age and date gates whether a whole number reads 90-129 and whether a digit has an ordinal letter after it or a letter before it, on random texts', () => {
    const alphabet = ['1', '2', '9', '0', '3', ' ', 's', 'T', 'n', 'r', 'h', 'x', '-', '٣', '７', 'é'];
    let seed = 15;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
    let old = 0;
    let ordinal = 0;
    for (let k = 0; k < 5000; k++) {
      let text = '';
      for (let n = next() % 10; n > 0; n--) text += alphabet[next() % alphabet.length];
      const f = factsOf(text);
      assert.equal(f.oldNumber, /(?<!\d)(?:9\d|1[0-2]\d)(?!\d)/.test(text), text);
      assert.equal(f.ordinal, /\d[snrt]/i.test(text), text);
      assert.equal(f.letterDigit, /[a-z]\d/i.test(text), text);
      if (f.oldNumber) old++;
      if (f.ordinal) ordinal++;
    }
    assert.ok(old > 100 && ordinal > 300, `${old} ${ordinal}`);
    assert.equal(factsOf('she is 95').oldNumber, true);
    assert.equal(factsOf('room 101 at 3rd').oldNumber, true);
    for (const t of ['age 89', '130 bucks', '1995', 'x950', '9', '2 of 10']) assert.equal(factsOf(t).oldNumber, false, t);
    assert.equal(factsOf('the 3RD').ordinal, true);
    assert.equal(factsOf('3 st').ordinal, false);
    assert.equal(factsOf('t5k 2j1').letterDigit, true);
    assert.equal(factsOf('room 5, 2 kids').letterDigit, false);
  });

  it('tells the bare-day and address gates whether a digit follows "e " in either case (as /e \\d/ reads), how many runs of digits a text holds and whether a space follows a number, as a house number needs, on random texts', () => {
    const alphabet = ['e', 'E', 'é', ' ', ' ', '\u00a0', '1', '1', '٣', 't', '\n', '-', '.'];
    let seed = 17;
    // The generator's high bits: its low ones cycle too soon to put "e", " " and "1" side by side.
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return Math.floor(seed / 65536);
    };
    let held = 0;
    for (let k = 0; k < 5000; k++) {
      let text = '';
      for (let n = next() % 12; n > 0; n--) text += alphabet[next() % alphabet.length];
      const f = factsOf(text);
      assert.equal(f.theDigit, /e \d/i.test(text), JSON.stringify(text));
      assert.equal(f.numbers, (text.match(/[0-9]+/g) ?? []).length, JSON.stringify(text));
      assert.equal(f.numberSpace, /[0-9][A-Za-z0-9-]* /.test(text), JSON.stringify(text));
      if (f.theDigit) held++;
    }
    assert.ok(held > 50, `${held}`);
    assert.equal(factsOf('see u on THE 12').theDigit, true);
    assert.equal(factsOf('74678 midtvollen 130').numbers, 2);
    assert.equal(factsOf('room 5٣').numbers, 1);
    for (const t of ['12 main st', '45-B Birch', '3rd floor']) assert.equal(factsOf(t).numberSpace, true, t);
    for (const t of ['room 12', 'at 5:30.', 'call 555-1234\nthx', '12,main']) assert.equal(factsOf(t).numberSpace, false, t);
    for (const t of ['the\u00a012', 'the12', ' 1', 'room 5, the\n2nd']) assert.equal(factsOf(t).theDigit, false, t);
  });

  it("gives each token its word's lower case, kept once per word for every text, outside ASCII too", () => {
    const texts = ['Met DAWN and Zoë', 'dawn met ZOË at İstanbul Rd', 'ANNE-SOPHIE’S mom', "anne-sophie's MOM"];
    for (let round = 0; round < 2; round++) {
      for (const text of texts) for (const t of wordsOf(text)) assert.equal(t.lower, t.raw.toLowerCase(), `${t.raw} in ${text}`);
    }
    assert.equal(wordsOf('İstanbul')[0]!.lower.length, 9, 'a capital İ lower-cases to two units, as toLowerCase() gives');
    assert.equal(new Token(0, 4, 'DAWN').lower, 'dawn', 'a token made alone');
  });

  it("reads the possessive 's or ’s off a word, as typed, and leaves every other ending", () => {
    for (const w of ["sam's", 'sam’s', "Jolene's", "'s"]) assert.equal(possessive(w), true, w);
    // Capital S, an apostrophe alone, a plural, a contraction: no possessive.
    for (const w of ["SAM'S", "sam'", 'sams', "she'd", 's', '']) assert.equal(possessive(w), false, w);
    assert.equal(withoutPossessive("sam's"), 'sam');
    assert.equal(withoutPossessive('tala’s'), 'tala');
    assert.equal(withoutPossessive("SAM'S"), "SAM'S");
    assert.equal(withoutPossessive('talas'), 'talas');
    assert.equal(stemLength("sam's"), 3);
    assert.equal(stemLength('sams'), 4);
  });
  it("ends a name's placeholder before its possessive, in any case (round 23: one rule for every stage)", () => {
    assert.equal(stemEnd(new Token(4, 9, "sam's")), 7);
    assert.equal(stemEnd(new Token(4, 9, 'SAM’S')), 7);
    assert.equal(stemEnd(new Token(4, 8, 'sams')), 8);
    assert.equal(stemEnd({ end: 9, lower: "jo's" }), 7);
  });
  it("marks a word that owns the next: a possessive or an owner's bare apostrophe, as /['’]s?$/ did", () => {
    for (const w of ["sam's", 'sam’s', "james'", 'james’', "'"]) assert.equal(ownerMarked(w), true, w);
    for (const w of ['sams', "she'd", "SAM'S", 'james', '']) assert.equal(ownerMarked(w), false, w);
  });
});
