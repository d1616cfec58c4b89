/**
 * Hand-kept word lists. They are small on purpose: the large dictionaries (names, English words)
 * come from npm packages in dictionaries.ts; these lists hold the domain knowledge.
 */

import { keepList } from './keepList';

const words = (s: string): Set<string> => new Set(s.trim().split(/\s+/).map((w) => w.toLowerCase()));

/**
 * Weekdays, months and the days said by their nearness: one list of each for every rule that reads them (KEEP below,
 * address.ts, messyPatterns.ts). A weekday or a month alone stays (patterns.ts), and none names a street or a place.
 */
export const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
/** The weekdays' short forms ("tues", "thurs"). */
export const WEEKDAYS_SHORT = ['mon', 'tue', 'tues', 'wed', 'thu', 'thur', 'thurs', 'fri', 'sat', 'sun'];
/** The short forms as SMS writes them too ("weds"). */
export const WEEKDAYS_SMS = [...WEEKDAYS_SHORT, 'weds'];
/** The weekdays in French and Spanish, with and without accents, as notes that mix the languages write them. */
export const WEEKDAYS_FR_ES = 'lundi mardi mercredi jeudi vendredi samedi dimanche lunes martes miercoles miércoles jueves viernes sabado sábado domingo'.split(' ');
export const NEAR_DAYS = ['today', 'tomorrow', 'yesterday', 'tonight'];
export const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
/** `words` as a regex's alternatives ("monday|tuesday|…"). */
export const oneOf = (ws: readonly string[]): string => ws.join('|');

/** Clinically useful words that must survive even when capitalised or found in a name list. */
export const KEEP = words(`
  fentanyl carfentanil fent suboxone subs sublocade methadone metadol naloxone narcan kadian
  buprenorphine bupe probuphine morphine hydromorphone dilaudid oxycodone oxycontin oxy oxys percocet percs
  heroin cocaine coke crack meth methamphetamine crystal tina molly mdma ecstasy ketamine ghb lsd
  benzo benzos benzodiazepine xanax ativan valium klonopin clonazepam lorazepam alprazolam etizolam
  xylazine tranq nitazene nitazenes gabapentin lyrica pregabalin seroquel quetiapine vivitrol naltrexone
  acamprosate campral antabuse disulfiram tramadol codeine tylenol advil kratom cannabis marijuana weed
  alcohol booze vodka whisky whiskey beer wine nicotine vape tobacco adderall ritalin dexedrine vyvanse
  aa na ca ma sa smart recovery celebrate dharma refuge twelve step steps sponsor sponsee big book
  camh rehab detox osat oat omt iopat ssp nsp spa sis ops cts
  trust bridging engagement connection stage stages stall stalled precontemplation contemplation
  preparation action maintenance relapse recovery harm reduction
  ${WEEKDAYS.join(' ')} ${WEEKDAYS_SHORT.join(' ')}
  ${MONTHS.join(' ')}
  jan feb mar apr jun jul aug sep sept oct nov dec
  ${NEAR_DAYS.join(' ')} morning afternoon evening night weekend christmas easter thanksgiving
  happy sad angry anxious scared afraid hopeful hopeless lonely ashamed proud tired
  psw psws ed er icu ems ot pt rn np md cm cw sw ow ok okay hi hey thanks
  god jesus lord buddha allah
  canada canadian america american english french
  i i'm i've i'd i'll
`);
// The domain keep-list in content/deid-keep.json adds its single words.
for (const w of keepList().words) KEEP.add(w);

/**
 * Everyday words of other languages (round 25: the keep-list's groups scoped "other-language" — thanks, greetings, yes
 * and no, Haitian Creole and Hmong words — none a name any list holds): no model asks about them (classifier/features.ts
 * lists them with the keep-list) and a lone name span of one is given back where no place or person cue stands before
 * it (wordsInPlace.ts). Not keep-list words: a place may be named by one ("karibu centre", "the kenbe shelter").
 */
export const OTHER_LANGUAGE: ReadonlySet<string> = keepList().scoped.get('other-language') ?? new Set<string>();

/** Surnames that are things, colours or sizes first ("hall is booked", "black is her colour"). */
export const THING_SURNAMES = words(`black brown green long short hall wall price bell lane page rock forest cliff glen`);
/** Surnames among AMBIGUOUS_NAMES ("hunter", "mason", "king"): THING_SURNAMES and more; messy.ts does not ask about them alone. */
export const SURNAME_WORDS = new Set([
  ...THING_SURNAMES,
  ...words(`
  young white mason baker cook miller taylor carter fisher hunter
  porter tucker walker marshal marshall ward king stone reed dale
`),
]);

/** Given names that are also ordinary English words (and SURNAME_WORDS): a name only with supporting context. */
export const AMBIGUOUS_NAMES = new Set([
  ...SURNAME_WORDS,
  ...words(`
  will hope grace faith joy may june april august mark bill art pat rose dawn sunny crystal amber ruby
  summer autumn angel brandy candy chase destiny dusty rich sky miles rob sue ray sage star honey
  pearl iris ivy lily violet daisy heather holly jade jewel kitty lucky gene frank jack don dean guy penny
  patience prudence charity mercy trust bliss earl duke major sterling drew wade carol robin
  river storm rain bud buck chip chuck cole nick sandy misty ginger
  brook brooke barb dot gail gale fay hazel olive bo al ed van sol
  sharon christian justice harmony melody journey cash
  max rusty sonny buddy champ ace blaze lance dash colt ranger precious unique peace love
  winter story bear
`),
]);

/**
 * Mail providers typed after "at" with no domain ending ("rkaur99 at ymail"): the big webmails and the Canadian
 * ISPs' mail. One list for the detector (messyPatterns.ts) and its gate (deidentify.ts).
 */
export const MAIL_PROVIDERS = `gmail googlemail hotmail yahoo ymail rocketmail outlook icloud live msn aol protonmail proton
  shaw telus rogers sympatico bell videotron cogeco eastlink sasktel mts gmx hushmail zoho yandex`.trim().split(/\s+/);

/** The short titles a note types before a name or a single letter ("mrs deh", "ms. p"): messy.ts TITLE_LETTER, wordsInPlace.ts TITLE_BEFORE. */
export const SHORT_TITLES = ['mr', 'mrs', 'ms', 'miss', 'mx', 'dr'];
/** Honorifics that start a name. */
export const TITLES = words(`${SHORT_TITLES.join(' ')} prof sr sra srta mme mlle herr frau sir madam dame sgt cst cpl det insp lt capt`);

/** Lower-case particles that may sit inside a name ("Juan de la Cruz", "van der Berg"). */
export const NAME_PARTICLES = words(`ten ter de la del della der den van von da das dos di du le bin ibn al el y`);

/** Street types (English and the common continental forms). */
export const STREET_TYPES = words(`
  street st str strasse straße avenue ave av avda avenida road rd drive dr lane ln way boulevard blvd bd
  court ct crescent cres place pl terrace terr ter circle cir highway hwy route rte parkway pkwy square sq
  trail trl row close gardens gate grove hill heights park plaza alley expressway freeway turnpike tpke
  bridge cliffs creek point port pike run walk wharf loop bend crossing commons mews quay esplanade
  rue chemin boul via viale piazza corso rua travessa calle carrera plaza paseo camino
  ul ulica aleja al platz gasse weg allee ring laan straat plein vej veien gata gatan gade tie katu kuja
  tér út utca u körút odos leoforos union extension extensions pass ports mall centre estate estates
`);

/** Suffixes that mark a single-word continental street name ("Koskikatu", "Skoanveien"). */
export const STREET_SUFFIX = /(?:katu|kuja|tie|polku|veien|vegen|vägen|väg|gränd|stræde|stien|vegur|vej|gata|gatan|gade|straße|strasse|str\.|weg|laan|straat|gasse|allee|platz|utca|ulica)$/i;

/** Unit words that continue an address ("Apt. 864", "Suite 977"). */
export const UNIT_WORDS = /^(?:apt|apartment|suite|ste|unit|unité|bldg|building|floor|fl|room|rm|box|po box|p\.o\. box)\.?$/i;

/** Words that make a capitalised phrase a facility name. */
export const FACILITY_WORDS = words(`
  hospital hospitals clinic clinics centre center shelter shelters mission detox infirmary sanatorium
  hostel house lodge manor residence institute hospice health healthcare
`);

/** Context words before a number, mapped to the type they reveal. Checked nearest-first. */
export const NUMBER_CONTEXT: Array<[RegExp, import('./types').EntityType]> = [
  [/\b(?:health[- ]?card|ohip|hcn|phn|ramq|ahcip|msp|care ?card|health (?:card )?(?:number|no\.?|#)|health insurance)\b/i, 'HEALTH_CARD'],
  [/\b(?:mrn|medical record|med rec|chart|file|patient (?:id|number|no\.?|#)|record (?:number|no\.?|#)|case (?:number|no\.?|#)|client (?:id|file|number))\b/i, 'MRN'],
  [/\b(?:sin|social insurance)\b/i, 'SIN'],
  [/\b(?:ssn|social security|soc\.? sec\.?)\b/i, 'SSN'],
  [/\b(?:credit|debit|visa|mastercard|amex|american express|discover|card)\b/i, 'CREDIT_CARD'],
  [/\b(?:iban)\b/i, 'IBAN'],
  [/\b(?:passport)\b/i, 'PASSPORT'],
  [/\b(?:licen[cs]e plate|plates?|tag number)\b/i, 'PLATE'],
  [/\b(?:driver'?s? ?licen[cs]e|driving licen[cs]e|licen[cs]e|dl)\b/i, 'DRIVER_LICENCE'],
  [/\b(?:account|acct|routing|transit|bank)\b/i, 'ACCOUNT'],
  [/\b(?:zip|zipcode|zip code|postal code|postcode|post code)\b/i, 'POSTAL_CODE'],
];
