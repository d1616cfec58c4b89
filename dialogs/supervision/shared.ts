// What the supervision commands share: the words for a refused or expired button, reading a button's token, sending a
// card, and showing pages of reflections or of a team. Who may see what is decided in services (access, summaries);
// buttons carry a command and a signed token — never a person id.
import type { TurnContext } from 'botbuilder';
import { DateTime } from 'luxon';
import { cardAttachment, type AdaptiveCard } from '../../cards/card';
import { fullReflectionCards, reflectionPageCard, teamSummaryCard, teamSummaryText } from '../../cards/summary';
import type { AppServices } from '../../services/app';
import { t } from '../../services/catalogue';
import { dateLocale } from '../../cards/words/dates';
import { log } from '../../services/log';
import type { Person } from '../../services/people';
import { MAX_PERIOD_WEEKS, type Period } from '../../services/supervision/period';

/** The words every supervision command may say (supervision.shared.* in the catalogue). */
export const words = {
  notFound: (alias: string) => t('supervision.shared.notFound', { alias }),
  noLongerYours: () => t('supervision.shared.noLongerYours'),
  expired: () => t('supervision.shared.expired'),
  badPeriod: () => t('supervision.shared.badPeriod', { max: MAX_PERIOD_WEEKS }),
};

/** The page token a button sent, if any. Only this field is read from a card: never ids. */
export function pageOf(context: TurnContext): unknown {
  const value = context.activity.value as { page?: unknown } | undefined;
  return value && typeof value === 'object' ? value.page : undefined;
}

/** The signed token a button sent for another page of the team (`team`) or one whole reflection (`full`). */
export function tokenOf(context: TurnContext, field: 'team' | 'full'): unknown {
  const value = context.activity.value as Record<string, unknown> | undefined;
  return value && typeof value === 'object' ? value[field] : undefined;
}

export async function sendCard(context: TurnContext, card: AdaptiveCard, text?: string): Promise<void> {
  await context.sendActivity({ type: 'message', text, attachments: [cardAttachment(card)] });
}

/** "2026-11" → "November 2026". */
export function monthTitle(month: string): string {
  return DateTime.fromFormat(month, 'yyyy-MM').setLocale(dateLocale()).toFormat('LLLL yyyy');
}

/** Pages of reflections (someone's shared ones, or one's own), one reflection whole, and pages of a team. */
export function pageViews(app: AppServices) {
  const { summaries } = app.supervision;

  const showPage = async (context: TurnContext, viewer: Person, result: Awaited<ReturnType<typeof summaries.firstPage>>, moreCommand: string, first: boolean) => {
    if (!result.ok) {
      await context.sendActivity(result.reason === 'bad_token' ? words.expired() : words.noLongerYours());
      return;
    }
    const readAll = (r: { id: string; psw: string }) => ({ command: moreCommand, full: summaries.reflectionToken(viewer.id, r, app.now()) });
    await sendCard(context, reflectionPageCard(result.page, viewer.timeZone, moreCommand, first, readAll));
  };

  /** "Read all": one reflection whole, in as many cards as its length needs (cards/limits.ts). */
  const showFull = async (context: TurnContext, viewer: Person, token: unknown) => {
    const r = await summaries.reflection(viewer.id, token, app.now());
    if (!r.ok) return void (await context.sendActivity(r.reason === 'bad_token' ? words.expired() : words.noLongerYours()));
    const cards = fullReflectionCards(r.doc, viewer.timeZone, r.scope === 'own');
    await context.sendActivity({ type: 'message', attachments: cards.map(cardAttachment) });
  };

  /** A page of the team: the summary's first, or a later one of a summary or digest ("Show more"). */
  const showTeam = async (context: TurnContext, viewer: Person, period: Period, offset: number, digest: boolean) => {
    const now = app.now();
    const r = await summaries.team(viewer.id, period, now);
    if (!r.ok) return void (await context.sendActivity(t('router.notAllowed')));
    log.info('summary.team', { person: viewer.id.slice(0, 8), count: r.summary.teams.reduce((n, x) => n + x.psws.length, 0) });
    const more = (o: number) => ({ command: 'summary', team: summaries.teamPageToken(viewer.id, period, o, digest, now) });
    const card = teamSummaryCard(r.summary, digest ? t('notices.digestTitle') : t('supervision.shared.yourTeam'), { offset, more });
    return sendCard(context, card, offset ? undefined : teamSummaryText(r.summary));
  };

  return { showPage, showFull, showTeam };
}
