// One turn of conversation: `cancel` and `help` work everywhere; otherwise an active dialog continues, or a
// command starts one. Card buttons outside a dialog send { command: '...' } and route like typed text.
import type { TurnContext } from 'botbuilder';
import { DialogTurnStatus, type DialogContext } from 'botbuilder-dialogs';
import { log } from '../services/log';
import { cancelledMessage, matchCommand, type CommandTable } from './commands';
import * as messages from './messages';
import { personOf, textOf } from './turn';

const CANCEL = /^(cancel|stop|quit|exit|never ?mind)$/i;
export const HELP = /^(help|\?|menu)$/i;

export async function routeTurn(dc: DialogContext, table: CommandTable): Promise<void> {
  const context = dc.context;
  const person = personOf(context);
  const text = textOf(context);
  const valueCommand = commandFromValue(context);

  if (CANCEL.test(text) || valueCommand === 'cancel') {
    if (dc.activeDialog) {
      const root = dc.stack[dc.stack.length - 1]?.id;
      await dc.cancelAllDialogs();
      await context.sendActivity(cancelledMessage(table.commands, root, messages.CANCELLED));
      log.info('dialog.cancelled', { command: 'cancel' });
    } else {
      await context.sendActivity(messages.NOTHING_TO_CANCEL);
    }
    return;
  }
  if (HELP.test(text) || valueCommand === 'help') {
    await context.sendActivity(messages.help(person, table.commands));
    if (dc.activeDialog) await dc.repromptDialog();
    return;
  }
  // A command that works everywhere (`worried`) opens on top of what is running. Inside a dialog only the phrase on
  // its own counts, so an answer that merely starts with it ("worried about her rent") stays an answer.
  const anywhere = dc.activeDialog ? matchCommand(valueCommand ?? text, table.commands.filter((c) => c.everywhere)) : undefined;
  if (anywhere && !anywhere.args && anywhere.command.roles.includes(person.role) && !dc.stack.some((d) => d.id === anywhere.command.dialogId)) {
    log.info('command.start', { command: anywhere.command.dialogId });
    // A debrief says where it is, so what is raised joins its one alert (with its client code).
    const host = dc.findDialog(dc.activeDialog!.id) as { screenContext?: (dc: DialogContext) => object | undefined } | undefined;
    await dc.beginDialog(anywhere.command.dialogId, { args: '', inDialog: true, ...host?.screenContext?.(dc) });
    return;
  }
  if (dc.activeDialog) {
    const result = await dc.continueDialog();
    if (result.status !== DialogTurnStatus.empty) return;
  }
  const routed = matchCommand(valueCommand ?? text, table.commands);
  if (!routed) {
    const fallback = table.fallbacks.get(person.role);
    if (fallback && dc.findDialog(fallback)) {
      await dc.beginDialog(fallback);
      return;
    }
    await context.sendActivity(messages.NOT_UNDERSTOOD);
    return;
  }
  if (!routed.command.roles.includes(person.role)) {
    await context.sendActivity(messages.NOT_ALLOWED);
    return;
  }
  log.info('command.start', { command: routed.command.dialogId });
  await dc.beginDialog(routed.command.dialogId, { args: routed.args });
}

function commandFromValue(context: TurnContext): string | undefined {
  const value = context.activity.value as { command?: unknown } | undefined;
  return value && typeof value.command === 'string' && !context.activity.text ? value.command : undefined;
}
