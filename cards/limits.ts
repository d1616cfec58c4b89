// The limits Teams puts on what a bot sends, and how we measure a card or a message against them.
// Teams refuses a card over about 28 KB and a message over about 100 KB, and shows about six actions on a card
// (the rest are cut off). docs/TEAMS.md lists these; test/cards/limits.test.ts holds every card to them.
import type { AdaptiveCard, CardElement } from './card';

export const MAX_CARD_BYTES = 28 * 1024;
export const MAX_MESSAGE_BYTES = 100 * 1024;
export const MAX_ACTIONS = 6;

/** What a card or activity weighs on the wire: its JSON in UTF-8. */
export function jsonBytes(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value), 'utf8');
}

/** Every action a person can see on the card: its own actions, those in ActionSets, and in selectActions. */
export function actionCount(node: unknown): number {
  if (Array.isArray(node)) return node.reduce((n: number, x) => n + actionCount(x), 0);
  if (!node || typeof node !== 'object') return 0;
  const o = node as Record<string, unknown>;
  let n = typeof o.type === 'string' && o.type.startsWith('Action.') ? 1 : 0;
  for (const [k, v] of Object.entries(o)) if (k !== 'fallback' && typeof v === 'object') n += actionCount(v);
  return n;
}

/**
 * Splits body elements into the fewest cards that each stay under `budget` bytes, keeping order. `frame` makes
 * the card for one part (its heading, actions); an element too big alone still gets a card of its own.
 */
export function packBody(elements: CardElement[], frame: (body: CardElement[], part: number) => AdaptiveCard, budget = MAX_CARD_BYTES - 1024): AdaptiveCard[] {
  const parts: CardElement[][] = [[]];
  for (const e of elements) {
    const current = parts[parts.length - 1]!;
    if (current.length && jsonBytes(frame([...current, e], parts.length - 1)) > budget) parts.push([e]);
    else current.push(e);
  }
  return parts.map((body, i) => frame(body, i));
}
