import fs from 'node:fs';

/** A model file a recipe may not have made yet (a tree before it): its model, or null where there is none (the step is off). */
export function optionalModelFile<M>(file: string): M | null {
  return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as M) : null;
}

/**
 * Which model a scorer reads: the shipped one unless training or the benchmark set another. One switch for the name
 * model (model.ts), the facility model (facilityModel.ts) and the slot models (../nameHalves.ts SlotModelFile).
 */
export class ModelSwitch<M extends object, S extends { readonly model: M }> {
  private shipped: S | null | undefined;
  private active: S | null | undefined;
  /** The last scorer use() built, kept so that switching back and forth keeps its caches. */
  private lastUsed: S | undefined;

  /** `load`: the shipped model, read at first use (null: none, the model is off); `make`: a scorer for a model. */
  constructor(
    private readonly load: () => M | null,
    private readonly make: (model: M) => S,
  ) {}

  /** For training and the benchmark: score with `model`, turn the model off (null), or back to the shipped one (undefined). */
  use(model: M | null | undefined): void {
    if (model && this.lastUsed?.model !== model) this.lastUsed = this.make(model);
    this.active = model ? this.lastUsed! : model;
  }

  /** The scorer in use: the one use() set, or the shipped model's (built once). */
  scorer(): S | null {
    if (this.active !== undefined) return this.active;
    if (this.shipped === undefined) {
      const m = this.load();
      this.shipped = m ? this.make(m) : null;
    }
    return this.shipped;
  }
}
