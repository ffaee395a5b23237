import { describe, expect, it } from 'vitest';
import { CATEGORIES_PER_LEVEL, categoryName, categoryOf, classOf, levelOfCode } from './levels.ts';

describe('catalogue levels', () => {
  it('has nineteen categories at each level', () => {
    expect(CATEGORIES_PER_LEVEL).toBe(19);
  });
  it.each([
    ['610101', 'SECONDARY'], ['790101', 'SECONDARY'], ['410101', 'ASSOCIATE'], ['590101', 'ASSOCIATE'],
    ['210101', 'BACHELOR'], ['390101', 'BACHELOR'],
  ])('%s is %s', (code, level) => {
    expect(levelOfCode(code)).toBe(level);
  });
  it.each(['600101', '800101', '400101', '200101', '390', '71020A', '７１０２０１', ' 710201'])('%s has no level', (code) => {
    expect(levelOfCode(code)).toBeNull();
  });
  it('reads the category and the class', () => {
    expect(categoryOf('710201')).toBe('71');
    expect(classOf('710201')).toBe('7102');
    expect(categoryName('660101')).toBe('装备制造大类');
    expect(categoryName('460101')).toBe('装备制造大类');
    expect(categoryName('590101')).toBe('公共管理与服务大类');
    expect(categoryName('123456')).toBeNull();
  });
});
