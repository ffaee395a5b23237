import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bureauStaff, serviceTestDatabases, startTestService } from '@edugraph/testing';
import type { TestService } from '@edugraph/testing';
import { preschoolService } from '../src/service.ts';

const at = (day: string) => new Date(`${day}T02:00:00Z`);
const CASE = 'id state closingReason rectification { dueOn overdue }';

for (const database of await serviceTestDatabases()) describe(`unlicensed cases past their rectification deadline (${database.label})`, () => {
  let t: TestService;
  let now = at('2026-11-25');
  beforeAll(async () => {
    t = await startTestService(preschoolService, { database, clock: () => now });
  });
  afterAll(() => t.stop());
  const op = <T>(query: string) => t.as(bureauStaff)<T>(query);

  it('closes a rectification left unfinished after its deadline, once, and leaves one re-inspected in time alone', async () => {
    const open = async () =>
      (await op<{ openUnlicensedCase: { case: { id: string } } }>(`mutation { openUnlicensedCase(input: { name: "无证园甲", address: "城南路2号", districtCode: "CG", children: 12, hazards: [] }) { case { id } } }`)).openUnlicensedCase.case.id;
    const [late, inTime] = [await open(), await open()];
    for (const id of [late, inTime]) {
      await op(`mutation { assessUnlicensedCase(caseId: "${id}", licenceBasis: true) { case { id } } }`);
      await op(`mutation { orderRectification(caseId: "${id}", dueOn: "2026-12-10", items: ["消防通道"]) { case { id } } }`);
    }
    now = at('2026-12-10');
    await t.service.runJobs();
    const state = async (id: string) => (await op<{ unlicensedCases: { nodes: { id: string; state: string }[] } }>(`{ unlicensedCases(first: 100) { nodes { ${CASE} } } }`)).unlicensedCases.nodes.find((c) => c.id === id)!.state;
    expect(await state(late)).toBe('RECTIFYING'); // the deadline day itself is still in time
    await op(`mutation { reinspect(caseId: "${inTime}", passed: true, findings: []) { case { id } } }`);
    now = at('2026-12-11');
    await Promise.all([t.service.runJobs(), t.service.runJobs()]);
    expect(await state(late)).toBe('CLOSING');
    expect(await state(inTime)).toBe('PASSED');
  });
});
