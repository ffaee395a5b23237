import { creditCodeCheckCharacter } from '@edugraph/rules';
import { describe, expect, it } from 'vitest';
import { SignJWT } from 'jose';
import { authenticate, issueToken } from './authenticate.ts';
import { parseApiKeys } from './gateway-config.ts';

const SECRET = 'gateway-unit-test-jwt-secret-0123456789abcdef';
const keys = parseApiKeys('city-portal:0123456789abcdef0123456789:CITY_SYSTEM');

describe('authentication at the edge', () => {
  it('reads a person, roles and institution from a valid token', async () => {
    const token = await issueToken(SECRET, { id: 'u-7', roles: ['INSTITUTION_STAFF'], institutionId: 'inst-1' });
    expect(await authenticate({ authorization: `Bearer ${token}` }, { jwtSecret: SECRET, jwtAudience: "edugraph", apiKeys: keys })).toEqual({
      ok: true,
      actor: { id: 'u-7', kind: 'person', roles: ['INSTITUTION_STAFF'], institutionId: 'inst-1', office: null, creditCode: null },
    });
  });

  it('signs a market entity in as its organisation: a valid credit code is required, and kept in upper case', async () => {
    const credentials = { jwtSecret: SECRET, jwtAudience: 'edugraph', apiKeys: keys };
    const as = async (creditCode: string | null) => authenticate({ authorization: `Bearer ${await issueToken(SECRET, { id: 's-1', roles: ['MARKET_ENTITY'], creditCode })}` }, credentials);
    const valid = `52141010MJ0000001${creditCodeCheckCharacter('52141010MJ0000001')}`;
    expect(await as(valid.toLowerCase())).toMatchObject({ ok: true, actor: { roles: ['MARKET_ENTITY'], creditCode: valid } });
    expect(await as(null)).toEqual({ ok: false, message: expect.stringContaining('credit code') });
    expect(await as(`${valid.slice(0, 17)}${valid[17] === '0' ? '1' : '0'}`)).toEqual({ ok: false, message: expect.stringContaining('not valid') });
  });

  it('treats a caller without credentials as the anonymous public', async () => {
    expect(await authenticate({}, { jwtSecret: SECRET, jwtAudience: "edugraph", apiKeys: keys })).toMatchObject({ ok: true, actor: { kind: 'anonymous', roles: [] } });
  });

  it('refuses expired, forged and role-less tokens with a message a person understands', async () => {
    const expired = await issueToken(SECRET, { id: 'u', roles: ['PARENT'] }, '-1s');
    expect(await authenticate({ authorization: `Bearer ${expired}` }, { jwtSecret: SECRET, jwtAudience: "edugraph", apiKeys: keys })).toEqual({ ok: false, message: 'Your sign-in has expired; sign in again.' });
    const forged = await issueToken('another-secret-another-secret-0123456789', { id: 'u', roles: ['BUREAU_STAFF'] });
    expect(await authenticate({ authorization: `Bearer ${forged}` }, { jwtSecret: SECRET, jwtAudience: "edugraph", apiKeys: keys })).toEqual({ ok: false, message: 'The sign-in token is not valid.' });
    const badRoles = await new SignJWT({ roles: ['SUPERUSER'] }).setProtectedHeader({ alg: 'HS256' }).setSubject('u').setIssuer('edugraph').setExpirationTime('1h').sign(new TextEncoder().encode(SECRET));
    expect(await authenticate({ authorization: `Bearer ${badRoles}` }, { jwtSecret: SECRET, jwtAudience: "edugraph", apiKeys: keys })).toMatchObject({ ok: false });
  });

  it('knows city systems by their API key, and refuses unknown keys', async () => {
    expect(await authenticate({ apiKey: '0123456789abcdef0123456789' }, { jwtSecret: SECRET, jwtAudience: "edugraph", apiKeys: keys })).toMatchObject({
      ok: true,
      actor: { id: 'system:city-portal', kind: 'system', roles: ['CITY_SYSTEM'] },
    });
    expect(await authenticate({ apiKey: 'wrong' }, { jwtSecret: SECRET, jwtAudience: "edugraph", apiKeys: keys })).toEqual({ ok: false, message: 'Unknown API key.' });
  });

  it('refuses short keys and unknown roles in the configuration', () => {
    expect(() => parseApiKeys('portal:short:CITY_SYSTEM')).toThrow(/at least 24 characters/);
    expect(() => parseApiKeys('portal:0123456789abcdef0123456789:ROOT')).toThrow(/unknown roles ROOT/);
    expect(() => parseApiKeys('school:0123456789abcdef0123456789:CITY_SYSTEM:catalogue-sync')).toThrow(/catalogue:sync@<id>/);
  });

  it('reads a key’s scopes and hands them to the actor; keys without scopes have none', async () => {
    const school = '0190a6f2-7b1c-7d3e-8f00-1234567890ab';
    const scoped = parseApiKeys(`centre:abcdefabcdefabcdefabcdef01:CITY_SYSTEM:catalogue:sync@${school}+catalogue:sync@other-school, portal:0123456789abcdef0123456789`);
    expect(scoped).toEqual([
      { name: 'centre', key: 'abcdefabcdefabcdefabcdef01', roles: ['CITY_SYSTEM'], scopes: [`catalogue:sync@${school}`, 'catalogue:sync@other-school'] },
      { name: 'portal', key: '0123456789abcdef0123456789', roles: ['CITY_SYSTEM'] },
    ]);
    const credentials = { jwtSecret: SECRET, jwtAudience: 'edugraph', apiKeys: scoped };
    expect(await authenticate({ apiKey: 'abcdefabcdefabcdefabcdef01' }, credentials)).toMatchObject({ ok: true, actor: { id: 'system:centre', scopes: [`catalogue:sync@${school}`, 'catalogue:sync@other-school'] } });
    const unscoped = await authenticate({ apiKey: '0123456789abcdef0123456789' }, credentials);
    expect(unscoped.ok && unscoped.actor.scopes).toBeUndefined();
  });
});
