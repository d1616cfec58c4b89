/**
 * The two-letter codes of the US states and of Canada's provinces and territories, lower case, one list for the rules
 * that read a code beside a ZIP or a plate (messyPatterns.ts STATE_ZIP, PLATE_WORD; patterns.ts JURISDICTION_BEFORE).
 * Each rule adds its own extras (DC, NWT, PEI) and its own case.
 */

/** The fifty states (no DC). */
export const US_STATES = 'al|ak|az|ar|ca|co|ct|de|fl|ga|hi|id|il|in|ia|ks|ky|la|me|md|ma|mi|mn|ms|mo|mt|ne|nv|nh|nj|nm|ny|nc|nd|oh|ok|or|pa|ri|sc|sd|tn|tx|ut|vt|va|wa|wv|wi|wy';
/** The ten provinces and three territories. */
export const PROVINCES = 'ab|bc|mb|nb|nl|ns|nt|nu|on|pe|qc|sk|yt';
