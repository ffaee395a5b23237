import { z } from 'zod';

/** Who caused a change, as carried on every event (never personal data beyond an id). */
export const eventActorSchema = z.object({
  id: z.string().min(1),
  kind: z.string().min(1),
});
export type EventActor = z.infer<typeof eventActorSchema>;

/**
 * The envelope every event travels in. The payload is validated separately against the
 * schema registered for `type` + `version`, so the envelope stays stable as payloads evolve.
 */
export const eventEnvelopeSchema = z.object({
  id: z.uuid({ version: 'v7' }),
  type: z.string().regex(/^[a-z]+\.[a-z-]+\.[a-z-]+$/, 'type must be <service>.<aggregate>.<past-tense>'),
  version: z.number().int().positive(),
  occurredAt: z.iso.datetime({ offset: true }),
  aggregateType: z.string().min(1),
  aggregateId: z.string().min(1),
  correlationId: z.string().min(1),
  causationId: z.string().min(1).nullable(),
  actor: eventActorSchema,
  payload: z.unknown(),
});
export type EventEnvelope<P = unknown> = Omit<z.infer<typeof eventEnvelopeSchema>, 'payload'> & { payload: P };
