/** De-identification at the boundary: the only entry points other folders should import. */
export { deidentify, deidentifyAll, knownNameSpans, repeatSpans } from './deidentify';
export { labelProblem, looksLikeIdentifier, pseudonymousId, quasiIdentifier, type ClientCodeProblem, type LabelProblem, type QuasiIdentifier } from './identifier';
export type { DeidentifyOptions, DeidentifyResult, Entity, EntityType } from './types';
export { POSSESSIVE_RANK, possessiveSForms, typedPossessiveOf, unsureWords, type UnsureWord } from './unsure';
export { folded, withoutInvisible } from './evasion';
