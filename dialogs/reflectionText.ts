// Words and small readers for the debrief: the review (exactly what will be stored, redactions marked), the
// self-check card, movement titles.
import type { FormInput } from '../cards/card';
import { content } from '../services/content';
import type { Movement } from '../services/reflections/model';
import { describeRedactions, totalRedactions } from '../services/reflections/redactionWords';
import { categoryLabel } from '../services/safety/protocol';
import type { Draft } from '../services/reflections/draft';
import { t } from '../services/catalogue';
import { outcomeSaid } from './reflectionLoop';

export const MOVEMENT_TITLES: Record<Movement, string> = {
  progressing: 'Progressing',
  steady: 'Steady',
  stalling: 'Stalling',
  setback: 'Setback',
};

// Each score says where it sits on the scale, so a button read alone ("2 of 5") is never a bare number.
const SCORE_TITLES = ['1 of 5, rough', '2 of 5', '3 of 5', '4 of 5', '5 of 5, good'];

export function selfCheckInputs(maxLength: number): FormInput[] {
  return [
    { type: 'text', id: 'note', label: 'A few words (optional)', placeholder: 'e.g. tired but okay', multiline: true, maxLength },
    // Five buttons, each a large target and one tap (radios were 13 px); the words above go with the tap.
    { type: 'buttons', id: 'score', label: t('cards.selfCheckScores'), choices: SCORE_TITLES.map((title, i) => ({ value: String(i + 1), title })) },
  ];
}

/** "4", "4 tired but okay", "4/5 - fine" → score and note; anything else is not a self-check. */
export function scoreAndNote(text: string): Record<string, string> | undefined {
  const m = /^\s*([1-5])(?:\s*\/\s*5)?(?![\d.])[\s,.:;–—-]*(.*)$/s.exec(text);
  return m ? { score: m[1]!, note: m[2]!.trim() } : undefined;
}

/** Exactly what a supervisor sees of the PSW's own wellbeing: the score (and a safety topic), the words only if shared. */
export function wellbeingSeen(d: Draft): string {
  if (!d.selfCheck.note) return 'Your supervisor sees this score.';
  return d.selfCheck.noteShared ? 'Your supervisor sees this score and these words (you chose to share them).' : 'Your supervisor sees this score, never these words unless you choose to share them.';
}

export function reviewText(d: Draft): string {
  const stage = content().stageById[d.stage];
  // Every stage's prompts: when the stall step moved the debrief to another stage, its answers are the first stage's.
  const prompts = new Map(content().stages.flatMap((s) => s.prompts).map((p) => [p.id, p.text]));
  const lines = [`Here's exactly what I'll save${d.practice ? ' (practice)' : ''} for **${d.clientCode}** — ${stage.title}, ${MOVEMENT_TITLES[d.movement].toLowerCase()}:`, ''];
  d.answers.forEach((a, i) => {
    lines.push(`${i + 1}. _${prompts.get(a.promptId) ?? a.promptId}_`);
    lines.push(a.skipped ? '   (skipped)' : `   "${a.text}"`);
  });
  lines.push('', `How you're doing: ${d.selfCheck.score}/5${d.selfCheck.note ? ` — "${d.selfCheck.note}"` : ''}`);
  if (d.visibility === 'shared') lines.push(wellbeingSeen(d));
  if (d.stall) {
    const strategy = d.stall.strategyId ? content().stalls[d.stall.stage].strategies.find((s) => s.id === d.stall!.strategyId)?.title : undefined;
    lines.push(`Stuck at this stage${strategy ? `; you'll try "${strategy}"` : ''}${d.stall.flaggedForSupervision ? '; flagged for supervision' : ''}.`);
  }
  if (d.riskFlags.length) {
    // Stored with the reflection (categories only); a supervisor sees them on shared reflections.
    lines.push(`Safety notes: ${d.riskFlags.map((f) => categoryLabel(f).toLowerCase()).join(', ')} (the topic only, never your words).`);
  }
  if (d.strategyOutcome) {
    const title = content().stalls[d.strategyOutcome.stage]?.strategies.find((s) => s.id === d.strategyOutcome!.strategyId)?.title ?? d.strategyOutcome.strategyId;
    lines.push(t('loop.review.lastPlan', { strategy: title, outcome: outcomeSaid(d.strategyOutcome.outcome) }));
  }
  lines.push(d.visibility === 'shared' ? 'Who sees it: you and your supervisor.' : 'Who sees it: only you (private).');
  const hidden = describeRedactions(totalRedactions(d));
  lines.push(hidden ? `I hid ${hidden}; each shows as [LIKE THIS].` : 'Nothing needed hiding.');
  if (d.quick) lines.push('', t('loop.quick.beforeSave'));
  return lines.join('\n');
}
