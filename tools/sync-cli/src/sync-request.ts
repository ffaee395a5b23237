// Sends a snapshot to the gateway's syncCatalogue mutation over HTTP.
import type { CatalogueSnapshotInput } from './snapshot-types.ts';

export const SYNC_MUTATION = `mutation Sync($schoolId: ID!, $snapshot: CatalogueSnapshotInput!, $dryRun: Boolean) {
  syncCatalogue(schoolId: $schoolId, snapshot: $snapshot, dryRun: $dryRun) {
    schoolId year dryRun alreadyApplied snapshotHash
    added { code name programmeId }
    changed { code name programmeId fields }
    retired { code name programmeId }
    unchanged kept
    rejected { row code programmeCode field message }
  }
}`;

/** A system's API key (sent as `x-api-key`) or a member of staff's token (sent as a bearer token). */
export type Credentials = { apiKey: string } | { token: string };

export interface ProgrammeRef {
  code: string;
  name: string;
  programmeId: string | null;
}

export interface RejectedRow {
  /** 1-based index of the row in the snapshot's programmes. */
  row: number;
  /** The problem: UNKNOWN_CATALOGUE_CODE, DUPLICATE_CODE, INVALID_INTAKE, … */
  code: string;
  programmeCode: string | null;
  field: string | null;
  message: string;
}

export interface SyncResult {
  schoolId: string;
  year: number;
  dryRun: boolean;
  alreadyApplied: boolean;
  snapshotHash: string;
  added: ProgrammeRef[];
  changed: (ProgrammeRef & { fields: string[] })[];
  retired: ProgrammeRef[];
  /** Codes of the rows that match their programme as it is (a count from older gateways). */
  unchanged: string[] | number;
  /** Codes of programmes kept as they are because their row was rejected (a count from older gateways). */
  kept: string[] | number;
  rejected: RejectedRow[];
}

export interface GraphQLErrorEntry {
  message: string;
  extensions?: { code?: string };
}

/** The gateway could not be reached or did not answer GraphQL: nothing is known to have happened. */
export class GatewayUnreachableError extends Error {
  override readonly name = 'GatewayUnreachableError';
}

/** The gateway answered with GraphQL errors (FORBIDDEN, UNAUTHENTICATED, BAD_USER_INPUT, …). */
export class SyncRefusedError extends Error {
  override readonly name = 'SyncRefusedError';
  readonly errors: GraphQLErrorEntry[];
  constructor(errors: GraphQLErrorEntry[]) {
    super(errors.map((e) => `${e.extensions?.code ?? 'ERROR'}: ${e.message}`).join('\n'));
    this.errors = errors;
  }
}

export function credentialHeaders(credentials: Credentials): Record<string, string> {
  return 'apiKey' in credentials ? { 'x-api-key': credentials.apiKey } : { authorization: `Bearer ${credentials.token}` };
}

export async function requestSync(
  gatewayUrl: string,
  credentials: Credentials,
  schoolId: string,
  snapshot: CatalogueSnapshotInput,
  dryRun: boolean,
  timeoutMs = 120_000,
): Promise<SyncResult> {
  let response: Response;
  try {
    response = await fetch(gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', ...credentialHeaders(credentials) },
      body: JSON.stringify({ query: SYNC_MUTATION, variables: { schoolId, snapshot, dryRun } }),
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    const why = (error as Error).name === 'TimeoutError' ? `no answer within ${timeoutMs / 1000} s` : (cause?.code ?? cause?.message ?? (error as Error).message);
    throw new GatewayUnreachableError(`Could not reach the EduGraph gateway at ${gatewayUrl}: ${why}.`);
  }
  const text = await response.text();
  let body: { data?: { syncCatalogue?: SyncResult | null } | null; errors?: GraphQLErrorEntry[] };
  try {
    body = JSON.parse(text) as typeof body;
  } catch {
    throw new GatewayUnreachableError(`The gateway at ${gatewayUrl} answered HTTP ${response.status} without a GraphQL response; is this the EduGraph GraphQL address?`);
  }
  if (body.errors?.length) throw new SyncRefusedError(body.errors);
  const result = body.data?.syncCatalogue;
  if (!result) throw new GatewayUnreachableError(`The gateway at ${gatewayUrl} answered HTTP ${response.status} without a sync result.`);
  return result;
}
