// The scripted debrief the turn benchmark drives: a whole reflection (code, names, stage, prompts, movement,
// stall strategy and flag, self-check, the safety question, review, save) with typed answers and card taps mixed, as a PSW would.
// A card turn sends the data of the named button from the previous reply's card (it carries that asking's nonce).
import type { Turn } from './load';

export const DEBRIEF: Turn[] = [
  { text: 'reflect C-14' },
  { card: { title: 'Skip' } }, // names to hide
  { card: { title: 'Building trust' } },
  { text: 'Met her at the cafe near the shelter, she called me from 613-555-0199 after to say thanks' },
  { text: 'Yes, I brought the forms I promised and we filled them in together. She seemed relieved.' },
  { card: { title: 'Skip' } },
  { text: 'skip' },
  { text: 'Tired but hopeful. Next time I will ask what she wants to do first.' },
  { card: { title: 'Stalling' } },
  { text: '1' }, // the first strategy
  { card: { title: 'Yes' } }, // flag for supervision
  { card: { extra: { score: '3', note: 'tired but okay' } } }, // the self-check form
  { text: 'no' }, // the safety question that ends every debrief
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
