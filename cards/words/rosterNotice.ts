// A roster change told to someone it concerns (services/roster.ts decides who and what), in their words.
import { t } from '../../services/catalogue';
import type { RosterNotice } from '../../services/roster';

export function rosterNoticeText(n: RosterNotice): string {
  switch (n.change) {
    case 'supervisorNow': return t('notices.roster.supervisorNow', { supervisor: n.supervisor, by: n.by });
    case 'noSupervisor': return t('notices.roster.noSupervisor', { by: n.by });
    case 'leftTeam': {
      const who = n.who ?? t('supervision.flags.someone');
      return n.movedTo ? t('notices.roster.movedAway', { who, by: n.by, to: n.movedTo }) : t('notices.roster.leftTeam', { who, by: n.by });
    }
    case 'joinedTeam': return t('notices.roster.joinedTeam', { who: n.who ?? t('supervision.flags.someone'), by: n.by });
  }
}
