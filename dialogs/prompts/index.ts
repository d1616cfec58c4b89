// Reusable steps for every dialog. See each file's header for its API.
export { ChoiceStep, choiceAsked, choiceText, WORDS, type ChoiceResult, type ChoiceStepOptions } from './choice';
export { FreeTextStep, onFreeText, type FreeTextAnswer, type FreeTextHook, type FreeTextSettings, type FreeTextStepOptions, type Redactor, type ScreenContext, type TypedWords } from './freeText';
export { endAfterPauses, resumeAfterPause, type PauseRequest } from './pause';
export { FormStep, type FormResult, type FormStepOptions, type TypedParser } from './form';
export { matchChoice, normalise, yesNo, type ChoiceOption } from './match';
export { redactorFor } from './redactor';
export { RawTextStep, type RawTextResult, type RawTextStepOptions } from './rawText';
