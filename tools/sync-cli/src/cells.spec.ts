import { describe, expect, it } from 'vitest';
import { featuredCell, industriesCell, numberCell, partnersCell } from './cells.ts';

describe('cells', () => {
  it('reads numbers, keeping decimals and giving null for empty or non-numeric text', () => {
    expect(numberCell(' 120 ')).toBe(120);
    expect(numberCell('12.5')).toBe(12.5);
    expect(numberCell('-10')).toBe(-10);
    expect(numberCell('')).toBeNull();
    expect(numberCell('一百')).toBeNull();
    expect(numberCell('1,200')).toBeNull();
    expect(numberCell('3年')).toBeNull();
  });

  it('reads featured as yes/no in Chinese and English, empty as no, anything else as null', () => {
    for (const yes of ['是', 'true', 'TRUE', '1', 'y', 'Y', 'yes', 'Yes']) expect(featuredCell(yes)).toBe(true);
    for (const no of ['否', 'false', 'False', '0', 'n', 'NO', '', '  ']) expect(featuredCell(no)).toBe(false);
    expect(featuredCell('maybe')).toBeNull();
    expect(featuredCell('2')).toBeNull();
  });

  it('reads partners as name|creditCode items separated by ; or ；, keeping an item without |', () => {
    expect(partnersCell('滨江精工机械有限公司|91330100MA27A1B2C5；城关汽车服务有限公司 | 91330100MA27D3E4F7; 无代码公司;')).toEqual([
      { name: '滨江精工机械有限公司', creditCode: '91330100MA27A1B2C5' },
      { name: '城关汽车服务有限公司', creditCode: '91330100MA27D3E4F7' },
      { name: '无代码公司', creditCode: '' },
    ]);
    expect(partnersCell('')).toEqual([]);
  });

  it('reads industries separated by ;, ； or spaces', () => {
    expect(industriesCell('ELEC;LOGI；CARE TOUR  EQUIP')).toEqual(['ELEC', 'LOGI', 'CARE', 'TOUR', 'EQUIP']);
    expect(industriesCell('')).toEqual([]);
  });
});
