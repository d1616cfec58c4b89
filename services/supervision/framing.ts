// How a supervision flag is framed for the supervisor: which of Proctor's three functions of supervision it invites
// (normative: standards and safety; formative: learning; restorative: support and wellbeing) and, in a few plain
// words, what the conversation is about. The words are content (content/supervision.json, each with its source).
import { content, type RiskCategory, type SupervisionFlagKind, type SupervisionFunctionId } from '../content';

export interface Framing {
  kind: SupervisionFlagKind;
  function: SupervisionFunctionId;
  /** "a learning conversation (formative): what they've tried and what might help next." */
  invites: string;
}

export function framing(kind: SupervisionFlagKind): Framing {
  const { functions, flags } = content().supervision;
  const flag = flags[kind];
  const fn = functions[flag.function];
  const invites = `${fn.conversation} (${flag.function}): ${flag.text}.`;
  return { kind, function: flag.function, invites };
}

/** A safety topic's flag: the worker's own distress invites support; a concern about a client, the protocol. */
export function safetyFlagKind(category: RiskCategory | string): SupervisionFlagKind {
  return category === 'psw_distress' ? 'ownWellbeing' : 'clientSafety';
}
