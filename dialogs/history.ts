// `history C-14`: the relationship's timeline — stages over time, movement, stalls and the strategies planned for them.
// A strategy picked at a stall is a plan for next time, so it is called planned, never tried (issue 14).
import { Dialog, type DialogContext, type DialogTurnResult } from 'botbuilder-dialogs';
import { DateTime } from 'luxon';
import type { AppServices } from '../services/app';
import { content } from '../services/content';
import type { RelationshipDoc } from '../services/reflections/model';
import { MOVEMENT_TITLES } from './reflectionText';
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
      const which = recent.length ? ` Your recent codes: ${recent.map((c) => `\`${c}\``).join(', ')}.` : " You haven't saved a reflection yet; type `reflect` to start one.";
      await dc.context.sendActivity(`${code ? `I have no reflections for ${code}.` : 'Which client? Type `history` and the code, like `history C-14`.'}${which}`);
      return dc.endDialog();
    }
    await dc.context.sendActivity(timelineText(rel, person.timeZone));
    return dc.endDialog();
  }
}

export function timelineText(rel: RelationshipDoc, timeZone: string): string {
  const c = content();
  const day = (iso: string) => DateTime.fromISO(iso, { zone: 'utc' }).setZone(timeZone).toFormat('d LLL yyyy');
  const lines = [`**${rel.clientCode}** — now at ${c.stageById[rel.stage].title} (since ${day(rel.stageSince)}, ${rel.reflectionsAtStage} ${rel.reflectionsAtStage === 1 ? 'reflection' : 'reflections'}).`, ''];
  for (const e of rel.history.slice(0, SHOWN)) {
    const strategy = e.strategyId ? c.stalls[e.stage].strategies.find((s) => s.id === e.strategyId)?.title : undefined;
    const stall = e.stallSource ? ` · stuck${strategy ? `, planned "${strategy}"` : ''}` : '';
    lines.push(`• ${day(e.at)} — ${c.stageById[e.stage].title}, ${MOVEMENT_TITLES[e.movement].toLowerCase()}${stall}`);
  }
  if (rel.history.length > SHOWN) lines.push(`…and ${rel.history.length - SHOWN} earlier.`);
  if (rel.stall) {
    // Named, so the count is the list: only the strategies planned at this stall, not at an earlier one.
    const planned = rel.stall.strategiesTried.map((id) => c.stalls[rel.stall!.stage].strategies.find((s) => s.id === id)?.title ?? id);
    const plans = planned.length ? `; ${planned.length} ${planned.length === 1 ? 'strategy' : 'strategies'} planned for it: ${planned.map((t) => `"${t}"`).join(', ')}` : '';
    lines.push('', `Open stall at ${c.stageById[rel.stall.stage].title} since ${day(rel.stall.since)}${plans}${rel.stall.flaggedForSupervision ? '; flagged for supervision' : ''}.`);
  }
  return lines.join('\n');
}
