import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import type { Capabilities } from '../api/console-api';
import { useSession } from '../session/session';

const NONE: Capabilities = { template: false, media: false };
const CapabilitiesContext = createContext<Capabilities>(NONE);

/** Optional routes this admin-api serves, read once per session from its OpenAPI document. */
export function useCapabilities(): Capabilities {
  return useContext(CapabilitiesContext);
}

export function CapabilitiesProvider({ children }: { children: ReactNode }) {
  const { api } = useSession();
  const [capabilities, setCapabilities] = useState<Capabilities>(NONE);
  useEffect(() => {
    let current = true;
    // Without the document the console offers only what every admin-api serves.
    api.capabilities().then(
      (found) => current && setCapabilities(found),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [api]);
  return <CapabilitiesContext.Provider value={capabilities}>{children}</CapabilitiesContext.Provider>;
}
