// Client codes are the PSW's own short labels ("C-14"). "c14", "C 14" and "C-14" name the same relationship.

export function normaliseCode(code: string): string {
  return code.trim().toUpperCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

export function relationshipId(psw: string, code: string): string {
  return `${psw}|${normaliseCode(code)}`;
}

/** The code used during onboarding practice; never a real relationship. */
export const PRACTICE_CODE = 'PRACTICE';
