// Words the router says, from the message catalogue (content/locales/, services/catalogue), in the turn's locale.
import type { Activity } from 'botbuilder';
import { adaptiveCard, cardAttachment, commandButton, textBlock } from '../cards/card';
import { t } from '../services/catalogue';
import type { Person } from '../services/people';
import { commandsFor, type Command } from './commands';
import { offer as onboardingOffer } from './onboardingMessages';

/** The first message a person gets, for their role; a new hire's carries a button that starts onboarding. */
export function welcome(person: Person): string | Partial<Activity> {
  if (person.role === 'newhire') return onboardingOffer(t('onboarding.welcome'));
  // A supervisor reads their team's work and an admin keeps the roster: each is told what they came for (issue 14).
  if (person.role === 'supervisor') {
    const card = adaptiveCard([textBlock(t('router.welcomeSupervisorHint'), { isSubtle: true })], [commandButton(t('router.welcomeSupervisorButton'), 'summary')]);
    return { type: 'message', text: t('router.welcomeSupervisor'), attachments: [cardAttachment(card)] };
  }
  if (person.role === 'admin') return t('router.welcomeAdmin');
  return t('router.welcome');
}

/** The commands this person's role may use, in the table's order (what people reach for most first). */
export function help(person: Person, table: readonly Command[]): string {
  const lines = commandsFor(person.role, table).map((c) => t('router.helpLine', { phrase: c.phrases[0], help: t(c.help) }));
  lines.push(t('router.helpCancel'), t('router.helpHelp'));
  return `${t('router.helpIntro')}\n\n${lines.join('\n')}`;
}

/** "Did you mean `reflect C-7`?" with a button that runs it: for a close misspelling of a command. */
export function didYouMean(command: string): Partial<Activity> {
  const card = adaptiveCard([textBlock(t('router.didYouMeanHint'), { isSubtle: true })], [commandButton(command, command)]);
  return { type: 'message', text: t('router.didYouMean', { command }), attachments: [cardAttachment(card)] };
}

const GREETING = /^(hi|hii+|hello|hey|hey there|hiya|howdy|yo|good (morning|afternoon|evening|day))( there)?$/;
const THANKS = /^(thanks|thank you|thank u|thanks a lot|thanks so much|thank you so much|thx|ty|cheers|ta)$/;
const OKAY = /^(ok|okay|k|kk|ok thanks|okay thanks|alright|all right|cool|great|got it|sounds good|fine|sure)$/;

// "save" with no review open: sent again after a reply that never came (a dropped connection, a restart mid-Save).
const SAVE_AGAIN = /^(save|save it|saved|save this|did it save|is it saved)$/;

/**
 * A short, warm reply to a greeting, a thank-you or an `ok` typed outside any dialog, and to a `save` with nothing to
 * save (it says how to check the last one was kept); undefined for anything else.
 */
export function smallTalk(text: string, person: Person): string | undefined {
  const said = text.toLowerCase().replace(/[’']/g, '').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  if (SAVE_AGAIN.test(said)) return t('router.nothingToSave');
  if (GREETING.test(said)) return t('router.greeting', { role: person.role });
  if (THANKS.test(said)) return t('router.thanks');
  if (OKAY.test(said)) return t('router.okay', { role: person.role });
  return undefined;
}
