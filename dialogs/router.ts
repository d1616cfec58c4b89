// One turn of conversation: `cancel` and `help` work everywhere; otherwise an active dialog continues, or a
// command starts one. Card buttons outside a dialog send { command: '...' } and route like typed text.
import type { TurnContext } from 'botbuilder';
import { DialogTurnStatus, type DialogContext } from 'botbuilder-dialogs';
import { t } from '../services/catalogue';
import { log } from '../services/log';
import { cancelledMessage, commandLine, commandMidDialog, commandsFor, matchCommand, withoutIdentifiers, type Command, type CommandTable, type RoutedCommand } from './commands';
import { choiceAsked, matchChoice } from './prompts';
import { askingAbout, codeAnswered, STOP_DIALOG, SWITCH_DIALOG, type DebriefProgress, type SwitchOptions } from './midDebrief';
import { didYouMean, help, smallTalk } from './messages';
import { screenOutside } from './safety';
import { personOf, textOf } from './turn';

const CANCEL = /^(cancel|stop|quit|exit|never ?mind)$/i;
export const HELP = /^(help|help me|\?|menu)$/i;

interface DebriefHost {
  progress(dc: DialogContext): DebriefProgress;
}

export async function routeTurn(dc: DialogContext, table: CommandTable): Promise<void> {
  const context = dc.context;
  const person = personOf(context);
  const text = textOf(context);
  const valueCommand = commandFromValue(context);

  // A debrief that reports its progress (dialogs/midDebrief.ts) is asked about before a command or `stop` ends it.
  const debrief = dc.activeDialog && (dc.findDialog(dc.activeDialog.id) as Partial<DebriefHost> | undefined)?.progress?.(dc);
  if (CANCEL.test(text) || valueCommand === 'cancel') {
    if (debrief?.answered) {
      await dc.beginDialog(STOP_DIALOG, debrief);
      return;
    }
    if (dc.activeDialog) {
      const root = dc.stack[dc.stack.length - 1]?.id;
      await dc.cancelAllDialogs();
      await context.sendActivity(cancelledMessage(table.commands, root));
      log.info('dialog.cancelled', { command: 'cancel' });
    } else {
      await context.sendActivity(t('router.nothingToCancel'));
    }
    return;
  }
  if (HELP.test(text) || valueCommand === 'help') {
    await context.sendActivity(help(person, table.commands));
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
  // A command typed at a debrief's question is not its answer: carry on, or switch? Typed at the stop or switch
  // question itself, it takes that question's place (carrying on goes back to the debrief, never round again).
  const asking = askingAbout(dc);
  const about = debrief ?? asking;
  const command = about && !valueCommand ? commandMidDialog(text, commandsFor(person.role, table.commands)) : undefined;
  // `reflect C-3` at reflect's own "Which client?" is the answer C-3 (checked there like any typed code).
  const code = command && debrief && codeAnswered(dc, command);
  if (code) context.activity.text = code;
  const mid = code ? undefined : command;
  const typed = mid && withoutIdentifiers(mid);
  if (about && typed) {
    const label = `\`${commandLine(typed)}\``;
    const options = { ...about, dialogId: typed.command.dialogId, args: typed.args, label } satisfies SwitchOptions;
    await (asking ? dc.replaceDialog(SWITCH_DIALOG, options) : dc.beginDialog(SWITCH_DIALOG, options));
    return;
  }
  // Outside a debrief, a command typed at a list's question (`flags`, a summary's pages, reminders) is not an answer
  // and nothing there is lost by leaving: the command runs (it used to get "I didn't catch that" until `cancel`).
  const leaving = !about && !valueCommand && dc.activeDialog ? commandAtChoice(dc, text, commandsFor(person.role, table.commands)) : undefined;
  if (leaving) {
    log.info('command.start', { command: leaving.command.dialogId });
    await dc.cancelAllDialogs();
    await dc.beginDialog(leaving.command.dialogId, { args: leaving.args });
    return;
  }
  if (dc.activeDialog) {
    const result = await dc.continueDialog();
    if (result.status !== DialogTurnStatus.empty) return;
  }
  const routed = matchCommand(valueCommand ?? text, table.commands);
  if (!routed) {
    if (!valueCommand && (await screenOutside(dc, text))) return;
    // A close misspelling of a command (`relfect C-7`, `my summery`) is offered as a button, never run unasked.
    const close = valueCommand ? undefined : commandMidDialog(text, commandsFor(person.role, table.commands), { everywhere: true });
    const guessed = close && withoutIdentifiers(close);
    if (guessed) {
      log.info('command.guessed', { command: guessed.command.dialogId });
      await context.sendActivity(didYouMean(commandLine(guessed)));
      return;
    }
    const fallback = table.fallbacks.get(person.role);
    if (fallback && dc.findDialog(fallback)) {
      await dc.beginDialog(fallback);
      return;
    }
    // `hi`, `thanks`, `ok` from someone who knows their way around: a short, warm word, not "I didn't catch that".
    await context.sendActivity(smallTalk(text, person) ?? t('router.notUnderstood'));
    return;
  }
  if (!routed.command.roles.includes(person.role)) {
    await context.sendActivity(t('router.notAllowed'));
    return;
  }
  log.info('command.start', { command: routed.command.dialogId });
  await dc.beginDialog(routed.command.dialogId, { args: routed.args });
}

/** A command typed, exactly and command-shaped, at a choice it does not answer; never during the safety protocol. */
function commandAtChoice(dc: DialogContext, text: string, commands: Command[]): RoutedCommand | undefined {
  const asked = choiceAsked(dc);
  if (!asked || asked.chain.some((id) => id.startsWith('safety.')) || matchChoice(text, asked.options.choices)) return undefined;
  const routed = matchCommand(text, commands);
  const shaped = routed && commandMidDialog(text, [routed.command]);
  return shaped && routed;
}

function commandFromValue(context: TurnContext): string | undefined {
  const value = context.activity.value as { command?: unknown } | undefined;
  return value && typeof value.command === 'string' && !context.activity.text ? value.command : undefined;
}
