import { z } from 'zod';

const audience = z.enum(['PARENTS', 'SCHOOLS', 'SPONSORS', 'PUBLIC']);

/**
 * A policy was published with plain-language interpretations for `audiences` (one per audience,
 * in the order of `interpretationIds`). Portals read the text through the graph (`policies`).
 */
export const policyPublishedV1 = z.object({
  policyId: z.uuid(),
  interpretationIds: z.array(z.uuid()),
  /** The document number (文号). */
  number: z.string().min(1),
  audiences: z.array(audience),
  issuedOn: z.iso.date().nullable(),
  publishedOn: z.iso.date(),
});

export type PolicyPublishedV1 = z.infer<typeof policyPublishedV1>;

// Events of the feedback service's policies.
export const feedbackPolicyEvents = {
  'feedback.policy.published': { 1: policyPublishedV1 },
} as const;
