// The commands a person can type (or send from a card button as { command }), who may use them, and the
// dialog each starts. One table, so `help`, routing and the Teams command list agree.
import type { Role } from '../services/people';

export interface Command {
  /** What a person types; the first is the canonical form shown in help. Matched case-insensitively, longest first. */
  phrases: string[];
  /** The dialog started with { args } (the text after the phrase). */
  dialogId: string;
  roles: Role[];
  help: string;
  /** Said on `cancel` when this command's dialog is running, where the default ("nothing was saved") isn't true. */
  cancelled?: string;
}

const EVERYONE: Role[] = ['psw', 'supervisor', 'newhire', 'admin'];

export const COMMANDS: Command[] = [];

/** Dialog modules call this when they are registered, so the table grows with the features. */
export function registerCommand(command: Command): void {
  COMMANDS.push(command);
}

/** For a role, the dialog that answers text matching no command (new hires are offered onboarding). */
export const FALLBACKS = new Map<Role, string>();

export function registerFallback(role: Role, dialogId: string): void {
  FALLBACKS.set(role, dialogId);
}

/** What `cancel` says while `dialogId` (the dialog at the bottom of the stack) is running. */
export function cancelledMessage(dialogId: string | undefined, fallback: string): string {
  return COMMANDS.find((c) => c.dialogId === dialogId)?.cancelled ?? fallback;
}

export interface RoutedCommand {
  command: Command;
  args: string;
}

export function matchCommand(text: string, commands: Command[] = COMMANDS): RoutedCommand | undefined {
  const t = text.trim().replace(/\s+/g, ' ').toLowerCase().replace(/^\//, '');
  let best: RoutedCommand | undefined;
  let bestLength = -1;
  for (const command of commands) {
    for (const phrase of command.phrases) {
      if ((t === phrase || t.startsWith(`${phrase} `)) && phrase.length > bestLength) {
        best = { command, args: text.trim().replace(/\s+/g, ' ').slice(phrase.length + (text.trim().startsWith('/') ? 1 : 0)).trim() };
        bestLength = phrase.length;
      }
    }
  }
  return best;
}

export function commandsFor(role: Role, commands: Command[] = COMMANDS): Command[] {
  return commands.filter((c) => c.roles.includes(role));
}

export { EVERYONE };
