import { describe, expect, it } from 'vitest';
import { InvalidEventError, parseEnvelope } from '@edugraph/contracts';
import { createEnvelope } from './create-envelope.ts';

const event = {
  type: 'licensing.institution.registered' as const,
  aggregateType: 'Institution',
  aggregateId: '01a21311-7db0-73f3-b168-122cfa513282',
  actor: { id: 'staff-1', kind: 'person' },
  correlationId: 'corr-1',
  payload: { institutionId: '01a21311-7db0-73f3-b168-122cfa513282', name: 'Riverside', level: 'PRIMARY' as const, ownership: 'PUBLIC' as const, districtCode: 'D01' },
};

describe('event envelope', () => {
  it('carries every field DESIGN.md names, with a UUIDv7 id', () => {
    const e = createEnvelope(event, new Date('2026-09-01T08:00:00Z'));
    expect(Object.keys(e).sort()).toEqual(['actor', 'aggregateId', 'aggregateType', 'causationId', 'correlationId', 'id', 'occurredAt', 'payload', 'type', 'version']);
    expect(e.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(e).toMatchObject({ version: 1, occurredAt: '2026-09-01T08:00:00.000Z', causationId: null });
  });

  it('refuses a payload that does not match its schema before anything is stored', () => {
    expect(() => createEnvelope({ ...event, payload: { ...event.payload, level: 'UNIVERSITY' as never } })).toThrow(InvalidEventError);
  });

  it('parses what it produced after a trip through JSON', () => {
    const e = createEnvelope(event);
    expect(parseEnvelope(JSON.parse(JSON.stringify(e)))).toEqual(e);
  });

  it('names what is wrong with an untrusted envelope', () => {
    const e = createEnvelope(event);
    expect(() => parseEnvelope({ ...e, id: 'not-a-uuid' })).toThrow(/invalid event envelope/);
    expect(() => parseEnvelope({ ...e, type: 'licensing.institution.vanished' })).toThrow(/unknown event type/);
    expect(() => parseEnvelope({ ...e, version: 9 })).toThrow(/no schema for licensing.institution.registered v9/);
    expect(() => parseEnvelope({ ...e, payload: { ...e.payload, districtCode: '' } })).toThrow(/invalid licensing.institution.registered v1 payload/);
  });
});
