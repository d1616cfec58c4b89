// Words and small readers for the debrief: the review (exactly what will be stored, redactions marked), the
// self-check card, movement titles.
import type { FormInput } from '../cards/card';
import { content } from '../services/content';
import type { Movement } from '../services/reflections/model';
import { totalRedactions } from '../services/reflections/redactionCounts';
import { describeRedactions } from '../cards/words/redactions';
import { questionText } from '../cards/words/question';
import { categoryLabel } from '../services/safety/protocol';
import type { Draft } from '../services/reflections/draft';
import { t, type MessageKey } from '../services/catalogue';
import { outcomeSaid } from './reflectionLoop';

const MOVEMENT_TITLES: Record<Movement, MessageKey> = {
  progressing: 'debrief.movement.progressing',
  steady: 'debrief.movement.steady',
  stalling: 'debrief.movement.stalling',
  setback: 'debrief.movement.setback',
};

/** "Progressing", "Steady", … in the turn's locale. */
export function movementTitle(movement: Movement): string {
  return t(MOVEMENT_TITLES[movement]);
}

// Each score says where it sits on the scale, so a button read alone ("2 of 5") is never a bare number.
const SCORE_TITLES: MessageKey[] = ['debrief.score.one', 'debrief.score.two', 'debrief.score.three', 'debrief.score.four', 'debrief.score.five'];

export function selfCheckInputs(maxLength: number): FormInput[] {
  return [
    { type: 'text', id: 'note', label: t('debrief.noteLabel'), placeholder: t('debrief.notePlaceholder'), multiline: true, maxLength },
    // Five buttons, each a large target and one tap (radios were 13 px); the words above go with the tap.
    { type: 'buttons', id: 'score', label: t('cards.selfCheckScores'), choices: SCORE_TITLES.map((key, i) => ({ value: String(i + 1), title: t(key) })) },
  ];
}

/** "4", "4 tired but okay", "4/5 - fine" → score and note; anything else is not a self-check. */
export function scoreAndNote(text: string): Record<string, string> | undefined {
  const m = /^\s*([1-5])(?:\s*\/\s*5)?(?![\d.])[\s,.:;–—-]*(.*)$/s.exec(text);
  return m ? { score: m[1]!, note: m[2]!.trim() } : undefined;
}

/** Exactly what a supervisor sees of the PSW's own wellbeing: the score (and a safety topic), the words only if shared. */
export function wellbeingSeen(d: Draft): string {
  if (!d.selfCheck.note) return t('debrief.seesScore');
  return d.selfCheck.noteShared ? t('debrief.seesScoreAndWords') : t('debrief.seesScoreNotWords');
}

export function reviewText(d: Draft): string {
  const stage = content().stageById[d.stage];
  const movement = movementTitle(d.movement).toLowerCase();
  const lines = [d.practice ? t('debrief.reviewTitlePractice', { code: d.clientCode, stage: stage.title, movement }) : t('debrief.reviewTitle', { code: d.clientCode, stage: stage.title, movement }), ''];
  d.answers.forEach((a, i) => {
    lines.push(t('debrief.reviewQuestion', { n: i + 1, prompt: questionText(a.promptId) ?? a.promptId }));
    lines.push(a.skipped ? t('debrief.reviewSkipped') : t('debrief.reviewAnswer', { text: a.text }));
  });
  lines.push('', d.selfCheck.note ? t('debrief.selfCheckNote', { score: d.selfCheck.score, note: d.selfCheck.note }) : t('debrief.selfCheck', { score: d.selfCheck.score }));
  if (d.visibility === 'shared') lines.push(wellbeingSeen(d));
  if (d.stall) {
    const strategy = d.stall.strategyId ? content().stalls[d.stall.stage].strategies.find((s) => s.id === d.stall!.strategyId)?.title : undefined;
    lines.push(t('debrief.stuck', { strategy: strategy ?? 'none', flagged: d.stall.flaggedForSupervision ? 'yes' : 'no' }));
  }
  if (d.riskFlags.length) {
    // Stored with the reflection (categories only); a supervisor sees them on shared reflections.
    lines.push(t('debrief.safetyNotes', { kinds: d.riskFlags.map((f) => categoryLabel(f).toLowerCase()).join(', ') }));
  }
  if (d.strategyOutcome) {
    const title = content().stalls[d.strategyOutcome.stage]?.strategies.find((s) => s.id === d.strategyOutcome!.strategyId)?.title ?? d.strategyOutcome.strategyId;
    lines.push(t('loop.review.lastPlan', { strategy: title, outcome: outcomeSaid(d.strategyOutcome.outcome) }));
  }
  lines.push(d.visibility === 'shared' ? t('debrief.seenShared') : t('debrief.seenPrivate'));
  const hidden = describeRedactions(totalRedactions(d));
  lines.push(hidden ? t('debrief.hidden', { what: hidden }) : t('debrief.nothingHidden'));
  if (d.quick) lines.push('', t('loop.quick.beforeSave'));
  return lines.join('\n');
}
