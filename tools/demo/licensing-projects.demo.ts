import { addDays, creditCodeCheckCharacter, todayInShanghai } from '@edugraph/rules';
import { graphql } from '@edugraph/testing';

const RECORD = `mutation($input: SchoolProjectInput!) { recordSchoolProject(input: $input) { project { id } } }`;
const COMPLETE = `mutation($id: ID!, $m: String!, $on: String!) { completeMilestone(projectId: $id, milestone: $m, doneOn: $on) { project { id } } }`;
const ANNOUNCE = `mutation($input: AnnounceTrainingInput!) { announceTraining(input: $input) { training { id } } }`;
const REGISTER = `mutation($id: ID!) { registerForTraining(trainingId: $id) { training { registrations { sponsor { creditCode } } } } }`;
const ATTEND = `mutation($id: ID!, $codes: [String!]!) { recordAttendance(trainingId: $id, creditCodes: $codes) { training { attended } } }`;

const code = (first17: string) => first17 + creditCodeCheckCharacter(first17);

/**
 * Days are relative to the day the demo loads, so a fresh demo always shows one late milestone.
 * Investments stay below ¥21,474,836.47: GraphQL's Int (32-bit) carries investmentFen.
 */
function demoProjects(today: string) {
  return [
    {
      input: {
        name: '城东新区民办九年一贯制学校',
        sponsor: { creditCode: code('91330100MA2H00001'), name: '杭州城东教育投资有限公司' },
        status: 'SIGNED',
        investmentFen: 1_800_000_000,
        districtCode: 'D01',
        milestones: [
          { name: '土地摘牌', plannedOn: addDays(today, -180) },
          { name: '主体工程开工', plannedOn: addDays(today, -120) },
          { name: '竣工验收', plannedOn: addDays(today, 300) },
        ],
      },
      done: [{ name: '土地摘牌', on: addDays(today, -175) }],
    },
    {
      input: {
        name: '滨江普惠性民办幼儿园',
        sponsor: { creditCode: code('52330100MJ0000021'), name: '滨江启明教育基金会' },
        status: 'SIGNED',
        investmentFen: 650_000_000,
        districtCode: 'D02',
        milestones: [
          { name: '校舍改造开工', plannedOn: addDays(today, -30) },
          { name: '申请办学许可', plannedOn: addDays(today, 90) },
        ],
      },
      done: [{ name: '校舍改造开工', on: addDays(today, -28) }],
    },
    {
      input: {
        name: '高新区国际双语高级中学',
        sponsor: { creditCode: code('91330100MA2H00003'), name: '高新博雅教育集团有限公司' },
        status: 'INTENDED',
        investmentFen: 2_000_000_000,
        districtCode: 'D03',
        milestones: [{ name: '签订投资协议', plannedOn: addDays(today, 45) }],
      },
      done: [],
    },
  ];
}

/**
 * Loads the social-capital projects and policy training sessions through the gateway, once: skipped
 * when projects exist. A session cannot be announced for a past day, so the "recent" session is held
 * today, with the sponsor registered and its attendance recorded; from tomorrow it is a past session.
 */
export async function loadProjectsAndTrainings(
  gatewayUrl: string,
  headers: { staff: Record<string, string>; sponsor: Record<string, string> },
): Promise<{ projects: number; trainings: number }> {
  const { staff, sponsor } = headers;
  const existing = await graphql<{ schoolProjects: { totalCount: number } }>(gatewayUrl, '{ schoolProjects(first: 1) { totalCount } }', {}, staff);
  if (existing.schoolProjects.totalCount > 0) {
    const trainings = await graphql<{ trainings: unknown[] }>(gatewayUrl, '{ trainings(upcoming: false) { id } }');
    return { projects: existing.schoolProjects.totalCount, trainings: trainings.trainings.length };
  }
  const today = todayInShanghai();
  const projects = demoProjects(today);
  for (const p of projects) {
    const r = await graphql<{ recordSchoolProject: { project: { id: string } } }>(gatewayUrl, RECORD, { input: p.input }, staff);
    for (const d of p.done) await graphql(gatewayUrl, COMPLETE, { id: r.recordSchoolProject.project.id, m: d.name, on: d.on }, staff);
  }
  const sessions = [
    { title: '《民办教育促进法实施条例》专题培训', on: addDays(today, 14), place: '市教育局三楼报告厅', capacity: 120 },
    { title: '民办学校举办者年检与财务监管政策解读', on: today, place: '市民中心二号会议室', capacity: 60 },
  ];
  const ids: string[] = [];
  for (const input of sessions) {
    ids.push((await graphql<{ announceTraining: { training: { id: string } } }>(gatewayUrl, ANNOUNCE, { input }, staff)).announceTraining.training.id);
  }
  let sponsorCode: string | undefined;
  for (const id of ids) {
    const r = await graphql<{ registerForTraining: { training: { registrations: { sponsor: { creditCode: string } }[] } } }>(gatewayUrl, REGISTER, { id }, sponsor);
    sponsorCode = r.registerForTraining.training.registrations[0]?.sponsor.creditCode;
  }
  // The sponsor sees only its own registration, so this is its credit code.
  if (sponsorCode) await graphql(gatewayUrl, ATTEND, { id: ids[1], codes: [sponsorCode] }, staff);
  return { projects: projects.length, trainings: sessions.length };
}
