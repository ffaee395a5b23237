import { describe, expect, it } from 'vitest';
import { signActorHeaders, verifyActorHeaders, ACTOR_HEADER } from './actor-header.ts';
import type { Actor } from './actor.ts';

const staff: Actor = { id: 'u1', kind: 'person', roles: ['BUREAU_STAFF'], institutionId: null, office: 'BASIC_EDUCATION' };

describe('signed actor header', () => {
  it('round-trips an actor signed with the shared secret', () => {
    const result = verifyActorHeaders(signActorHeaders(staff, 's3cret'), 's3cret');
    expect(result).toEqual({ ok: true, actor: staff });
  });

  it('refuses a header signed with another secret', () => {
    const result = verifyActorHeaders(signActorHeaders(staff, 'other'), 's3cret');
    expect(result).toEqual({ ok: false, reason: 'bad actor signature' });
  });

  it('refuses a tampered actor', () => {
    const headers = signActorHeaders(staff, 's3cret');
    const forged = Buffer.from(JSON.stringify({ ...staff, roles: ['LEADERSHIP'] })).toString('base64url');
    expect(verifyActorHeaders({ ...headers, [ACTOR_HEADER]: forged }, 's3cret').ok).toBe(false);
  });

  it('refuses missing and expired signatures', () => {
    expect(verifyActorHeaders({}, 's3cret')).toEqual({ ok: false, reason: 'missing signed actor header' });
    const old = signActorHeaders(staff, 's3cret', Date.now() - 10 * 60_000);
    expect(verifyActorHeaders(old, 's3cret')).toEqual({ ok: false, reason: 'actor signature expired' });
  });
});
