// The words of issue 14's loop: how a debrief for a client already seen opens ("Last time … you planned …"), the
// stage offered as it was last time, and the counts of planned vs tried strategies in `history` and `my summary`.
import { DateTime } from 'luxon';
import { content } from '../services/content';
import type { OutcomeWord, RelationshipDoc, StageId } from '../services/reflections/model';
import type { StrategyTally } from '../services/reflections/strategies';
import type { ChoiceOption } from './prompts';
import { stageChoices } from './stageFinder';

export const OUTCOME_CHOICES: (ChoiceOption & { value: OutcomeWord })[] = [
  { value: 'helped', title: 'It helped', synonyms: ['helped', 'yes', 'good', 'it did', 'well'] },
  { value: 'partly', title: 'Partly', synonyms: ['partly helped', 'a bit', 'a little', 'some', 'kind of', 'sort of', 'somewhat'] },
  { value: 'didnt_help', title: "It didn't help", synonyms: ['didnt help', 'no', 'not really', 'it didnt', 'nope'] },
  { value: 'not_tried', title: "Didn't get to it", synonyms: ['didnt get to it', 'not yet', 'didnt try', 'not tried', 'no chance', 'skip'] },
];

/** What is said back after the answer: short, and never a verdict on the PSW. */
const NOTED: Record<OutcomeWord, string> = {
  helped: 'Good to know it helped. Noted.',
  partly: 'Partly is still something. Noted.',
  didnt_help: "That's worth knowing too. Noted.",
  not_tried: 'That happens. Noted; it stays a plan, not a try.',
};

export function notedText(outcome: OutcomeWord): string {
  return NOTED[outcome];
}

export function strategyTitle(stage: StageId, id: string): string | undefined {
  return content().stalls[stage]?.strategies.find((s) => s.id === id)?.title;
}

/** "Last time (12 Nov, Building trust) you planned *Name it and reconnect*. How did it go?" — undefined if the plan is gone from the content. */
export function continuityPrompt(plan: NonNullable<RelationshipDoc['plan']>, timeZone: string): string | undefined {
  const title = strategyTitle(plan.stage, plan.strategyId);
  if (!title) return undefined;
  const day = DateTime.fromISO(plan.at, { zone: 'utc' }).setZone(timeZone).toFormat('d LLL');
  return `Last time (${day}, ${content().stageById[plan.stage].title}) you planned *${title}*. How did it go?`;
}

/** The stage question's choices: the stage of last time first, as the one-tap default, then the others and "Not sure". */
export function stageQuestion(clientCode: string, last: StageId | undefined): { prompt: string; choices: ChoiceOption[] } {
  const unsure = { value: 'unsure', title: 'Not sure', synonyms: ['unsure', 'dont know', 'idk'] };
  const stages = stageChoices();
  if (!last) return { prompt: `Where does your relationship with ${clientCode} stand right now?`, choices: [...stages, unsure] };
  const title = content().stageById[last].title;
  const same = { value: last, title: `Still ${title.charAt(0).toLowerCase()}${title.slice(1)}`, synonyms: [last, title, 'still', 'same', 'same as last time', 'no change'] };
  return {
    prompt: `Where does your relationship with ${clientCode} stand right now? Last time it was ${title}.`,
    choices: [same, ...stages.filter((s) => s.value !== last), unsure],
  };
}

function strategies(n: number): string {
  return `${n} ${n === 1 ? 'strategy' : 'strategies'}`;
}

/** "2 strategies planned, 1 tried — it helped"; '' when nothing was planned or tried. */
export function tallyText(t: StrategyTally): string {
  if (!t.planned && !t.tried && !t.notTried) return '';
  const head = `${strategies(t.planned)} planned, ${t.tried} tried`;
  if (!t.tried) return head;
  if (t.tried === 1) return `${head} — ${t.helped ? 'it helped' : t.partly ? 'it partly helped' : "it didn't help"}`;
  const parts = [t.helped && `${t.helped} helped`, t.partly && `${t.partly} partly helped`, t.didntHelp && `${t.didntHelp} didn't help`].filter(Boolean);
  return `${head} — ${parts.join(', ')}`;
}

export const OUTCOME_TITLES: Record<OutcomeWord, string> = { helped: 'helped', partly: 'partly helped', didnt_help: "didn't help", not_tried: 'not tried yet' };
