/**
 * Per-text answers kept for a whole batch (deidentify.ts `deidentifyAll`, stage by stage over many texts). words.ts,
 * cues.ts and language.ts keep their answer for the last text only, which is all a text read stage after stage needs;
 * a batch reads text after text within each stage, so each keeps a slot here for the batch's length. Outside a batch a
 * slot holds nothing and costs one check.
 */
const slots: Array<Map<string, unknown>> = [];
let open = 0;

export class BatchSlot<T> {
  private readonly kept = new Map<string, T>();

  constructor() {
    slots.push(this.kept);
  }

  get(text: string): T | undefined {
    return open ? this.kept.get(text) : undefined;
  }

  set(text: string, value: T): void {
    if (open) this.kept.set(text, value);
  }
}

/** Runs `read` with every slot keeping its answers, and empties them after. */
export function inBatch<T>(read: () => T): T {
  open++;
  try {
    return read();
  } finally {
    if (--open === 0) for (const s of slots) s.clear();
  }
}
