import { addOfficeHoursClosure } from '../../use-cases/support/add-office-hours-closure';
import { getOfficeHours } from '../../use-cases/support/get-office-hours';
import { removeOfficeHoursClosure } from '../../use-cases/support/remove-office-hours-closure';
import { setOfficeHours } from '../../use-cases/support/set-office-hours';
import type { SupportDeps } from '../../use-cases/shared/support-transaction';
import { committedReply } from './committed-reply';
import type { RpcHandlers } from './engine-rpc.server';

/** Office hours' engine RPCs (issue 14): the schedule and its closures. */
export function officeHoursRpcHandlers(
  deps: SupportDeps,
): Pick<RpcHandlers, 'getOfficeHours' | 'setOfficeHours' | 'addClosure' | 'removeClosure'> {
  return {
    getOfficeHours: async () => ({ data: await getOfficeHours(deps) }),
    setOfficeHours: (request) => committedReply(setOfficeHours(deps, request)),
    addClosure: (request) => committedReply(addOfficeHoursClosure(deps, request)),
    removeClosure: (request) => committedReply(removeOfficeHoursClosure(deps, request)),
  };
}
