import type { DocumentKind } from '../placement/index.ts';

/** Names a parent knows, in both languages. */
export const DOCUMENT_NAMES: Readonly<Record<DocumentKind, { readonly zh: string; readonly en: string }>> = {
  HOUSEHOLD_REGISTER: { zh: '户口簿', en: 'household register (户口簿)' },
  RESIDENCE_PERMIT: { zh: '居住证', en: 'residence permit (居住证)' },
  PROPERTY_CERTIFICATE: { zh: '房产证', en: 'property certificate (房产证)' },
  RENTAL_AGREEMENT: { zh: '租房协议', en: 'rental agreement (租房协议)' },
  COMMUNITY_RESIDENCE_PROOF: { zh: '社区居住证明', en: 'community residence proof (社区居住证明)' },
  PARENT_WORK_PROOF: { zh: '家长务工证明', en: "parent's work proof (家长务工证明)" },
};
