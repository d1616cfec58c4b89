// Onboarding for new hires: the plan of steps (built from content/onboarding.json), each person's progress in
// storage, grading of check questions, and the status a supervisor sees. Plain TypeScript, no botbuilder.
//
// Progress lives in its own container (partition /id = person id) rather than on the person document: the roster
// rewrites people whole, and progress changes on every step, so keeping them apart means neither can undo the other.
// Every write is read–modify–write under the document's etag, retried on 412, so two devices answering at once
// never lose or double a step.
import type { Container } from '@azure/cosmos';
import type { Onboarding } from './content';
import type { StageId } from './reflections/model';
import { readDoc } from './storage/documents';

/** content/onboarding.json as the content loader types and validates it (content().onboarding). */
export type OnboardingContent = Onboarding;

export type OnboardingStep =
  | { kind: 'intro' }
  | { kind: 'check'; stage: StageId; checkId: string }
  | { kind: 'reflect'; stage: StageId; promptId: string }
  | { kind: 'practice' };

/** The linear plan: introduction, then per stage a check question (after its practice text and vignette) and a
 *  reflective prompt, then the practice debrief. A step index is a position in this list. */
export function onboardingPlan(content: OnboardingContent): OnboardingStep[] {
  const steps: OnboardingStep[] = [{ kind: 'intro' }];
  for (const m of content.modules) {
    steps.push({ kind: 'check', stage: m.stage, checkId: m.check.id });
    steps.push({ kind: 'reflect', stage: m.stage, promptId: m.reflect.id });
  }
  steps.push({ kind: 'practice' });
  return steps;
}

export interface CheckResult {
  choiceId: string;
  right: boolean;
  at: string;
}

export interface OnboardingProgress {
  /** The person's pseudonymous id (partition key). */
  id: string;
  kind: 'onboarding';
  /** Index of the next step to show; equal to the plan's length once everything is done. */
  step: number;
  /** The first answer given to each check question (by check id) in the current go. A restart clears them: what a
   *  supervisor sees counts only the answers given since (issue 14). */
  checks: Record<string, CheckResult>;
  startedAt: string;
  /** Set when the practice debrief is first saved; kept across restarts (revisiting does not undo completion). */
  completedAt?: string;
  restartedAt?: string;
  /** How many times the person started over. */
  restarts?: number;
  /** When the person was told what their supervisor sees (said once, whatever step they begin or resume at). */
  toldSupervisorViewAt?: string;
  updatedAt: string;
}

export interface OnboardingStatus {
  started: boolean;
  /** Finished at least once (a restart does not undo it). */
  completed: boolean;
  /** Steps done so far in the current go (0..total). */
  step: number;
  total: number;
  /** Check questions answered (and right) in the current go: answers from before a restart no longer count. */
  checksRight: number;
  checksAnswered: number;
  /** Started over at least once. */
  restarted: boolean;
}

/** What the supervisor summary reads; implemented by OnboardingService. */
export interface OnboardingStatusReader {
  onboardingStatus(personId: string): Promise<OnboardingStatus>;
}

export interface CheckGrade {
  right: boolean;
  /** The text of the right choice, to name it after a wrong answer. */
  answerText: string;
  /** For a wrong answer, why that choice does not fit (when the content says); absent for the right one. */
  choiceFeedback?: string;
  /** Why the right answer is right; shown either way. */
  feedback: string;
}

/** Grades one answer against the content. Unknown check or choice ids are a caller error. */
export function gradeCheck(content: OnboardingContent, checkId: string, choiceId: string): CheckGrade {
  const check = content.modules.find((m) => m.check.id === checkId)?.check;
  if (!check) throw new Error(`Unknown onboarding check ${checkId}`);
  const chosen = check.choices.find((c) => c.id === choiceId);
  if (!chosen) throw new Error(`Unknown choice ${choiceId} for ${checkId}`);
  const answer = check.choices.find((c) => c.id === check.answer)!;
  const right = choiceId === check.answer;
  return { right, answerText: answer.text, ...(right || !chosen.feedback ? {} : { choiceFeedback: chosen.feedback }), feedback: check.feedback };
}

const MAX_ATTEMPTS = 5;

export class OnboardingService implements OnboardingStatusReader {
  readonly plan: OnboardingStep[];

  constructor(private readonly container: Container, readonly content: OnboardingContent) {
    this.plan = onboardingPlan(content);
  }

  get total(): number {
    return this.plan.length;
  }

  async get(personId: string): Promise<OnboardingProgress | undefined> {
    return (await this.read(personId))?.doc;
  }

  /** Starts (or resumes) the module: creates progress on first use; otherwise returns it unchanged. */
  async begin(personId: string, now: Date): Promise<OnboardingProgress> {
    // Read on every step shown and answered: only the first use writes.
    return (await this.get(personId)) ?? this.update(personId, now, (p) => p);
  }

  /** Back to the introduction. Earlier check answers stop counting; completion stays (see OnboardingProgress). */
  async restart(personId: string, now: Date): Promise<OnboardingProgress> {
    return this.update(personId, now, (p) => ({ ...p, step: 0, checks: {}, restartedAt: now.toISOString(), restarts: (p.restarts ?? 0) + 1 }));
  }

  /** True the first time only: the caller then says what a supervisor sees. Decided under the etag, so once. */
  async firstSupervisorNotice(personId: string, now: Date): Promise<boolean> {
    // Read first: once told, showing a step writes nothing.
    if ((await this.get(personId))?.toldSupervisorViewAt) return false;
    let first = false;
    await this.update(personId, now, (p) => {
      first = !p.toldSupervisorViewAt;
      return first ? { ...p, toldSupervisorViewAt: now.toISOString() } : p;
    });
    return first;
  }

  /** Marks step `index` done. Idempotent: finishing a step twice, or an old one, never moves progress back or skips. */
  async completeStep(personId: string, index: number, now: Date): Promise<OnboardingProgress> {
    return this.update(personId, now, (p) => (p.step === index ? { ...p, step: index + 1 } : p));
  }

  /** Records an answer to a check question (the first answer only counts) and grades it. */
  async answerCheck(personId: string, checkId: string, choiceId: string, now: Date): Promise<CheckGrade> {
    const grade = gradeCheck(this.content, checkId, choiceId);
    await this.update(personId, now, (p) =>
      p.checks[checkId] ? p : { ...p, checks: { ...p.checks, [checkId]: { choiceId, right: grade.right, at: now.toISOString() } } },
    );
    return grade;
  }

  /** The practice debrief was saved: the module is complete. */
  async complete(personId: string, now: Date): Promise<OnboardingProgress> {
    return this.update(personId, now, (p) => ({ ...p, step: this.total, completedAt: p.completedAt ?? now.toISOString() }));
  }

  async onboardingStatus(personId: string): Promise<OnboardingStatus> {
    const p = await this.get(personId);
    const results = Object.values(p?.checks ?? {});
    return {
      started: !!p?.startedAt,
      completed: !!p?.completedAt,
      step: Math.min(p?.step ?? 0, this.total),
      total: this.total,
      checksRight: results.filter((r) => r.right).length,
      checksAnswered: results.length,
      restarted: (p?.restarts ?? 0) > 0,
    };
  }

  private fresh(personId: string, now: Date): OnboardingProgress {
    const at = now.toISOString();
    return { id: personId, kind: 'onboarding', step: 0, checks: {}, startedAt: at, updatedAt: at };
  }

  private async read(personId: string): Promise<{ doc: OnboardingProgress; etag: string } | undefined> {
    return readDoc<OnboardingProgress>(this.container, personId, personId);
  }

  /** Read–modify–write under the etag; creates the document on first use. */
  private async update(personId: string, now: Date, change: (p: OnboardingProgress) => OnboardingProgress): Promise<OnboardingProgress> {
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const current = await this.read(personId);
      const base = current?.doc ?? this.fresh(personId, now);
      const next = { ...change(base), updatedAt: now.toISOString() };
      try {
        if (current) {
          await this.container.item(personId, personId).replace(next, { accessCondition: { type: 'IfMatch', condition: current.etag } });
        } else {
          await this.container.items.create(next);
        }
        return next;
      } catch (err) {
        const code = (err as { code?: number }).code;
        if ((code === 412 || code === 409) && attempt < MAX_ATTEMPTS) continue;
        throw err;
      }
    }
    throw new Error('unreachable');
  }
}

export { totalRedactions } from './reflections/redactionCounts';
