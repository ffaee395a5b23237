// The command line and environment of `edugraph-sync`.
import { parseArgs } from 'node:util';
import { UsageError } from './errors.ts';
import type { Credentials } from './sync-request.ts';

export const DEFAULT_GATEWAY = 'http://127.0.0.1:4000/graphql';

export const USAGE = `Usage: edugraph-sync --school <id> --file <catalogue.csv|catalogue.json> [options]

Pushes a vocational school's whole programme catalogue for one year to EduGraph. Programmes missing
from the file are retired; a row the server refuses is reported and its programme kept as it is.

Options:
  --school <id>     the school's EduGraph id (required)
  --file <path>     the catalogue, CSV (UTF-8 or GB 18030) or JSON, at most 4 MB / 2,000 programmes (required)
  --dry-run         show what would change, write nothing
  --gateway <url>   the EduGraph GraphQL gateway (default ${DEFAULT_GATEWAY})
  --year <YYYY>     the catalogue year (default: "year" of a JSON file, else the current year in China)
  --intake-cap      the annual intake is a cap: a row with more enrolled than its intake is refused
  -h, --help        print this help

Credentials (one of):
  EDUGRAPH_API_KEY  the school system's API key, sent as x-api-key
  EDUGRAPH_TOKEN    a member of staff's sign-in token, sent as Authorization: Bearer <token>

CSV columns (header row, any order; * required):
  code* 专业代码, name* 专业名称, lengthYears* 学制, annualIntake* 年度招生计划/招生计划, enrolled 在校生数,
  applicants 报名人数, featured 特色专业 (是/否), partnerEnterprises 合作企业 (name|creditCode;…),
  industries 服务产业 (codes separated by ; or spaces), outOfCatalogueReference 目录外专业批准文号

Exit status: 0 every row accepted; 1 some rows rejected (the others applied unless --dry-run);
2 usage, file, network or server errors.`;

export interface CliOptions {
  help: boolean;
  schoolId: string;
  file: string;
  dryRun: boolean;
  gatewayUrl: string;
  year: number | undefined;
  intakeIsCap: boolean;
  credentials: Credentials;
}

export function parseCli(argv: string[], env: Record<string, string | undefined>): CliOptions | { help: true } {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        school: { type: 'string' },
        file: { type: 'string' },
        'dry-run': { type: 'boolean', default: false },
        gateway: { type: 'string', default: DEFAULT_GATEWAY },
        year: { type: 'string' },
        'intake-cap': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (values.help) return { help: true };
  const missing = (['school', 'file'] as const).filter((o) => !values[o]?.trim());
  if (missing.length) throw new UsageError(`Missing ${missing.map((o) => `--${o}`).join(' and ')}.`);
  let year: number | undefined;
  if (values.year !== undefined) {
    if (!/^\d{4}$/.test(values.year.trim())) throw new UsageError(`--year must be a year such as 2026, not "${values.year}".`);
    year = Number(values.year.trim());
  }
  try {
    const url = new URL(values.gateway);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('not http');
  } catch {
    throw new UsageError(`--gateway must be an http(s) URL such as ${DEFAULT_GATEWAY}, not "${values.gateway}".`);
  }
  return {
    help: false,
    schoolId: values.school!.trim(),
    file: values.file!,
    dryRun: values['dry-run'],
    gatewayUrl: values.gateway,
    year,
    intakeIsCap: values['intake-cap'],
    credentials: credentialsFrom(env),
  };
}

export function credentialsFrom(env: Record<string, string | undefined>): Credentials {
  const apiKey = env['EDUGRAPH_API_KEY']?.trim();
  if (apiKey) return { apiKey };
  const token = env['EDUGRAPH_TOKEN']?.trim();
  if (token) return { token };
  throw new UsageError('Set EDUGRAPH_API_KEY (the school system\'s API key) or EDUGRAPH_TOKEN (a staff sign-in token).');
}
