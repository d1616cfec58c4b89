/**
 * Kinds of place that end a place's name, one list for the two rules that take a kind in after a name (round 14): a
 * facility found that stops before its kind (facilityModel.ts kindEnd: "[sunridge] ltc", "[Jewish General] Hospital")
 * and a name the name rules took before its kind (namedKind.ts: "[wexmoor] family clinic", "[NAME] jr high"). Each had
 * its own list (round 12, round 13); a school, church or cemetery after a facility, a foundation or ltc after a name,
 * were each missed by one of them.
 *
 * Not a ward, department or service a place has ("[grace] er", "[vgh] emerg"), which the development writers leave
 * outside (a detox or a unit after a facility found is SERVICE_KIND, round 20), nor a mall or a street's type ("court",
 * "place"). Kinds a person has too ("house", "hall",
 * "general") are namedKind.ts's SHARED_KIND_AFTER, only after "the" or a place word.
 */

/** Words that may lead a kind of place: "family clinic", "long term care home", "community health centre". */
const LEADS = String.raw`(?:first )?nations?|support|fellowship|family|community|medical|dental|health|youth|elders|seniors|native|indian|friendship|treatment|recovery|crisis|memorial|regional|general|middle|elementary|public|catholic|christian|baptist|united|lutheran|anglican|pentecostal|funeral|legal`;
/** Houses of worship whose kind is also written before the name: "gurdwara [sahib]", "masjid [al-noor]" (facilityEdges.ts KIND_FIRST). */
export const WORSHIP_FIRST = 'masjid|gurdwara';
/**
 * Round 26: kinds of place written before the name in French, Spanish and Portuguese, beside those facilityEdges.ts
 * KIND_FIRST has held since round 21: a church ("église [saint-dominique]", "iglesia [rey de gloria]", "igreja", a
 * parish, a chapel), a hospital's old name ("hôtel-dieu [des rivières]"), an institute, Quebec's health and
 * rehabilitation centres by their initials ("cisss [de laval]", "crd [bas-saint-laurent]").
 */
export const FOREIGN_KIND_FIRST = String.raw`[ée]glise|iglesia|igreja|paroisse|parroquia|capilla|chapelle|h[ôo]tel-dieu|institut|instituto|cisss|ciusss|crd`;
/** Houses of worship, kinds of place too (namedKind.ts reads them alone: a people or a faith before one is its kind). */
export const WORSHIP_KINDS = `church|cathedral|chapel|mosque|temple|synagogue|parish|${WORSHIP_FIRST}`;
/**
 * Round 20: kinds of place that the blind writers name after a hidden name about a third of the time they miss a
 * facility ("[NAME] crisis unit", "[NAME] harm reduction hub", "[NAME] drop-in", "[NAME] band office"): a unit or a
 * service with its own kind word, which the development writers mark inside the facility (a unit, hub, drop-in,
 * wellness, withdrawal management, boarding home, youth custody: 24 inside, 7 outside). Not "unit" or "ward" alone
 * (a service a place has, SERVICE_KIND), nor "program" (outside 4 times of 5).
 */
const UNIT_KINDS = String.raw`(?:crisis|stabili[sz]ation|sobering|mental health|withdrawal|detox|psych|youth|acute care|assessment) unit|withdrawal management|(?:harm reduction )?hub|wellness(?! check)|counsell?ing|drop[- ]in|boarding home|nursing station|band office|youth custody|annex|treatment court`;
/**
 * Kinds of care, of HEADS: after one, "in" says the town the care is in ("clinic in portland", towns.ts townAfterKind).
 * Deliberately no jail or school: "remand in headingley" names the jail by its town.
 */
export const CARE_KINDS = String.raw`clinic|dialysis|hospital|cent(?:re|er)|shelter|hostel|lodge`;
/** Kinds of place (the plural "centres" first, as a greedy "s?" would take it). */
const HEADS = String.raw`cent(?:re|er)s|${CARE_KINDS}|hosp|infirmary|hospice|ltc|health cent(?:re|er)|medical cent(?:re|er)|ctr|manor|residence|school|high school|(?:jr|junior|senior) high|elementary|academy|college|institute|foundation|${WORSHIP_KINDS}|cemetery|care home|nursing home|elders home|(?:long[ -]term|personal|residential) care(?: home| cent(?:re|er))?|ihs|correctional|corr|penitentiary|detachment|detention cent(?:re|er)|jail|treatment cent(?:re|er)|orthodontics|services|arena|${UNIT_KINDS}`;

/** A kind of place, its leading words with it. */
export const PLACE_KIND = String.raw`(?:(?:${LEADS}) ){0,3}(?:${HEADS})`;

/**
 * Round 20: a service a facility has, taken in after a facility found ("[aspen house] detox", "[Birchwood Mental
 * Health] Unit"): the development writers mark a detox or a unit inside the facility (detox 109 times inside, 14
 * outside; unit 7 inside, none outside), and a facility missed shows its whole name where the word taken costs one.
 * Not an er, emerg, emergency, icu, psych or ward, which they leave outside (er 58 of 63): taking those in gained one
 * facility on the development writers and cost train-by 0.08 point of over-redaction. Not a unit's number ("unit 5"),
 * nor after a name alone ("[NAME] detox": namedKind.ts).
 */
export const SERVICE_KIND = String.raw`(?:detox|unit)(?! *[#\p{N}])`;
