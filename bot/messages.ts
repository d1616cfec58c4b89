// What the host says around a turn rather than inside a dialog: storage down, or someone else's open dialog.
// Warm, brief, plain: people read these tired, on a phone.

/** A turn whose step could not be stored because storage is down; the conversation resumes from the last stored step. */
export const STORAGE_DOWN = "I can't reach my storage right now. Your debrief so far is kept — please send your last message again in a few minutes and we'll carry on from there.";
/** A message from someone other than the person whose debrief (or other dialog) is open in this conversation. */
export const NOT_YOUR_CONVERSATION = "Someone else is partway through something with me in this chat, so I've left that alone. Message me in a one-to-one chat and I'll help you there.";

/** In a team channel or group chat (bot/sharedChats.ts): one line, with a button that opens the one-to-one chat. */
export const SHARED_CHAT = {
  movedThere: "Let's do that in our one-to-one chat, where only you can see it — I've sent you a message there.",
  goThere: "Let's do that in our one-to-one chat, where only you can see it. Message me there and we'll carry on.",
  helpThere: 'All of this happens in our one-to-one chat, where only you can see it.',
  openButton: 'Open our chat',
  /** The bot's first message in the one-to-one chat it started; `command` is the table's phrase, never the typed text. */
  opener: (command?: string) =>
    command
      ? `Hi! You asked for \`${command}\` in a shared chat. Here only you can see what we talk about — type \`${command}\` to carry on.`
      : "Hi! You messaged me in a shared chat. Here only you can see what we talk about — type `reflect` to start a reflection, or `help` to see what I can do.",
};
