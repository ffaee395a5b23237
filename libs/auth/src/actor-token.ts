import { createHash, randomUUID } from 'node:crypto';
import { SignJWT, createLocalJWKSet, errors, exportJWK, generateKeyPair, importJWK, jwtVerify } from 'jose';
import type { JSONWebKeySet, JWK } from 'jose';
import { z } from 'zod';
import { actorSchema } from './actor.ts';
import type { Actor } from './actor.ts';

/**
 * The gateway tells a subgraph who is asking with a short-lived JWS in this header. Only the
 * gateway holds the Ed25519 private key; subgraphs hold public keys only, so a compromised
 * subgraph cannot speak for anyone. Each token names one subgraph (`aud`), lives 30 s, carries a
 * unique `jti` and the SHA-256 of the request body it was made for (`bh`), so it cannot be
 * reused for another request, another service, or later.
 */
export const ACTOR_TOKEN_HEADER = 'x-edugraph-actor-token';
export const ACTOR_TOKEN_ISSUER = 'edugraph-gateway';
export const ACTOR_TOKEN_TTL_SECONDS = 30;
/** The longest lifetime a subgraph accepts, whatever the token says. */
export const ACTOR_TOKEN_MAX_LIFETIME_SECONDS = 60;
/** Clock difference tolerated between the gateway and a subgraph. */
export const ACTOR_TOKEN_CLOCK_SKEW_SECONDS = 5;
const ALGORITHM = 'EdDSA';

export function bodyHash(body: string | Uint8Array): string {
  return createHash('sha256').update(body).digest('base64url');
}

const privateJwkSchema = z.object({ kty: z.literal('OKP'), crv: z.literal('Ed25519'), x: z.string(), d: z.string(), kid: z.string().min(1) });
const publicJwkSchema = z.object({ kty: z.literal('OKP'), crv: z.literal('Ed25519'), x: z.string(), kid: z.string().min(1) });

export class ActorKeyError extends Error {
  override readonly name = 'ActorKeyError';
}

export interface ActorSigner {
  readonly kid: string;
  /** A token for one call to `audience` (a subgraph's name) carrying `body`. */
  sign(actor: Actor, audience: string, body: string | Uint8Array): Promise<string>;
}

/** Builds the gateway's signer from its private key, a JWK (`kty` OKP, `crv` Ed25519, `d`, `kid`). */
export async function createActorSigner(privateJwk: JWK | string): Promise<ActorSigner> {
  const parsed = privateJwkSchema.safeParse(typeof privateJwk === 'string' ? safeJson(privateJwk) : privateJwk);
  if (!parsed.success) throw new ActorKeyError('the actor signing key must be an Ed25519 private JWK with a kid (npm run keys:actor makes one)');
  const key = await importJWK(parsed.data, ALGORITHM);
  const kid = parsed.data.kid;
  return {
    kid,
    sign: (actor, audience, body) =>
      new SignJWT({ actor, bh: bodyHash(body) })
        .setProtectedHeader({ alg: ALGORITHM, kid, typ: 'edugraph-actor+jwt' })
        .setIssuer(ACTOR_TOKEN_ISSUER)
        .setAudience(audience)
        .setIssuedAt()
        .setExpirationTime(`${ACTOR_TOKEN_TTL_SECONDS}s`)
        .setJti(randomUUID())
        .sign(key),
  };
}

export type ActorTokenVerification =
  | { ok: true; actor: Actor; jti: string; expiresAt: number }
  | { ok: false; reason: string };

export interface ActorVerifier {
  verify(token: string | undefined, body: string | Uint8Array, now?: Date): Promise<ActorTokenVerification>;
}

/**
 * Parses the public keys a subgraph trusts: a JWKS (`{"keys":[...]}`) or a JSON array of JWKs.
 * During a key rotation it holds two keys, told apart by `kid`.
 */
export function parsePublicKeys(raw: string | JSONWebKeySet): JSONWebKeySet {
  const value = typeof raw === 'string' ? safeJson(raw) : raw;
  const keys = Array.isArray(value) ? value : (value as { keys?: unknown } | undefined)?.keys;
  if (Array.isArray(keys) && keys.some((k) => (k as { d?: unknown }).d !== undefined)) {
    throw new ActorKeyError('the actor public keys include a private key: give subgraphs only the public half');
  }
  const parsed = z.array(publicJwkSchema).min(1).max(4).safeParse(keys);
  if (!parsed.success) throw new ActorKeyError('the actor public keys must be a JWKS of 1–4 Ed25519 public keys, each with a kid');
  return { keys: parsed.data };
}

/** Builds a subgraph's verifier: tokens must be for `audience` and signed by one of `publicKeys`. */
export function createActorVerifier(publicKeys: string | JSONWebKeySet, audience: string): ActorVerifier {
  const keySet = createLocalJWKSet(parsePublicKeys(publicKeys));
  return {
    async verify(token, body, now = new Date()) {
      if (!token) return { ok: false, reason: 'missing actor token' };
      try {
        const { payload } = await jwtVerify(token, keySet, {
          algorithms: [ALGORITHM],
          issuer: ACTOR_TOKEN_ISSUER,
          audience,
          clockTolerance: ACTOR_TOKEN_CLOCK_SKEW_SECONDS,
          maxTokenAge: ACTOR_TOKEN_MAX_LIFETIME_SECONDS,
          requiredClaims: ['exp', 'iat', 'jti'],
          currentDate: now,
        });
        if (payload.exp! - payload.iat! > ACTOR_TOKEN_MAX_LIFETIME_SECONDS) return { ok: false, reason: `actor token lives longer than ${ACTOR_TOKEN_MAX_LIFETIME_SECONDS} s` };
        if (payload['bh'] !== bodyHash(body)) return { ok: false, reason: 'actor token was issued for another request body' };
        const actor = actorSchema.safeParse(payload['actor']);
        if (!actor.success) return { ok: false, reason: 'actor token names no valid actor' };
        return { ok: true, actor: actor.data, jti: payload.jti!, expiresAt: payload.exp! };
      } catch (error) {
        return { ok: false, reason: describe(error) };
      }
    },
  };
}

function describe(error: unknown): string {
  if (error instanceof errors.JWTExpired) return 'actor token expired';
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === 'aud') return 'actor token is for another service';
    if (error.claim === 'iat') return 'actor token is dated in the future';
    return `actor token claim "${error.claim}" is not valid`;
  }
  if (error instanceof errors.JWKSNoMatchingKey) return 'actor token is signed with an unknown key';
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'bad actor token signature';
  return 'malformed actor token';
}

function safeJson(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return undefined;
  }
}

export interface ActorKeyPair {
  privateJwk: JWK;
  publicJwk: JWK;
}

/** A new Ed25519 key pair for the actor token: the private JWK for the gateway, the public JWK for subgraphs. */
export async function generateActorKeyPair(kid: string): Promise<ActorKeyPair> {
  const { privateKey, publicKey } = await generateKeyPair(ALGORITHM, { crv: 'Ed25519', extractable: true });
  return {
    privateJwk: { ...(await exportJWK(privateKey)), kid, alg: ALGORITHM },
    publicJwk: { ...(await exportJWK(publicKey)), kid, alg: ALGORITHM },
  };
}
