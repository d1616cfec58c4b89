// What a stall strategy means beyond its words. A strategy whose id ends in `-s-supervision` ("Take it to
// supervision", "Bring it to supervision") is itself the flag for supervision: picking it flags the relationship,
// and the PSW is not asked a second time (issue 14). The content test holds every such strategy to that meaning.
export const SUPERVISION_STRATEGY_SUFFIX = '-s-supervision';

export function isSupervisionStrategy(strategyId: string): boolean {
  return strategyId.endsWith(SUPERVISION_STRATEGY_SUFFIX);
}
