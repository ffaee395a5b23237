// A catalogue JSON file → snapshot rows: `{ "year", "intakeIsCap", "programmes": [...] }` or a bare
// array of rows. Values of the wrong type are converted as CSV cells are (never dropped), so one bad
// row cannot make the server refuse the whole snapshot.
import { featuredCell, industriesCell, numberCell, partnersCell } from './cells.ts';
import { SnapshotFileError } from './errors.ts';
import type { CatalogueRowInput, ParsedRows, PartnerEnterpriseInput, RawCells } from './snapshot-types.ts';

export interface JsonRows extends ParsedRows {
  year?: number;
  intakeIsCap?: boolean;
}

export function jsonRows(text: string, fileName: string): JsonRows {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    throw new SnapshotFileError(`${fileName} is not valid JSON: ${(error as Error).message}.`);
  }
  let programmes: unknown;
  const result: JsonRows = { programmes: [], lines: [], raw: [] };
  if (Array.isArray(document)) {
    programmes = document;
  } else if (isObject(document) && Array.isArray(document['programmes'])) {
    programmes = document['programmes'];
    const { year, intakeIsCap } = document;
    if (year !== undefined && year !== null) {
      if (typeof year !== 'number' || !Number.isInteger(year)) throw new SnapshotFileError(`${fileName}: "year" must be a whole number such as 2026, not ${JSON.stringify(year)}.`);
      result.year = year;
    }
    if (intakeIsCap !== undefined && intakeIsCap !== null) {
      if (typeof intakeIsCap !== 'boolean') throw new SnapshotFileError(`${fileName}: "intakeIsCap" must be true or false, not ${JSON.stringify(intakeIsCap)}.`);
      result.intakeIsCap = intakeIsCap;
    }
  } else {
    throw new SnapshotFileError(`${fileName}: expected an array of programmes or an object { "year": …, "programmes": [ … ] }.`);
  }
  const list = programmes as unknown[];
  if (list.length === 0) throw new SnapshotFileError(`${fileName} holds no programmes.`);
  for (const [index, value] of list.entries()) {
    const raw: RawCells = {};
    result.programmes.push(rowFromJson(isObject(value) ? value : {}, raw));
    result.lines.push(index + 1);
    result.raw.push(raw);
  }
  return result;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const asText = (value: unknown): string => (typeof value === 'string' ? value : value === undefined || value === null ? '' : JSON.stringify(value));

function rowFromJson(o: Record<string, unknown>, raw: RawCells): CatalogueRowInput {
  for (const [key, value] of Object.entries(o)) raw[key] = asText(value);
  const number = (key: string): number | null => {
    const value = o[key];
    if (typeof value === 'number') return Number.isFinite(value) ? value : null;
    return typeof value === 'string' ? numberCell(value) : null;
  };
  const row: CatalogueRowInput = {
    code: asText(o['code']).trim(),
    name: asText(o['name']).trim(),
    lengthYears: number('lengthYears'),
    annualIntake: number('annualIntake'),
    featured: typeof o['featured'] === 'boolean' ? o['featured'] : featuredCell(asText(o['featured'])),
    partnerEnterprises: partners(o['partnerEnterprises']),
  };
  if (o['enrolled'] !== undefined && o['enrolled'] !== null) row.enrolled = number('enrolled');
  if (o['applicants'] !== undefined && o['applicants'] !== null) row.applicants = number('applicants');
  const industries = o['industries'];
  if (Array.isArray(industries)) row.industries = industries.map(asText);
  else if (typeof industries === 'string') row.industries = industriesCell(industries);
  const reference = asText(o['outOfCatalogueReference']).trim();
  if (reference !== '') row.outOfCatalogueReference = reference;
  return row;
}

function partners(value: unknown): PartnerEnterpriseInput[] {
  if (typeof value === 'string') return partnersCell(value);
  if (!Array.isArray(value)) return [];
  return value.map((p) => (isObject(p) ? { name: asText(p['name']).trim(), creditCode: asText(p['creditCode']).trim() } : { name: asText(p).trim(), creditCode: '' }));
}
