// Words the onboarding flow says around the content (the teaching text itself is content/onboarding.json).
// Warm, brief, plain.
import type { Activity } from 'botbuilder';
import { adaptiveCard, cardAttachment, commandButton, textBlock } from '../cards/card';
import type { CheckGrade } from '../services/onboarding';

/** A message with one button that starts (or resumes) onboarding; the text alone works where cards don't. */
export function offer(text: string, buttonTitle: string): Partial<Activity> {
  const card = adaptiveCard([textBlock(buttonTitle === START_BUTTON ? 'About 15 minutes. You can stop any time.' : 'Your place is saved.', { isSubtle: true })], [
    commandButton(buttonTitle, 'onboarding'),
  ]);
  return { type: 'message', text, attachments: [cardAttachment(card)] };
}

export const START_BUTTON = 'Start onboarding';
export const RESUME_BUTTON = 'Pick up where I left off';

export const WELCOME_NEWHIRE =
  "Welcome to PeerReflect! I'm here to help you learn the Creating Connection model by doing. Tap **Start onboarding** or type `onboarding` — it takes about 15 minutes and you can stop any time.";

export function resumeOffer(step: number, total: number): string {
  return `Welcome back! You're partway through onboarding (step ${step + 1} of ${total}). Tap below or type \`onboarding\` to carry on.`;
}

export function welcomeBack(step: number, total: number, where: string): string {
  return `Welcome back! Picking up where you left off: ${where} (step ${step + 1} of ${total}). Type \`onboarding restart\` to start over instead.`;
}

export const ALREADY_DONE =
  "You've already finished onboarding — well done. Type `onboarding restart` to go through it again, or `reflect` after time with a client.";

export const MOVED_ON = "You've already moved past that one, maybe on another device. Here's where you are now:";

export const READY = "Ready to look at the first stage?";

export const RESTARTED = "Okay, starting onboarding over from the beginning. Your earlier answers to the questions no longer count: only your new ones do.";

/** What a supervisor sees of onboarding, said once (issue 14). `hasSupervisor`: one is named for them in the roster. */
export function supervisorSees(hasSupervisor: boolean): string {
  const who = hasSupervisor ? 'Your supervisor sees' : 'When you have a supervisor here, they will see';
  return `Good to know: ${who} how far you've got and how many of the quiz questions you got right. If you start over, only your new answers count. They never see what you write to the reflective questions (I don't keep those), and your practice debrief is never shown as a real reflection.`;
}

export function feedback(grade: CheckGrade): string {
  // Content feedback may open with "Right." for the right answer; we say that ourselves, once.
  const why = grade.feedback.replace(/^right[.!]\s*/i, '');
  // Feedback may open by naming the answer ("Building trust. They're…"); after "The best answer: …" that repeats.
  const named = new RegExp(`^${grade.answerText.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[.!:]\\s*`, 'i');
  if (grade.right) return `✅ That's right. ${why}`;
  return [`Not quite. ${grade.choiceFeedback ?? ''}`.trim(), `The best answer: **${grade.answerText}**`, why.replace(named, '')].join('\n\n');
}

export function reflectIntro(text: string): string {
  return `Take a moment with this one: ${text}`;
}

export const REFLECT_SKIPPED = 'No problem, skipped.';

export function reflectThanks(removed: string): string {
  const base = "Thanks for sharing that. It's just for you: I don't keep these answers.";
  return removed ? `${base} (Even so, I took out ${removed} the moment it arrived — I do that with everything you type.)` : base;
}

export function practiceIntro(title: string, text: string): string {
  return `**${title}**\n\n${text}\n\nThis runs the real debrief. At the review step you'll see exactly what I would store.`;
}

/** `removed`: what de-identification took out of the saved practice ('' for nothing; undefined if not known yet). */
export function practiceDone(removed: string | undefined): string {
  const deid =
    removed === undefined
      ? 'Before anything is stored, I replace names, phone numbers and addresses with placeholders like [NAME]. I do that with every reflection.'
      : removed
        ? `Before anything was stored, I took out ${removed} and put a placeholder like [NAME] in its place. I do that with every reflection.`
        : "You didn't type anything identifying, so nothing needed removing. When you do, names, phone numbers and addresses become placeholders like [NAME] before anything is stored.";
  return `That practice debrief is saved as practice only: it never counts as a real reflection or shows up in your summaries.\n\n${deid}`;
}

export const FINISHED =
  "🎉 You've finished onboarding! After time with a client, type `reflect` to debrief for real. Type `help` any time.";

export const PRACTICE_NOT_SAVED =
  "The practice debrief wasn't saved, so onboarding isn't finished yet. Type `onboarding` when you're ready to try it again.";
