// What a command is, and how typed text finds one. The table itself is built in dialogs/index.ts
// (buildCommandTable), so `help`, routing and the Teams command list agree — and nothing registers on import.
import { t, type MessageKey } from '../services/catalogue';
import type { Role } from '../services/people';
import { looksLikeIdentifier } from '../services/deidentify';
import { distance, typoBudget } from '../services/editDistance';

export interface Command {
  /** What a person types; the first is the canonical form shown in help. Matched case-insensitively, longest first. */
  phrases: string[];
  /** The dialog started with { args } (the text after the phrase). */
  dialogId: string;
  roles: Role[];
  /** What `help` says it does (a catalogue key). */
  help: MessageKey;
  /** Said on `cancel` when this command's dialog is running, where the default ("nothing was saved") isn't true. */
  cancelled?: MessageKey;
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
export function cancelledMessage(commands: readonly Command[], dialogId: string | undefined): string {
  return t(commands.find((c) => c.dialogId === dialogId)?.cancelled ?? 'router.cancelled');
}

export interface RoutedCommand {
  command: Command;
  args: string;
}

export function matchCommand(text: string, commands: readonly Command[]): RoutedCommand | undefined {
  const typed = text.trim().replace(/\s+/g, ' ').toLowerCase().replace(/^\//, '');
  let best: RoutedCommand | undefined;
  let bestLength = -1;
  for (const command of commands) {
    for (const phrase of command.phrases) {
      if ((typed === phrase || typed.startsWith(`${phrase} `)) && phrase.length > bestLength) {
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

/**
 * A command typed where it is not run at once (the switch question keeps it in dialog state and on its button; "Did
 * you mean …?" on its button): what follows the phrase is left out when it holds a name, a phone or another
 * identifier (`history Jordan`, `reflect 780-555-0142`), so nothing identifying is kept or echoed (rule 1).
 */
export function withoutIdentifiers(routed: RoutedCommand): RoutedCommand {
  const check = routed.args ? looksLikeIdentifier(routed.args) : undefined;
  return check && !check.ok && check.reason === 'identifier' ? { ...routed, args: '' } : routed;
}

/** A routed command as it would be typed: `history C-21`. */
export function commandLine(routed: RoutedCommand): string {
  return [routed.command.phrases[0], routed.args].filter(Boolean).join(' ');
}

// Words that make a "command" typed mid-answer read as a sentence instead ("history of abuse came up").
const SENTENCE_WORDS = new Set(['i', 'he', 'she', 'they', 'we', 'it', 'is', 'was', 'of', 'the', 'a', 'an', 'and', 'to', 'with', 'about', 'for', 'on', 'my', 'her', 'his', 'their', 'that', 'so']);
const CODE_LIKE = /^[a-z]{0,4}-?\d{1,5}$/i;

/**
 * A command typed where a dialog expects an answer (`reflect E-2`, `history C-21`, `summary`, or a close misspelling:
 * `histroy C-21`, `sumary`). Only command-shaped text counts: the phrase alone, or followed by a client code or at
 * most three words that don't read as a sentence — so "history of abuse came up" stays an answer. Outside a dialog the
 * router asks the same of text that matches no command ("Did you mean `reflect C-7`?"), `everywhere` commands included.
 */
export function commandMidDialog(text: string, commands: readonly Command[], { everywhere = false } = {}): RoutedCommand | undefined {
  const words = text.trim().replace(/^\//, '').replace(/\s+/g, ' ').split(' ');
  const lower = words.map((w) => w.toLowerCase());
  let best: (RoutedCommand & { cost: number; length: number }) | undefined;
  for (const command of commands) {
    if (command.everywhere && !everywhere) continue; // inside a dialog the router already opens these on top
    for (const phrase of command.phrases) {
      const n = phrase.split(' ').length;
      if (lower.length < n) continue;
      const head = lower.slice(0, n).join(' ');
      // A misspelling is forgiven on longer words only: one slip from 5 letters, two from 9.
      const budget = typoBudget(phrase);
      const cost = head === phrase ? 0 : distance(head, phrase);
      if (cost > budget) continue;
      const args = words.slice(n);
      const shaped = args.length === 0 || (args.length === 1 && CODE_LIKE.test(args[0]!)) || (args.length <= 3 && !args.some((w) => SENTENCE_WORDS.has(w.toLowerCase())));
      if (!shaped) continue;
      if (!best || cost < best.cost || (cost === best.cost && phrase.length > best.length)) best = { command, args: args.join(' '), cost, length: phrase.length };
    }
  }
  return best && { command: best.command, args: best.args };
}
