/**
 * The one list of services. Default ports, the gateway's subgraphs and their `*_URL` variables,
 * supergraph composition and the launchers all derive from it, in this order.
 */
export const SERVICES = ['enrollment', 'preschool', 'licensing', 'vocational', 'feedback'] as const;
export type ServiceName = (typeof SERVICES)[number];

/** One topic per producing service; the message key is the aggregate id. */
export function eventsTopic(service: ServiceName, prefix = ''): string {
  return `${prefix}edugraph.${service}.events`;
}

/** Where a consuming service parks messages it cannot process, with the reason in headers. */
export function deadLetterTopic(consumer: string, prefix = ''): string {
  return `${prefix}edugraph.${consumer}.dead-letters`;
}

/** The producing service of an event type (`licensing.institution.registered` → licensing). */
export function serviceOfEventType(type: string): ServiceName {
  const service = type.split('.')[0];
  if (!SERVICES.includes(service as ServiceName)) throw new Error(`unknown producing service in event type ${type}`);
  return service as ServiceName;
}
