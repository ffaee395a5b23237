import { createHmac, timingSafeEqual } from 'node:crypto';
import { actorSchema } from './actor.ts';
import type { Actor } from './actor.ts';

/** The gateway forwards who is asking in these headers; subgraphs trust them only when signed. */
export const ACTOR_HEADER = 'x-edugraph-actor';
export const ACTOR_SIGNATURE_HEADER = 'x-edugraph-actor-signature';

/** A signature older than this is refused, so a captured header cannot be replayed for long. */
const MAX_AGE_MS = 5 * 60_000;

function sign(payload: string, issuedAt: number, secret: string): string {
  return createHmac('sha256', secret).update(`${issuedAt}.${payload}`).digest('base64url');
}

export function signActorHeaders(actor: Actor, secret: string, now = Date.now()): Record<string, string> {
  const payload = Buffer.from(JSON.stringify(actor)).toString('base64url');
  return {
    [ACTOR_HEADER]: payload,
    [ACTOR_SIGNATURE_HEADER]: `t=${now},s=${sign(payload, now, secret)}`,
  };
}

export type ActorVerification = { ok: true; actor: Actor } | { ok: false; reason: string };

type HeaderBag = Record<string, string | string[] | undefined>;

function header(headers: HeaderBag, name: string): string | undefined {
  const v = headers[name];
  return Array.isArray(v) ? v[0] : v;
}

export function verifyActorHeaders(headers: HeaderBag, secret: string, now = Date.now()): ActorVerification {
  const payload = header(headers, ACTOR_HEADER);
  const signature = header(headers, ACTOR_SIGNATURE_HEADER);
  if (!payload || !signature) return { ok: false, reason: 'missing signed actor header' };
  const match = /^t=(\d+),s=([A-Za-z0-9_-]+)$/.exec(signature);
  if (!match) return { ok: false, reason: 'malformed actor signature' };
  const issuedAt = Number(match[1]);
  if (Math.abs(now - issuedAt) > MAX_AGE_MS) return { ok: false, reason: 'actor signature expired' };
  const expected = Buffer.from(sign(payload, issuedAt, secret));
  const given = Buffer.from(match[2] ?? '');
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
    return { ok: false, reason: 'bad actor signature' };
  }
  try {
    const actor = actorSchema.parse(JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')));
    return { ok: true, actor };
  } catch {
    return { ok: false, reason: 'unreadable actor header' };
  }
}
