// What a command is, and how typed text finds one. The table itself is built in dialogs/index.ts
// (buildCommandTable), so `help`, routing and the Teams command list agree — and nothing registers on import.
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
  /**
   * Works inside any dialog too (the safety protocol: `worried`): typed exactly, it opens on top of what is running,
   * which carries on afterwards; its dialog gets { args: '', inDialog: true } and, from a dialog with a
   * `screenContext(dc)` method (the debrief), where it is.
   */
  everywhere?: boolean;
}

export interface CommandTable {
  /** In the order `help` lists them: what people reach for most first, data rights last. */
  commands: readonly Command[];
  /** For a role, the dialog that answers text matching no command (new hires are offered onboarding). */
  fallbacks: ReadonlyMap<Role, string>;
}

/** What `cancel` says while `dialogId` (the dialog at the bottom of the stack) is running. */
export function cancelledMessage(commands: readonly Command[], dialogId: string | undefined, fallback: string): string {
  return commands.find((c) => c.dialogId === dialogId)?.cancelled ?? fallback;
}

export interface RoutedCommand {
  command: Command;
  args: string;
}

export function matchCommand(text: string, commands: readonly Command[]): RoutedCommand | undefined {
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

export function commandsFor(role: Role, commands: readonly Command[]): Command[] {
  return commands.filter((c) => c.roles.includes(role));
}
