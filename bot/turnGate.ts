// How a turn is run so that storage faults and races cannot lose or garble a step:
// - replies are held until the turn's dialog state is stored; if storage is down the PSW gets one clear
//   message (STORAGE_DOWN) instead of a next question whose answer could not be kept, and the next turn
//   after recovery carries on from the last stored step;
// - turns of one conversation run one at a time in this process, so two messages sent at once are handled
//   in order and the second sees what the first stored (bot state itself is last-writer-wins).
import type { Activity, ResourceResponse, TurnContext } from 'botbuilder';
import { STORAGE_DOWN } from '../dialogs/messages';
import { errorFields, log } from '../services/log';
import { isStorageUnavailable } from '../services/storage/retry';

const PASS_THROUGH = new Set(['trace', 'invokeResponse']);

/** Runs `turn` then `save`; sends the turn's replies only once `save` has succeeded. */
export async function runHeld(context: TurnContext, turn: () => Promise<void>, save: () => Promise<void>): Promise<void> {
  const held: Partial<Activity>[] = [];
  let holding = true;
  context.onSendActivities(async (_ctx, activities, next): Promise<ResourceResponse[]> => {
    if (!holding || activities.every((a) => PASS_THROUGH.has(a.type ?? ''))) return next();
    held.push(...activities);
    return activities.map(() => ({ id: '' }));
  });
  try {
    await turn();
    await save();
  } catch (err) {
    holding = false; // the held replies belong to a step that was not stored: they are dropped
    if (!isStorageUnavailable(err)) throw err;
    log.warn('turn.storage_unavailable', { activityType: context.activity.type, count: held.length, ...errorFields(err) });
    await context.sendActivity(STORAGE_DOWN);
    return;
  }
  holding = false;
  if (held.length) await context.sendActivities(held);
}

const queues = new Map<string, Promise<void>>();

/** Runs fn after every earlier call with the same key has finished (whether it succeeded or not). */
export function oneAtATime(key: string, fn: () => Promise<void>): Promise<void> {
  const previous = queues.get(key) ?? Promise.resolve();
  const run = previous.then(fn, fn);
  const tail = run.catch(() => undefined);
  queues.set(key, tail);
  void tail.then(() => {
    if (queues.get(key) === tail) queues.delete(key);
  });
  return run;
}
