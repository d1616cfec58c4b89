// Words the onboarding flow says around the content (the teaching text itself is content/onboarding.json), put together
// from the message catalogue (onboarding.* in content/locales/en.json).
import type { Activity } from 'botbuilder';
import { adaptiveCard, cardAttachment, commandButton, textBlock } from '../cards/card';
import { t } from '../services/catalogue';
import type { CheckGrade } from '../services/onboarding';
import { escapeRegExp } from '../services/escapeRegExp';

/** A message with one button that starts onboarding (or, `resume`, carries on); the text alone works where cards don't. */
export function offer(text: string, resume = false): Partial<Activity> {
  const card = adaptiveCard([textBlock(resume ? t('onboarding.placeSaved') : t('onboarding.aboutFifteen'), { isSubtle: true })], [
    commandButton(resume ? t('onboarding.resumeButton') : t('onboarding.startButton'), 'onboarding'),
  ]);
  return { type: 'message', text, attachments: [cardAttachment(card)] };
}

export function resumeOffer(step: number, total: number): string {
  return t('onboarding.resumeOffer', { step: step + 1, total });
}

export function welcomeBack(step: number, total: number, where: string): string {
  return t('onboarding.welcomeBack', { where, step: step + 1, total });
}

/** What a supervisor sees of onboarding, said once (issue 14). `hasSupervisor`: one is named for them in the roster. */
export function supervisorSees(hasSupervisor: boolean): string {
  return hasSupervisor ? t('onboarding.supervisorSees') : t('onboarding.supervisorWillSee');
}

export function feedback(grade: CheckGrade): string {
  // Content feedback may open with "Right." for the right answer; we say that ourselves, once.
  const why = grade.feedback.replace(/^right[.!]\s*/i, '');
  // Feedback may open by naming the answer ("Building trust. They're…"); after "The best answer: …" that repeats.
  const named = new RegExp(`^${escapeRegExp(grade.answerText)}[.!:]\\s*`, 'i');
  if (grade.right) return t('onboarding.right', { why });
  const notQuite = grade.choiceFeedback ? t('onboarding.notQuiteBecause', { feedback: grade.choiceFeedback }) : t('onboarding.notQuite');
  return [notQuite, t('onboarding.bestAnswer', { answer: grade.answerText }), why.replace(named, '')].join('\n\n');
}

export function reflectIntro(text: string): string {
  return t('onboarding.reflectIntro', { text });
}

export function reflectThanks(removed: string): string {
  return removed ? t('onboarding.reflectThanksRemoved', { removed }) : t('onboarding.reflectThanks');
}

export function practiceIntro(title: string, text: string): string {
  return t('onboarding.practiceIntro', { title, text });
}

/** `removed`: what de-identification took out of the saved practice ('' for nothing; undefined if not known yet). */
export function practiceDone(removed: string | undefined): string {
  const deid = removed === undefined ? t('onboarding.deidGeneral') : removed ? t('onboarding.deidRemoved', { removed }) : t('onboarding.deidNothing');
  return t('onboarding.practiceDone', { deid });
}
