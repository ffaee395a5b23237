import type { z } from 'zod';
import { eventEnvelopeSchema } from './envelope.ts';
import type { EventEnvelope } from './envelope.ts';
import { licensingEvents } from './licensing.events.ts';
import { enrollmentEvents } from './enrollment.events.ts';
import { planningEvents, preschoolEvents } from './preschool.events.ts';
import { vocationalEvents } from './vocational.events.ts';
import { feedbackEvents } from './feedback.events.ts';
import { feedbackReportEvents } from './feedback-reports.events.ts';
import { feedbackReviewEvents } from './feedback-review.events.ts';
import { feedbackMeasureEvents } from './feedback-measures.events.ts';
import { feedbackDecisionEvents } from './feedback-decisions.events.ts';
import { feedbackStandardEvents } from './feedback-standards.events.ts';
import { feedbackPolicyEvents } from './feedback-policies.events.ts';

/** Every event type the platform knows, by version: the single source of truth for payloads. */
export const eventRegistry = {
  ...licensingEvents,
  ...enrollmentEvents,
  ...preschoolEvents,
  ...planningEvents,
  ...vocationalEvents,
  ...feedbackEvents,
  ...feedbackReportEvents,
  ...feedbackReviewEvents,
  ...feedbackMeasureEvents,
  ...feedbackDecisionEvents,
  ...feedbackStandardEvents,
  ...feedbackPolicyEvents,
} as const;

type Registry = typeof eventRegistry;
export type EventType = keyof Registry;
/** The payload of the newest (v1 for now) version of an event type. */
export type EventPayload<T extends EventType> = z.infer<Registry[T][1]>;

export class InvalidEventError extends Error {
  override readonly name = 'InvalidEventError';
}

export function isKnownEventType(type: string): type is EventType {
  return Object.hasOwn(eventRegistry, type);
}

export function validatePayload<T extends EventType>(type: T, version: number, payload: unknown): EventPayload<T> {
  const versions = eventRegistry[type] as Record<number, z.ZodType>;
  const schema = versions[version];
  if (!schema) throw new InvalidEventError(`no schema for ${type} v${version}`);
  const result = schema.safeParse(payload);
  if (!result.success) throw new InvalidEventError(`invalid ${type} v${version} payload: ${result.error.message}`);
  return result.data as EventPayload<T>;
}

/** Parses an untrusted envelope (from a broker) and its payload; throws InvalidEventError. */
export function parseEnvelope(raw: unknown): EventEnvelope {
  const result = eventEnvelopeSchema.safeParse(raw);
  if (!result.success) throw new InvalidEventError(`invalid event envelope: ${result.error.message}`);
  const envelope = result.data as EventEnvelope;
  if (!isKnownEventType(envelope.type)) throw new InvalidEventError(`unknown event type ${envelope.type}`);
  return { ...envelope, payload: validatePayload(envelope.type, envelope.version, envelope.payload) };
}
