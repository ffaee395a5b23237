// Sentences a parent understands, in Chinese and English, with school and district names instead
// of ids. The engine's own `explanation` (English, ids) stays the technical reference.
import type { InDistrictOutcome, IneligibleOutcome, LotteryStanding, PlacementOutcome, ReassignedOutcome, WaitlistedOutcome } from '../placement/index.ts';
import { DOCUMENT_NAMES } from './document-names.ts';

export interface NameLookup {
  readonly schools: Readonly<Record<string, string>>;
  readonly districts: Readonly<Record<string, string>>;
}

export interface Explanation {
  readonly zh: string;
  readonly en: string;
}

const ORDINALS = ['first', 'second', 'third', 'fourth', 'fifth'];

/** An unknown id is shown as itself rather than hiding the fact. */
const schoolName = (n: NameLookup, id: string): string => n.schools[id] ?? id;
const districtName = (n: NameLookup, id: string): string => n.districts[id] ?? id;
const ordinal = (choice: number): string => ORDINALS[choice - 1] ?? `number ${choice}`;

function standing(o: LotteryStanding): Explanation {
  if (o.lotteryPoolSize <= 1) return { zh: `（优先级第${o.tier}档）`, en: ` (priority tier ${o.tier})` };
  return {
    zh: `（优先级第${o.tier}档，同档摇号第${o.lotteryRank}位，共${o.lotteryPoolSize}人）`,
    en: ` (priority tier ${o.tier}, lottery position ${o.lotteryRank} of ${o.lotteryPoolSize})`,
  };
}

function batch(o: PlacementOutcome): Explanation {
  return o.batch === 0 ? { zh: '', en: '' } : { zh: `补录（第${o.batch}批）：`, en: `Late application (batch ${o.batch}): ` };
}

function inDistrict(o: InDistrictOutcome, n: NameLookup): Explanation {
  const school = schoolName(n, o.schoolId);
  const district = districtName(n, o.districtId);
  const full = o.fullEarlierChoices.map((id) => schoolName(n, id));
  const s = standing(o);
  if (o.rankedByFamily) {
    const fullZh = full.length > 0 ? `（排在前面的${full.join('、')}已招满）` : '';
    const fullEn = full.length > 0 ? `; ${full.join(', ')}, ranked higher, ${full.length > 1 ? 'were' : 'was'} full` : '';
    return {
      zh: `已安排到居住地学区（${district}）的${school}，为家庭填报的第${o.choice}志愿${fullZh}${s.zh}。`,
      en: `Placed at ${school} in your home district ${district}: your ${ordinal(o.choice)} choice${fullEn}${s.en}.`,
    };
  }
  const why = full.length > 0
    ? { zh: `您填报的${full.join('、')}已招满，`, en: `The schools you ranked (${full.join(', ')}) were full, so ` }
    : { zh: '您未填报志愿学校，', en: 'You ranked no schools, so ' };
  return {
    zh: `${why.zh}已按离家距离安排到居住地学区（${district}）内有空位的${school}${s.zh}。`,
    en: `${why.en}your child was placed at ${school}, the nearest school with a free seat in your home district ${district}${s.en}.`,
  };
}

function reassigned(o: ReassignedOutcome, n: NameLookup): Explanation {
  const [home = o.homeDistrictId, ...nearer] = o.fullDistricts.map((id) => districtName(n, id));
  const school = schoolName(n, o.schoolId);
  const district = districtName(n, o.districtId);
  const s = standing(o);
  const nearerZh = nearer.length > 0 ? `及更近的${nearer.join('、')}学区` : '';
  const nearerEn = nearer.length > 0 ? ` (nor did the nearer district${nearer.length > 1 ? 's' : ''} ${nearer.join(', ')})` : '';
  return {
    zh: `居住地学区（${home}）${nearerZh}已无空位，已调剂到最近的有空位学区（${district}，${o.distanceKm}公里）的${school}${s.zh}。`,
    en: `Your home district ${home} had no free seat${nearerEn}, so your child was reassigned to ${school} in ${district}, ${o.distanceKm} km away, the nearest district with a free seat${s.en}.`,
  };
}

function waitlisted(o: WaitlistedOutcome, n: NameLookup): Explanation {
  const [home = o.homeDistrictId, ...reachable] = o.fullDistricts.map((id) => districtName(n, id));
  const s = standing(o);
  const elsewhere = reachable.length > 0
    ? { zh: `，可调剂范围内的${reachable.join('、')}学区也都已满`, en: `, nor in any district within reach (${reachable.join(', ')})` }
    : { zh: '，且没有可调剂的其他学区', en: ', and no other district is within reach' };
  return {
    zh: `暂列候补：居住地学区（${home}）已无空位${elsewhere.zh}${s.zh}。如有学位空出，将另行通知。`,
    en: `On the waiting list: there is no free seat in your home district ${home}${elsewhere.en}${s.en}. You will be told if a seat becomes free.`,
  };
}

function ineligible(o: IneligibleOutcome): Explanation {
  const zh: string[] = [];
  const en: string[] = [];
  for (const r of o.unmetRequirements) {
    const nameZh = r.acceptable.map((k) => DOCUMENT_NAMES[k].zh).join('或');
    const nameEn = r.acceptable.map((k) => DOCUMENT_NAMES[k].en).join(' or ');
    if (r.submitted.length === 0) {
      zh.push(`${nameZh}：未提交`);
      en.push(`${nameEn}: missing`);
      continue;
    }
    zh.push(`${nameZh}：${r.submitted.map((d) => (d.status === 'REJECTED' ? `未通过（${d.rejectionReason ?? '未说明原因'}）` : '尚未核验')).join('，')}`);
    en.push(`${nameEn}: ${r.submitted.map((d) => (d.status === 'REJECTED' ? `rejected (${d.rejectionReason ?? 'no reason given'})` : 'not yet verified')).join(', ')}`);
  }
  return {
    zh: `暂未安排学位：所需材料尚未全部核验通过——${zh.join('；')}。请一次性补齐，核验通过后从剩余学位中安排。`,
    en: `No seat yet: not all required documents are verified. ${en.join('; ')}. Please correct them all at once; once verified, your child is placed from the seats still free.`,
  };
}

/** A parent's explanation of an engine outcome, in zh-CN and English. */
export function explainOutcome(outcome: PlacementOutcome, names: NameLookup): Explanation {
  const prefix = batch(outcome);
  const body =
    outcome.status === 'IN_DISTRICT'
      ? inDistrict(outcome, names)
      : outcome.status === 'REASSIGNED'
        ? reassigned(outcome, names)
        : outcome.status === 'WAITLISTED'
          ? waitlisted(outcome, names)
          : ineligible(outcome);
  return { zh: prefix.zh + body.zh, en: prefix.en + body.en };
}
