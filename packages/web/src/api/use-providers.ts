import { useEffect, useState } from 'react';
import { directory } from './directory.ts';
import type { Provider } from './types.ts';

/** The clinic's providers from the shared directory (empty until loaded, or when the role may not read them). */
export function useProviders(): Provider[] {
  const [providers, setProviders] = useState<Provider[]>([]);
  useEffect(() => {
    let live = true;
    void directory().then((d) => {
      if (live) setProviders(d.providers);
    });
    return () => {
      live = false;
    };
  }, []);
  return providers;
}
