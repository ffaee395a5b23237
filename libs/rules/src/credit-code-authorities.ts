// Registration-authority codes (position 1) and organisation-type codes (position 2) of the unified
// social credit code: GB 32100-2015 Annex A, with the later additions A (military reform and
// establishment office, 2018) and N (agriculture authorities: rural collective economic
// organisations, 2018). Names are given in English with the standard's Chinese term.

export interface CreditCodeAuthority {
  readonly name: string;
  readonly organisationTypes: Readonly<Record<string, string>>;
}

export const CREDIT_CODE_AUTHORITIES: Readonly<Record<string, CreditCodeAuthority>> = {
  '1': {
    name: 'Institutional establishment (机构编制)',
    organisationTypes: {
      '1': 'Government organ (机关)',
      '2': 'Public institution (事业单位)',
      '3': 'Mass organisation under the central establishment office (中央编办直接管理机构编制的群众团体)',
      '9': 'Other (其他)',
    },
  },
  '2': { name: 'Foreign affairs (外交)', organisationTypes: { '1': 'Resident foreign news agency (外国常驻新闻机构)', '9': 'Other (其他)' } },
  '3': {
    name: 'Judicial administration (司法行政)',
    organisationTypes: {
      '1': 'Law firm (律师执业机构)',
      '2': 'Notary office (公证处)',
      '3': 'Grassroots legal service office (基层法律服务所)',
      '4': 'Forensic appraisal institution (司法鉴定机构)',
      '5': 'Arbitration commission (仲裁委员会)',
      '9': 'Other (其他)',
    },
  },
  '4': { name: 'Culture (文化)', organisationTypes: { '1': 'Foreign cultural centre in China (外国在华文化中心)', '9': 'Other (其他)' } },
  '5': {
    name: 'Civil affairs (民政)',
    organisationTypes: {
      '1': 'Social organisation (社会团体)',
      '2': 'Private non-enterprise unit (民办非企业单位)',
      '3': 'Foundation (基金会)',
      '9': 'Other (其他)',
    },
  },
  '6': {
    name: 'Tourism (旅游)',
    organisationTypes: {
      '1': 'Resident office of a foreign tourism authority (外国旅游部门常驻代表机构)',
      '2': 'Resident office of a Hong Kong, Macao or Taiwan tourism authority (港澳台地区旅游部门常驻内地（大陆）代表机构)',
      '9': 'Other (其他)',
    },
  },
  '7': {
    name: 'Religion (宗教)',
    organisationTypes: { '1': 'Place of religious activity (宗教活动场所)', '2': 'Religious college (宗教院校)', '9': 'Other (其他)' },
  },
  '8': { name: 'Trade unions (工会)', organisationTypes: { '1': 'Grassroots trade union (基层工会)', '9': 'Other (其他)' } },
  '9': {
    name: 'Industry and commerce (工商)',
    organisationTypes: {
      '1': 'Enterprise (企业)',
      '2': 'Individual business (个体工商户)',
      '3': "Farmers' specialised cooperative (农民专业合作社)",
    },
  },
  A: { name: 'Military reform and establishment (中央军委改革和编制办公室)', organisationTypes: { '1': 'Military public institution (军队事业单位)', '9': 'Other (其他)' } },
  N: {
    name: 'Agriculture (农业)',
    organisationTypes: {
      '1': 'Group-level collective economic organisation (组级集体经济组织)',
      '2': 'Village-level collective economic organisation (村级集体经济组织)',
      '3': 'Township-level collective economic organisation (乡镇级集体经济组织)',
      '9': 'Other (其他)',
    },
  },
  Y: { name: 'Other (其他)', organisationTypes: {} },
};
