// `history C-14`: the relationship's timeline — stages over time, movement, stalls, the strategies planned for them
// and how each went. A strategy picked at a stall is a plan; it is tried only once a later debrief says how it went
// (issue 14), and the counts line says exactly that ("2 strategies planned, 1 tried — it helped").
import { Dialog, type DialogContext, type DialogTurnResult } from 'botbuilder-dialogs';
import type { AppServices } from '../services/app';
import { content } from '../services/content';
import { stallClosings } from '../services/reflections/bookkeeping';
import type { RelationshipDoc, StageId } from '../services/reflections/model';
import { tallyEvents } from '../services/reflections/strategies';
import { t } from '../services/catalogue';
import { formatDate } from '../cards/words/dates';
import { tallyText } from '../cards/strategyTally';
import { outcomeSaid, strategyTitle } from './reflectionLoop';
import { movementTitle } from './reflectionText';
import { personOf } from './turn';

export const HISTORY_DIALOG = 'history';
const SHOWN = 10;

export class HistoryDialog extends Dialog<{ args?: string }> {
  constructor(private readonly app: AppServices) {
    super(HISTORY_DIALOG);
  }

  override async beginDialog(dc: DialogContext, options?: { args?: string }): Promise<DialogTurnResult> {
    const person = personOf(dc.context);
    const code = (options?.args ?? '').trim();
    const rel = code ? await this.app.relationships.get(person.id, code) : undefined;
    if (!rel) {
      const recent = await this.app.relationships.recentCodes(person.id, 5);
      const which = recent.length ? t('history.recentCodes', { codes: recent.map((c) => `\`${c}\``).join(', ') }) : t('history.noneYet');
      await dc.context.sendActivity(code ? t('history.noReflections', { code, which }) : t('history.whichClient', { which }));
      return dc.endDialog();
    }
    await dc.context.sendActivity(timelineText(rel, person.timeZone));
    return dc.endDialog();
  }
}

export function timelineText(rel: RelationshipDoc, timeZone: string): string {
  const c = content();
  const day = (iso: string) => formatDate(iso, timeZone, 'd LLL yyyy');
  const lines = [t('history.header', { code: rel.clientCode, stage: c.stageById[rel.stage].title, since: day(rel.stageSince), count: rel.reflectionsAtStage }), ''];
  const title = (stage: StageId, id: string) => strategyTitle(stage, id) ?? id;
  const closings = stallClosings(rel.history);
  for (const e of rel.history.slice(0, SHOWN)) {
    const stall = !e.stallSource ? '' : e.strategyId ? t('history.stuckPlanned', { strategy: title(e.stage, e.strategyId) }) : t('history.stuck');
    const report = e.strategyOutcome ? ` · ${t('loop.history.report', { strategy: title(e.strategyOutcome.stage, e.strategyOutcome.strategyId), outcome: outcomeSaid(e.strategyOutcome.outcome) })}` : '';
    const closed = closings.has(e.reflectionId) ? ` · ${t('loop.history.closed')}` : '';
    lines.push(t('history.line', { day: day(e.at), stage: c.stageById[e.stage].title, movement: movementTitle(e.movement).toLowerCase(), stall, report, closed }));
  }
  if (rel.history.length > SHOWN) lines.push(t('history.earlier', { count: rel.history.length - SHOWN }));
  // Counted over the whole stored timeline, so the words agree with the list when it is shown in full.
  const counts = tallyText(tallyEvents(rel.history));
  if (counts) lines.push('', t('loop.history.counts', { counts }));
  if (rel.stall) {
    // Named, so the count is the list: only the strategies planned at this stall, not at an earlier one, and what
    // the PSW has said of them since it opened.
    const planned = rel.stall.strategiesTried.map((id) => title(rel.stall!.stage, id));
    const plans = planned.length ? t('history.plans', { count: planned.length, titles: planned.map((p) => `"${p}"`).join(', ') }) : '';
    const reports = (rel.stall.outcomes ?? []).map((o) => t('loop.history.report', { strategy: title(o.stage, o.strategyId), outcome: outcomeSaid(o.outcome) }));
    const said = reports.length ? t('loop.history.soFar', { reports: reports.join(', ') }) : '';
    lines.push('', t('history.openStall', { stage: c.stageById[rel.stall.stage].title, since: day(rel.stall.since), plans, said, flagged: rel.stall.flaggedForSupervision ? 'yes' : 'no', staysOpen: t('loop.history.staysOpen') }));
  }
  if (rel.plan) lines.push(t('loop.history.planned', { strategy: title(rel.plan.stage, rel.plan.strategyId), code: rel.clientCode }));
  return lines.join('\n');
}
