// For other tools (a benchmark, a web portal) that read catalogue files and sync them.
export { readSnapshotFile } from './read-snapshot.ts';
export type { SnapshotFile, SnapshotOptions } from './read-snapshot.ts';
export { requestSync, SYNC_MUTATION, GatewayUnreachableError, SyncRefusedError } from './sync-request.ts';
export type { Credentials, RejectedRow, SyncResult } from './sync-request.ts';
export type { CatalogueRowInput, CatalogueSnapshotInput, PartnerEnterpriseInput } from './snapshot-types.ts';
export { SnapshotFileError } from './errors.ts';
export { MAX_FILE_BYTES, readFileText } from './read-file.ts';
export { parseCsvRecords } from './csv-records.ts';
export { MAX_ROWS } from './snapshot-types.ts';
