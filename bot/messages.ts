// What the host says around a turn rather than inside a dialog: storage down, or someone else's open dialog.
// Warm, brief, plain: people read these tired, on a phone.

/** A turn whose step could not be stored because storage is down; the conversation resumes from the last stored step. */
export const STORAGE_DOWN = "I can't reach my storage right now. Your debrief so far is kept — please send your last message again in a few minutes and we'll carry on from there.";
/** A message from someone other than the person whose debrief (or other dialog) is open in this conversation. */
export const NOT_YOUR_CONVERSATION = "Someone else is partway through something with me in this chat, so I've left that alone. Message me in a one-to-one chat and I'll help you there.";
