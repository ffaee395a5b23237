import { describe, expect, it } from 'vitest';
import { inDistrict, ineligible, reassigned, waitlisted } from '../application/spec-support/outcomes.ts';
import { explainOutcome } from './explain.ts';

const names = {
  schools: { S1: '城关第一小学', S2: '城关第二小学', S9: '东城小学' },
  districts: { 'D-CHENGGUAN': '城关', 'D-DONGCHENG': '东城', 'D-BEIGUAN': '北关' },
};

describe('explainOutcome', () => {
  it('names the school and district of an in-district placement, in both languages', () => {
    expect(explainOutcome(inDistrict('A1'), names)).toEqual({
      zh: '已安排到居住地学区（城关）的城关第一小学，为家庭填报的第1志愿（优先级第1档）。',
      en: 'Placed at 城关第一小学 in your home district 城关: your first choice (priority tier 1).',
    });
  });

  it('says which choices were full and where the child stands in the lottery', () => {
    const o = inDistrict('A1', { choice: 2, fullEarlierChoices: ['S2'], lotteryRank: 5, lotteryPoolSize: 40 });
    const e = explainOutcome(o, names);
    expect(e.zh).toBe('已安排到居住地学区（城关）的城关第一小学，为家庭填报的第2志愿（排在前面的城关第二小学已招满）（优先级第1档，同档摇号第5位，共40人）。');
    expect(e.en).toBe('Placed at 城关第一小学 in your home district 城关: your second choice; 城关第二小学, ranked higher, was full (priority tier 1, lottery position 5 of 40).');
    const unranked = explainOutcome(inDistrict('A1', { rankedByFamily: false, choice: 1 }), names);
    expect(unranked.zh).toContain('您未填报志愿学校');
    expect(unranked.en).toContain('You ranked no schools');
  });

  it('explains a reassignment with the full districts and the distance', () => {
    const e = explainOutcome(reassigned('A1', { fullDistricts: ['D-CHENGGUAN', 'D-BEIGUAN'], batch: 1 }), names);
    expect(e.zh).toBe('补录（第1批）：居住地学区（城关）及更近的北关学区已无空位，已调剂到最近的有空位学区（东城，12公里）的东城小学（优先级第1档）。');
    expect(e.en).toBe(
      'Late application (batch 1): Your home district 城关 had no free seat (nor did the nearer district 北关), so your child was reassigned to 东城小学 in 东城, 12 km away, the nearest district with a free seat (priority tier 1).',
    );
  });

  it('explains the waiting list and missing or rejected documents', () => {
    expect(explainOutcome(waitlisted('A1'), names).zh).toBe('暂列候补：居住地学区（城关）已无空位，可调剂范围内的东城学区也都已满（优先级第1档）。如有学位空出，将另行通知。');
    expect(explainOutcome(waitlisted('A1', { fullDistricts: ['D-CHENGGUAN'] }), names).en).toContain('no other district is within reach');
    const o = ineligible('A1', {
      unmetRequirements: [
        { acceptable: ['HOUSEHOLD_REGISTER', 'RESIDENCE_PERMIT'], submitted: [{ kind: 'RESIDENCE_PERMIT', status: 'REJECTED', rejectionReason: '已过期' }] },
        { acceptable: ['PARENT_WORK_PROOF'], submitted: [] },
      ],
    });
    const e = explainOutcome(o, names);
    expect(e.zh).toBe('暂未安排学位：所需材料尚未全部核验通过——户口簿或居住证：未通过（已过期）；家长务工证明：未提交。请一次性补齐，核验通过后从剩余学位中安排。');
    expect(e.en).toContain("parent's work proof (家长务工证明): missing");
  });

  it('falls back to the id when a name is unknown', () => {
    expect(explainOutcome(inDistrict('A1', { schoolId: 'S-NEW' }), names).en).toContain('Placed at S-NEW');
  });
});
