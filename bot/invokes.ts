// Invoke activities want an answer in the HTTP response, not a message. PeerReflect's cards use Action.Submit
// (a message with a value), so an invoke is a health check, a client trying a feature we do not offer, or a
// forgery. botbuilder answers what it does not implement with 501; a sender must never be able to cause a 5xx
// other than 503 (docs/SECURITY.md), so each invoke gets the answer its kind expects, with one plain sentence
// where the client shows one.
import type { Activity, InvokeResponse } from 'botbuilder';
import { t } from '../services/catalogue';

export function invokeAnswer(activity: Pick<Activity, 'name' | 'value'>): InvokeResponse {
  const name = activity.name ?? '';
  switch (name) {
    case 'healthCheck':
      return { status: 200, body: { healthResults: { success: true, messages: ['PeerReflect is running.'] } } };
    case 'adaptiveCard/action':
      // Universal Actions (Action.Execute): the client shows the message in place of the card's answer.
      return { status: 200, body: { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: t('bot.notHere') } };
    case 'task/fetch':
    case 'task/submit':
      return { status: 200, body: { task: { type: 'message', value: t('bot.notHere') } } };
    case 'signin/tokenExchange': {
      // PeerReflect signs no one in; 412 tells the client to fall back (and not to retry the exchange).
      const v = (activity.value ?? {}) as { id?: unknown; connectionName?: unknown };
      return { status: 412, body: { id: typeof v.id === 'string' ? v.id : '', connectionName: typeof v.connectionName === 'string' ? v.connectionName : '', failureDetail: 'PeerReflect does not use sign-in.' } };
    }
    default:
      if (name.startsWith('composeExtension/')) return { status: 200, body: { composeExtension: { type: 'message', text: t('bot.notHere') } } };
      // config/*, signin/verifyState, fileConsent, a nameless Teams card action, anything else: acknowledged.
      return { status: 200 };
  }
}
