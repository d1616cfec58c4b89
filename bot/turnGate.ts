// How a turn is run so that storage faults and races cannot lose or garble a step:
// - replies are held until the turn's dialog state is stored; if storage is down the PSW gets one clear
//   message (bot.storageDown) instead of a next question whose answer could not be kept, and the next turn
//   after recovery carries on from the last stored step;
// - turns of one conversation run one at a time in this process, so two messages sent at once are handled
//   in order and the second sees what the first stored;
// - across processes (two instances behind a load balancer) bot state is written with the etag the turn read
//   (bot/stateStorage.ts); the turn that loses is run again on the state the winner stored, its held replies
//   dropped first, so neither message is lost and nobody sees a reply from the discarded run.
import type { Activity, ResourceResponse, TurnContext } from 'botbuilder';
import { errorFields, log } from '../services/log';
import { isStorageUnavailable } from '../services/storage/retry';
import { DURABLE_REPLY_KEY } from '../dialogs/turn';
import { t } from '../services/catalogue';
import { isStateConflict } from './stateStorage';

const PASS_THROUGH = new Set(['trace', 'invokeResponse']);

/** How many times a turn is run in all when another instance keeps writing the conversation's state first. */
export const CONFLICT_ATTEMPTS = 4;

/**
 * Runs `turn` then `save`; sends the turn's replies only once `save` has succeeded. On a state conflict the
 * replies are dropped, `reload` re-reads the state, and the turn runs again (side effects of a turn — the
 * reflection commit above all — are idempotent by fixed ids, so a re-run cannot double them).
 * Resolves to the replies sent for the stored step (none when storage was down: that step was not stored).
 */
export async function runHeld(
  context: TurnContext, turn: () => Promise<void>, save: () => Promise<void>, reload: () => Promise<void> = async () => undefined,
  /** With storage down: what can still be done without it (bot/saveRescue.ts), and the words to say; undefined: nothing. */
  rescue: () => Promise<string | undefined> = async () => undefined,
): Promise<Partial<Activity>[]> {
  const held: Partial<Activity>[] = [];
  let holding = true;
  context.onSendActivities(async (_ctx, activities, next): Promise<ResourceResponse[]> => {
    if (!holding || activities.every((a) => PASS_THROUGH.has(a.type ?? ''))) return next();
    held.push(...activities);
    return activities.map(() => ({ id: '' }));
  });
  try {
    for (let attempt = 1; ; attempt++) {
      try {
        await turn();
        await save();
        break;
      } catch (err) {
        if (!isStateConflict(err) || attempt >= CONFLICT_ATTEMPTS) throw err;
        log.info('turn.state_conflict', { count: attempt });
        held.length = 0;
        await reload();
      }
    }
  } catch (err) {
    holding = false; // the held replies belong to a step that was not stored: they are dropped
    if (!isStorageUnavailable(err)) throw err;
    log.warn('turn.storage_unavailable', { activityType: context.activity.type, count: held.length, ...errorFields(err) });
    // A reflection already saved or spooled is not lost with the step: say so, rather than "send it again".
    const durable = (context.turnState.get(DURABLE_REPLY_KEY) as string | undefined) ?? (await rescue());
    await context.sendActivity(durable ?? t('bot.storageDown'));
    return [];
  }
  holding = false;
  if (held.length) await context.sendActivities(held);
  return held;
}

export type TurnQueue = (key: string, fn: () => Promise<void>) => Promise<void>;

/** One per bot (per process in production): runs fn after every earlier call with the same key has finished. */
export function createTurnQueue(): TurnQueue {
  const queues = new Map<string, Promise<void>>();
  return (key, fn) => oneAtATime(queues, key, fn);
}

function oneAtATime(queues: Map<string, Promise<void>>, key: string, fn: () => Promise<void>): Promise<void> {
  const previous = queues.get(key) ?? Promise.resolve();
  const run = previous.then(fn, fn);
  const tail = run.catch(() => undefined);
  queues.set(key, tail);
  void tail.then(() => {
    if (queues.get(key) === tail) queues.delete(key);
  });
  return run;
}
