// A reflection about the PSW themselves (`reflect me`, or offered after a debrief): the worker's own side. It lives
// in the reflections container, in the PSW's own partition (so `my data`, `delete my data` and retention treat it
// like any reflection), but with kind 'self' and no `practice` field: the queries that count and show client
// reflections (summaries, export, history, drill-down) all ask for `practice = false` or `kind = 'reflection'`, so
// none of them reads it. A supervisor sees only a count, and what the PSW chose to share of what they'd like from
// supervision (services/you/selfReflections.ts). Every free-text field holds de-identified text only.
import type { ReflectionAnswer } from '../reflections/model';

/** How the strand began: typed (`reflect me`), or offered after a debrief because of its words or a low self-check. */
export type SelfOrigin = 'command' | 'offer-topic' | 'offer-low' | 'offer-low-again';
export const SELF_ORIGINS: readonly SelfOrigin[] = ['command', 'offer-topic', 'offer-low', 'offer-low-again'];

export interface SelfNeed {
  /** A content need id (content/you.json supervision.needs), never 'none': no need is no `need`. */
  id: string;
  /** A few de-identified words, or ''. */
  text: string;
  /** The PSW chose to let their supervisor see this need (default: no). */
  shared: boolean;
  /** What de-identification hid in `text`, by type and count only. */
  redactions: Record<string, number>;
}

export interface SelfReflectionDoc {
  id: string;
  kind: 'self';
  /** Pseudonymous id of the PSW (partition key). */
  psw: string;
  /** A content topic id (content/you.json). */
  topic: string;
  answers: ReflectionAnswer[];
  need?: SelfNeed;
  /** Safety screen hits on its answers: categories only. */
  riskFlags: string[];
  origin: SelfOrigin;
  /** Always private: the words are the PSW's own. Only `need` can be shared, and only when they say so. */
  visibility: 'private';
  createdAt: string;
  /** Retention, as for every reflection (REFLECTION_TTL_DAYS). */
  ttl: number;
}

/** What the strand gathers before Save (kept in dialog state: redacted text only). */
export interface SelfDraft {
  id: string;
  topic: string;
  answers: ReflectionAnswer[];
  need?: SelfNeed;
  riskFlags: string[];
  origin: SelfOrigin;
}

export function selfReflectionFromDraft(draft: SelfDraft, psw: string, now: Date, ttlSeconds: number): SelfReflectionDoc {
  return {
    id: draft.id, kind: 'self', psw, topic: draft.topic, answers: draft.answers, riskFlags: draft.riskFlags, origin: draft.origin,
    visibility: 'private', createdAt: now.toISOString(), ttl: ttlSeconds,
    ...(draft.need ? { need: draft.need } : {}),
  };
}
