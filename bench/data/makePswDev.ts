/**
 * Builds bench/data/psw-dev.jsonl: a labelled development corpus in the register of peer-support notes.
 * Every identifier is synthetic (invented names, numbers with valid check digits where formats need them).
 * Run: npx tsx bench/data/makePswDev.ts
 */
import fs from 'node:fs';
import path from 'node:path';

type Slot = [string, string, string]; // placeholder key, label type, hipaa category

const SLOTS: Record<string, Slot> = {
  N: ['N', 'PERSON', 'A_NAMES'], P: ['P', 'PHONE_NUMBER', 'D_PHONE'], E: ['E', 'EMAIL_ADDRESS', 'F_EMAIL'],
  A: ['A', 'STREET_ADDRESS', 'B_GEOGRAPHIC'], Z: ['Z', 'ZIP_CODE', 'B_GEOGRAPHIC'], D: ['D', 'DATE_TIME', 'C_DATES'],
  G: ['G', 'AGE', 'C_AGE_OVER_89_ONLY'], S: ['S', 'CA_SIN', 'G_SSN'], U: ['U', 'US_SSN', 'G_SSN'],
  H: ['H', 'HEALTH_CARD', 'I_HEALTH_PLAN'], M: ['M', 'MRN', 'H_MRN'], W: ['W', 'URL', 'N_URL'],
  K: ['K', 'HANDLE', 'R_OTHER'], I: ['I', 'IP_ADDRESS', 'O_IP'], L: ['L', 'PLATE', 'L_VEHICLE'], F: ['F', 'FACILITY', 'B_GEOGRAPHIC'],
};

const POOLS: Record<string, string[]> = {
  N: ['Maria Lopez', 'Dwayne', 'Kateri Thomas', 'Jaspreet', 'Tyler Mackenzie', 'Nokomis', 'Siobhan', 'Ahmed Farouk', 'Brianna', 'Darnell Okafor', 'Marguerite Tremblay', 'Raj Patel', 'Yolanda', 'Connor', 'Mei Ling Chen'],
  P: ['416-555-0199', '(604) 555-0142', '+1 514 555 0187', '902.555.0110', '1-800-555-0123', '780 555 0166', '+44 20 7946 0958'],
  E: ['dwayne.k@gmail.com', 'mlopez77@hotmail.ca', 'kt.thomas@outlook.com', 'raj_p@shaw.ca'],
  A: ['221 Dundas St E, London, ON N6A 1H3', '45 Main Street', '1180 Granville St, Vancouver, BC V6Z 1L8', '77 Queen Street West, Apt 4', '3912 Elm Ave', '16 Gerrard St. E'],
  Z: ['90210', '10027', '60614'],
  D: ['March 3, 1961', '03/14/1958', '1987-02-11', 'June 12th', '12 January 1975'],
  G: ['92', '94', '101', '97'],
  S: ['046 454 286', '130-692-544', '193 456 787'],
  U: ['460-89-9847', '123-45-6789', '078-05-1120'],
  H: ['1234-567-890-AB', '9876 543 210 KT', 'LOPM 6103 1415', '9123 456 789'],
  M: ['00482913', 'A-44721', '2023-0045', 'RVH-55120'],
  W: ['https://www.facebook.com/dwayne.k.1990', 'www.gofundme.com/help-maria', 'instagram.com/kt_thomas'],
  K: ['@dwaynek90', '@mlopez_', '@kt.thomas'],
  I: ['192.168.14.22', '10.0.0.57'],
  L: ['BXRT 482', 'CKZ 9921', '7ABC123'],
  F: ["St. Michael's Hospital", 'Harbour Light shelter', 'Royal Jubilee Hospital', "Good Shepherd Centre", 'Seaton House', 'Toronto Western Hospital', 'Rideau Community Health Centre'],
};

const TEMPLATES = [
  'Met with {N} today at the drop-in. We talked about the fentanyl in the supply and she took a naloxone kit.',
  '{N} called me from {P} because the methadone pharmacy closed early.',
  'Client gave her number {P} and email {E} for appointment reminders.',
  'Drove {N} to {F} for the Suboxone induction; intake took two hours.',
  'He is staying at {A} now, off the street for the first time since spring.',
  'Her health card {H} had expired so the clinic could not see her.',
  'OHIP number {H}, chart #{M}, seen at {F} on Tuesday.',
  'MRN {M} was on the discharge papers he showed me.',
  'He asked me to help fill out the form with his SIN {S}.',
  'Her US social security number is {U}; she came up from Buffalo.',
  'Born {D}, so he is {G} years old and still comes to the Thursday group.',
  'Her mother is {G} and lives with her; DOB {D}.',
  '{N} posted about the overdose on {W} and tagged {K}.',
  'The outreach van plate was {L}, she said they followed her.',
  'Mailing address: {A}. ZIP code {Z}.',
  'Logged in from {I} when she filled out the survey.',
  'Went with {N} and {N} to the AA meeting at {F}; nobody used after.',
  'Talked with {N} about bridging to the Narcan training next week.',
  '{N} said the carfentanil batch going around is bad. I gave her Narcan and a test strip.',
  'Called {F} at {P} to ask about a bed.',
  'Her date of birth is {D} and the MRN is {M}.',
  'Followed up by text with {N} ({P}); he is at {A}.',
];

const CLEAN = [
  'We talked about trust and how hard it is to ask for help after a relapse.',
  'He has been on methadone for six months and wants to taper slowly.',
  'She used fentanyl on Friday but carried Narcan and her partner knew how to use it.',
  'Bridging went well: we walked to the clinic together on Monday morning.',
  'AA on Wednesday, NA on Saturday, and SMART Recovery when she can get a ride.',
  'Last week was hard. He felt angry, ashamed and tired, then hopeful by Sunday.',
  'Suboxone induction planned for Thursday afternoon; she is anxious about withdrawal.',
  'We practised what to say to the pharmacist about carries.',
  'He said the crystal meth keeps him awake for days and he wants to stop.',
  'No use since March. Still craving benzos at night.',
  'She got a naloxone kit and the safer supply hydromorphone was discussed with her doctor.',
  'Stage: engagement. He is coming to the drop-in twice a week now.',
  'I shared a bit of my own recovery story and he opened up after that.',
  'We went over the harm reduction supplies: test strips, Narcan, clean kits.',
  'Grace and hope came up a lot today; she says faith keeps her going.',
  'Will you check in with me tomorrow? she asked, and I said yes.',
  'He drinks vodka most mornings and uses Xanax to sleep.',
  'Relapsed on Tuesday after court. We made a plan for the weekend.',
  'She has been sober for 90 days and got her chip at the meeting.',
  'Talked about sponsor options and the Big Book study group.',
  'Kratom and gabapentin came up; he buys them online.',
  'In June she wants to start the day program; until then, weekly check-ins.',
  'He turned 45 this year and says he is tired of the cycle.',
  'Precontemplation still: not ready to talk about cutting down.',
  'Felt proud today. First time she asked for a ride to detox herself.',
  'Carfentanil and xylazine are showing up in the local supply.',
  'We talked about OAT options: methadone, Suboxone, Sublocade, and Kadian.',
  'She cried when talking about her kids; reunification is the goal.',
  'He missed two doses of methadone and felt sick by Wednesday night.',
  'Joy at the group today: three members marked one year clean.',
];

// Deterministic choice so the file is stable across runs.
let seed = 20240301;
function rand(n: number): number {
  seed = (seed * 1103515245 + 12345) % 2 ** 31;
  return seed % n;
}

const out: string[] = [];
let id = 0;
function emit(text: string, spans: Array<{ start: number; end: number; type: string; hipaa: string }>): void {
  out.push(JSON.stringify({ id: `psw-dev-${String(id++).padStart(4, '0')}`, text, spans }));
}

for (let round = 0; round < 5; round++) {
  for (const tpl of TEMPLATES) {
    let text = '';
    const spans: Array<{ start: number; end: number; type: string; hipaa: string }> = [];
    let rest = tpl;
    for (let m = /\{(\w)\}/.exec(rest); m; m = /\{(\w)\}/.exec(rest)) {
      text += rest.slice(0, m.index);
      const key = m[1]!;
      const pool = POOLS[key]!;
      const value = pool[rand(pool.length)]!;
      const [, type, hipaa] = SLOTS[key]!;
      spans.push({ start: text.length, end: text.length + value.length, type, hipaa });
      text += value;
      rest = rest.slice(m.index + m[0].length);
    }
    emit(text + rest, spans);
  }
}
for (const c of CLEAN) emit(c, []);
fs.writeFileSync(path.join(__dirname, 'psw-dev.jsonl'), out.join('\n') + '\n');
console.log(`${out.length} records`);
