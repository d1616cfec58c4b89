// Adaptive Card 1.5 builders. Plain JSON (no botbuilder): every button is an Action.Submit whose data names
// the step it answers and carries that step's nonce, so a submission from an old card can be told apart.
//
// API (others import these):
//   adaptiveCard(body, actions?)          → AdaptiveCard (version 1.5)
//   cardAttachment(card)                  → { contentType, content } for an activity's attachments
//   choiceCard({ step, nonce, prompt, choices })       → a card with one Action.Submit per choice (up to six;
//                                                         more become one Input.ChoiceSet and a Choose button);
//                                                         data = { step, nonce, choice: value }
//   formCard({ step, nonce, prompt, inputs, submitTitle }) → a card with Input.Text / Input.ChoiceSet /
//                                                         Input.Toggle and one submit; data = { step, nonce };
//                                                         or, with a 'buttons' input (the last), one submit per
//                                                         choice under its label; data = { step, nonce, [id]: value }
//   commandButton(title, command)         → Action.Submit { command } that the router starts like typed text

import { t } from '../services/catalogue';

export const CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';

export type CardElement = Record<string, unknown>;

export interface AdaptiveCard {
  type: 'AdaptiveCard';
  $schema: string;
  version: '1.5';
  body: CardElement[];
  actions?: CardElement[];
  /** Shown instead of the card by clients that cannot render it (a text-only channel). */
  fallbackText?: string;
}

export interface CardAttachment {
  contentType: typeof CARD_CONTENT_TYPE;
  content: AdaptiveCard;
}

export function adaptiveCard(body: CardElement[], actions: CardElement[] = []): AdaptiveCard {
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body,
    ...(actions.length ? { actions } : {}),
  };
}

export function cardAttachment(card: AdaptiveCard): CardAttachment {
  return { contentType: CARD_CONTENT_TYPE, content: card };
}

export function textBlock(text: string, extra: CardElement = {}): CardElement {
  return { type: 'TextBlock', text, wrap: true, ...extra };
}

export function submit(title: string, data: Record<string, unknown>): CardElement {
  return { type: 'Action.Submit', title, data };
}

export function commandButton(title: string, command: string): CardElement {
  return submit(title, { command });
}

export interface CardChoice {
  /** What the dialog receives; also the value a button submits. */
  value: string;
  /** What the person sees on the button and in the numbered text fallback. */
  title: string;
}

/** Teams shows about six actions on a card (cards/limits.ts); more choices than that become one choice set. */
const MAX_CHOICE_BUTTONS = 6;

export function choiceCard(opts: { step: string; nonce: string; prompt: string; choices: CardChoice[]; fallbackText?: string }): AdaptiveCard {
  // Either way the submission is { step, nonce, choice }: a button carries its choice, the set fills `choice`.
  const card = opts.choices.length <= MAX_CHOICE_BUTTONS
    ? adaptiveCard([textBlock(opts.prompt)], opts.choices.map((c) => submit(c.title, { step: opts.step, nonce: opts.nonce, choice: c.value })))
    : adaptiveCard(
      [{
        // wrap: long titles wrap instead of being cut off with an ellipsis on a narrow screen.
        type: 'Input.ChoiceSet', id: 'choice', label: opts.prompt, style: 'expanded', wrap: true, isRequired: true, errorMessage: t('cards.pickOne'),
        choices: opts.choices.map((c) => ({ title: c.title, value: c.value })),
      }],
      [submit(t('cards.choose'), { step: opts.step, nonce: opts.nonce })],
    );
  return opts.fallbackText ? { ...card, fallbackText: opts.fallbackText } : card;
}

export type FormInput =
  | { type: 'text'; id: string; label: string; placeholder?: string; multiline?: boolean; required?: boolean; maxLength: number }
  | { type: 'choice'; id: string; label: string; choices: CardChoice[]; required?: boolean; expanded?: boolean; value?: string }
  | { type: 'toggle'; id: string; label: string }
  /** A required choice answered by a tap: each choice is a button that submits the card (up to six, last input). */
  | { type: 'buttons'; id: string; label: string; choices: CardChoice[] };

/**
 * The id of the text block that names a card's buttons as a group. Adaptive Cards can't label a set of actions;
 * the label is the text just above them for everyone, and the local web chat (web/client.js) also gives the
 * buttons role="group" with this text as its name.
 */
export const ACTIONS_LABEL_ID = 'actions-label';

export function formCard(opts: { step: string; nonce: string; prompt: string; inputs: FormInput[]; submitTitle?: string }): AdaptiveCard {
  // An empty prompt: the question is in the message the card comes with.
  const body: CardElement[] = opts.prompt ? [textBlock(opts.prompt)] : [];
  const buttons = opts.inputs.find((i) => i.type === 'buttons');
  if (buttons && (opts.inputs[opts.inputs.length - 1] !== buttons || buttons.choices.length > MAX_CHOICE_BUTTONS)) {
    throw new Error(`formCard: the buttons input must be the last and have at most ${MAX_CHOICE_BUTTONS} choices`);
  }
  for (const input of opts.inputs) {
    if (input.type === 'text') {
      body.push({
        type: 'Input.Text', id: input.id, label: input.label, placeholder: input.placeholder, isMultiline: input.multiline ?? false,
        isRequired: input.required ?? false, maxLength: input.maxLength,
        // Adaptive Cards 1.5 renderers (Web Chat's among them) refuse to draw a required input without one.
        ...(input.required ? { errorMessage: t('cards.fillIn') } : {}),
      });
    } else if (input.type === 'choice') {
      body.push({
        type: 'Input.ChoiceSet', id: input.id, label: input.label, style: input.expanded ? 'expanded' : 'compact', wrap: true,
        isRequired: input.required ?? false, choices: input.choices.map((c) => ({ title: c.title, value: c.value })),
        ...(input.value ? { value: input.value } : {}),
        ...(input.required ? { errorMessage: t('cards.pickOne') } : {}),
      });
    } else if (input.type === 'toggle') {
      body.push({ type: 'Input.Toggle', id: input.id, title: input.label, valueOn: 'true', valueOff: 'false' });
    } else {
      // Buttons instead of radios: each a large target on every host (a radio is 13 px in a browser), one tap answers.
      body.push(textBlock(input.label, { id: ACTIONS_LABEL_ID }));
    }
  }
  if (buttons) return adaptiveCard(body, buttons.choices.map((c) => submit(c.title, { step: opts.step, nonce: opts.nonce, [buttons.id]: c.value })));
  if (!opts.submitTitle) throw new Error('formCard: a submitTitle is needed without a buttons input');
  return adaptiveCard(body, [submit(opts.submitTitle, { step: opts.step, nonce: opts.nonce })]);
}
