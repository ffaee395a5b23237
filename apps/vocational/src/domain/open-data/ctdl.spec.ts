import { isUuid } from '@edugraph/rules';
import { describe, expect, it } from 'vitest';
import { DEMO_INDUSTRIES } from '../alignment/index.ts';
import { CTDL_CONTEXT, ctdlGraph, programmeCtid, toCtdlLearningProgram } from './ctdl.ts';

const school = { id: '0192F5A0-1C2B-7D3E-8F40-123456ABCDEF', name: '市职业教育中心' };
const programme = { code: '710201', name: '计算机应用', lengthYears: 3, industries: ['ELEC', 'NOPE', 'EQUIP'] };

describe('programmeCtid', () => {
  it('is ce- plus a UUID derived deterministically from school and code', () => {
    const ctid = programmeCtid(school.id, '710201');
    expect(ctid).toEqual({ ok: true, value: 'ce-0192f5a0-1c2b-7d3e-8f40-123456dacfee' });
    expect(isUuid(ctid.ok ? ctid.value.slice(3) : '')).toBe(true);
    expect(programmeCtid(school.id, '710201')).toEqual(ctid);
    expect(programmeCtid(school.id, '710202')).not.toEqual(ctid);
  });
  it('refuses a non-UUID school or a malformed code', () => {
    expect(programmeCtid('x', '710201')).toMatchObject({ ok: false, error: { code: 'INVALID_SCHOOL_ID' } });
    expect(programmeCtid(school.id, '71')).toMatchObject({ ok: false, error: { code: 'INVALID_CODE' } });
  });
});

describe('toCtdlLearningProgram', () => {
  it('describes the programme in CTDL JSON-LD', () => {
    const result = toCtdlLearningProgram(programme, school, DEMO_INDUSTRIES, 'https://data.example.gov.cn/');
    if (!result.ok) throw new Error('expected ok');
    const node = result.value;
    expect(node['@context']).toBe(CTDL_CONTEXT);
    expect(node['@type']).toBe('ceterms:LearningProgram');
    expect(node['@id']).toBe('https://data.example.gov.cn/resources/ce-0192f5a0-1c2b-7d3e-8f40-123456dacfee');
    expect(node['ceterms:name']).toEqual({ 'zh-CN': '计算机应用' });
    expect(node['ceterms:offeredBy']).toMatchObject([{ 'ceterms:ctid': 'ce-0192f5a0-1c2b-7d3e-8f40-123456abcdef', 'ceterms:name': { 'zh-CN': '市职业教育中心' } }]);
    expect(node['ceterms:estimatedDuration']).toEqual([{ '@type': 'ceterms:DurationProfile', 'ceterms:exactDuration': 'P3Y' }]);
    expect(node['ceterms:industryType']).toEqual([
      { '@type': 'ceterms:CredentialAlignmentObject', 'ceterms:codedNotation': 'ELEC', 'ceterms:targetNodeName': { 'zh-CN': '电子信息' }, 'ceterms:frameworkName': { 'zh-CN': '主导产业' } },
      { '@type': 'ceterms:CredentialAlignmentObject', 'ceterms:codedNotation': 'EQUIP', 'ceterms:targetNodeName': { 'zh-CN': '装备制造' }, 'ceterms:frameworkName': { 'zh-CN': '主导产业' } },
    ]);
  });
});

describe('ctdlGraph', () => {
  it('puts every programme in one graph under one context', () => {
    const graph = ctdlGraph([{ programme, school }, { programme: { ...programme, code: '660101', lengthYears: 4 }, school }], DEMO_INDUSTRIES, 'https://d');
    if (!graph.ok) throw new Error('expected ok');
    expect(graph.value['@context']).toBe(CTDL_CONTEXT);
    expect(graph.value['@graph']).toHaveLength(2);
    expect(graph.value['@graph'].every((n) => !('@context' in n))).toBe(true);
  });
  it('refuses the whole graph when one programme cannot be described', () => {
    expect(ctdlGraph([{ programme, school: { id: 'bad', name: 'x' } }], DEMO_INDUSTRIES, 'https://d')).toMatchObject({ ok: false });
  });
});
