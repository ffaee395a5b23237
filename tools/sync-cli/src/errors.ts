/** A problem with the whole file (size, encoding, header, syntax): nothing is sent. */
export class SnapshotFileError extends Error {
  override readonly name = 'SnapshotFileError';
}

/** The command line itself is wrong (missing option, bad value, no credentials). */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}
