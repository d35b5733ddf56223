import { useEffect } from 'react';
import { lazyModule, useLazyModule } from '../../lib/lazy-module';
import { useBroadcastPort } from '../../ui';

/**
 * The broadcast form's code (`BroadcastForm.tsx`): a chunk of its own, loaded only where a
 * broadcast port is provided (the supervisor board), so the kiosk entry never carries it
 * (docs/PERFORMANCE.md "Kiosk bundle budget").
 */
const broadcastForm = lazyModule(() => import('./BroadcastForm'));

/** The broadcast form once its chunk has loaded; nothing without a port (kiosk, no `broadcast` configured). */
export function LazyBroadcastForm() {
  const port = useBroadcastPort();
  const m = useLazyModule(broadcastForm);
  useEffect(() => {
    if (port) void broadcastForm.load();
  }, [port]);
  return port && m ? <m.BroadcastForm port={port} /> : null;
}
