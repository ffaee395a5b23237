// 职业教育专业目录（2021年）: a programme code has six digits. The first two are the major category
// (专业大类) and say the level: 中职 61–79, 高职专科 41–59, 职业本科 21–39, nineteen categories at
// each level in the same order. The first four are the class (专业类).

export type VocationalLevel = 'SECONDARY' | 'ASSOCIATE' | 'BACHELOR';

export const VOCATIONAL_LEVELS: readonly VocationalLevel[] = ['SECONDARY', 'ASSOCIATE', 'BACHELOR'];

/** First category number of each level; each level has CATEGORIES_PER_LEVEL consecutive numbers. */
export const FIRST_CATEGORY: Readonly<Record<VocationalLevel, number>> = { SECONDARY: 61, ASSOCIATE: 41, BACHELOR: 21 };

/** The nineteen major categories, in catalogue order (offset 0 = 61 / 41 / 21). */
export const MAJOR_CATEGORY_NAMES: readonly string[] = [
  '农林牧渔大类', '资源环境与安全大类', '能源动力与材料大类', '土木建筑大类', '水利大类',
  '装备制造大类', '生物与化工大类', '轻工纺织大类', '食品药品与粮食大类', '交通运输大类',
  '电子与信息大类', '医药卫生大类', '财经商贸大类', '旅游大类', '文化艺术大类',
  '新闻传播大类', '教育与体育大类', '公安与司法大类', '公共管理与服务大类',
];

export const CATEGORIES_PER_LEVEL = MAJOR_CATEGORY_NAMES.length;

/** Chinese level names a catalogue file may use instead of the English constants. */
export const LEVEL_ALIASES: Readonly<Record<string, VocationalLevel>> = {
  SECONDARY: 'SECONDARY', ASSOCIATE: 'ASSOCIATE', BACHELOR: 'BACHELOR',
  中职: 'SECONDARY', 中等职业教育: 'SECONDARY', 高职专科: 'ASSOCIATE', 高等职业教育专科: 'ASSOCIATE',
  职业本科: 'BACHELOR', 高等职业教育本科: 'BACHELOR',
};

const SIX_DIGITS = /^\d{6}$/;

export function isCodeShape(code: string): boolean {
  return typeof code === 'string' && SIX_DIGITS.test(code);
}

/** The level a code belongs to, or null for anything that is not a catalogue-shaped code. */
export function levelOfCode(code: string): VocationalLevel | null {
  if (!isCodeShape(code)) return null;
  const category = Number(code.slice(0, 2));
  for (const level of VOCATIONAL_LEVELS) {
    const offset = category - FIRST_CATEGORY[level];
    if (offset >= 0 && offset < CATEGORIES_PER_LEVEL) return level;
  }
  return null;
}

/** Two-digit major category (专业大类) of a code. */
export function categoryOf(code: string): string {
  return code.slice(0, 2);
}

/** Four-digit class (专业类) of a code. */
export function classOf(code: string): string {
  return code.slice(0, 4);
}

/** Name of the major category of a well-formed code, e.g. 装备制造大类 for 66xxxx / 46xxxx / 26xxxx. */
export function categoryName(code: string): string | null {
  const level = levelOfCode(code);
  if (level === null) return null;
  return MAJOR_CATEGORY_NAMES[Number(categoryOf(code)) - FIRST_CATEGORY[level]] ?? null;
}
