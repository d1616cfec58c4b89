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

/**
 * What is left when the channel says a conversation is gone (403/404) or the bot is uninstalled: no address, but a
 * mark with the time, so every instance that remembers the person's address learns to read it again.
 */
interface DroppedDoc {
  id: string;
  droppedAt: string;
  /** Cosmos TTL: the mark matters for minutes; a week is plenty. */
  ttl: number;
}

export type Remembered = 'created' | 'updated' | 'unchanged';

/** How long this instance trusts its memory of what is stored before reading again (another instance may have removed it). */
const KNOWN_FOR_MS = 10 * 60_000;
/** How often (at most) an instance looks for references other instances dropped: one small query, not a read per message. */
export const DROP_SYNC_MS = 5_000;
const DROPPED_TTL_SECONDS = 7 * 86_400;

export class ReferenceStore {
  /** person id → fingerprint of the stored address and when we last confirmed it; keeps per-message cost at zero writes. */
  private readonly known = new Map<string, { fingerprint: string; at: number }>();
  /** When this instance last looked for drops (epoch ms). */
  private syncedAt?: number;

  constructor(private readonly container: Container, private readonly maxKnown = 10_000) {}

  async get(personId: string): Promise<ReferenceDoc | undefined> {
    const doc = (await readDoc<ReferenceDoc | DroppedDoc>(this.container, personId, personId))?.doc;
    return doc && 'address' in doc ? doc : undefined;
  }

  /**
   * Stores the address if it differs from what is stored. Called on every message, so it writes only on change;
   * `force` (install, welcome) always reads and writes when needed, bypassing this instance's memory.
   */
  async remember(personId: string, address: ConversationAddress, now: Date, force = false): Promise<Remembered> {
    const fingerprint = fingerprintOf(address);
    await this.forgetDropped(now);
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
  async remove(personId: string, conversationId?: string, now: Date = new Date()): Promise<boolean> {
    this.known.delete(personId);
    const found = await readDoc<ReferenceDoc | DroppedDoc>(this.container, personId, personId);
    const live = found && 'address' in found.doc ? found.doc : undefined;
    // Without a conversation it is erasure (delete my data): nothing is left, not even a mark.
    if (conversationId === undefined) return found ? (await deleteDoc(this.container, personId)) && !!live : false;
    if (!live || live.address.conversation.id !== conversationId) return false;
    // A mark, not a delete, so other instances that remember this address notice (forgetDropped). If-Match: an
    // address stored meanwhile (the person wrote again) stands.
    const mark: DroppedDoc = { id: personId, droppedAt: now.toISOString(), ttl: DROPPED_TTL_SECONDS };
    try {
      await this.container.item(personId, personId).replace(mark, { accessCondition: { type: 'IfMatch', condition: found!.etag } });
      return true;
    } catch (err) {
      const code = (err as { code?: number }).code;
      if (code === 412 || code === 404) return false;
      throw err;
    }
  }

  /**
   * Forgets what this instance remembers of anyone whose reference another instance dropped since it last looked
   * (at most every DROP_SYNC_MS), so their next message stores their address again instead of being skipped.
   */
  private async forgetDropped(now: Date): Promise<void> {
    if (this.syncedAt !== undefined && now.getTime() - this.syncedAt < DROP_SYNC_MS) return;
    // Looking back a little further than the last look covers clocks a few seconds apart between instances.
    const since = new Date((this.syncedAt ?? now.getTime() - KNOWN_FOR_MS) - DROP_SYNC_MS).toISOString();
    this.syncedAt = now.getTime();
    if (!this.known.size) return;
    const { resources } = await this.container.items
      .query<{ id: string }>({ query: 'SELECT c.id FROM c WHERE c.droppedAt >= @since', parameters: [{ name: '@since', value: since }] })
      .fetchAll();
    for (const { id } of resources) this.known.delete(id);
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
