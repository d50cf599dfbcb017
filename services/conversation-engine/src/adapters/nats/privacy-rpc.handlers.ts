import { getConsent } from '../../use-cases/privacy/get-consent';
import { getConsentSettings } from '../../use-cases/privacy/get-consent-settings';
import { recordConsent } from '../../use-cases/privacy/record-consent';
import { setConsentSettings } from '../../use-cases/privacy/set-consent-settings';
import { RETENTION_INTERVAL_MS } from '../../use-cases/retention/purge-expired-history';
import { retentionPreview } from '../../use-cases/retention/retention-preview';
import { setRetention } from '../../use-cases/retention/set-retention';
import type { SupportDeps } from '../../use-cases/shared/support-transaction';
import type { RpcHandlers } from './engine-rpc.server';

type PrivacyRpc = 'getConsentSettings' | 'setConsentSettings' | 'getConsent' | 'recordConsent' | 'getRetention' | 'setRetention';

/** Privacy's engine RPCs (issue 15): consent rules and records, retention settings and preview. No live events. */
export function privacyRpcHandlers(deps: SupportDeps): Pick<RpcHandlers, PrivacyRpc> {
  const retention = { ...deps, intervalMs: RETENTION_INTERVAL_MS };
  return {
    getConsentSettings: async () => ({ data: await getConsentSettings(deps) }),
    setConsentSettings: async (request) => ({ data: await setConsentSettings(deps, request) }),
    getConsent: async (request) => ({ data: await getConsent(deps, request) }),
    recordConsent: async (request) => ({ data: await recordConsent(deps, request) }),
    getRetention: async () => ({ data: await retentionPreview(retention) }),
    setRetention: async (request) => ({ data: await setRetention(retention, request) }),
  };
}
