// Save: the reflection, its relationship and any follow-up in one step (services/reflections/commit.ts, through the
// outbox), then what the PSW learns of it — "Saved", or "kept" while storage is down. Names learnt in this debrief
// stay with the client's relationship (hashes only).
import type { TurnContext } from 'botbuilder';
import type { AppServices } from '../services/app';
import { t } from '../services/catalogue';
import { log, errorFields } from '../services/log';
import { reflectionFromDraft, type Draft } from '../services/reflections/draft';
import { memoryOf } from '../services/reflections/nameMemory';
import { markDurable, personOf } from './turn';

/** Saves a reviewed draft and says so; returns the saved reflection's id. Throws (after saying sorry) when it can't. */
export async function saveReflection(app: AppServices, context: TurnContext, draft: Draft): Promise<string | undefined> {
  const person = personOf(context);
  const now = app.now();
  const doc = reflectionFromDraft(draft, person.id, now, app.reflections.ttlSeconds());
  try {
    // Saves the reflection, relationship and follow-up (services/reflections/commit.ts); while storage is
    // down the outbox keeps the reflection on this server and saves it when storage is back.
    // What this debrief learnt about names stays with the client's relationship (hashes only), written with it.
    const names = !draft.practice && draft.hidden ? memoryOf(draft.hidden) : undefined;
    const outcome = await app.outbox.submit(doc, { timeZone: person.timeZone, ...(names ? { names } : {}) });
    log.info('reflection.saved', { stage: doc.stage, movement: doc.movement, status: outcome, kind: draft.practice ? 'practice' : 'real' });
    if (outcome === 'kept') {
      const kept = t('router.reflectionKept');
      markDurable(context, kept);
      await context.sendActivity(kept);
      return doc.id;
    }
  } catch (err) {
    log.error('reflection.save_failed', errorFields(err));
    await context.sendActivity(t('save.failed'));
    throw err;
  }
  const saved = savedMessage(app, draft);
  // Saved whatever happens to this step's dialog state: if storing the step fails, this is still what is said.
  markDurable(context, saved);
  await context.sendActivity(saved);
  return doc.id;
}

function savedMessage(app: AppServices, draft: Draft): string {
  if (draft.stall && !draft.practice) return t('save.savedFollowUp', { clientCode: draft.clientCode, days: app.config.followUpDays });
  return t('save.saved');
}
