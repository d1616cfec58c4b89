// The guided debrief (issue 3), as one dialog the router starts: its questions are in reflectionDebrief.ts, the
// review in reflectionReview.ts, the save in reflectionSave.ts; this file wires them and answers what the router asks
// of a debrief in progress (where it is, whether anything is answered, a kind named through `worried`).
// Nothing is stored before "Save"; `cancel` (the router) discards the dialog state and with it everything.
//
// Options: { args?: string } from the router (`reflect C-14`), or for onboarding practice
// { practice: true, clientCode: 'PRACTICE', stage?: StageId } → saved with practice: true, no relationship,
// no follow-up. Returns the saved ReflectionDoc's id (or undefined when not saved).
import { ComponentDialog, type DialogContext, type DialogReason, type DialogTurnResult } from 'botbuilder-dialogs';
import type { AppServices } from '../services/app';
import { looksLikeIdentifier } from '../services/deidentify';
import { clientCodeRefusal } from '../cards/words/clientCode';
import type { Draft } from '../services/reflections/draft';
import type { StageId } from '../services/reflections/model';
import { pauseAddedOf, withPauseAdded } from '../services/reflections/pauseNotes';
import type { DebriefProgress } from './midDebrief';
import { ChoiceStep, FormStep, FreeTextStep, RawTextStep, type FreeTextSettings, type ScreenContext } from './prompts';
import { ReflectionDebrief } from './reflectionDebrief';
import { ReflectionReview } from './reflectionReview';
import { CHOICE, FORM, FREE_TEXT, MAIN, RAW_TEXT, REFLECTION_DIALOG, screenOf } from './reflectionState';
import { outcomeAndStage } from './reflectionLoop';
import { scoreAndNote } from './reflectionText';
import { safetyDialogs } from './safety';
import { StageFinderDialog } from './stageFinder';
import { StallDialog } from './stall';
import { takeDebriefOffer, YOU_DIALOG } from './you';

export { REFLECTION_DIALOG } from './reflectionState';
export { PROMPTS_PER_DEBRIEF } from './reflectionDebrief';
export { draftAtReview } from './reflectionReview';

export interface ReflectionOptions {
  args?: string;
  /** Set by beginDialog from a refused `args`: only the reason is kept, never the text. */
  refusal?: string;
  practice?: boolean;
  clientCode?: string;
  stage?: StageId;
  /** `reflect quick`: the short debrief for the end of a long day (reflectionDebrief.ts). */
  quick?: boolean;
}

export class ReflectionDialog extends ComponentDialog {
  /** `answers`: how free text is limited, de-identified and screened (built in dialogs/index.ts). */
  constructor(app: AppServices, answers: FreeTextSettings) {
    super(REFLECTION_DIALOG);
    this.addDialog(new ChoiceStep(CHOICE));
    this.addDialog(new FreeTextStep(FREE_TEXT, answers));
    this.addDialog(new RawTextStep(RAW_TEXT, { maxLength: answers.maxLength }));
    this.addDialog(new FormStep(FORM, { ...answers, parsers: { scoreAndNote, outcomeAndStage } }));
    this.addDialog(new StageFinderDialog());
    this.addDialog(new StallDialog(app));
    for (const d of [...new ReflectionDebrief(app).dialogs(), ...new ReflectionReview(app).dialogs(), ...safetyDialogs(app)]) this.addDialog(d);
    this.initialDialogId = MAIN;
  }

  /**
   * The router's options hold what was typed after `reflect`; options are stored with the dialog, so the
   * code is vetted here, before anything is kept: a refused text is replaced by the reason alone.
   */
  override async beginDialog(dc: DialogContext, options?: ReflectionOptions) {
    const { args, ...rest } = options ?? {};
    let typed = (args ?? '').trim();
    const quick = /^quick\b\s*/i.exec(typed);
    if (quick && !rest.practice) {
      rest.quick = true;
      typed = typed.slice(quick[0].length);
    }
    if (!typed || rest.practice) return super.beginDialog(dc, rest);
    const check = looksLikeIdentifier(typed);
    return super.beginDialog(dc, check.ok ? { ...rest, clientCode: typed } : { ...rest, refusal: clientCodeRefusal(check) });
  }

  /** A saved debrief may offer the worker's own side (dialogs/you.ts): it takes this dialog's place, one yes/no first. */
  protected override async endComponent(outerDc: DialogContext, result: unknown): Promise<DialogTurnResult> {
    const offer = takeDebriefOffer(outerDc.context);
    if (offer && outerDc.findDialog(YOU_DIALOG)) return outerDc.replaceDialog(YOU_DIALOG, { offer });
    return super.endComponent(outerDc, result);
  }

  /** Where this debrief is (its id and client code), for `worried` typed in the middle of it (dialogs/router.ts). */
  screenContext(dc: DialogContext): ScreenContext | undefined {
    // The main waterfall's draft, or the review's once it holds it (the main one then keeps none: issue 19).
    for (const instance of this.createChildContext(dc).stack) {
      const state = instance.state as { values?: { draft?: Draft }; options?: Draft & { draft?: Draft } };
      const draft = [state.values?.draft, state.options?.draft, state.options].find((d) => d?.id && Array.isArray(d.riskFlags));
      if (draft) return screenOf(draft);
    }
    return undefined;
  }

  /** Its client code and whether anything is answered yet, for a command or `stop` typed mid-debrief (dialogs/midDebrief.ts). */
  progress(dc: DialogContext): DebriefProgress {
    let clientCode: string | undefined;
    let answered = false;
    for (const instance of this.createChildContext(dc).stack) {
      const state = instance.state as { values?: { draft?: Draft }; options?: Draft & { draft?: Draft } };
      for (const draft of [state.values?.draft, state.options?.draft, state.options]) {
        if (!draft || !Array.isArray(draft.answers)) continue;
        clientCode ??= draft.clientCode;
        if (draft.answers.some((a) => !a.skipped) || draft.selfCheck) answered = true;
      }
    }
    return { clientCode, answered };
  }

  /**
   * Back from `worried` typed mid-debrief: the kind named there (and words typed at its pause) are added to every
   * copy of the draft it holds.
   */
  override async resumeDialog(dc: DialogContext, reason: DialogReason, result?: unknown) {
    const added = pauseAddedOf(result);
    if (added) {
      const seen = new Set<object>();
      for (const instance of this.createChildContext(dc).stack) {
        const state = instance.state as { values?: { draft?: Draft }; options?: Draft & { draft?: Draft } };
        for (const draft of [state.values?.draft, state.options?.draft, state.options]) {
          if (!draft || !Array.isArray(draft.riskFlags) || !Array.isArray(draft.answers) || seen.has(draft)) continue;
          seen.add(draft);
          Object.assign(draft, withPauseAdded(draft, added));
        }
      }
    }
    return super.resumeDialog(dc, reason, result);
  }
}
