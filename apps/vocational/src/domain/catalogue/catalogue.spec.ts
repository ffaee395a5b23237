import { describe, expect, it } from 'vitest';
import { catalogueOf, checkCatalogueCode } from './catalogue.ts';

// Illustrative entries in the 2021 catalogue's shape.
const catalogue = catalogueOf([
  { code: '710201', name: '计算机应用', level: 'SECONDARY', category: '71' },
  { code: '510201', name: '计算机应用技术', level: 'ASSOCIATE', category: '51' },
]);

describe('checkCatalogueCode', () => {
  it('accepts a catalogue code', () => {
    const result = checkCatalogueCode('710201', catalogue, { schoolLevel: 'SECONDARY' });
    expect(result).toEqual({ ok: true, value: { code: '710201', level: 'SECONDARY', entry: catalogue.get('710201'), outOfCatalogueReference: null } });
  });
  it('refuses a malformed code or a category of no level', () => {
    for (const code of ['71020', '7102011', 'abcdef', '800101', '600101']) {
      expect(checkCatalogueCode(code, catalogue)).toMatchObject({ ok: false, error: { code: 'INVALID_CODE' } });
    }
  });
  it('refuses a code of another level than the school', () => {
    expect(checkCatalogueCode('510201', catalogue, { schoolLevel: 'SECONDARY' })).toMatchObject({
      ok: false,
      error: { code: 'WRONG_LEVEL', details: { level: 'ASSOCIATE', schoolLevel: 'SECONDARY' } },
    });
  });
  it('refuses an unknown code without approval', () => {
    expect(checkCatalogueCode('710299', catalogue)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CATALOGUE_CODE' } });
    expect(checkCatalogueCode('710299', catalogue, { approvedOutOfCatalogue: { reference: '  ' } })).toMatchObject({ ok: false });
  });
  it('accepts an approved out-of-catalogue code, keeping the reference', () => {
    const result = checkCatalogueCode('710299', catalogue, { schoolLevel: 'SECONDARY', approvedOutOfCatalogue: { reference: ' 教职成函〔2024〕1号 ' } });
    expect(result).toMatchObject({ ok: true, value: { entry: null, outOfCatalogueReference: '教职成函〔2024〕1号' } });
  });
  it('never lets an approval rescue a wrong level', () => {
    const result = checkCatalogueCode('519999', catalogue, { schoolLevel: 'SECONDARY', approvedOutOfCatalogue: { reference: 'x' } });
    expect(result).toMatchObject({ ok: false, error: { code: 'WRONG_LEVEL' } });
  });
});
