import { useEffect } from 'react';
import { lazyModule, useLazyModule } from '../../lib/lazy-module';

/**
 * The chat panel's code (`ChatPanel.tsx`): a chunk of its own, loaded only on the supervisor
 * board, so the kiosk entry stays within its bundle budget (docs/PERFORMANCE.md "Kiosk bundle
 * budget"); the kiosk shows only `ChatWaitingCount`.
 */
const chatPanel = lazyModule(() => import('./ChatPanel'));

/** The chat panel, rendered once its chunk has loaded (nothing until then). */
export function LazyChatPanel() {
  const m = useLazyModule(chatPanel);
  useEffect(() => {
    void chatPanel.load();
  }, []);
  return m ? <m.ChatPanel /> : null;
}
