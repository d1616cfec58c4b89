// The words of issue 14's loop (content/locales/en.json, `loop.*`): how a debrief for a client already seen opens
// ("Last time … you planned …"), the stage offered as it was last time, and how an outcome reads in a list. The counts
// of planned vs tried are worded in cards/strategyTally.ts, for `history` and `my summary` alike.
import { t } from '../services/catalogue';
import { formatDate } from '../cards/words/dates';
import { content } from '../services/content';
import type { OutcomeWord, RelationshipDoc, StageId } from '../services/reflections/model';
import type { FormInput } from '../cards/card';
import { matchChoice, normalise, type ChoiceOption } from './prompts';
import { stageChoices } from './stageFinder';

/** The answers to "How did it go?", in the turn's locale (typed synonyms are English). */
export function outcomeChoices(): (ChoiceOption & { value: OutcomeWord })[] {
  return [
    { value: 'helped', title: t('loop.outcome.helped'), synonyms: ['helped', 'yes', 'good', 'it did', 'well'] },
    { value: 'partly', title: t('loop.outcome.partly'), synonyms: ['partly helped', 'a bit', 'a little', 'some', 'kind of', 'sort of', 'somewhat'] },
    { value: 'didnt_help', title: t('loop.outcome.didntHelp'), synonyms: ['didnt help', 'no', 'not really', 'it didnt', 'nope'] },
    { value: 'not_tried', title: t('loop.outcome.notTried'), synonyms: ['didnt get to it', 'not yet', 'didnt try', 'not tried', 'no chance', 'skip'] },
  ];
}

/** What is said back after the answer: short, and never a verdict on the PSW. */
export function notedText(outcome: OutcomeWord): string {
  if (outcome === 'helped') return t('loop.noted.helped');
  if (outcome === 'partly') return t('loop.noted.partly');
  if (outcome === 'didnt_help') return t('loop.noted.didntHelp');
  return t('loop.noted.notTried');
}

/** How an outcome reads in a list: "helped", "partly helped", "didn't help", "not tried yet". */
export function outcomeSaid(outcome: OutcomeWord): string {
  if (outcome === 'helped') return t('loop.said.helped');
  if (outcome === 'partly') return t('loop.said.partly');
  if (outcome === 'didnt_help') return t('loop.said.didntHelp');
  return t('loop.said.notTried');
}

export function strategyTitle(stage: StageId, id: string): string | undefined {
  return content().stalls[stage]?.strategies.find((s) => s.id === id)?.title;
}

/** "Last time (12 Nov, Building trust) you planned *Name it and reconnect*. How did it go?" — undefined if the plan is gone from the content. */
export function continuityPrompt(plan: NonNullable<RelationshipDoc['plan']>, timeZone: string): string | undefined {
  const strategy = strategyTitle(plan.stage, plan.strategyId);
  if (!strategy) return undefined;
  const day = formatDate(plan.at, timeZone, 'd LLL');
  return t('loop.continuity', { day, stage: content().stageById[plan.stage].title, strategy });
}

/** The stage question's choices: the stage of last time first, as the one-tap default, then the others and "Not sure". */
export function stageQuestion(clientCode: string, last: StageId | undefined): { prompt: string; choices: ChoiceOption[] } {
  const unsure = { value: 'unsure', title: t('stageFinder.notSure'), synonyms: ['unsure', 'dont know', 'idk'] };
  const stages = stageChoices();
  if (!last) return { prompt: t('debrief.whereStand', { code: clientCode }), choices: [...stages, unsure] };
  const title = content().stageById[last].title;
  const same = { value: last, title: t('loop.still', { stage: `${title.charAt(0).toLowerCase()}${title.slice(1)}` }), synonyms: [last, title, 'still', 'same', 'same as last time', 'no change'] };
  return { prompt: t('loop.stageAgain', { code: clientCode, stage: title }), choices: [same, ...stages.filter((s) => s.value !== last), unsure] };
}

/**
 * `reflect quick` for a client with a plan asks how it went and where the relationship stands in one turn, so no
 * path of a quick debrief is longer than 8: the stage (last time's, picked already) above the outcome's buttons.
 */
export function quickOutcomeInputs(clientCode: string, last: StageId): FormInput[] {
  const stage = stageQuestion(clientCode, last).choices.map(({ value, title }) => ({ value, title }));
  return [
    { type: 'choice', id: 'stage', label: t('loop.quick.stageNow', { code: clientCode }), choices: stage, value: last },
    { type: 'buttons', id: 'outcome', label: t('loop.quick.howItWent'), choices: outcomeChoices().map(({ value, title }) => ({ value, title })) },
  ];
}

// Words around a stage in a typed answer ("partly, now fostering"), dropped before the outcome is read.
const AROUND_STAGE = /\b(now|still|at|in|moved to|and|but|stage)\b/g;

/** A typed answer to that question: "it helped", "partly, now fostering", "2"; undefined without an outcome. */
export function outcomeAndStage(text: string): Record<string, string> | undefined {
  let rest = ` ${normalise(text)} `;
  let stage: string | undefined;
  for (const s of content().stages) {
    const name = [s.title, s.id].map(normalise).find((n) => rest.includes(` ${n} `));
    if (name) {
      stage = s.id;
      rest = rest.replace(` ${name} `, ' ');
      break;
    }
  }
  const choices = outcomeChoices();
  const said = matchChoice(rest.replace(AROUND_STAGE, ' ').trim(), choices);
  return said ? { outcome: choices[said.index]!.value, ...(stage ? { stage } : {}) } : undefined;
}
