// The city's leading industries (主导产业) and modern services (现代服务业) are data. DEMO_INDUSTRIES
// is a demonstration table; codes are our own short stable slugs (not GB/T 4754 codes), chosen so
// that a programme row can name them and the city can rename an industry without touching rows.

export type IndustryKind = 'LEADING' | 'MODERN_SERVICE';

export interface Industry {
  readonly code: string;
  readonly name: string;
  readonly kind: IndustryKind;
}

export const DEMO_INDUSTRIES: readonly Industry[] = [
  { code: 'EQUIP', name: '装备制造', kind: 'LEADING' },
  { code: 'NEWMAT', name: '新材料', kind: 'LEADING' },
  { code: 'ELEC', name: '电子信息', kind: 'LEADING' },
  { code: 'LOGI', name: '现代物流', kind: 'MODERN_SERVICE' },
  { code: 'CARE', name: '健康养老', kind: 'MODERN_SERVICE' },
  { code: 'TOUR', name: '文化旅游', kind: 'MODERN_SERVICE' },
];
