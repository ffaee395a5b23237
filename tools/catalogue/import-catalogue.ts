// `npm run catalogue:import -- --file <csv> [--gateway URL]`: loads entries of the national
// vocational catalogue (code,name,level,category) through the gateway, as bureau staff
// (EDUGRAPH_TOKEN) or a system whose API key holds the BUREAU_STAFF role (EDUGRAPH_API_KEY).
import { readFileSync, statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { parse } from 'csv-parse/sync';
import { parseCatalogueRecords } from '../../apps/vocational/src/domain/catalogue/index.ts';
import type { CatalogueEntry } from '../../apps/vocational/src/domain/catalogue/index.ts';

const MAX_BYTES = 4 * 1024 * 1024;

/** UTF-8 (with or without BOM), else GB 18030 as Excel in China saves it. */
function decode(bytes: Uint8Array, file: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    try {
      return new TextDecoder('gb18030', { fatal: true }).decode(bytes);
    } catch {
      throw new Error(`${file} is neither UTF-8 nor GB 18030 text; save it as CSV (UTF-8) and try again.`);
    }
  }
}

/** The file's entries, or an error naming every bad line. */
export function readCatalogueFile(file: string): CatalogueEntry[] {
  const size = statSync(file).size;
  if (size > MAX_BYTES) throw new Error(`${file} is ${(size / 1024 / 1024).toFixed(1)} MB; a catalogue file may be at most 4 MB.`);
  const rows = parse(decode(readFileSync(file), file), { info: true, skip_empty_lines: true, trim: true }) as unknown as { record: string[]; info: { lines: number } }[];
  const { entries, problems } = parseCatalogueRecords(rows.map((r) => ({ line: r.info.lines, cells: r.record })));
  if (problems.length > 0) throw new Error(`${file}: ${problems.map((p) => `line ${p.line} ${p.field}: ${p.message}`).join('\n')}`);
  if (entries.length === 0) throw new Error(`${file} holds no catalogue entries.`);
  return [...entries];
}

const IMPORT = `mutation($entries: [CatalogueEntryInput!]!) { importCatalogue(entries: $entries) { added updated unchanged total } }`;

export interface ImportResult {
  added: number;
  updated: number;
  unchanged: number;
  total: number;
}

/** Loads the file's entries through the gateway. */
export async function importCatalogueFile(gatewayUrl: string, headers: Record<string, string>, file: string): Promise<ImportResult> {
  const entries = readCatalogueFile(file);
  const response = await fetch(gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query: IMPORT, variables: { entries } }) });
  const body = (await response.json()) as { data?: { importCatalogue: ImportResult } | null; errors?: { message: string; extensions?: { code?: string } }[] };
  if (body.errors?.length) throw new Error(body.errors.map((e) => `${e.extensions?.code ?? 'ERROR'}: ${e.message}`).join('\n'));
  return body.data!.importCatalogue;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { file: { type: 'string' }, gateway: { type: 'string', default: 'http://127.0.0.1:4000/graphql' } } });
  const token = process.env['EDUGRAPH_TOKEN'];
  const apiKey = process.env['EDUGRAPH_API_KEY'];
  if (!values.file || (!token && !apiKey)) {
    console.error('usage: EDUGRAPH_TOKEN=<bureau staff token> npm run catalogue:import -- --file <code,name,level,category CSV> [--gateway URL]');
    process.exit(2);
  }
  const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : { 'x-api-key': apiKey! };
  const result = await importCatalogueFile(values.gateway, headers, values.file);
  console.log(`catalogue: ${result.added} added, ${result.updated} updated, ${result.unchanged} unchanged; ${result.total} entries loaded in all`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(2);
  });
}
