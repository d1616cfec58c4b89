// Round 14 of ids and numbers (issue 13): an id's own letters, ages over 89 as phones type them, emails with a
// country's domain — each rule with text it must hide and the everyday numbers and words in the same slot that stay.
// Every value is invented.
import { hidden, stays } from '../../helpers/deidentify';

describe('deidentify: ids with their own letters', () => {
  it('letters, a hyphen and digit groups go whole, label or not, in any case', () => {
    hidden('the worker said her file is KFS-204-3317 now', 'KFS-204-3317');
    hidden('his claim, WB-2026-004418, went in monday', 'WB-2026-004418');
    hidden('dad client number changed to qm-730215, office emailed', 'qm-730215');
    hidden('Her provider number is R-556102.', 'R-556102');
    hidden('Her B-number is B-318-220-947.', 'B-318-220-947');
  });
  it('capitals glued to the digits, or a space between them', () => {
    hidden('she has a medicaid id of VP55012Q, bring it', 'VP55012Q');
    hidden('her case number is HRB 66109254 for the form', 'HRB 66109254');
    hidden('report for him done, # PDQ 26-330871. now the bank', 'PDQ 26-330871');
    hidden('wic id NJ-WIC 5520817, she wanted me to save it', 'NJ-WIC 5520817');
    hidden('a # C 318-229-604 at the detention centre', 'C 318-229-604');
  });
  it("a health card's nine digits with a version letter, and a masked SSN", () => {
    hidden('his medicaid # is 811 330 274 K he keeps askin', '811 330 274 K');
    hidden('on Medicaid now, number 733-605-118-R, so he can go', '733-605-118-R');
    hidden('SSA # on file xxx-xx-4471 for the appeal', 'xxx-xx-4471');
  });
  it('counts, rooms, money, years, doses, times and bus routes in the same slot stay', () => {
    stays('moved to room 123456 lol no room 12', 'room');
    stays('PAID 150000 FOR THE HOUSE', 'PAID');
    stays('FY 2025-2026 budget came in', '2025-2026');
    stays('covid-19 shot at 10:30 then bus 95 home', '95');
    stays('took 2 x 500mg, ei 1200 a month', '1200');
    stays('she got the T2201 form signed', 'T2201');
    stays('I-95 south was closed', 'I-95');
    stays('A 12345 step day lol', '12345');
  });
});

describe('deidentify: ages over 89 as phones type them', () => {
  it('a pronoun without its apostrophe, "she be", "turnin", "at the age of"', () => {
    hidden('opa fell again, not hurt. hes 94 and still shovels', '94', 'AGE');
    hidden('miss lou bday sat, shes 91 and booked', '91', 'AGE');
    hidden('golden lol her real name, she 93, sharp sharp', '93', 'AGE');
    hidden('her bday 4/2 she be 101!!! party at the hall', '101', 'AGE');
    hidden('omg she turnin 95 n still sharp', '95', 'AGE');
    hidden('passed away on a Sunday at the age of 96. The family asks for prayers.', '96', 'AGE');
  });
  it('"97 years" alone, "At 99, …", and a number ending a clause after a word and a comma', () => {
    hidden('mme roy, white hair, 97 years, and she still dances', '97', 'AGE');
    hidden('At 99, Edna still heats with wood.', '99', 'AGE');
    hidden('my client now, cree, 92. she tells me stories', '92', 'AGE');
    hidden('Mr. Ilias ("Pappou Ilias"), 98, has a cough.', '98', 'AGE');
  });
  it('a number right after a name found, then a birthday word, "lol", "still" or the clause end', () => {
    hidden('gwendolyn 94 today!! cake at the hall', '94', 'AGE');
    hidden('mr takahashi 96 today, staff bringing sushi', '96', 'AGE');
    hidden('winnifred 93 lol still sharp, won at cards', '93', 'AGE');
  });
  it('a kin word after the name before the number (round 21: the keep-list\'s kin words after a name)', () => {
    hidden('visited rukhsana khala 93 lol she still cooks', '93', 'AGE');
    hidden('ilona neni 96 still bakes her own bread', '96', 'AGE');
    hidden('took sumathi aunty 91, her son came', '91', 'AGE');
    stays('gave marta aunty 100 bucks for food', '100');
  });
  it('another number from 90 beside an age found is that age again or corrected', () => {
    hidden('real name ramdaye, 93 no 94, she laughs', '94', 'AGE');
    hidden('mr ng is 90? no 95, he say 95 lol he proud', '95', 'AGE');
    hidden('delphine is 99!!! 100 in march. family planning a party', '100', 'AGE');
    hidden('agnes n alma twins, 90 today!!! party at the hall', '90', 'AGE');
  });
  it('beside an age, doses, streets, bus routes, rooms and money stay', () => {
    stays('shes 94, takes 100 mg at night', '100');
    stays('shes 94, the 118 bus was late', '118');
    stays('hes 96, took bus 95 to the clinic', '95');
    stays('hes 96, moved to room 101 today', '101');
    stays('shes 92, paid 100 for the cab', '100');
  });
  it('spans of time, money, counts, doses, percentages, bus routes and saturation stay', () => {
    stays('the family has been in the north end for 100 years, everybody knows them', '100');
    stays('gave joe 100 bucks for groceries', '100');
    stays('he is 95 % sure the cheque came', '95');
    stays('she took 100 mg at 9', '100');
    stays('called mary 95 times today lol', '95');
    stays('his sats were 92 on room air, she is 45', '92');
    stays('bus 95 was late again', '95');
  });
});

describe('deidentify: obfuscated emails with a country domain or "point"', () => {
  it('"dot pl", "dot com dot hk", "point ca", "(at) … (dot)" with a name before it', () => {
    hidden('texted frm olga.w.1970 at wp dot pl bc her cell is dead', 'olga.w.1970 at wp dot pl', 'EMAIL');
    hidden('ka-yan email is kayan.lee at yahoo dot com dot hk', 'kayan.lee at yahoo dot com dot hk', 'EMAIL');
    hidden('email mf.tremblay at videotron point ca for the forms', 'mf.tremblay at videotron point ca', 'EMAIL');
    hidden('email edith at edie_k41 (at) yahoo (dot) com abt the ride', 'edie_k41 (at) yahoo (dot) com', 'EMAIL');
  });
  it('prose with "at", "point" and "dot" stays', () => {
    stays('meet at the point at 3 by the river', 'point');
    stays('she is at home dot no wait she left', 'home');
  });
});

describe('deidentify: handles without "@"', () => {
  it('dotted user names ending in a number, after "from", or after a platform named before "is"', () => {
    hidden('her handle on Facebook is mara.teo.417; she prefers messages there', 'mara.teo.417', 'HANDLE');
    hidden('she texted from joellen.kay88, her phone cut off again', 'joellen.kay88', 'HANDLE');
    hidden('Writer got a message on Facebook from daviana.ruiz stating she is a cousin', 'daviana.ruiz', 'HANDLE');
  });
  it('times, abbreviations, titles, files and web addresses stay what they are', () => {
    stays('see you at 3 p.m. ok', 'p.m');
    stays('she got the letter from dr.smith yesterday', 'dr');
    stays('printed it from notes.pdf for her', 'notes');
    stays('her handle on Facebook is private', 'private');
  });
});

describe('deidentify: plates with their province or state code and a last group typed apart', () => {
  it('the code before and the group after go with the plate', () => {
    hidden('plate for the group van is SK JRT 448 if u need it for the form', 'SK JRT 448', 'PLATE');
    hidden('he said the cops took his truck, plate was NT 61 902', 'NT 61 902', 'PLATE');
    hidden('plate on the truck WY 551 KTB, he wants it back b4 work', 'WY 551 KTB', 'PLATE');
  });
  it('a word in capitals after a plate, and prose around plates, stay', () => {
    stays('plate on the truck CKZ 2210 AND the van too', 'AND');
    stays('van plate BKT 552 LOL he forgot it', 'LOL');
    stays('the ON 12 bus was late, plate of food for her', 'ON');
  });
});

describe('deidentify: a web address with a path after "at", and SNAP the benefit', () => {
  it('"it\'s at site.com/path" is a URL, whole; an id after SNAP in capitals goes with its letters', () => {
    hidden("share the fundraiser, it's at gofundme.com/f/okafor-family-rent", 'gofundme.com/f/okafor-family-rent', 'URL');
    hidden('the form is at bchousing-apply.ca/form/55102 for her', 'bchousing-apply.ca/form/55102', 'URL');
    hidden('help with her SNAP recertification. Her case number is SNAP 0061842.', 'SNAP 0061842');
  });
  it('"SNAP" in capitals is no Snapchat handle; an email typed with "at" stays an email', () => {
    stays('help with her SNAP recertification today', 'recertification');
    hidden('email mo at gmail.com for the forms', 'mo at gmail.com', 'EMAIL');
  });
});
