import { useEffect } from 'react';
import { loadNamespace } from '../../i18n';
import { lazyModule, useLazyModule } from '../../lib/lazy-module';
import { createLogger } from '../../lib/logger';

const log = createLogger('uccx-panels');

/**
 * The UCCX panels' code (`UccxPanels.tsx`) and words (the lazy `uccx` catalogues): a chunk of
 * their own, loaded only on the supervisor board when the `uccx` source is configured, so the
 * kiosk entry stays within its bundle budget (docs/PERFORMANCE.md "Kiosk bundle budget").
 */
const panels = lazyModule(() => Promise.all([import('./UccxPanels'), loadNamespace('uccx')]).then(([m]) => m));

/** The UCCX team panel and the call journey, rendered once their chunk has loaded (nothing until then). */
export function LazyUccxPanels() {
  const m = useLazyModule(panels);
  useEffect(() => {
    panels.load().catch((e: unknown) => log.error(`UCCX panels not loaded: ${String(e)}`));
  }, []);
  return m ? <m.UccxPanels /> : null;
}
