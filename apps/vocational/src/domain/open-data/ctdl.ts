// Programmes as open data in CTDL (Credential Transparency Description Language) JSON-LD.
//
// ctid: "ce-" + a UUID derived from the school's UUID and the programme code without hashing: the
// last six hex digits of the school's UUID are XORed, digit by digit, with the six code digits.
// Deterministic and reversible (XOR again to read the code back), injective in the code for one
// school, and the version/variant digits are untouched. Two (school, code) pairs collide only when
// the schools' UUIDs differ by exactly the XOR of the codes in those six digits and agree
// everywhere else: negligible for random UUIDs, but the publisher should still refuse a duplicate.
import { isUuid } from '@edugraph/rules';
import type { Industry } from '../alignment/index.ts';
import { isCodeShape } from '../catalogue/index.ts';
import { fail, ok } from '../shared/result.ts';
import type { Result } from '../shared/result.ts';

export const CTDL_CONTEXT = 'https://credreg.net/ctdl/schema/context/json';

export interface CtdlProgramme {
  readonly code: string;
  readonly name: string;
  readonly lengthYears: number;
  readonly industries: readonly string[];
}

export interface CtdlSchool {
  /** The institution's UUID from the registry. */
  readonly id: string;
  readonly name: string;
}

export type CtdlError = 'INVALID_SCHOOL_ID' | 'INVALID_CODE';

type Json = string | number | boolean | null | readonly Json[] | { readonly [key: string]: Json };
export type JsonLdNode = { readonly [key: string]: Json };

export function programmeCtid(schoolId: string, code: string): Result<string, CtdlError> {
  if (!isUuid(schoolId)) return fail('INVALID_SCHOOL_ID', `school id must be a UUID (got "${schoolId}")`);
  if (!isCodeShape(code)) return fail('INVALID_CODE', `code must be six digits (got "${code}")`);
  const id = schoolId.toLowerCase();
  const head = id.slice(0, 30);
  const tail = [...id.slice(30)].map((hex, i) => (parseInt(hex, 16) ^ Number(code[i])).toString(16)).join('');
  return ok(`ce-${head}${tail}`);
}

function trimSlash(uri: string): string {
  return uri.replace(/\/+$/, '');
}

function zh(text: string): JsonLdNode {
  return { 'zh-CN': text };
}

export function toCtdlLearningProgram(
  programme: CtdlProgramme,
  school: CtdlSchool,
  industries: readonly Industry[],
  baseUri: string,
): Result<JsonLdNode, CtdlError> {
  const ctid = programmeCtid(school.id, programme.code);
  if (!ctid.ok) return ctid;
  const base = trimSlash(baseUri);
  const byCode = new Map(industries.map((i) => [i.code, i]));
  const served = [...new Set(programme.industries)].sort().flatMap((code) => {
    const industry = byCode.get(code);
    return industry ? [industry] : [];
  });
  const schoolCtid = `ce-${school.id.toLowerCase()}`;
  return ok({
    '@context': CTDL_CONTEXT,
    '@id': `${base}/resources/${ctid.value}`,
    '@type': 'ceterms:LearningProgram',
    'ceterms:ctid': ctid.value,
    'ceterms:name': zh(programme.name),
    'ceterms:codedNotation': programme.code,
    'ceterms:inLanguage': ['zh-CN'],
    'ceterms:offeredBy': [
      { '@type': 'ceterms:CredentialOrganization', '@id': `${base}/resources/${schoolCtid}`, 'ceterms:ctid': schoolCtid, 'ceterms:name': zh(school.name) },
    ],
    'ceterms:estimatedDuration': [{ '@type': 'ceterms:DurationProfile', 'ceterms:exactDuration': `P${programme.lengthYears}Y` }],
    'ceterms:instructionalProgramType': [
      { '@type': 'ceterms:CredentialAlignmentObject', 'ceterms:codedNotation': programme.code, 'ceterms:frameworkName': zh('职业教育专业目录（2021年）') },
    ],
    'ceterms:industryType': served.map((industry) => ({
      '@type': 'ceterms:CredentialAlignmentObject',
      'ceterms:codedNotation': industry.code,
      'ceterms:targetNodeName': zh(industry.name),
      'ceterms:frameworkName': zh(industry.kind === 'LEADING' ? '主导产业' : '现代服务业'),
    })),
  });
}

export interface CtdlGraph {
  readonly '@context': string;
  readonly '@graph': readonly JsonLdNode[];
}

/** Every programme as one graph, nodes without their own @context, sorted by ctid. */
export function ctdlGraph(
  items: readonly { readonly programme: CtdlProgramme; readonly school: CtdlSchool }[],
  industries: readonly Industry[],
  baseUri: string,
): Result<CtdlGraph, CtdlError> {
  const nodes: JsonLdNode[] = [];
  for (const { programme, school } of items) {
    const node = toCtdlLearningProgram(programme, school, industries, baseUri);
    if (!node.ok) return node;
    const { '@context': _context, ...rest } = node.value;
    nodes.push(rest);
  }
  nodes.sort((a, b) => String(a['ceterms:ctid']).localeCompare(String(b['ceterms:ctid'])));
  return ok({ '@context': CTDL_CONTEXT, '@graph': nodes });
}
