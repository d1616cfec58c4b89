/** De-identification at the boundary: the only entry points other folders should import. */
export { deidentify, knownNameSpans } from './deidentify';
export { looksLikeIdentifier, pseudonymousId } from './identifier';
export type { DeidentifyOptions, DeidentifyResult, Entity, EntityType } from './types';
