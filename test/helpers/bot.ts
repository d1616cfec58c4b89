// Starts the real bot (restify + CloudAdapter + Cosmos-backed state) on a free loopback port and talks to it
// over HTTP with deliveryMode "expectReplies", as a channel would.
import { randomUUID } from 'node:crypto';
import type { Activity } from 'botbuilder';
import { createServices, type AppServices } from '../../services/app';
import type { Config } from '../../services/config';
import type { Role } from '../../services/people';
import type { Store } from '../../services/storage/cosmos';
import { createBotServer, type BotServer, type RouteInstaller } from '../../bot/server';
import type { BuiltDialogs } from '../../dialogs';
import { testConfig } from './config';
import { closeStores, freshStore } from './store';

export interface RunningBot {
  url: string;
  app: AppServices;
  store: Store;
  server: BotServer;
  stop(): Promise<void>;
}

export interface BotOptions {
  config?: Partial<Config>;
  store?: Store;
  extraRoutes?: RouteInstaller[];
  tweak?: (app: AppServices) => void;
  dialogs?: (app: AppServices) => BuiltDialogs;
}

export async function startBot(opts: BotOptions = {}): Promise<RunningBot> {
  const config = testConfig(opts.config);
  const store = opts.store ?? (await freshStore());
  const app = createServices(config, store);
  opts.tweak?.(app);
  const server = createBotServer(app, { extraRoutes: opts.extraRoutes, dialogs: opts.dialogs?.(app) });
  const port = await server.listen();
  return {
    url: `http://127.0.0.1:${port}`,
    app,
    store,
    server,
    async stop() {
      await server.close(1000);
      if (!opts.store) await store.close();
    },
  };
}

/**
 * One bot for the enclosing `describe`: registers the mocha hooks that start it before the tests and stop it (and
 * every store) after. Mocha runs hooks in the order they are registered: `before` hooks registered after this call
 * already see the bot.
 * Returns an accessor, as the bot exists only once the hook has run: `const bot = useBot(); ... bot().url`.
 */
export function useBot(opts: BotOptions = {}): () => RunningBot {
  let bot: RunningBot | undefined;
  before(async () => {
    bot = await startBot(opts);
  });
  after(async () => {
    await bot?.stop();
    await closeStores();
  });
  return () => {
    if (!bot) throw new Error('useBot(): the bot starts in a before() hook; call the accessor inside a test or hook');
    return bot;
  };
}

/** Stores the person behind this channel user id with a role (and time zone), as an admin's roster would; returns their person id. */
export async function asRole(bot: RunningBot, userId: string, role: Role, timeZone = 'America/Toronto'): Promise<string> {
  const id = bot.app.personIdFor(userId);
  await bot.app.people.put({ id, role, timeZone, createdAt: new Date().toISOString() });
  return id;
}

/** A person in a conversation with the bot; each `say` posts one activity and returns the replies. */
export class Conversation {
  readonly conversationId: string;
  constructor(readonly url: string, readonly userId: string = `user-${randomUUID().slice(0, 6)}`, conversationId?: string, readonly channelId = 'test') {
    this.conversationId = conversationId ?? `conv-${randomUUID().slice(0, 8)}`;
  }

  activity(partial: Partial<Activity>): Partial<Activity> {
    return {
      type: 'message',
      id: randomUUID(),
      channelId: this.channelId,
      serviceUrl: 'http://127.0.0.1:9/',
      from: { id: this.userId, name: 'Tester' },
      recipient: { id: 'peerreflect-bot', name: 'PeerReflect' },
      conversation: { id: this.conversationId, conversationType: 'personal', isGroup: false, name: '' },
      timestamp: new Date(),
      locale: 'en-CA',
      deliveryMode: 'expectReplies',
      ...partial,
    };
  }

  async post(partial: Partial<Activity>): Promise<{ status: number; activities: Activity[] }> {
    const res = await fetch(`${this.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(this.activity(partial)),
    });
    const text = await res.text();
    const body = text ? (JSON.parse(text) as { activities?: Activity[] }) : {};
    return { status: res.status, activities: body.activities ?? [] };
  }

  /** Sends text (or a card submission value) and returns the replies; fails on a non-200. */
  async say(textOrValue: string | Record<string, unknown>): Promise<Activity[]> {
    const partial = typeof textOrValue === 'string' ? { text: textOrValue } : { value: textOrValue, text: '' };
    const { status, activities } = await this.post(partial);
    if (status !== 200) throw new Error(`POST /api/messages answered ${status}`);
    return activities;
  }
}

/** All the text a set of replies shows a person: message text plus the text blocks and button titles of cards. */
export function visibleText(activities: Partial<Activity>[]): string {
  const parts: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) {
      node.forEach(walk);
      return;
    }
    if (!node || typeof node !== 'object') return;
    const o = node as Record<string, unknown>;
    for (const key of ['text', 'title', 'label', 'placeholder', 'value']) {
      if (typeof o[key] === 'string' && key !== 'value') parts.push(o[key] as string);
    }
    for (const v of Object.values(o)) if (typeof v === 'object') walk(v);
  };
  for (const a of activities) {
    if (a.text) parts.push(a.text);
    walk(a.attachments?.map((x) => x.content));
    walk(a.suggestedActions);
  }
  return parts.join('\n');
}

/** The data of a card button (by title) of the last card in the replies, or of its first button: answering "by card". */
export function cardData(replies: Partial<Activity>[], title?: string): Record<string, unknown> {
  const cards = replies.flatMap((a) => a.attachments ?? []).map((x) => x.content as { actions?: { title: string; data: Record<string, unknown> }[] });
  const actions = cards[cards.length - 1]?.actions ?? [];
  const action = title ? actions.find((a) => a.title === title) : actions[0];
  if (!action) throw new Error(`no card button ${title ?? ''}`);
  return action.data;
}
