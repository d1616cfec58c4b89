// Words the router says. Warm, brief, plain: people read these tired, on a phone.
import type { Activity } from 'botbuilder';
import type { Person } from '../services/people';
import { commandsFor, type Command } from './commands';
import { offer as onboardingOffer, START_BUTTON, WELCOME_NEWHIRE } from './onboardingMessages';

/** The first message a person gets; a new hire's carries a button that starts onboarding. */
export function welcome(person: Person): string | Partial<Activity> {
  if (person.role === 'newhire') return onboardingOffer(WELCOME_NEWHIRE, START_BUTTON);
  return "Hi, I'm PeerReflect. After time with a client, I can walk you through a short reflection — type `reflect` to start. Want a nudge after your shift? Try `remind me at 16:30 on weekdays`. Type `help` any time to see what I can do.";
}

/** The commands this person's role may use, in the table's order (what people reach for most first). */
export function help(person: Person, table: readonly Command[]): string {
  const lines = commandsFor(person.role, table).map((c) => `• \`${c.phrases[0]}\` — ${c.help}`);
  lines.push('• `cancel` — stop what we are doing (nothing is saved)');
  lines.push('• `help` — this list');
  return `Here's what I can do:\n\n${lines.join('\n')}`;
}

export const CANCELLED = "Okay, I've stopped. Nothing from that was saved.";
export const NOTHING_TO_CANCEL = "There's nothing to cancel right now. Type `help` to see what I can do.";
export const NOT_UNDERSTOOD = "I didn't catch that. Type `reflect` to start a reflection, or `help` to see everything I can do.";
export const NOT_ALLOWED = "That one isn't available for your role. Type `help` to see what you can do.";

/** A finished reflection saved to the outbox because storage is down (services/reflections/outbox.ts). */
export const REFLECTION_KEPT = "Your reflection is kept safe. Our storage is having a moment, so I'll save it as soon as it's back — you don't need to do anything.";
