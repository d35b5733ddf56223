import { memo, useMemo } from 'react';
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { passesFilter, type EntityKey } from '../../domain';
import { useTranslation } from '../../i18n';
import { historyStore, useHistorySeries, type HistoryPoint, type HistorySeries } from '../../stores';
import { useFormat, usePanelScope } from '../../ui';
import './trends.css';

/** The figures a chart draws, in legend order. */
const SERIES = ['waiting', 'longestSec', 'ready', 'notReady', 'talking', 'wrapUp'] as const;

/** Rows of the text alternative's table (the latest samples). */
const TABLE_ROWS = 10;

/**
 * The trend panel (issue 13 scope 5; recharts, in a chunk of its own, not animated): per
 * queue and router that passes the panel's filters (`sources`, `queues`, `routers`), a line
 * chart of calls waiting, longest waiting (seconds) and agents by state over the kept window
 * (configuration `trends`), from the history store sampled on the shared clock. Each chart has
 * a text alternative: a one-line summary and a table of the latest samples. Hooks
 * (docs/CONTRACTS.md "Trend charts"): `data-testid="trend"` with `data-entity-key`
 * (`<source>:<id>`) and `data-kind` (`queue` | `router`), `trend-summary`, and per table row
 * `trend-point` with `data-t` (epoch ms) and `data-waiting`.
 */
export function TrendPanel() {
  const { t } = useTranslation('trends');
  const { filters } = usePanelScope();
  const series = useHistorySeries();
  const keys = useMemo(() => {
    const out: EntityKey[] = [];
    for (const s of series.values()) {
      if (!passesFilter(filters.sources, s.source)) continue;
      const list = s.kind === 'queue' ? filters.queues : filters.routers;
      // A panel filtered to queues only shows no routers, and the other way round.
      const otherFiltered = s.kind === 'queue' ? (filters.routers?.length ?? 0) > 0 && !(filters.queues?.length ?? 0) : (filters.queues?.length ?? 0) > 0 && !(filters.routers?.length ?? 0);
      if (otherFiltered || !passesFilter(list, s.id)) continue;
      out.push(s.key);
    }
    return out;
  }, [series, filters]);
  if (series.size === 0) return <p className="panel__empty">{t('noData', { seconds: Math.round(historyStore.getState().periodMs / 1000) })}</p>;
  if (keys.length === 0) return <p className="panel__empty">{t('noMatch')}</p>;
  return (
    <div className="trends">
      {keys.map((k) => {
        const s = series.get(k);
        return s ? <TrendChart key={k} series={s} /> : null;
      })}
    </div>
  );
}

const TrendChart = memo(function TrendChart({ series }: { series: HistorySeries }) {
  const { t } = useTranslation('trends');
  const f = useFormat();
  const present = SERIES.filter((k) => series.points.some((p) => p[k] !== undefined));
  const last = series.points[series.points.length - 1];
  const peak = series.points.reduce((m, p) => Math.max(m, p.waiting ?? 0), 0);
  const minutes = Math.round(historyStore.getState().windowMs / 60_000);
  const rows = series.points.slice(-TABLE_ROWS).reverse();
  return (
    <figure className="trend" data-testid="trend" data-entity-key={series.key} data-kind={series.kind}>
      <figcaption className="trend__title">
        {t(`kind.${series.kind}`)}: {series.name}
      </figcaption>
      <div className="trend__chart" role="img" aria-label={t('chartLabel', { name: series.name })}>
        <ResponsiveContainer width="100%" height="100%" minHeight={120}>
          <LineChart data={series.points as HistoryPoint[]} margin={{ top: 4, right: 8, bottom: 0, left: 0 }}>
            <CartesianGrid className="trend__grid" strokeDasharray="3 3" />
            <XAxis dataKey="t" type="number" domain={['dataMin', 'dataMax']} tickFormatter={(v: number) => f.clockTime(v)} className="trend__axis" />
            <YAxis allowDecimals={false} width={36} className="trend__axis" />
            <Tooltip labelFormatter={(v) => f.clockTime(Number(v))} />
            {present.map((k) => (
              <Line key={k} dataKey={k} name={t(`series.${k}`)} className={`trend__line trend__line--${k}`} dot={false} isAnimationActive={false} connectNulls />
            ))}
          </LineChart>
        </ResponsiveContainer>
      </div>
      <ul className="trend__legend" aria-hidden="true">
        {present.map((k) => (
          <li key={k} className={`trend__key trend__key--${k}`}>
            {t(`series.${k}`)}
          </li>
        ))}
      </ul>
      <p className="trend__summary" data-testid="trend-summary">
        {t('summary', {
          name: series.name,
          waiting: last?.waiting ?? '–',
          longest: last?.longestSec !== undefined ? f.duration(last.longestSec) : '–',
          peak,
          minutes,
          points: series.points.length,
        })}
      </p>
      <details className="trend__table">
        <summary>{t('showTable')}</summary>
        <table>
          <caption>{t('tableCaption', { name: series.name })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('time')}</th>
              {present.map((k) => (
                <th key={k} scope="col">
                  {t(`series.${k}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((p) => (
              <tr key={p.t} data-testid="trend-point" data-t={p.t} data-waiting={p.waiting ?? ''}>
                <th scope="row">{f.clockTime(p.t)}</th>
                {present.map((k) => (
                  <td key={k}>{p[k] ?? '–'}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
});
