/** Kinds of identifier the de-identifier finds; each becomes the placeholder `[TYPE]`. */
export type EntityType =
  | 'NAME' | 'PHONE' | 'EMAIL' | 'ADDRESS' | 'POSTAL_CODE' | 'DATE' | 'AGE'
  | 'SIN' | 'SSN' | 'HEALTH_CARD' | 'MRN' | 'URL' | 'HANDLE' | 'IP' | 'PLATE' | 'FACILITY'
  | 'CREDIT_CARD' | 'IBAN' | 'PASSPORT' | 'DRIVER_LICENCE' | 'ACCOUNT' | 'ID';

/** A found span: UTF-16 offsets into the original text, end exclusive. */
export interface Entity {
  start: number;
  end: number;
  type: EntityType;
}

/**
 * A span made anew from another's fields: one object shape for every stage. A spread copy (`{ ...e, end }`) gets a
 * hidden class of its own at each site, and the code that reads spans then throws its compiled form away ("wrong map").
 */
export function entity(start: number, end: number, type: EntityType): Entity {
  return { start, end, type };
}

export interface DeidentifyOptions {
  /** Names that must always be redacted in this text (case-insensitive, whole word). */
  knownNames?: string[];
  /**
   * Names found earlier in the same debrief: hidden wherever they appear, in any case, except where a pronoun or
   * determiner makes an everyday word a word again ("i hope").
   */
  repeatNames?: string[];
}

export interface DeidentifyResult {
  redacted: string;
  entities: Entity[];
}
