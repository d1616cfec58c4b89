/**
 * Normalisation for the risk screen: one plain form for the many ways PSWs type after a visit.
 * Lower case, straight apostrophes, placeholders kept as one token ("[NAME]" → "xname"), phone typing and
 * common misspellings spelt out ("kms" → "kill myself", "narcaned" → "narcanned", "suicdal" → "suicidal"),
 * contractions expanded with or without the apostrophe ("cant", "can't" → "can not"). The lexicon's patterns
 * and the classifier's features are both written against this form.
 */

/** Whole-word replacements, applied after lower-casing. Keys are single tokens (apostrophes allowed). */
const WORDS: Record<string, string> = {
  // SMS and phone typing
  kms: 'kill myself', kys: 'kill yourself', unalive: 'kill', unalived: 'killed', unaliving: 'killing',
  rn: 'right now', idk: 'i do not know', idc: 'i do not care', tbh: '', ngl: '', fr: '', lol: '', lmao: '', omg: '', ugh: '',
  u: 'you', ur: 'your', r: 'are', ppl: 'people', pt: 'client', bf: 'boyfriend', gf: 'girlfriend', yr: 'year', yrs: 'years',
  bc: 'because', cuz: 'because', coz: 'because', cos: 'because', thru: 'through', tho: 'though', nite: 'night',
  tonite: 'tonight', tmrw: 'tomorrow', prob: 'probably', pls: 'please', sed: 'said', ems: 'paramedics', emts: 'paramedics',
  emt: 'paramedic', mins: 'minutes', min: 'minutes', fent: 'fentanyl', nalox: 'naloxone',
  // texting in fragments: joining words and short forms ("out of hosp yest n using w the door locked")
  n: 'and', w: 'with', abt: 'about', bout: 'about', smth: 'something', sth: 'something', yest: 'yesterday',
  hosp: 'hospital', wk: 'week', wks: 'weeks', str8: 'straight', alrdy: 'already', b4: 'before', rly: 'really',
  prolly: 'probably', tmr: 'tomorrow', '2nite': 'tonight', '2day': 'today', bday: 'birthday',
  // dropped g ("doin it alone", "tellin me"): only verbs a risk sentence turns on, so "within" or "cabin" are safe
  doin: 'doing', goin: 'going', sayin: 'saying', usin: 'using', takin: 'taking', buyin: 'buying', tellin: 'telling',
  talkin: 'talking', nothin: 'nothing', somethin: 'something', drinkin: 'drinking', smokin: 'smoking',
  shootin: 'shooting', cuttin: 'cutting', hittin: 'hitting', threatenin: 'threatening', followin: 'following',
  waitin: 'waiting', watchin: 'watching', sleepin: 'sleeping', lookin: 'looking', thinkin: 'thinking',
  gettin: 'getting', feelin: 'feeling', tryin: 'trying', keepin: 'keeping', makin: 'making', leavin: 'leaving',
  givin: 'giving', savin: 'saving', hidin: 'hiding', mixin: 'mixing', jokin: 'joking', kiddin: 'kidding',
  wanna: 'want to', gonna: 'going to', gotta: 'got to', tryna: 'trying to', ima: 'i am going to', imma: 'i am going to',
  finna: 'going to', dont: 'do not', doesnt: 'does not', didnt: 'did not', cant: 'can not', cannot: 'can not',
  wont: 'will not', wouldnt: 'would not', couldnt: 'could not', shouldnt: 'should not', isnt: 'is not', wasnt: 'was not',
  arent: 'are not', werent: 'were not', havent: 'have not', hasnt: 'has not', hadnt: 'had not', aint: 'is not',
  im: 'i am', ive: 'i have', hes: 'he is', shes: 'she is', theyre: 'they are', thats: 'that is', whats: 'what is',
  theres: 'there is', its: 'it is', youre: 'you are', theyve: 'they have', itll: 'it will', hed: 'he would',
  // misspellings seen in notes
  suicdal: 'suicidal', suicidial: 'suicidal', suicidle: 'suicidal', sucidal: 'suicidal', suicidel: 'suicidal', suicial: 'suicidal',
  suicde: 'suicide', sucide: 'suicide', suiside: 'suicide', suacide: 'suicide',
  overdosd: 'overdosed', overdossed: 'overdosed', overdoesed: 'overdosed', overdosded: 'overdosed', ovedosed: 'overdosed',
  ovrdose: 'overdose', oding: 'overdosing',
  narcaned: 'narcanned', narcand: 'narcanned', narcaning: 'narcanning',
  naloxoned: 'narcanned', nalaxone: 'naloxone', naloxon: 'naloxone', narcn: 'narcan',
  slef: 'self', selfharm: 'self harm', selfharming: 'self harming', selfharms: 'self harms',
  threatend: 'threatened', thretened: 'threatened', abussed: 'abused', abuseing: 'abusing', tomorow: 'tomorrow',
};

/** Every word the normaliser spells out (./vocabulary: words the classifier may read). */
export const SPELT_OUT: readonly string[] = [...new Set(Object.values(WORDS).flatMap((to) => to.split(' ')).filter(Boolean)), 'overdosed', 'overdosing', 'overdose', 'narcanned', 'self', 'harm', 'injur'];

/** Multi-token forms that need their punctuation: contractions with an apostrophe and odd spellings. */
const SPELLINGS: [RegExp, string][] = [
  [/\bo\.?d(?:'d|-d|'ed|-ed|ed)\b/g, 'overdosed'], // od'd, od-ed, oded; never "odd"
  [/\bo\.?d[' -]?ing\b/g, 'overdosing'],
  [/\boverdoes\b(?! it\b)/g, 'overdosed'], // "overdoes on fent", but "he overdoes it at the gym"
  [/\bi'?d\b(?= (?:be|rather|want|like|love|never|kill|hurt|do|go|just)\b)/g, 'i would'],
  [/\bod\b/g, 'overdose'],
  [/\bnarcan[' -]?d\b/g, 'narcanned'],
  [/\bnalox[' -]?d\b/g, 'narcanned'],
  [/\bself[- ]harm/g, 'self harm'],
  [/\bself[- ]injur/g, 'self injur'],
  [/\bw\/o\b/g, 'without'],
  [/\bw\//g, 'with '],
  [/\bb\/c\b/g, 'because'],
  [/\bcan'?t\b/g, 'can not'],
  [/\bwon't\b/g, 'will not'],
  [/\bain't\b/g, 'is not'],
  [/n't\b/g, ' not'],
  [/'m\b/g, ' am'],
  [/'re\b/g, ' are'],
  [/'ve\b/g, ' have'],
  [/'ll\b/g, ' will'],
  [/\b(i|he|she|they|we|you)'d\b/g, '$1 would'],
  [/\b([a-z]+)'d (?=be\b)/g, '$1 would '], // "world'd be quieter", "mom'd be better off"
  [/\bunalive\b(?! (?:him|her|them|me|you|my|his|their|your|the|that|a|every|any|some)\w*\b)/g, 'end it all'], // "wants to unalive": no object, the speaker's own
  [/\b(he|she|it|that|there|what|who|where|here|someone|somebody|everyone|nobody)'s\b/g, '$1 is'],
  [/\bx\s?(\d)\b/g, 'times $1'], // "naloxone x2"
];

const PLACEHOLDER = /\[([A-Z_]+)\]/g;

/**
 * The normalised form: lower case, words separated by single spaces, and sentence/clause boundaries kept
 * as " . " or " , " so context rules can stay inside a clause.
 */
export function normalise(text: string): string {
  let t = text.replace(PLACEHOLDER, (_m, type: string) => ` x${type.toLowerCase()} `);
  t = t.toLowerCase().replace(/[\u2018\u2019\u02BC\u0060\u00B4]/g, "'").replace(/[\u201C\u201D]/g, '"');
  for (const [re, to] of SPELLINGS) t = t.replace(re, to);
  // Clause marks survive as their own tokens; other punctuation becomes space.
  t = t.replace(/[.!?;]+(?=\s|$)|\n\s*\n/g, ' . ').replace(/,|:(?=\s)|\s[-–—]+\s|\(|\)/g, ' , ');
  t = t.replace(/[^a-z0-9'.,\s]/g, ' ').replace(/(^|\s)'+|'+(?=\s|$)/g, ' ');
  const out: string[] = [];
  for (const w of t.split(/\s+/)) {
    if (!w) continue;
    const bare = w.replace(/'/g, '');
    const rep = WORDS[w] ?? WORDS[bare];
    if (rep === undefined) out.push(w.includes('.') && w !== '.' ? w.replace(/\./g, '') : w);
    else if (rep) out.push(rep);
  }
  return out
    .join(' ')
    .replace(/\b(he|she|it|there|who|that|someone) is (been|got|gotten)\b/g, '$1 has $2') // "he's been", "hes got"
    .replace(/(?:[.,] )+(?=[.,](?: |$))/g, '')
    .trim();
}

/** Clauses of normalised text, for rules that must not cross a boundary. */
export function clauses(norm: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let start = 0;
  for (const m of norm.matchAll(/ [.,] ?|\bbut\b/g)) {
    out.push({ start, end: m.index });
    start = m.index + m[0].length;
  }
  out.push({ start, end: norm.length });
  return out;
}

/** Sentences of normalised text (split at " . "). */
export function sentences(norm: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let start = 0;
  for (const m of norm.matchAll(/ \. ?/g)) {
    out.push({ start, end: m.index });
    start = m.index + m[0].length;
  }
  out.push({ start, end: norm.length });
  return out;
}
