// Renders what a scheduled job asks to send. Jobs return notices — data (services/scheduler/job.ts) — and the
// card is made here, when the message goes out, so services/ never builds a card.
import type { AppServices } from '../services/app';
import { t } from '../services/catalogue';
import type { Notice } from '../services/scheduler/job';
import type { AdaptiveCard } from '../cards/card';
import { followUpCard, followUpShort, reminderCard, reminderShort } from '../cards/notices';
import { teamSummaryCard, teamSummaryText } from '../cards/summary';
import { rosterNoticeText } from '../cards/words/rosterNotice';
import { safetyAlertText, safetyAlertUpdateText } from '../cards/words/safetyAlert';

/** A notice as the person reads it: a card with its short text, or (a roster change, a safety alert) text alone. */
export type NoticeRenderer = (notice: Notice) => { text?: string; card?: AdaptiveCard };

export function noticeRenderer(app: Pick<AppServices, 'supervision' | 'safetyAlerts' | 'now'>): NoticeRenderer {
  return (notice) => {
    switch (notice.kind) {
      case 'reminder':
        return { text: reminderShort(), card: reminderCard() };
      case 'followup':
        return { text: followUpShort(notice.clientCode), card: followUpCard(notice.clientCode) };
      case 'digest': {
        const s = notice.summary;
        // The first page; "Show more" carries a signed token for the rest (cards/summary.ts pages within Teams' limits).
        const more = (offset: number) => ({ command: 'summary', team: app.supervision.summaries.teamPageToken(s.viewer.id, s.period, offset, true, app.now()) });
        return { text: teamSummaryText(s, notice.alerts?.length), card: teamSummaryCard(s, t('notices.digestTitle'), { more, alerts: notice.alerts }) };
      }
      case 'roster':
        return { text: rosterNoticeText(notice.notice) };
      case 'safetyAlert':
        return { text: safetyAlertText(app.safetyAlerts.protocol, notice.alert) };
      case 'safetyAlertUpdate':
        return { text: safetyAlertUpdateText(app.safetyAlerts.protocol, notice.update) };
    }
  };
}
