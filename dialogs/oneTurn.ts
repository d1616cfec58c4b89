// A command answered within one turn (summary, reminders, export…): nothing stays in dialog state.
import type { TurnContext } from 'botbuilder';
import { Dialog, type DialogContext, type DialogTurnResult } from 'botbuilder-dialogs';

export class OneTurnDialog extends Dialog {
  constructor(id: string, private readonly answer: (context: TurnContext, args: string) => Promise<void>) {
    super(id);
  }

  override async beginDialog(dc: DialogContext, options?: { args?: string }): Promise<DialogTurnResult> {
    await this.answer(dc.context, (options?.args ?? '').trim());
    return dc.endDialog();
  }
}
