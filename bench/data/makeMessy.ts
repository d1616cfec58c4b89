/**
 * Builds bench/data/messy-dev.jsonl and bench/data/messy-test.jsonl: labelled notes typed the way PSWs type on a
 * phone after a visit, in four registers (careful note, casual, all lower case, SMS). Dev and test draw on
 * DIFFERENT name pools, values and templates, so test figures say how the de-identifier does on names and
 * sentences it was not tuned on. Every identifier is invented. Seeded: the files are stable across runs.
 * Run: npx tsx bench/data/makeMessy.ts
 */
import fs from 'node:fs';
import path from 'node:path';

export type Register = 'careful' | 'casual' | 'lower' | 'sms';
export const REGISTERS: Register[] = ['careful', 'casual', 'lower', 'sms'];

interface Span { start: number; end: number; type: string; hipaa: string }
interface Person { first: string; last: string; nick?: string }

const HIPAA: Record<string, string> = {
  PERSON: 'A_NAMES', STREET_ADDRESS: 'B_GEOGRAPHIC', ZIP_CODE: 'B_GEOGRAPHIC', FACILITY: 'B_GEOGRAPHIC', DATE_TIME: 'C_DATES',
  AGE: 'C_AGE_OVER_89_ONLY', PHONE_NUMBER: 'D_PHONE', EMAIL_ADDRESS: 'F_EMAIL', MRN: 'H_MRN', HEALTH_CARD: 'I_HEALTH_PLAN',
  ID: 'J_ACCOUNT', PLATE: 'L_VEHICLE', HANDLE: 'R_OTHER', URL: 'N_URL',
};

/** Name pools: dev and test share no name. Each mixes many origins and names that are also words. */
const PEOPLE: Record<'dev' | 'test', { first: string[]; last: string[]; wordNames: string[]; nicks: string[]; initials: string[] }> = {
  dev: {
    first: ['Kateri', 'Nokomis', 'Anne-Sophie', 'Mathieu', 'Oksana', 'Deshawn', 'Rupal', 'Jaspreet', 'Wei', 'Hiroshi', 'Chidi', 'Amara', 'Youssef', 'Fatima', 'Bogdan', 'Katarzyna', 'Alejandro', 'Guadalupe', 'Tyler', 'Siobhan', 'Thi Lan', 'Kwame', 'Priyanka', 'Marie-Eve', 'Dmitri', 'Ximena', 'Tanvir', 'Aiyana'],
    last: ['Cardinal', 'Bearspaw', 'Tremblay', 'Gagnon', 'Kovalenko', 'Okafor', 'Sharma', 'Sandhu', 'Zhang', 'Tanaka', 'Mensah', 'Haddad', 'Nowak', 'Moreno', 'Ramirez', 'Mackenzie', 'Nguyen', 'Petrov', 'Ouellette', 'Yellowhorse', 'Abdi', 'Chowdhury'],
    wordNames: ['Hope', 'Joy', 'Rusty', 'Grace', 'Bill', 'Mark', 'Summer', 'Destiny', 'Sunny', 'Angel'],
    nicks: ['big mike', 'lil d', 'Red', 'Shorty', 'Tiny', 'Smokey', 'Buddy'],
    initials: ['J.T.', 'R.M.', 'K.B.', 'D.J.'],
  },
  test: {
    first: ['Wapun', 'Tansi', 'Geneviève', 'Jean-Luc', 'Olena', 'Tremaine', 'Harpreet', 'Sukhdeep', 'Mei', 'Kenji', 'Ngozi', 'Abena', 'Khalid', 'Layla', 'Miroslav', 'Zofia', 'Joaquín', 'Rosalinda', 'Brandon', 'Aoife', 'Minh', 'Kofi', 'Deepika', 'Louis-Philippe', 'Vasyl', 'Itzel', 'Imran', 'Winona'],
    last: ['Whitecloud', 'Littlechild', 'Bouchard', 'Pelletier', 'Shevchenko', 'Adeyemi', 'Gill', 'Dhaliwal', 'Liu', 'Yamamoto', 'Boateng', 'Khoury', 'Wisniewski', 'Castillo', 'Gutierrez', 'Fraser', 'Tran', 'Ivanova', 'Lavoie', 'Manyfingers', 'Warsame', 'Rahman'],
    wordNames: ['Dawn', 'Faith', 'Will', 'Sky', 'Amber', 'Autumn', 'Crystal', 'Storm', 'Misty', 'Chance'],
    nicks: ['big tony', 'lil j', 'Rusty', 'Slim', 'Cookie', 'Dusty', 'Junior'],
    initials: ['A.B.', 'T.K.', 'M.L.', 'S.P.'],
  },
};

const VALUES: Record<'dev' | 'test', Record<string, string[]>> = {
  dev: {
    STREET_ADDRESS: ['apt 4c 1210 98 st nw', 'rr 3 site 2 box 9', 'po box 88', 'unit 5 44 king', '10525 109 ave', '#303 9920 jasper ave', '221 Dundas St E', '77 queen st w apt 4', '4512 118 ave nw'],
    ZIP_CODE: ['t5k2j1', 'T5H 3Y4', 'm6j 1e3', '90210-1234', 'k1n5t9'],
    DATE_TIME: ['feb 6th', '3/17', 'the 14th of june', 'jan 17', 'March 3rd', '12/04', 'oct 2nd', 'the 22nd of aug'],
    AGE: ['97', '93', '101', '91'],
    PHONE_NUMBER: ['780-555-0199', '(403) 555 0142', '7805550187', '587.555.0110', '416 555 0166'],
    MRN: ['10534', '2426', 'A44721', '778201', '3391-22'],
    HEALTH_CARD: ['1234-567-890-AB', '9876 543 210 KT', '123456789', 'ZX12345678'],
    PLATE: ['BXRT 482', 'CKZ-9921', '7ABC123'],
    FACILITY: ['the foothills', 'the mis', 'u of a hospital', 'royal alex', 'Herb Jamieson Centre', 'hope mission', 'the Bissell Centre', 'Harbour Light shelter', 'the remand centre', 'george spady detox'],
  },
  test: {
    STREET_ADDRESS: ['apt 2b 455 101 st sw', 'rr 1 site 5 box 12', 'p.o. box 412', 'unit 12 88 dundas', '6310 82 ave', '#1105 500 queen', '908 Bathurst St', '12 elm cres unit 3', '3305 17 ave se'],
    ZIP_CODE: ['t2p1j9', 'K1P 5G3', 'v6b 2w9', '10027-4411', 'h2x3y7'],
    DATE_TIME: ['apr 9th', '5/21', 'the 3rd of march', 'nov 30', 'July 4th', '09/28', 'sept 12th', 'the 1st of dec'],
    AGE: ['96', '92', '99', '104'],
    PHONE_NUMBER: ['613-555-0177', '(604) 555 0123', '6045550148', '905.555.0133', '204 555 0191'],
    MRN: ['88120', '5517', 'B90312', '661043', '4410-07'],
    HEALTH_CARD: ['4321-765-098-CD', '5566 778 899 PJ', '987654321', 'QR87654321'],
    PLATE: ['CMTV 917', 'FKP-4410', '8XYZ552'],
    FACILITY: ['the peter lougheed', 'the rockyview', 'st mikes', 'the royal vic', 'Seaton House', 'the scott mission', 'Good Shepherd Centre', 'Salvation Army Booth Centre', 'the don jail', 'renascent detox'],
  },
};

/** Labelled ids: the label stays as prose, the number is the identifier. */
const ID_LABELS: Record<'dev' | 'test', Array<[string, string]>> = {
  dev: [['client ID ', 'MRN'], ['CFS file ', 'MRN'], ['case # ', 'MRN'], ['medicaid id ', 'HEALTH_CARD'], ['ahc # ', 'HEALTH_CARD'], ['inmate no. ', 'MRN']],
  test: [['client number ', 'MRN'], ['file no ', 'MRN'], ['cas file ', 'MRN'], ['medicaid # ', 'HEALTH_CARD'], ['health card ', 'HEALTH_CARD'], ['aish file ', 'MRN']],
};

/** Words that must stay, spread through the templates: SMS words, roles, platforms, chains, programs, groups, places, medications. */
const TEMPLATES: Record<'dev' | 'test', string[]> = {
  dev: [
    'met {n1} at the dropin, talked abt her invega shot and the Ontario Works cheque',
    'texted {n1} after group, no answer yet lol',
    'her sister {w1} came with her to the pharmacy for the Suboxone carry',
    'pharmacist {w1} said the methadose dose changes on {date}',
    'her sponsor {n1} drove her to Al-Anon at the church',
    'called {n1} twice, left a msg, will try again tmrw',
    '{n1} and his mom came to the mens group, first time in weeks',
    '{i1} came by the office looking for bus tickets',
    'client {i1} (age 40) asked abt AISH forms, gave her the worker number',
    'ran into {k1} outside Tims on Whyte, he looked rough',
    'Texted {k1}, he wants to go to the Wellbriety circle on thurs',
    'saw {n1} at Walmart, then again at the food bank. {f1} is still using fent',
    'she is staying at {addr} now with her cousin',
    'new address is {addr}, postal code {zip}',
    'mailing address {addr} {zip}',
    'appt on {date} at {fac} w the nurse',
    'she has court on {date}, her worker wants me there',
    'lives with her kokum ({age}) on the rez, kokum cant walk far anymore',
    'his grandpa is {age} and still chops wood lol',
    'gave her my work cell, she gave me {phone}',
    '{idl}{idv} came up on the referral so I could book the intake',
    'email is {em}, she checks it at the library',
    'add her on insta, she is {h1}',
    'brought {n1} to {fac} for the night, they had a bed',
    '{n1} got out of {fac} on {date}, EI still not sorted',
    'went with {n1} to Dennys for breakfast, she opened up about her son',
    'her plate is {plate}, she sleeps in the car near Manitoba and Alberta border sometimes',
    '{n1} said {n2} is back in town and staying at {addr}',
    'took {n1} to get her Abilify injection, {f1} was nervous abt needles',
    'sponsor {w1} checked in by facebook, {f1} sounds good',
  ],
  test: [
    'picked up {n1} from {fac} and we went to Tim Hortons, she wants to try Narcotics Anonymous',
    'spoke w {n1} on the phone, abt her Canada Pension Plan disability forms',
    'her aunt {w1} is taking the kids this weekend while she is in detox',
    'nurse {w1} at the clinic said the Sublocade shot is booked for {date}',
    'his buddy {n1} from the mens group came along, good support',
    'tried calling {n1} 3 times, phone off. trying again friday',
    '{n1} brought her daughter to the Friendship Centre powwow',
    'ran into {i1} at McDonalds, said she got kicked out of her place',
    '{i1} (client, age 52) wants help with ODSP paperwork',
    'followed up w {k1} after the needle exchange, he was in good spirits',
    'Messaged {k1} on Facebook, she said the Smart Recovery meeting helped',
    'met {n1} by the Safeway, later {f1} texted me from a friends phone',
    'she moved to {addr} last wk, closer to the bus',
    'address on the form is {addr}, {zip}',
    'send the letter to {addr} {zip} pls',
    'her intake at {fac} is on {date}, I said I would come',
    'probation appt {date}, her PO is strict abt time',
    'she looks after her mooshum ({age}) most days',
    'his great gran is {age}, sharp as anything',
    'new number for her is {phone}, old one got cut off',
    'her {idl}{idv} is wrong on the letter, we called to fix it',
    'she said to email {em} about the housing list',
    'her tiktok is {h1}, she posts abt recovery',
    'dropped {n1} at {fac} around 9, they had one bed left',
    'they released {n1} from {fac} on {date}, no ID, no phone',
    'had coffee w {n1} at A&W, she talked about her mom for the first time',
    'his truck plate {plate} got towed from the Superstore lot in Saskatchewan',
    '{n1} told me {n2} is couch surfing at {addr}',
    'went with {n1} for the Vivitrol shot, {f1} did great',
    'her worker {w1} emailed, {f1} wants a case conference',
  ],
};

// Deterministic generator (LCG) so the files are stable.
function rng(seed: number): (n: number) => number {
  let s = seed;
  return (n) => {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    // The low bits of an LCG cycle quickly: use the high ones.
    return Math.floor((s / 2 ** 31) * n);
  };
}

/** SMS spellings for literal (non-identifier) text only; identifiers keep their value. */
const SMS: Array<[RegExp, string]> = [
  [/\byou\b/g, 'u'], [/\babout\b/g, 'abt'], [/\bwith\b/g, 'w'], [/\bthe\b/g, 'teh'], [/\btomorrow\b/g, 'tmrw'],
  [/\bbecause\b/g, 'bc'], [/\bplease\b/g, 'pls'], [/\bthanks\b/g, 'thx'], [/\bappointment\b/g, 'appt'], [/\btonight\b/g, '2nite'],
  [/\bgoing to\b/g, 'gonna'], [/\bthough\b/g, 'tho'], [/\bpeople\b/g, 'ppl'], [/\band\b/g, '&'], [/\bsomeone\b/g, 'some1'],
];

function capFirst(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export function generate(split: 'dev' | 'test', perTemplate: number, seed: number): string[] {
  const r = rng(seed);
  const pick = <T>(xs: T[]): T => xs[r(xs.length)]!;
  const pool = PEOPLE[split];
  const vals = VALUES[split];
  const out: string[] = [];
  let id = 0;
  for (const tpl of TEMPLATES[split]) {
    for (let round = 0; round < perTemplate; round++) {
      const register = REGISTERS[id % REGISTERS.length]!;
      const people: Person[] = [0, 1].map(() => ({ first: pick(pool.first), last: pick(pool.last) }));
      const word = pick(pool.wordNames);
      const nick = pick(pool.nicks);
      const init = pick(pool.initials);
      const p1 = people[0]!;
      // How person 1 is written: full name, first name alone, or first name and last initial ("rupal s.").
      const form = r(3);
      const n1 = form === 0 ? `${p1.first} ${p1.last}` : form === 1 ? p1.first : `${p1.first} ${p1.last[0]}.`;
      const first = p1.first.split(/[ -]/)[0]!;
      const handleBase = `${first.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '')}${pick(['_', '.', ''])}${p1.last.toLowerCase().slice(0, 4)}${pick(['', '88', '_x', '2'])}`;
      const em = pick([
        `${first.toLowerCase()[0]}${p1.last.toLowerCase()} at gmail dot com`,
        `${first.toLowerCase()}.${p1.last.toLowerCase()}@hotmail.com`,
        `${first.toLowerCase()}${r(90) + 10} at yahoo dot ca`,
      ]).normalize('NFD').replace(/\p{M}/gu, '');
      const [idl, idType] = pick(ID_LABELS[split]);
      const idv = pick(vals[idType === 'HEALTH_CARD' ? 'HEALTH_CARD' : 'MRN']!);
      const fill: Record<string, [string, string | null]> = {
        n1: [n1, 'PERSON'], n2: [`${people[1]!.first}`, 'PERSON'], f1: [first, 'PERSON'], w1: [word, 'PERSON'], k1: [nick, 'PERSON'],
        i1: [init, 'PERSON'], h1: [handleBase, 'HANDLE'], em: [em, 'EMAIL_ADDRESS'], idl: [idl, null], idv: [idv, idType],
        addr: [pick(vals.STREET_ADDRESS!), 'STREET_ADDRESS'], zip: [pick(vals.ZIP_CODE!), 'ZIP_CODE'], date: [pick(vals.DATE_TIME!), 'DATE_TIME'],
        age: [pick(vals.AGE!), 'AGE'], phone: [pick(vals.PHONE_NUMBER!), 'PHONE_NUMBER'], plate: [pick(vals.PLATE!), 'PLATE'], fac: [pick(vals.FACILITY!), 'FACILITY'],
      };
      let text = '';
      const spans: Span[] = [];
      let rest = tpl;
      const literal = (s: string): string => {
        if (register === 'lower') return s.toLowerCase();
        if (register === 'sms') {
          let t = s.toLowerCase();
          for (const [re, to] of SMS) if (r(3) > 0) t = t.replace(re, to);
          return t.replace(/[.,]/g, '');
        }
        return s;
      };
      const value = (s: string, type: string | null): string => {
        if (register === 'lower' || register === 'sms') return s.toLowerCase();
        if (register === 'careful' && type === 'PERSON' && !s.includes(' ') && !/\./.test(s)) return capFirst(s);
        // Casual notes capitalise names about half the time.
        if (register === 'casual' && type === 'PERSON' && r(2) === 0) return s.toLowerCase();
        return s;
      };
      for (let m = /\{(\w+)\}/.exec(rest); m; m = /\{(\w+)\}/.exec(rest)) {
        text += literal(rest.slice(0, m.index));
        let [raw, type] = fill[m[1]!]!;
        // "the 14th of june", "the foothills": the article is prose, not part of the identifier.
        if (type && /^the /i.test(raw)) {
          text += literal(raw.slice(0, 4));
          raw = raw.slice(4);
        }
        const v = value(raw, type);
        if (type) spans.push({ start: text.length, end: text.length + v.length, type, hipaa: HIPAA[type]! });
        text += v;
        rest = rest.slice(m.index + m[0].length);
      }
      text += literal(rest);
      if (register === 'careful') text = capFirst(text) + (/[.!?]$/.test(text) ? '' : '.');
      // A name found once must be hidden everywhere: the handle or email built from it is labelled in full.
      out.push(JSON.stringify({ id: `messy-${split}-${String(id++).padStart(4, '0')}`, register, text, spans }));
    }
  }
  return out;
}

if (require.main === module) {
  for (const [split, seed] of [['dev', 20261126], ['test', 90210417]] as const) {
    const lines = generate(split, 8, seed);
    fs.writeFileSync(path.join(__dirname, `messy-${split}.jsonl`), lines.join('\n') + '\n');
    console.log(`messy-${split}: ${lines.length} records`);
  }
}
