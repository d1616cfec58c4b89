// Reading a typed answer to a choice: its number, its title (case-insensitive, forgiving of small typos and
// of typing one distinctive word such as "bridging"), or one of its synonyms ("y" for Yes).
import { t } from '../../services/catalogue';
import { distance } from '../../services/editDistance';

export interface ChoiceOption {
  value: string;
  title: string;
  /** Other words a person might type for this choice. */
  synonyms?: string[];
  /** A sentence about the choice, shown after its title in the numbered text (the button shows the title only). */
  detail?: string;
}

export type ChoiceMatch = { index: number; via: 'number' | 'title' };

export function normalise(text: string): string {
  return text.toLowerCase().replace(/[’']/g, '').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

export function matchChoice(text: string, choices: ChoiceOption[]): ChoiceMatch | undefined {
  const typed = normalise(text.replace(/^#/, ''));
  if (!typed) return undefined;
  const numbered = /^(\d{1,2})$/.exec(typed);
  if (numbered) {
    const n = Number(numbered[1]);
    return n >= 1 && n <= choices.length ? { index: n - 1, via: 'number' } : undefined;
  }
  const names = choices.map((c) => [c.title, c.value, ...(c.synonyms ?? [])].map(normalise));
  const unique = (hits: number[]): ChoiceMatch | undefined => (hits.length === 1 ? { index: hits[0]!, via: 'title' } : undefined);
  const indexes = choices.map((_, i) => i);

  const exact = indexes.filter((i) => names[i]!.includes(typed));
  if (exact.length) return unique(exact);
  // A distinctive word or phrase of the title: "trust", "not sure", "bridging".
  if (typed.length >= 3) {
    const within = unique(indexes.filter((i) => names[i]!.some((n) => ` ${n} `.includes(` ${typed} `))));
    if (within) return within;
  }
  // Small typos: edit distance within a fifth of the length, against the whole title or one of its long words.
  const budget = Math.max(1, Math.floor(typed.length / 5));
  let best: number[] = [];
  let bestDistance = budget + 1;
  for (const i of indexes) {
    const candidates = names[i]!.flatMap((n) => [n, ...(typed.includes(' ') ? [] : n.split(' ').filter((w) => w.length >= 5))]);
    const d = Math.min(...candidates.map((n) => distance(typed, n)));
    if (d < bestDistance) [best, bestDistance] = [[i], d];
    // A tie counts only with a match within the budget: one more slip than allowed is no match ("more" is not "none").
    else if (d === bestDistance && best.length > 0 && !best.includes(i)) best.push(i);
  }
  return typed.length >= 3 ? unique(best) : undefined;
}

/** Yes and No, titled in the turn's locale. */
export function yesNo(): ChoiceOption[] {
  return [
    { value: 'yes', title: t('prompts.yes'), synonyms: ['y', 'yeah', 'yep', 'yup', 'sure', 'ok', 'okay', 'please', 'yes please'] },
    { value: 'no', title: t('prompts.no'), synonyms: ['n', 'nope', 'nah', 'no thanks', 'not really'] },
  ];
}

