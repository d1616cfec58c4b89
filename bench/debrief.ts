// The scripted debrief the turn benchmark drives: a whole reflection (code, names, stage, prompts, movement,
// stall strategy and flag, self-check, the safety question, review, save) with typed answers and card taps mixed, as a PSW would.
// A card turn sends the data of the named button from the previous reply's card (it carries that asking's nonce).
// Every turn's reply is checked (`expect`, on the raw JSON body): the script follows the dialog exactly or the run says so.
// Each conversation is a new PSW with a new client, so neither the continuity question (a returning client) nor
// the offer of `reflect me` after Save (a PSW's own check-in) comes up; test/dialogs/ covers those paths.
import type { Turn } from './load';

export const DEBRIEF: Turn[] = [
  { text: 'reflect C-14', expect: /names you'd like me to always hide/ },
  { card: { title: 'Skip' }, expect: /Where does your relationship with \S+ stand/ }, // names to hide
  { card: { title: 'Building trust' }, expect: /\(1\/5\) What helped you connect/ },
  { text: 'Met her at the cafe near the shelter, she called me from 613-555-0199 after to say thanks', expect: /\(2\/5\)/ },
  // An answer carrying feeling ("relieved") may get a brief acknowledgement (one of several) before the next question.
  { text: 'Yes, I brought the forms I promised and we filled them in together. She seemed relieved.', expect: /\(3\/5\)/ },
  { card: { title: 'Skip' }, expect: /\(4\/5\)/ },
  { text: 'skip', expect: /\(5\/5\)/ },
  { text: 'Tired but hopeful. Next time I will ask what she wants to do first.', expect: /how is the relationship moving/ },
  // The stall step: three strategies, "More ideas" and "None for now".
  { card: { title: 'Stalling' }, expect: /Which one would you like to try next time\?.*More ideas.*None for now/ },
  { text: '1', expect: /planning to try .*flag this relationship for supervision/ }, // the first strategy
  { card: { title: 'Yes' }, expect: /Flagged\..*How are you doing after this one/ }, // flag for supervision
  { card: { title: '3 of 5', extra: { note: 'tired but okay' } }, expect: /You chose: 3 of 5.*anyone's safety/ }, // the self-check: words typed, then a score
  { text: 'no', expect: /3\/5 — .*flagged for supervision.*Save this\?/ }, // the safety question; then the review (bench/stateSize.ts sends other words)
  { text: 'save', expect: /Saved\./ },
];

/** The typed answers of the script (what de-identification sees in a debrief). */
export const DEBRIEF_ANSWERS = DEBRIEF.filter((t) => t.text && t.text.length > 20).map((t) => t.text!);

interface CardAction {
  title: string;
  data?: Record<string, unknown>;
}

/** The value a card turn submits: the named (or first) button's data from the previous reply, plus extra inputs. */
export function cardValue(previousBody: string | undefined, card: NonNullable<Turn['card']>): Record<string, unknown> | undefined {
  if (!previousBody) return undefined;
  let activities: { attachments?: { content?: { actions?: CardAction[] } }[] }[];
  try {
    activities = (JSON.parse(previousBody) as { activities?: typeof activities }).activities ?? [];
  } catch {
    return undefined;
  }
  const cards = activities.flatMap((a) => a.attachments ?? []).map((x) => x.content?.actions ?? []);
  const actions = cards[cards.length - 1] ?? [];
  const action = card.title ? actions.find((a) => a.title === card.title) : actions[0];
  return action?.data ? { ...action.data, ...card.extra } : undefined;
}
