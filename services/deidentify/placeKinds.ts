/**
 * Kinds of place that end a place's name, one list for the two rules that take a kind in after a name (round 14): a
 * facility found that stops before its kind (facilityModel.ts kindEnd: "[sunridge] ltc", "[Jewish General] Hospital")
 * and a name the name rules took before its kind (namedKind.ts: "[wexmoor] family clinic", "[NAME] jr high"). Each had
 * its own list (round 12, round 13); a school, church or cemetery after a facility, a foundation or ltc after a name,
 * were each missed by one of them.
 *
 * Not a ward, department or service a place has ("[grace] er", "[aspen house] detox", "[vgh] emerg", "… unit"), which
 * the writers leave outside, nor a mall or a street's type ("court", "place"). Kinds a person has too ("house", "hall",
 * "general") are namedKind.ts's SHARED_KIND_AFTER, only after "the" or a place word.
 */

/** Words that may lead a kind of place: "family clinic", "long term care home", "community health centre". */
const LEADS = String.raw`family|community|medical|dental|health|youth|elders|seniors|native|indian|friendship|treatment|recovery|crisis|memorial|regional|general|middle|elementary|public|catholic|christian|baptist|united|lutheran|anglican|pentecostal|funeral|legal`;
/** Houses of worship, kinds of place too (namedKind.ts reads them alone: a people or a faith before one is its kind). */
export const WORSHIP_KINDS = 'church|cathedral|chapel|mosque|masjid|temple|gurdwara|synagogue|parish';
/** Kinds of place. */
const HEADS = String.raw`clinic|dialysis|hospital|hosp|infirmary|hospice|ltc|health cent(?:re|er)|medical cent(?:re|er)|cent(?:re|er)s?|ctr|shelter|hostel|lodge|manor|residence|school|high school|(?:jr|junior|senior) high|elementary|academy|college|institute|foundation|${WORSHIP_KINDS}|cemetery|care home|nursing home|elders home|(?:long[ -]term|personal|residential) care(?: home| cent(?:re|er))?|ihs|correctional|corr|penitentiary|detachment|detention cent(?:re|er)|jail|treatment cent(?:re|er)|orthodontics|services|arena`;

/** A kind of place, its leading words with it. */
export const PLACE_KIND = String.raw`(?:(?:${LEADS}) ){0,3}(?:${HEADS})`;
