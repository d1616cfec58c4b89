// Invisible formatting characters (zero-width spaces and joiners, soft hyphens, bidi marks and overrides, the BOM)
// carry no meaning for the bot, but one inside a name or a phone number ("Mar\u200Bcy", "780\u200B-555-0199")
// hid it from de-identification. They are taken out of what a person typed or submitted before anything reads it.
// A joiner is kept between emoji and in scripts that need it; it goes only between Latin letters and digits.
// The rule is the de-identifier's own (services/deidentify/evasion.ts), which also applies it to every text it is given.
import type { Activity } from 'botbuilder';
import { withoutInvisible } from '../services/deidentify';

export { withoutInvisible };

/** Cleans the activity's text and every string in a card submission, in place (a few levels deep, as cards are). */
export function stripInvisible(activity: Partial<Activity>): void {
  if (typeof activity.text === 'string') activity.text = withoutInvisible(activity.text);
  if (activity.value && typeof activity.value === 'object') clean(activity.value as Record<string, unknown>, 0);
}

function clean(node: Record<string, unknown> | unknown[], depth: number): void {
  if (depth > 4) return;
  for (const [key, v] of Object.entries(node)) {
    if (typeof v === 'string') (node as Record<string, unknown>)[key] = withoutInvisible(v);
    else if (v && typeof v === 'object') clean(v as Record<string, unknown>, depth + 1);
  }
}
