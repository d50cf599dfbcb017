import { noChanges } from '../../use-cases/changes';
import { addOfficeHoursClosure } from '../../use-cases/support/add-office-hours-closure';
import { getOfficeHours } from '../../use-cases/support/get-office-hours';
import { removeOfficeHoursClosure } from '../../use-cases/support/remove-office-hours-closure';
import { setOfficeHours } from '../../use-cases/support/set-office-hours';
import type { SupportDeps } from '../../use-cases/support/support-transaction';
import type { RpcHandlers } from './engine-rpc.server';

/** Every console viewing office hours (or the dashboard) hears of a change: office_hours.updated. */
const officeHoursChanged = () => ({ ...noChanges(), officeHours: true });

/** Office hours' engine RPCs (issue 14): the schedule and its closures. */
export function officeHoursRpcHandlers(deps: SupportDeps): Pick<RpcHandlers, 'getOfficeHours' | 'setOfficeHours' | 'addClosure' | 'removeClosure'> {
  return {
    getOfficeHours: async () => ({ data: await getOfficeHours(deps) }),
    setOfficeHours: async (request) => ({ data: await setOfficeHours(deps, request), changes: officeHoursChanged() }),
    addClosure: async (request) => ({ data: { closure: await addOfficeHoursClosure(deps, request) }, changes: officeHoursChanged() }),
    removeClosure: async (request) => ({ data: { closure: await removeOfficeHoursClosure(deps, request) }, changes: officeHoursChanged() }),
  };
}
