// The words of a CSV export in the reader's locale (services/supervision/export.ts writes the file with them):
// column headers, who chose the stage, movement, shared or private, yes and no.
import { t } from '../../services/catalogue';
import type { CsvWords } from '../../services/supervision/export';

export function csvWords(): CsvWords {
  return {
    columns: {
      reflection: t('csv.columns.reflection'), date: t('csv.columns.date'), psw: t('csv.columns.psw'), client: t('csv.columns.client'),
      stage: t('csv.columns.stage'), stage_chosen_by: t('csv.columns.stageChosenBy'), movement: t('csv.columns.movement'),
      self_check: t('csv.columns.selfCheck'), self_check_note: t('csv.columns.selfCheckNote'), stall_stage: t('csv.columns.stallStage'),
      stall_strategy: t('csv.columns.stallStrategy'), flagged_for_supervision: t('csv.columns.flagged'), risk_flags: t('csv.columns.riskFlags'),
      visibility: t('csv.columns.visibility'), answers: t('csv.columns.answers'),
    },
    gone: t('csv.gone'),
    goneQuestion: t('csv.goneQuestion'),
    pauseNote: t('csv.pauseNote'),
    chosenBy: { finder: t('csv.chosenByFinder'), psw: t('supervision.roster.role.psw') },
    movement: {
      progressing: t('summary.movement.progressing'), steady: t('summary.movement.steady'),
      stalling: t('summary.movement.stalling'), setback: t('summary.movement.setback'),
    },
    visibility: { shared: t('csv.shared'), private: t('csv.private') },
    notShared: t('csv.notShared'),
    yes: t('prompts.yesWord'),
    no: t('prompts.noWord'),
    theirWellbeing: t('supervision.card.theirWellbeing'),
  };
}
