// `npm run catalogue:import -- --file <csv> [--gateway URL]`: loads entries of the national
// vocational catalogue (code,name,level,category) through the gateway, as bureau staff
// (EDUGRAPH_TOKEN) or a system whose API key holds the BUREAU_STAFF role (EDUGRAPH_API_KEY).
import { parseArgs } from 'node:util';
import { parseCsvRecords, readFileText } from '@edugraph/sync-cli';
import { parseCatalogueRecords } from '../../apps/vocational/src/domain/catalogue/index.ts';
import type { CatalogueEntry } from '../../apps/vocational/src/domain/catalogue/index.ts';

/** The file's entries (UTF-8 or GB 18030, read and split as the sync client does), or an error naming every bad line. */
export function readCatalogueFile(file: string): CatalogueEntry[] {
  const { entries, problems } = parseCatalogueRecords(parseCsvRecords(readFileText(file).text, file));
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
