import { useEffect } from 'react';
import { lazyModule, useLazyModule } from '../../lib/lazy-module';

/**
 * The team view's code (`TeamView.tsx`): a chunk of its own, loaded only on the supervisor
 * board, so the kiosk entry stays within its bundle budget (docs/PERFORMANCE.md "Kiosk bundle
 * budget").
 */
const teamView = lazyModule(() => import('./TeamView'));

/** The supervisor's team view, rendered once its chunk has loaded (nothing until then). */
export function LazyTeamView() {
  const m = useLazyModule(teamView);
  useEffect(() => {
    void teamView.load();
  }, []);
  return m ? <m.TeamView /> : null;
}
