// The question an answer was given to, in the reader's words: a stage prompt (content's own text), or the safety
// pause for words typed there (services/reflections/pauseNotes.ts). Undefined for a prompt the content no longer has.
import { t } from '../../services/catalogue';
import { content } from '../../services/content';
import { SAFETY_PAUSE_STEP } from '../../services/reflections/pauseNotes';

export function questionText(promptId: string): string | undefined {
  if (promptId === SAFETY_PAUSE_STEP) return t('safety.pauseNote');
  for (const stage of content().stages) {
    const prompt = stage.prompts.find((p) => p.id === promptId);
    if (prompt) return prompt.text;
  }
  return undefined;
}
