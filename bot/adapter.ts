// The CloudAdapter with Bot Framework authentication from configuration. In local mode (no MicrosoftAppId)
// the app id is '' (not undefined), which switches off token checks for the local channel.
import { randomUUID } from 'node:crypto';
import { CloudAdapter, ConfigurationBotFrameworkAuthentication, type Activity, type InvokeResponse, type TurnContext } from 'botbuilder';
import type { Activity as SchemaActivity } from 'botframework-schema';
import type { AuthenticateRequestResult, ClaimsIdentity, ConnectorFactory } from 'botframework-connector';
import type { Config } from '../services/config';
import { t } from '../services/catalogue';
import { errorFields, log } from '../services/log';
import { loopbackOnly } from './loopback';


/** CloudAdapter with its authenticate-and-run step public, so the server writes the HTTP answer itself (bot/httpGuards.authFailure). */
export class PeerReflectAdapter extends CloudAdapter {
  runActivity(authHeader: string, activity: Activity, logic: (context: TurnContext) => Promise<void>): Promise<InvokeResponse | undefined> {
    return this.processActivity(authHeader, activity, logic);
  }
}

/** Local mode: every connector client (replies, proactive sends, new conversations) is for a loopback serviceUrl only. */
class LocalAuthentication extends ConfigurationBotFrameworkAuthentication {
  override async authenticateRequest(activity: SchemaActivity, authHeader: string): Promise<AuthenticateRequestResult> {
    const result = await super.authenticateRequest(activity, authHeader);
    return result.connectorFactory ? { ...result, connectorFactory: loopbackOnly(result.connectorFactory) } : result;
  }

  override createConnectorFactory(claimsIdentity: ClaimsIdentity): ConnectorFactory {
    return loopbackOnly(super.createConnectorFactory(claimsIdentity));
  }
}

export function createAdapter(config: Config): PeerReflectAdapter {
  const Authentication = config.localMode ? LocalAuthentication : ConfigurationBotFrameworkAuthentication;
  const auth = new Authentication({
    MicrosoftAppId: config.microsoftAppId,
    MicrosoftAppPassword: config.microsoftAppPassword,
    MicrosoftAppType: config.microsoftAppType,
    MicrosoftAppTenantId: config.microsoftAppTenantId,
  });
  const adapter = new PeerReflectAdapter(auth);
  adapter.onTurnError = async (context: TurnContext, error: Error) => {
    // Logged with an id a person can quote; never the message text or the error message (it may quote data).
    const errorId = randomUUID().slice(0, 8);
    log.error('turn.error', { errorId, activityType: context.activity.type, channelId: context.activity.channelId, ...errorFields(error) });
    try {
      // Outside the bot's turn (bot/peerReflectBot.ts sets the locale there), so the locale is passed.
      await context.sendActivity(t('bot.apology', { ref: errorId }, context.activity.locale));
    } catch (sendErr) {
      log.error('turn.apology_failed', { errorId, ...errorFields(sendErr) });
    }
  };
  return adapter;
}
