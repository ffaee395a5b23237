import { describe, expect, it } from 'vitest';
import { maskName, maskPhone, maskResidentId } from './pii-mask.ts';

describe('maskName', () => {
  it('keeps the first character only', () => {
    expect(maskName('张三')).toBe('张*');
    expect(maskName('欧阳娜娜')).toBe('欧***');
    expect(maskName('李')).toBe('*');
    expect(maskName('')).toBe('');
    expect(maskName('𠮷野家')).toBe('𠮷**');
  });
});

describe('maskPhone', () => {
  it('keeps 3 + 4 digits of a mobile, else the last 4', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('138 1234 5678')).toBe('138****5678');
    expect(maskPhone('010-62345678')).toBe('*******5678');
    expect(maskPhone('62345678')).toBe('****5678');
    expect(maskPhone('1234')).toBe('****');
  });
});

describe('maskResidentId', () => {
  it('is the shared rule from @edugraph/rules', () => {
    expect(maskResidentId('11010120180101123X')).toBe('1101**********123X');
  });
});
