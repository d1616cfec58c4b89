/**
 * Character-level scoring of a de-identifier against labelled spans.
 *
 * Which labelled spans count as identifiers follows HIPAA Safe Harbor, as the brief asks:
 * - spans whose `hipaa` is null (organisations, countries and cities as GPE, job titles, nationalities)
 *   are neutral: redacting them is neither a hit nor over-redaction;
 * - ages of 89 or less and dates that are a year, a weekday or a month alone are neutral too
 *   (Safe Harbor keeps them; the project keeps weekdays on purpose).
 * Every other labelled span is an identifier. Recall is strict: a span counts as found only when every
 * one of its characters was replaced.
 */

export interface LabelledSpan {
  start: number;
  end: number;
  type: string;
  hipaa?: string | null;
}

export interface LabelledRecord {
  id: string;
  text: string;
  spans: LabelledSpan[];
}

export interface PredictedSpan {
  start: number;
  end: number;
  type?: string;
}

export interface TypeFigures {
  spans: number;
  found: number;
  strictRecall: number;
  identifierChars: number;
  leakedChars: number;
  leakRate: number;
}

export interface Figures {
  records: number;
  recordsFullyClean: number;
  recordsFullyCleanRate: number;
  /** Over all identifier spans. */
  overall: TypeFigures;
  perType: Record<string, TypeFigures>;
  otherChars: number;
  overRedactedChars: number;
  overRedaction: number;
  neutralSpans: number;
}

const WEEKDAY_OR_MONTH = /^(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?$|^(?:jan(?:uary)?|feb(?:ruary)?|march|april|may|june|july|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)$/i;

/** Whether a non-space character of a labelled span was left visible by the predictions (a miss, as the scorer counts it). */
export function leftVisible(text: string, span: { start: number; end: number }, preds: readonly PredictedSpan[]): boolean {
  return [...text.slice(span.start, span.end)].some((ch, k) => !/\s/.test(ch) && !preds.some((p) => p.start <= span.start + k && span.start + k < p.end));
}

/** Whether a labelled span is an identifier under the policy above. */
export function isIdentifierSpan(span: LabelledSpan, text: string): boolean {
  if (span.hipaa === null) return false;
  const value = text.slice(span.start, span.end).trim();
  if (span.type === 'AGE') {
    const n = Number.parseInt(value.replace(/\D/g, ''), 10);
    return Number.isFinite(n) && n > 89;
  }
  if (span.type === 'DATE_TIME' || span.type === 'DATE') {
    if (/^\d{4}$/.test(value) || WEEKDAY_OR_MONTH.test(value)) return false;
  }
  return true;
}

function emptyType(): TypeFigures {
  return { spans: 0, found: 0, strictRecall: 0, identifierChars: 0, leakedChars: 0, leakRate: 0 };
}

function finish(t: TypeFigures): TypeFigures {
  t.strictRecall = t.spans ? t.found / t.spans : 1;
  t.leakRate = t.identifierChars ? t.leakedChars / t.identifierChars : 0;
  return t;
}

/** Scores predictions; `predictions[i]` belongs to `records[i]`. Whitespace is not counted. */
export function score(records: LabelledRecord[], predictions: PredictedSpan[][]): Figures {
  const perType: Record<string, TypeFigures> = {};
  const overall = emptyType();
  let clean = 0;
  let otherChars = 0;
  let overRedacted = 0;
  let neutral = 0;
  records.forEach((rec, i) => {
    const n = rec.text.length;
    const redacted = new Uint8Array(n);
    for (const p of predictions[i] ?? []) for (let k = Math.max(0, p.start); k < Math.min(n, p.end); k++) redacted[k] = 1;
    // 0 other, 1 identifier, 2 neutral
    const role = new Uint8Array(n);
    const idSpans: LabelledSpan[] = [];
    for (const s of rec.spans) {
      if (isIdentifierSpan(s, rec.text)) idSpans.push(s);
      else {
        neutral++;
        for (let k = s.start; k < s.end; k++) if (role[k] === 0) role[k] = 2;
      }
    }
    for (const s of idSpans) for (let k = s.start; k < s.end; k++) role[k] = 1;
    let recordClean = true;
    for (const s of idSpans) {
      perType[s.type] ??= emptyType();
      const t = perType[s.type]!;
      let chars = 0;
      let leaked = 0;
      for (let k = s.start; k < s.end; k++) {
        if (/\s/.test(rec.text[k]!)) continue;
        chars++;
        if (!redacted[k]) leaked++;
      }
      for (const f of [t, overall]) {
        f.spans++;
        f.identifierChars += chars;
        f.leakedChars += leaked;
        if (leaked === 0) f.found++;
      }
      if (leaked > 0) recordClean = false;
    }
    if (recordClean) clean++;
    for (let k = 0; k < n; k++) {
      if (role[k] !== 0 || /\s/.test(rec.text[k]!)) continue;
      otherChars++;
      if (redacted[k]) overRedacted++;
    }
  });
  for (const t of Object.values(perType)) finish(t);
  finish(overall);
  return {
    records: records.length,
    recordsFullyClean: clean,
    recordsFullyCleanRate: records.length ? clean / records.length : 1,
    overall,
    perType,
    otherChars,
    overRedactedChars: overRedacted,
    overRedaction: otherChars ? overRedacted / otherChars : 0,
    neutralSpans: neutral,
  };
}
