#!/usr/bin/env node
// edugraph-sync: a vocational school pushes its whole programme catalogue for a year to EduGraph.
import { parseCli, USAGE } from './args.ts';
import { SnapshotFileError, UsageError } from './errors.ts';
import { readSnapshotFile } from './read-snapshot.ts';
import { changesReport, headerLine, rejectedReport } from './report.ts';
import { GatewayUnreachableError, requestSync, SyncRefusedError } from './sync-request.ts';

/** Runs the command; returns its exit status (0 all accepted, 1 rows rejected, 2 errors). */
export async function main(argv: string[], env: Record<string, string | undefined>, out: (text: string) => void, err: (text: string) => void): Promise<number> {
  try {
    const options = parseCli(argv, env);
    if (options.help) {
      out(USAGE);
      return 0;
    }
    const file = readSnapshotFile(options.file, {
      ...(options.year === undefined ? {} : { year: options.year }),
      ...(options.intakeIsCap ? { intakeIsCap: true } : {}),
    });
    out(headerLine({ schoolId: options.schoolId, file: options.file, dryRun: options.dryRun }, file));
    const result = await requestSync(options.gatewayUrl, options.credentials, options.schoolId, file.snapshot, options.dryRun);
    out(changesReport(result));
    const rejected = rejectedReport(result, file);
    if (rejected) out(rejected);
    return result.rejected.length > 0 ? 1 : 0;
  } catch (error) {
    if (error instanceof UsageError) {
      err(`${error.message}\nRun edugraph-sync --help for usage.`);
    } else if (error instanceof SnapshotFileError || error instanceof GatewayUnreachableError || error instanceof SyncRefusedError) {
      err(error.message);
    } else {
      err(`Unexpected error: ${(error as Error).stack ?? String(error)}`);
    }
    return 2;
  }
}

if (import.meta.main) {
  process.exitCode = await main(process.argv.slice(2), process.env, (text) => process.stdout.write(`${text}\n`), (text) => process.stderr.write(`${text}\n`));
}
