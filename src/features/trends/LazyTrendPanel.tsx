import { useEffect } from 'react';
import { loadNamespace } from '../../i18n';
import { lazyModule, useLazyModule } from '../../lib/lazy-module';

/**
 * The trend panel's code (`TrendPanel.tsx`, recharts): a chunk of its own, downloaded only
 * when a board with a trend panel is shown (with its words, the lazy `trends` catalogues), so the kiosk entry never carries the chart code
 * (ARCHITECTURE.md rule 5; docs/PERFORMANCE.md "Kiosk bundle budget").
 */
const trendPanel = lazyModule(() => Promise.all([import('./TrendPanel'), loadNamespace('trends')]).then(([m]) => m));

/** The trend panel once its chunk has loaded (nothing until then). */
export function LazyTrendPanel() {
  const m = useLazyModule(trendPanel);
  useEffect(() => {
    void trendPanel.load();
  }, []);
  return m ? <m.TrendPanel /> : null;
}
