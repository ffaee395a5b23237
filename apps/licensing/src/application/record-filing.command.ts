import { requireDecider } from './matter-access.ts';
import { changeMatter } from './matter-change.ts';
import type { MatterUseCaseContext } from './matter-change.ts';
import type { MatterView } from './matter.view.ts';

/** A filing (备案) is recorded and published by the authority that keeps it; nobody decides it. */
export function recordFiling(ctx: MatterUseCaseContext, matterId: string): Promise<MatterView> {
  return changeMatter(ctx, matterId, {
    authorize: ({ type }) => requireDecider(ctx.actor, type.authority, 'record a filing'),
    command: () => ({ type: 'record' }),
  });
}
