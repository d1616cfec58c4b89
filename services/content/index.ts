/**
 * Content: every word the bot uses for the Creating Connection model, as JSON data in content/,
 * validated by the ajv schemas in content/schemas/ plus the checks ajv cannot express
 * (unique ids, known sources, compilable patterns, examples that match, answers among choices).
 *
 * No botbuilder imports here: plain data for services/ and dialogs/. The shapes are in ./types.ts, reading and
 * checking a file in ./checks.ts, loading (and the cache) in ./load.ts, the record that lets a start skip the costly
 * checks for content that passed them in ./checkRecord.ts, `npm run check:content` in ./cli.ts.
 */
export * from './types';
export { CONTENT_FILES, ContentError, DEFAULT_CONTENT_DIR, compilePattern, normalizeForMatching } from './checks';
export { citeSource, content, loadContent, loadRecordedContent, loadSafetyProtocolFile, resetContentCache } from './load';
export { CheckRecordFile, type CheckRecord } from './checkRecord';
