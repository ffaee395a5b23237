import { describe, expect, it } from 'vitest';
import { SignJWT, importJWK } from 'jose';
import { bodyHash, createActorSigner, createActorVerifier, generateActorKeyPair, parsePublicKeys } from './actor-token.ts';
import type { Actor } from './actor.ts';

const staff: Actor = { id: 'u1', kind: 'person', roles: ['BUREAU_STAFF'], institutionId: null, office: 'BASIC_EDUCATION', creditCode: null };
const current = await generateActorKeyPair('2026-11');
const next = await generateActorKeyPair('2027-01');
const signer = await createActorSigner(current.privateJwk);
const jwks = (...keys: (typeof current)[]) => ({ keys: keys.map((k) => k.publicJwk) });
const licensing = createActorVerifier(jwks(current), 'licensing');
const BODY = '{"query":"mutation { registerInstitution }"}';

/** A token with chosen claims, signed with the real key: what a forger with the key could not avoid. */
async function craft(claims: { iat: number; exp: number; aud?: string; bh?: string }) {
  const key = await importJWK(current.privateJwk, 'EdDSA');
  return new SignJWT({ actor: staff, bh: claims.bh ?? bodyHash(BODY) })
    .setProtectedHeader({ alg: 'EdDSA', kid: '2026-11' })
    .setIssuer('edugraph-gateway')
    .setAudience(claims.aud ?? 'licensing')
    .setIssuedAt(claims.iat)
    .setExpirationTime(claims.exp)
    .setJti('fixed-jti')
    .sign(key);
}
const now = () => Math.floor(Date.now() / 1000);

describe('actor token: a JWS only the gateway can sign', () => {
  it('round-trips the actor for the right service and body, with a unique jti and a 30 s life', async () => {
    const a = await licensing.verify(await signer.sign(staff, 'licensing', BODY), BODY);
    const b = await licensing.verify(await signer.sign(staff, 'licensing', BODY), BODY);
    expect(a).toMatchObject({ ok: true, actor: staff });
    expect(a.ok && b.ok && a.jti !== b.jti).toBe(true);
    expect(a.ok && a.expiresAt - now()).toBeLessThanOrEqual(30);
  });

  it('refuses a token made for another service', async () => {
    expect(await licensing.verify(await signer.sign(staff, 'enrollment', BODY), BODY)).toEqual({ ok: false, reason: 'actor token is for another service' });
  });

  it('refuses a token replayed with another body', async () => {
    const token = await signer.sign(staff, 'licensing', BODY);
    expect(await licensing.verify(token, '{"query":"mutation { setSeatCapacity }"}')).toEqual({ ok: false, reason: 'actor token was issued for another request body' });
  });

  it('refuses expired tokens, tokens dated in the future, and tokens that live longer than 60 s', async () => {
    expect(await licensing.verify(await craft({ iat: now() - 40, exp: now() - 10 }), BODY)).toEqual({ ok: false, reason: 'actor token expired' });
    expect(await licensing.verify(await craft({ iat: now() + 60, exp: now() + 90 }), BODY)).toEqual({ ok: false, reason: 'actor token is dated in the future' });
    expect(await licensing.verify(await craft({ iat: now(), exp: now() + 300 }), BODY)).toEqual({ ok: false, reason: 'actor token lives longer than 60 s' });
    // within the clock skew allowance of 5 s
    expect(await licensing.verify(await craft({ iat: now() + 3, exp: now() + 30 }), BODY)).toMatchObject({ ok: true });
  });

  it('refuses a token signed with a key the subgraph does not hold, and garbage', async () => {
    const stranger = await createActorSigner((await generateActorKeyPair('2026-11')).privateJwk);
    expect(await licensing.verify(await stranger.sign(staff, 'licensing', BODY), BODY)).toEqual({ ok: false, reason: 'bad actor token signature' });
    const unknownKid = await createActorSigner((await generateActorKeyPair('someone-else')).privateJwk);
    expect(await licensing.verify(await unknownKid.sign(staff, 'licensing', BODY), BODY)).toEqual({ ok: false, reason: 'actor token is signed with an unknown key' });
    expect(await licensing.verify('not.a.token', BODY)).toEqual({ ok: false, reason: 'malformed actor token' });
    expect(await licensing.verify(undefined, BODY)).toEqual({ ok: false, reason: 'missing actor token' });
  });

  it('accepts both keys during a rotation, told apart by kid', async () => {
    const rotating = createActorVerifier(jwks(current, next), 'licensing');
    const newSigner = await createActorSigner(next.privateJwk);
    expect(await rotating.verify(await signer.sign(staff, 'licensing', BODY), BODY)).toMatchObject({ ok: true });
    expect(await rotating.verify(await newSigner.sign(staff, 'licensing', BODY), BODY)).toMatchObject({ ok: true });
    expect(await licensing.verify(await newSigner.sign(staff, 'licensing', BODY), BODY)).toMatchObject({ ok: false });
  });

  it('refuses configuration that would hand a subgraph the signing key, or is no key at all', async () => {
    expect(() => parsePublicKeys(JSON.stringify({ keys: [current.privateJwk] }))).toThrow(/private key/);
    expect(() => parsePublicKeys('{"keys":[]}')).toThrow(/JWKS of 1–4 Ed25519 public keys/);
    expect(() => parsePublicKeys('not json')).toThrow(/JWKS/);
    await expect(createActorSigner(JSON.stringify(current.publicJwk))).rejects.toThrow(/private JWK/);
  });
});
