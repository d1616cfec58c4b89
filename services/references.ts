// Conversation references for proactive messages: where to reach each person (their personal chat with the
// bot). One document per person in `references` (partition /id = person id). Plain data: bot/references.ts
// converts to and from the Bot Framework's ConversationReference.
import type { Container } from '@azure/cosmos';
import { deleteDoc, readDoc } from './storage/documents';

/** The part of a Bot Framework ConversationReference needed to continue a conversation. No display names. */
export interface ConversationAddress {
  channelId: string;
  /** Teams' regional endpoint, or the local web chat's route on this server. */
  serviceUrl: string;
  conversation: { id: string; tenantId?: string; conversationType?: string };
  bot: { id: string };
  locale?: string;
}

export interface ReferenceDoc {
  /** Person id (pseudonymous). */
  id: string;
  address: ConversationAddress;
  updatedAt: string;
}

export type Remembered = 'created' | 'updated' | 'unchanged';

/** How long this instance trusts its memory of what is stored before reading again (another instance may have removed it). */
const KNOWN_FOR_MS = 10 * 60_000;

export class ReferenceStore {
  /** person id → fingerprint of the stored address and when we last confirmed it; keeps per-message cost at zero writes. */
  private readonly known = new Map<string, { fingerprint: string; at: number }>();

  constructor(private readonly container: Container, private readonly maxKnown = 10_000) {}

  async get(personId: string): Promise<ReferenceDoc | undefined> {
    return (await readDoc<ReferenceDoc>(this.container, personId, personId))?.doc;
  }

  /**
   * Stores the address if it differs from what is stored. Called on every message, so it writes only on change;
   * `force` (install, welcome) always reads and writes when needed, bypassing this instance's memory.
   */
  async remember(personId: string, address: ConversationAddress, now: Date, force = false): Promise<Remembered> {
    const fingerprint = fingerprintOf(address);
    const k = this.known.get(personId);
    if (!force && k && k.fingerprint === fingerprint && now.getTime() - k.at < KNOWN_FOR_MS) return 'unchanged';
    const existing = await this.get(personId);
    let result: Remembered = 'unchanged';
    if (!existing || fingerprintOf(existing.address) !== fingerprint) {
      await this.container.items.upsert<ReferenceDoc>({ id: personId, address: clean(address), updatedAt: now.toISOString() });
      result = existing ? 'updated' : 'created';
    }
    this.note(personId, fingerprint, now);
    return result;
  }

  /**
   * Removes the person's reference. With `conversationId`, only when the stored one is that conversation:
   * removing the bot from a team must not forget the person's personal chat.
   */
  async remove(personId: string, conversationId?: string): Promise<boolean> {
    this.known.delete(personId);
    const existing = await this.get(personId);
    if (!existing) return false;
    if (conversationId !== undefined && existing.address.conversation.id !== conversationId) return false;
    return deleteDoc(this.container, personId);
  }

  private note(personId: string, fingerprint: string, now: Date): void {
    if (this.known.size >= this.maxKnown) this.known.delete(this.known.keys().next().value as string);
    this.known.set(personId, { fingerprint, at: now.getTime() });
  }
}

/** An address stored before the person's channel id was dropped (`user`) never matches, so it is rewritten without. */
function fingerprintOf(a: ConversationAddress): string {
  const legacy = 'user' in a ? 'with-user' : '';
  return JSON.stringify([a.channelId, a.serviceUrl, a.conversation.id, a.conversation.tenantId ?? '', a.conversation.conversationType ?? '', a.bot.id, a.locale ?? '', legacy]);
}

/** Only the fields of a ConversationAddress, whatever the caller's object carries. */
function clean(a: ConversationAddress): ConversationAddress {
  const conversation: ConversationAddress['conversation'] = { id: a.conversation.id };
  if (a.conversation.tenantId) conversation.tenantId = a.conversation.tenantId;
  if (a.conversation.conversationType) conversation.conversationType = a.conversation.conversationType;
  const out: ConversationAddress = { channelId: a.channelId, serviceUrl: a.serviceUrl, conversation, bot: { id: a.bot.id } };
  if (a.locale) out.locale = a.locale;
  return out;
}
