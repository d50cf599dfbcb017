import { getCsatSettings, setCsatSettings } from '../../use-cases/csat/csat-settings';
import { supportReport } from '../../use-cases/reports/support-report';
import type { SupportDeps } from '../../use-cases/shared/support-transaction';
import type { RpcHandlers } from './engine-rpc.server';

/** Insight's engine RPCs (issue 15): the satisfaction survey's settings and the support reports. No live events. */
export function insightRpcHandlers(deps: SupportDeps): Pick<RpcHandlers, 'getCsatSettings' | 'setCsatSettings' | 'report'> {
  return {
    getCsatSettings: async () => ({ data: await getCsatSettings(deps) }),
    setCsatSettings: async (request) => ({ data: await setCsatSettings(deps, request) }),
    report: async ({ actor: _actor, ...query }) => ({ data: await supportReport(deps, query) }),
  };
}
