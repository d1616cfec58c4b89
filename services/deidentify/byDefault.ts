/**
 * Spans the name rules hid by default (round 14): a word that is no English word and in no name list, hidden with no
 * person's slot around it (Philter's turn: messy.ts, names.ts). The name model judges these words after the rules
 * (classifier/model.ts judgedDefaults): one it is sure is no name is left. Marked by the span object, as the detector
 * made it, so only the rule's own span is judged (settle() keeps the objects it accepts).
 */
import type { Entity } from './types';

/** 1: a word in no name list; 2: a word only a surname list holds (no given name, no English word). */
export type DefaultKind = 1 | 2;

const marked = new WeakMap<Entity, DefaultKind>();

/** Marks `e` as hidden by default; returns it. */
export function byDefault(e: Entity, kind: DefaultKind): Entity {
  marked.set(e, kind);
  return e;
}

/** Whether a rule hid `e` only by default. */
export function hiddenByDefault(e: Entity): boolean {
  return marked.has(e);
}

/** The kind of default `e` was hidden by (0: not by default). */
export function defaultKind(e: Entity): DefaultKind | 0 {
  return marked.get(e) ?? 0;
}

/**
 * Whether `w` (lower case, its 's gone) is a given name, or one with an s typed on ("marias"): a word the name lists
 * give a person, never hidden only by default (messy.ts onlyByDefault, names.ts surnameOnly).
 */
export function givenOrItsS(firstNames: ReadonlySet<string>, w: string): boolean {
  return firstNames.has(w) || (w.endsWith('s') && firstNames.has(w.slice(0, -1)));
}
