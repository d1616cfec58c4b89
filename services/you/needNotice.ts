// When a PSW shares what they'd like from supervision, their supervisor is told at once: a one-off 'notice' job with
// the PSW's alias and the need's title only — never their words (a job's payload holds no free text from a person);
// the words are read under `summary <alias>`, where access is decided and the read audited. One per reflection (its
// id is in the job's), so a repeated Save never tells twice.
import type { NewJob } from '../scheduler/jobs';

/** A notice nobody could be sent cleans itself up after a week, where the store honours TTL. */
const NOTICE_TTL_S = 7 * 24 * 3600;

export function needNoticeJob(reflectionId: string, supervisorId: string, text: string, now: Date): NewJob {
  return { id: `notice|you|${reflectionId}`, kind: 'notice', personId: supervisorId, due: now.toISOString(), payload: { text }, ttl: NOTICE_TTL_S };
}
