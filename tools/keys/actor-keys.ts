// `npm run keys:actor -- [kid]`: a new Ed25519 key pair for the actor token the gateway signs.
// The private JWK goes to the gateway only; the public JWKS to every subgraph. To rotate, give
// subgraphs both public keys, switch the gateway to the new private key, then drop the old public key.
import { generateActorKeyPair } from '@edugraph/auth';

const kid = process.argv[2] ?? `actor-${new Date().toISOString().slice(0, 10)}`;
const { privateJwk, publicJwk } = await generateActorKeyPair(kid);
console.log(`# gateway only (keep secret):
EDUGRAPH_ACTOR_PRIVATE_KEY='${JSON.stringify(privateJwk)}'
# every subgraph (public; during a rotation list the old and the new key):
EDUGRAPH_ACTOR_PUBLIC_KEYS='${JSON.stringify({ keys: [publicJwk] })}'`);
