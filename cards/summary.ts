// Summary, drill-down and digest cards. Charts use the Teams Adaptive Card chart elements (Chart.VerticalBar,
// Chart.Line); each chart carries a `fallback` TextBlock with the same numbers, so clients without charts
// (the web chat, older Teams, screen readers) read the same facts as plain text.
// https://learn.microsoft.com/en-us/microsoftteams/platform/task-modules-and-cards/cards/charts-in-adaptive-cards
import { list, t, type MessageKey } from '../services/catalogue';
import { content } from '../services/content';
import { tallyText } from './strategyTally';
import { categoryLabel } from '../services/safety/protocol';
import type { Movement, ReflectionDoc, StageId } from '../services/reflections/model';
import type { AgendaItem } from '../services/supervision/agenda';
import { framing, safetyFlagKind } from '../services/supervision/framing';
import type { PswSummary, ReflectionPage, StallLine, TeamSummary } from '../services/supervision/summaries';
import type { StrategyCounts } from '../services/supervision/whatHelps';
import type { Period } from '../services/supervision/period';
import { adaptiveCard, commandButton, submit, textBlock, type AdaptiveCard, type CardElement } from './card';
import { jsonBytes, MAX_CARD_BYTES, packBody } from './limits';
import { dateLocale, formatDate } from './words/dates';
import { periodLabel } from './words/period';
import { questionText } from './words/question';

// Within Teams' 28 KB a card (cards/limits.ts): a team summary is paged (at most PEOPLE_PER_PAGE people, fewer when
// their blocks are large), a person shows at most STALL_LINES stall lines, and a page of reflections shows the
// start of each answer with a "Read all" button for the whole reflection.
export const PEOPLE_PER_PAGE = 10;
export const STALL_LINES = 3;
export const ANSWER_PREVIEW = 280;
/** Room left on every card for what its frame adds. */
const CARD_BUDGET = MAX_CARD_BYTES - 1024;

const MOVEMENT_WORDS: Record<Movement, MessageKey> = { progressing: 'summary.movement.progressing', steady: 'summary.movement.steady', stalling: 'summary.movement.stalling', setback: 'summary.movement.setback' };
const movementWord = (m: Movement): string => (MOVEMENT_WORDS[m] ? t(MOVEMENT_WORDS[m]) : m);

export function stageTitle(stage: StageId): string {
  try {
    return content().stageById[stage]?.title ?? stage;
  } catch {
    return stage;
  }
}

function strategyTitle(stage: StageId, id: string): string {
  try {
    return content().stalls[stage]?.strategies.find((s) => s.id === id)?.title ?? id;
  } catch {
    return id;
  }
}

function promptText(id: string): string | undefined {
  try {
    return questionText(id);
  } catch {
    /* labels only */
  }
  return undefined;
}

function weeksAndDays(days: number): string {
  return days < 14 ? t('summary.days', { count: days }) : t('summary.weeks', { count: Math.floor(days / 7) });
}

/**
 * One stall, for its reader: the PSW reads their own client codes and "flagged for supervision"; a supervisor reads a
 * client code only where the PSW flagged it, and that they asked to talk it through.
 */
export function stallText(s: StallLine, scope: PswSummary['scope'] = 'own'): string {
  const who = s.clientCode ? t('summary.stall.client', { clientCode: s.clientCode }) : scope === 'own' ? '' : t('supervision.card.aClient');
  // A strategy picked at a stall is a plan; whether it was tried is only known when the PSW reports back.
  const tried = s.strategiesTried.length ? t('summary.planned', { titles: s.strategiesTried.map((id) => strategyTitle(s.stage, id)).join(', ') }) : t('summary.noPlan');
  const since = s.days < 1 ? t('supervision.flags.sinceToday') : t('supervision.flags.sinceFor', { duration: weeksAndDays(s.days) });
  const flag = !s.flaggedForSupervision
    ? ''
    : t(scope === 'own' ? 'supervision.card.flagOwn' : s.talkedThrough ? 'supervision.card.flagTalkedThrough' : 'supervision.card.flagAsked');
  return t('summary.stall.line', { who, stage: stageTitle(s.stage), since, tried, flag });
}

/** A safety topic for its reader: the PSW's own distress is "your own wellbeing" to them, "their own wellbeing" to a supervisor. */
function topicFor(category: string, scope: PswSummary['scope']): string {
  return category === 'psw_distress' && scope !== 'own' ? t('supervision.card.theirWellbeing') : categoryLabel(category).toLowerCase();
}

/** Plain lines for one person: the card's facts and the text fallback for any client. */
export function summaryLines(p: PswSummary): { title: string; value: string }[] {
  const r = p.reflections;
  // A new hire: onboarding first; with nothing else yet, one short line instead of five "none"s.
  const onboarding = p.onboarding ? [{ title: t('summary.facts.onboarding'), value: onboardingText(p.onboarding) }] : [];
  if (onboarding.length && nothingYet(p)) return [...onboarding, { title: t('summary.facts.reflections'), value: t('supervision.card.noneYet') }];
  const lines = [
    ...onboarding,
    { title: t('summary.facts.reflections'), value: p.scope === 'own' ? t('summary.countsOwn', { total: r.total, private: r.private }) : t('summary.countsShared', { shared: r.shared, private: r.private }) },
    { title: t('summary.facts.stages'), value: stagesText(p.stages) },
    { title: t('summary.facts.movement'), value: movementText(p.movement, p.scope) },
    { title: t('summary.facts.selfCheck'), value: selfCheckText(p) },
  ];
  // The stages whose stalls need the most help (content/stages.json `stallFocus`: trust and bridging) by name.
  const focus = content().stages.filter((s) => s.stallFocus).map((s) => s.id);
  const stalls = p.stalls.filter((s) => focus.includes(s.stage));
  const other = p.stalls.length - stalls.length;
  // The longest stalls first (the service sorts them); the rest as a count, so a person's block stays small.
  const shown = stalls.slice(0, STALL_LINES).map((s) => stallText(s, p.scope));
  const either = new Intl.ListFormat(dateLocale(), { type: 'disjunction' });
  if (stalls.length > STALL_LINES) shown.push(t('summary.moreStalls', { count: stalls.length - STALL_LINES, stages: either.format(focus.map(stageTitle)) }));
  lines.push({ title: t('summary.facts.stalls'), value: stalls.length ? shown.join('\n') : other ? '' : t('prompts.none') });
  if (other) lines[lines.length - 1].value = [lines[lines.length - 1].value, t('summary.otherStages', { count: other })].filter(Boolean).join('\n');
  // Planned vs tried (issue 14): the PSW's own summary only.
  const strategies = p.strategies ? tallyText(p.strategies) : '';
  if (strategies) lines.push({ title: t('summary.facts.strategies'), value: strategies });
  const risk = Object.entries(p.riskFlags ?? {});
  const own = p.scope === 'own';
  if (risk.length) lines.push({ title: t('summary.facts.safety'), value: `⚠ ${risk.map(([f, n]) => `${topicFor(f, p.scope)} ${n}`).join(' · ')} (${t(own ? 'supervision.card.topicOwn' : 'supervision.card.topicSupervisee')})` });
  const n = p.flaggedForSupervision;
  const open = openFlags(p);
  if (n && own) lines.push({ title: t('supervision.card.titleForSupervision'), value: t('supervision.card.flaggedOwn', { count: n }) });
  if (n && !own) lines.push({ title: t('supervision.card.titleToTalkThrough'), value: open ? t('supervision.card.flaggedForYou', { count: open }) : t('supervision.card.noneOpen', { count: n }) });
  // A supervisor reads what each kind of flag invites (Proctor's functions, content/supervision.json): one line each,
  // under one title.
  const invites = own ? [] : invitations(p);
  if (invites.length) lines.push({ title: t('supervision.card.titleInvites'), value: invites.join('\n') });
  return lines;
}

/** No reflection, relationship, self-check, stall, flag or safety topic to show. */
function nothingYet(p: PswSummary): boolean {
  return (
    p.reflections.total + p.reflections.shared + p.reflections.private === 0 &&
    !p.stalls.length &&
    !p.flaggedForSupervision &&
    p.selfCheck.average === undefined &&
    !Object.values(p.stages).some((n) => n > 0) &&
    !Object.keys(p.riskFlags ?? {}).length
  );
}

/** Answers from before a restart no longer count (services/onboarding.ts): the figures are this go's. */
function onboardingText(o: NonNullable<PswSummary['onboarding']>): string {
  const checks = o.checksAnswered ? t('summary.onboarding.checks', { right: o.checksRight, answered: o.checksAnswered }) : 'none';
  if (o.completed && o.step >= o.total) return t('summary.onboarding.done', { checks: checks === 'none' ? t('summary.onboarding.noChecks') : checks });
  if (o.completed) return t('summary.onboarding.again', { step: o.step, total: o.total, checks });
  if (!o.started) return t('summary.onboarding.notStarted');
  return t('summary.onboarding.step', { step: o.step, total: o.total, restarted: o.restarted ? 'yes' : 'no', checks });
}

/** Flagged relationships not yet talked through (the service marks those that were, for a supervisor's view). */
function openFlags(p: PswSummary): number {
  return p.flaggedForSupervision - p.stalls.filter((s) => s.flaggedForSupervision && s.talkedThrough).length;
}

/** The conversations a supervisee's flags invite, once per kind: a flagged stall, a low self-check, each kind of safety topic. */
function invitations(p: PswSummary): string[] {
  const kinds = new Set<Parameters<typeof framing>[0]>();
  if (openFlags(p)) kinds.add('stall');
  if (p.selfCheck.low || p.selfCheck.falling) kinds.add('selfCheck');
  for (const f of Object.keys(p.riskFlags ?? {})) kinds.add(safetyFlagKind(f));
  // selfCheck and the PSW's own distress invite the same support conversation: say it once.
  if (kinds.has('selfCheck')) kinds.delete('ownWellbeing');
  return [...kinds].map((k) => framing(k).invites);
}

function stagesText(stages: Record<StageId, number>): string {
  const parts = (Object.keys(stages) as StageId[]).filter((s) => stages[s] > 0).map((s) => `${stageTitle(s)} ${stages[s]}`);
  return parts.length ? parts.join(' · ') : t('supervision.card.noActive');
}

function movementText(m: Record<Movement, number>, scope: PswSummary['scope']): string {
  const parts = (Object.keys(m) as Movement[]).filter((k) => m[k] > 0).map((k) => `${movementWord(k)} ${m[k]}`);
  return parts.length ? parts.join(' · ') : t(scope === 'own' ? 'supervision.card.noReflections' : 'supervision.card.nothingShared');
}

function selfCheckText(p: PswSummary): string {
  const s = p.selfCheck;
  if (s.average === undefined) return t(p.scope === 'own' ? 'supervision.card.noSelfChecks' : 'supervision.card.noneShared');
  const flags = [s.low ? t('supervision.card.low') : '', s.falling ? t('supervision.card.downFrom', { previous: s.previousAverage ?? '' }) : ''].filter(Boolean);
  return `${t('supervision.card.average', { average: s.average })}${flags.length ? ` ⚠ ${flags.join(', ')}` : ''}`;
}

/** A week by the local date it starts (yyyy-MM-dd): "2 Nov", "2 nov." */
const weekOf = (date: string): string => formatDate(`${date}T00:00:00Z`, 'utc', 'd LLL');

function charts(p: PswSummary): CardElement[] {
  const out: CardElement[] = [];
  const stages = Object.keys(p.stages) as StageId[];
  if (stages.some((s) => p.stages[s] > 0)) {
    out.push({
      type: 'Chart.VerticalBar',
      title: t('summary.relationshipsByStage'),
      data: stages.map((s) => ({ x: stageTitle(s), y: p.stages[s] })),
      fallback: textBlock(t('summary.relationshipsByStageText', { stages: stagesText(p.stages) }), { isSubtle: true }),
    });
  }
  if (p.selfCheck.weekly.some((w) => w.average !== undefined)) {
    out.push({
      type: 'Chart.Line',
      title: t('summary.selfCheckWeekly'),
      data: [{ legend: t('summary.facts.selfCheck'), values: p.selfCheck.weekly.filter((w) => w.average !== undefined).map((w) => ({ x: weekOf(w.week), y: w.average })) }],
      // Weeks without a self-check are left out ("2 Nov — · 9 Nov —" read as noise).
      fallback: textBlock(t('summary.selfCheckByWeek', { weeks: p.selfCheck.weekly.filter((w) => w.average !== undefined).map((w) => `${weekOf(w.week)} ${w.average}`).join(' · ') }), { isSubtle: true }),
    });
  }
  return out;
}

function personBlock(p: PswSummary): CardElement {
  const items: CardElement[] = [
    textBlock(p.person.alias ?? t('summary.unnamed'), { weight: 'Bolder', size: 'Medium', style: 'heading' }),
    { type: 'FactSet', facts: summaryLines(p).filter((l) => l.value) },
    ...charts(p),
  ];
  return { type: 'Container', separator: true, spacing: 'Medium', items };
}

export interface TeamPageOptions {
  /** The first person shown (0-based, across teams); a "Show more" button carries the next one. */
  offset?: number;
  /** The data of the "Show more" button for the page starting at `offset` (a signed token); none: no button. */
  more?: (offset: number) => Record<string, unknown>;
  /** The digest's safety alerts not yet acknowledged, listed first on its first page. */
  alerts?: AgendaItem[];
}

/**
 * One page of a team summary (or the weekly digest): as many people as fit in a card, up to PEOPLE_PER_PAGE, then
 * one picker to read someone's shared reflections and a "Show more" button — two actions, however big the team.
 */
export function teamSummaryCard(s: TeamSummary, heading = t('supervision.shared.yourTeam'), opts: TeamPageOptions = {}): AdaptiveCard {
  const people = s.teams.flatMap((t) => t.psws.map((p) => ({ team: t.team, p })));
  const grouped = s.teams.length > 1 || s.teams.some((t) => t.team);
  const start = Math.min(Math.max(0, opts.offset ?? 0), people.length);
  const page = (count: number): AdaptiveCard => {
    const end = start + count;
    const paged = start > 0 || end < people.length;
    const title = t('summary.teamHeading', { heading, period: periodLabel(s.period.label) });
    const body: CardElement[] = [textBlock(paged ? t('summary.paged', { title, first: start + 1, last: end, total: people.length }) : title, { weight: 'Bolder', size: 'Large', style: 'heading' })];
    if (start === 0) body.push(...pendingAlertsBlock(opts.alerts ?? [], s.viewer.timeZone));
    if (!people.length) body.push(textBlock(t('summary.emptyTeam')));
    for (let i = start; i < end; i++) {
      const { team, p } = people[i]!;
      if (grouped && (i === start || people[i - 1]!.team !== team)) {
        const name = team || t('summary.noTeam');
        const continued = i === start && i > 0 && people[i - 1]!.team === team;
        body.push(textBlock(continued ? t('summary.continued', { title: name }) : name, { weight: 'Bolder', spacing: 'Large', style: 'heading' }));
      }
      body.push(personBlock(p));
    }
    body.push(textBlock(t('summary.privateCounts'), { isSubtle: true, size: 'Small' }));
    const named = people.slice(start, end).filter(({ p }) => p.person.alias);
    const actions: CardElement[] = [];
    if (named.length) {
      // One picker instead of a button per person: Teams shows about six actions, and each choice names the person.
      body.push({
        type: 'Input.ChoiceSet', id: 'command', label: t('summary.readSomeone'), style: 'compact', isRequired: true, errorMessage: t('summary.pickSomeone'),
        choices: named.map(({ p }) => ({ title: p.person.alias!, value: `summary ${p.person.alias}` })),
      });
      actions.push(submit(t('summary.readTheirs'), {}));
    }
    // Flags and alerts are closed in `flags` (dialogs/supervision/flags.ts): talked through, acknowledged, noted.
    // Neither button sends the picker's choice (nor asks for one): associatedInputs 'none' (Adaptive Cards 1.3+).
    if (opts.alerts?.length || people.some(({ p }) => openFlags(p))) actions.push({ ...commandButton(t('supervision.flags.button'), 'flags'), associatedInputs: 'none' });
    if (people.length) actions.push({ ...commandButton(t('supervision.whatHelps.button'), 'what helps'), associatedInputs: 'none' });
    if (end < people.length && opts.more) actions.push({ ...submit(t('summary.showMoreCount', { count: people.length - end }), opts.more(end)), associatedInputs: 'none' });
    return adaptiveCard(body, actions);
  };
  let count = Math.min(1, people.length - start);
  while (start + count < people.length && count < PEOPLE_PER_PAGE && jsonBytes(page(count + 1)) <= CARD_BUDGET) count++;
  return page(count);
}

export function ownSummaryCard(p: PswSummary, period: Period): AdaptiveCard {
  return adaptiveCard(
    [textBlock(t('summary.yourWork', { period: periodLabel(period.label) }), { weight: 'Bolder', size: 'Large', style: 'heading' }), personBlock(p)],
    [submit(t('summary.readMine'), { command: 'my summary', page: 'first' })],
  );
}

/** Plain text of a team summary, for the message text that goes with the card. */
export function teamSummaryText(s: TeamSummary, pendingAlerts = 0): string {
  const n = s.teams.reduce((k, t) => k + t.psws.length, 0);
  const flagged = s.teams.flatMap((t) => t.psws).filter((p) => p.flaggedForSupervision || p.selfCheck.low || p.selfCheck.falling || Object.keys(p.riskFlags ?? {}).length).length;
  const alerts = pendingAlerts ? t('supervision.flags.digestPending', { count: pendingAlerts }) : '';
  return t('summary.teamText', { period: periodLabel(s.period.label), count: n, flagged, alerts });
}

/**
 * A page of reflections. Each answer shows its first ANSWER_PREVIEW characters (fewer if the page would not fit a
 * card); a reflection cut short gets a "Read all" button whose data `readAll` gives (a signed token).
 */
export function reflectionPageCard(
  page: ReflectionPage, zone: string, moreCommand: string, firstPage: boolean, readAll?: (r: ReflectionDoc) => Record<string, unknown>,
): AdaptiveCard {
  const who = page.scope === 'own' ? t('summary.yourReflections') : page.subject.alias ? t('summary.sharedReflectionsOf', { alias: page.subject.alias }) : t('summary.sharedReflections');
  const build = (preview: number): AdaptiveCard => {
    const body: CardElement[] = [textBlock(firstPage ? who : t('summary.continued', { title: who }), { weight: 'Bolder', size: 'Large', style: 'heading' })];
    // A new hire's drill-down says where they are in onboarding before their reflections (or their absence).
    if (firstPage && page.onboarding) body.push({ type: 'FactSet', facts: [{ title: t('summary.facts.onboarding'), value: onboardingText(page.onboarding) }] });
    if (!page.items.length) body.push(textBlock(firstPage ? t('summary.nothingRecent') : t('summary.everything')));
    for (const r of page.items) body.push(reflectionBlock(r, zone, page.scope === 'own', preview, readAll));
    const actions = page.next ? [submit(t('prompts.showMore'), { command: moreCommand, page: page.next })] : [];
    return adaptiveCard(body, actions);
  };
  let card = build(ANSWER_PREVIEW);
  for (let preview = ANSWER_PREVIEW; jsonBytes(card) > CARD_BUDGET && preview > 40; ) {
    preview = Math.floor(preview * 0.7);
    card = build(preview);
  }
  return card;
}

/** One whole reflection, nothing cut: as many cards as it takes to stay within Teams' limit (one, unless answers are very long). */
export function fullReflectionCards(r: ReflectionDoc, zone: string, own: boolean): AdaptiveCard[] {
  const block = reflectionBlock(r, zone, own, Infinity) as { items: CardElement[] };
  return packBody(block.items, (body, part) => adaptiveCard(part ? [textBlock(t('summary.continuedMark'), { isSubtle: true }), ...body] : body));
}

function reflectionBlock(r: ReflectionDoc, zone: string, own: boolean, preview: number, readAll?: (r: ReflectionDoc) => Record<string, unknown>): CardElement {
  const when = formatDate(r.createdAt, zone, 'ccc d LLL, HH:mm');
  const facts = [
    { title: t('summary.facts.stage'), value: stageTitle(r.stage) },
    { title: t('summary.facts.movement'), value: movementWord(r.movement) },
    { title: t('summary.facts.selfCheck'), value: t('summary.scoreOf', { score: r.selfCheck.score }) },
  ];
  if (own) facts.unshift({ title: t('summary.facts.shared'), value: r.visibility === 'shared' ? t('prompts.yesWord') : t('summary.sharedNo') });
  if (r.stall) {
    const trying = r.stall.strategyId ? t('summary.trying', { strategy: strategyTitle(r.stall.stage, r.stall.strategyId) }) : '';
    facts.push({ title: t('summary.facts.stall'), value: t('summary.stallFact', { stage: stageTitle(r.stall.stage), trying, flagged: r.stall.flaggedForSupervision ? 'yes' : 'no' }) });
  }
  const items: CardElement[] = [textBlock(t('summary.reflectionHeading', { when, clientCode: r.clientCode }), { weight: 'Bolder' }), { type: 'FactSet', facts }];
  let cut = false;
  const clip = (text: string): string => {
    if (text.length <= preview) return text;
    cut = true;
    return `${text.slice(0, preview).replace(/\s+\S*$/, '')}…`;
  };
  for (const a of r.answers) {
    if (a.skipped || !a.text) continue;
    const q = promptText(a.promptId);
    if (q) items.push(textBlock(q, { isSubtle: true, size: 'Small', spacing: 'Small' }));
    items.push(textBlock(clip(a.text), { spacing: 'None' }));
  }
  if (r.selfCheck.note && (own || r.selfCheck.noteShared)) items.push(textBlock(own ? t('summary.ownNote', { note: clip(r.selfCheck.note) }) : t('summary.theirNote', { note: clip(r.selfCheck.note) }), { isSubtle: true }));
  if (cut && readAll) items.push({ type: 'ActionSet', actions: [submit(t('summary.readAll', { when }), readAll(r))] });
  return { type: 'Container', separator: true, spacing: 'Medium', items };
}

// ── Flags for supervision (`flags`, and the digest's alerts not yet acknowledged) ────────────────────────────────

/** A flag's short name, for a button or a list: "PSW 1 · K-9: stuck at Building trust", "PSW 2: safety alert, 12 Nov". */
export function flagTitle(item: AgendaItem, zone: string): string {
  const a = item.about;
  const alias = item.alias ?? t('supervision.flags.someone');
  if (a.type === 'stall') return t('supervision.flags.stallTitle', { alias, clientCode: a.clientCode, stage: stageTitle(a.stage) });
  return t('supervision.flags.alertTitle', { alias, date: formatDate(a.deliveredAt, zone, 'd LLL') });
}

/** What the flag is and the conversation it invites (Proctor's functions, content/supervision.json). */
export function flagDetail(item: AgendaItem): string {
  const a = item.about;
  if (a.type === 'stall') {
    const planned = item.planned?.length
      ? t('supervision.flags.planned', { strategies: item.planned.map((id) => `“${strategyTitle(a.stage, id)}”`).join(', ') })
      : t('supervision.flags.nothingPlanned');
    const since = item.days ? t('supervision.flags.sinceFor', { duration: weeksAndDays(item.days) }) : t('supervision.flags.sinceToday');
    return t('supervision.flags.stallDetail', { since, planned, invites: t('supervision.flags.invites', { invites: item.framing.invites }) });
  }
  const kinds = list(a.categories.map((c) => topicFor(c, 'supervisee')));
  // As in the alert itself (services/safety/alerts.ts): the client is named only for a concern about a client.
  const client = a.clientCode && item.framing.kind === 'clientSafety' ? t('supervision.flags.alertClient', { clientCode: a.clientCode }) : '';
  return t('supervision.flags.alertDetail', { kinds, client, invites: t('supervision.flags.invites', { invites: item.framing.invites }) });
}

/** The digest's block of safety alerts still waiting to be acknowledged; nothing when there are none. */
export function pendingAlertsBlock(items: AgendaItem[], zone: string): CardElement[] {
  if (!items.length) return [];
  const n = items.length;
  return [
    textBlock(t('supervision.flags.pendingHeading', { count: n }), { weight: 'Bolder', spacing: 'Large', style: 'heading' }),
    ...items.slice(0, STALL_LINES * 2).map((i) => textBlock(`**${flagTitle(i, zone)}** — ${flagDetail(i)}`, { spacing: 'Small' })),
    ...(n > STALL_LINES * 2 ? [textBlock(t('supervision.flags.pendingMore', { count: n - STALL_LINES * 2 }), { isSubtle: true })] : []),
  ];
}

// ── What helps (`what helps`): per stage, what the team tried at stalls and how often it helped ────────────────────

export function whatHelpsCard(counts: StrategyCounts[], weeks: number): AdaptiveCard {
  const body: CardElement[] = [textBlock(t('supervision.whatHelps.heading', { weeks }), { weight: 'Bolder', size: 'Large', style: 'heading' })];
  if (!counts.length) body.push(textBlock(t('supervision.whatHelps.none')));
  for (const stage of content().stages) {
    const here = counts.filter((c) => c.stage === stage.id);
    if (!here.length) continue;
    body.push(textBlock(stage.title, { weight: 'Bolder', spacing: 'Large', style: 'heading' }));
    for (const c of here) {
      const strategy = strategyTitle(c.stage, c.strategyId);
      // Planned but never reported as tried: "not tried yet; planned once", not "helped 0 of 0 tries".
      const line = c.tried
        ? t('supervision.whatHelps.line', { strategy, tried: c.tried, helped: c.helped, partly: c.partly, didntHelp: c.didntHelp, notTried: c.notTried })
        : t('supervision.whatHelps.lineUntried', { strategy, notTried: c.notTried });
      body.push(textBlock(line, { spacing: 'Small' }));
    }
  }
  body.push(textBlock(t('supervision.whatHelps.footer'), { isSubtle: true, size: 'Small' }));
  return adaptiveCard(body);
}
