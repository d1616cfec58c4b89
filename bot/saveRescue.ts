// Save, with storage down from the very start of the turn: the turn cannot read the conversation's dialog state,
// so it cannot run. If the tap is the Save button of a review this instance last showed (the card's nonce matches
// the copy of the state it keeps, bot/stateStorage.ts), the reflection on that card is handed to the outbox, which
// keeps it on disk and saves it once storage is back — instead of asking the PSW to send it again. A typed "save"
// carries no nonce, so it cannot prove which review it answers (another instance may have shown a newer one): it
// gets the usual "send it again".
import type { TurnContext } from 'botbuilder';
import { draftAtReview } from '../dialogs/reflection';
import type { AppServices } from '../services/app';
import { t } from '../services/catalogue';
import { errorFields, log } from '../services/log';
import { reflectionFromDraft } from '../services/reflections/draft';
import type { EtagCheckedStorage } from './stateStorage';

/** What to say when the tap was rescued; undefined when it was not a Save this instance can vouch for. */
export async function rescueSave(context: TurnContext, app: AppServices, storage: EtagCheckedStorage, stateKey: string): Promise<string | undefined> {
  const value = context.activity.value as { step?: unknown; choice?: unknown; nonce?: unknown } | undefined;
  if ((context.activity.text ?? '').trim() || value?.step !== 'review' || value.choice !== 'save' || typeof value.nonce !== 'string') return undefined;
  const from = context.activity.from;
  const state = storage.lastKnown(stateKey);
  const psw = app.personIdFor(from.aadObjectId ?? from.id);
  // Only the person whose debrief it is (the conversation's owner, as the bot stores it).
  if (!state || state.owner !== psw) return undefined;
  const draft = draftAtReview(state.dialogState, value.nonce);
  if (!draft) return undefined;
  try {
    const outcome = await app.outbox.submit(reflectionFromDraft(draft, psw, app.now(), app.reflections.ttlSeconds()));
    log.info('reflection.rescued', { status: outcome, kind: draft.practice ? 'practice' : 'real' });
    return outcome === 'kept' ? t('router.reflectionKept') : t('save.saved');
  } catch (err) {
    log.error('reflection.rescue_failed', errorFields(err));
    return undefined;
  }
}
