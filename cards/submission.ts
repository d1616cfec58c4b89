// Every card submission is checked with ajv before a dialog sees it. The schema checks the shape a step's card
// can send; the nonce is compared apart from the schema, so compiled schemas are cached per step shape and a
// submission from an earlier card (or another debrief) is told apart from a malformed one. Every schema is
// closed (additionalProperties: false): a value carrying anything the card did not send — `psw`, `id`,
// `__proto__` — is refused whole, so no field a person can forge reaches a dialog.
//
// API:
//   choiceSubmissionSchema(step, values)   → JSON schema of { step, nonce, choice }
//   formSubmissionSchema(step, inputs)     → JSON schema of { step, nonce, <input ids> }
//   checkSubmission(schema, value, nonce)  → { ok: true, data } | { ok: false, problem: 'stale' | 'invalid' }
import Ajv, { type ValidateFunction } from 'ajv';
import type { FormInput } from './card';

const ajv = new Ajv({ allErrors: false, strict: true });
const compiled = new Map<string, ValidateFunction>();

const NONCE = { type: 'string', minLength: 1, maxLength: 64 };

export type SubmissionSchema = Record<string, unknown>;

export function choiceSubmissionSchema(step: string, values: string[]): SubmissionSchema {
  return {
    type: 'object',
    required: ['step', 'nonce', 'choice'],
    properties: { step: { const: step }, nonce: NONCE, choice: { enum: values } },
    additionalProperties: false,
  };
}

export function formSubmissionSchema(step: string, inputs: FormInput[]): SubmissionSchema {
  const properties: Record<string, unknown> = { step: { const: step }, nonce: NONCE };
  const required = ['step', 'nonce'];
  for (const input of inputs) {
    // Length is checked by FormStep, so an over-long note gets the same "a bit long" message as typed text.
    if (input.type === 'text') properties[input.id] = { type: 'string' };
    else if (input.type === 'choice') properties[input.id] = { enum: [...input.choices.map((c) => c.value), ...(input.required ? [] : [''])] };
    else if (input.type === 'buttons') properties[input.id] = { enum: input.choices.map((c) => c.value) };
    else properties[input.id] = { enum: ['true', 'false', true, false] };
    if (input.type === 'buttons' || ('required' in input && input.required)) required.push(input.id);
  }
  return { type: 'object', required, properties, additionalProperties: false };
}

export type SubmissionCheck =
  | { ok: true; data: Record<string, unknown> }
  | { ok: false; problem: 'stale' | 'invalid' };

export function checkSubmission(schema: SubmissionSchema, value: unknown, nonce: string): SubmissionCheck {
  const key = JSON.stringify(schema);
  let validate = compiled.get(key);
  if (!validate) {
    validate = ajv.compile(schema);
    if (compiled.size > 500) compiled.clear(); // bounded: steps are few, but choices can vary per person
    compiled.set(key, validate);
  }
  const v = value as { nonce?: unknown; step?: unknown } | undefined;
  // A card answered late: it names another step, or this step in an earlier debrief (another nonce).
  if (v && typeof v === 'object' && typeof v.nonce === 'string' && v.nonce !== nonce) return { ok: false, problem: 'stale' };
  if (!validate(value)) {
    const stepSchema = (schema.properties as { step?: { const?: unknown } } | undefined)?.step;
    if (v && typeof v === 'object' && typeof v.step === 'string' && stepSchema && v.step !== stepSchema.const) return { ok: false, problem: 'stale' };
    return { ok: false, problem: 'invalid' };
  }
  return { ok: true, data: value as Record<string, unknown> };
}
