// Planned vs tried in words, for `history` and `my summary` alike (issue 14): "2 strategies planned, 1 tried — it
// helped". The counts come from services/reflections/strategies.ts; the words from the catalogue (loop.tally.*).
import { t } from '../services/catalogue';
import type { StrategyTally } from '../services/reflections/strategies';

/** '' when nothing was planned or reported. */
export function tallyText(n: StrategyTally): string {
  if (!n.planned && !n.tried && !n.notTried) return '';
  const head = t('loop.tally.head', { planned: n.planned, tried: n.tried });
  if (!n.tried) return head;
  if (n.tried === 1) return n.helped ? t('loop.tally.itHelped', { head }) : n.partly ? t('loop.tally.itPartly', { head }) : t('loop.tally.itDidnt', { head });
  const parts = [
    n.helped ? t('loop.tally.helped', { count: n.helped }) : '',
    n.partly ? t('loop.tally.partly', { count: n.partly }) : '',
    n.didntHelp ? t('loop.tally.didnt', { count: n.didntHelp }) : '',
  ].filter(Boolean);
  return t('loop.tally.many', { head, parts: parts.join(', ') });
}
