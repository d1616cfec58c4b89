// How far apart two short words are, for forgiving typos: in choices (dialogs/prompts/match.ts), commands
// (dialogs/commands.ts) and reminder days (services/reminders/rule.ts). One function, so every place forgives alike.

/** Edit distance (insertions, deletions, substitutions, two letters swapped); 99 when the lengths differ by more than 3. */
export function distance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 3) return 99;
  let before: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      // Two letters swapped ("histroy") is one slip, not two.
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) row[j] = Math.min(row[j]!, before[j - 2]! + 1);
    }
    [before, prev] = [prev, row];
  }
  return prev[b.length]!;
}

/** How many slips a typed word may have and still mean `word`: none under 5 letters, one from 5, two from 9. */
export function typoBudget(word: string): number {
  return word.length >= 9 ? 2 : word.length >= 5 ? 1 : 0;
}
