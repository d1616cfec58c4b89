// The two assertions the de-identifier's tables are written in: this value is hidden, this text is kept.
import assert from 'node:assert/strict';
import { deidentify, type EntityType } from '../../services/deidentify';
import { staysIn } from '../../bench/slotStays';

/** Every non-space character of `value` in `text` is hidden, by an entity of `type` when given. */
export function hidden(text: string, value: string, type?: EntityType): void {
  const res = deidentify(text);
  const start = text.indexOf(value);
  assert.ok(start >= 0, `test value ${value} must be in the text`);
  for (let k = start; k < start + value.length; k++) {
    if (/\s/.test(text[k]!)) continue;
    const e = res.entities.find((x) => x.start <= k && k < x.end);
    assert.ok(e, `${JSON.stringify(value)} must be hidden in ${JSON.stringify(text)}; got ${res.redacted}`);
    if (type) assert.equal(e.type, type, `type of ${value} in ${JSON.stringify(text)}: ${res.redacted}`);
  }
}

/** The text comes back unchanged. */
export function kept(text: string): void {
  assert.equal(deidentify(text).redacted, text);
}

/** `word` comes back in the redacted text as a whole word (other parts of the text may be hidden). */
export function stays(text: string, word: string): void {
  const { redacted } = deidentify(text);
  assert.ok(staysIn(redacted, word), `${JSON.stringify(word)} must stay in ${JSON.stringify(text)}; got ${redacted}`);
}
