import { useCallback, useEffect, useId, useMemo, useRef, useState, type ChangeEvent } from 'react';
import ReactGridLayout, { noCompactor, useContainerWidth, type Layout } from 'react-grid-layout';
import 'react-grid-layout/css/styles.css';
import 'react-resizable/css/styles.css';
import { Copy, Download, Plus, Save, Trash2, Undo2, Upload } from 'lucide-react';
import { loadSavedBoards, parseBoard, parseBoardText, saveBoard, shareLink } from '../../../config';
import {
  AGENT_STATES,
  PANEL_TYPES,
  SOURCE_IDS,
  type BoardDefinition,
  type MetricThreshold,
  type PanelDefinition,
  type PanelFilters,
  type PanelType,
  type SourceId,
  type ThresholdLevel,
} from '../../../domain';
import { useTranslation } from '../../../i18n';
import { BoardGrid } from '../BoardGrid';
import type { PanelRenderContext } from '../registry';
import { ThresholdSound } from '../ThresholdSound';
import './editor.css';

/** The most undo steps kept. */
const MAX_UNDO = 100;

type Draft = BoardDefinition;

/** A new, empty board (a unique id among `taken`). */
function newBoard(taken: readonly string[]): Draft {
  let n = 1;
  while (taken.includes(`board-${n}`)) n++;
  return { id: `board-${n}`, title: `Board ${n}`, columns: 12, rows: 12, panels: [] };
}

/** The first free place for a new panel of 4×4 (or 1×1 at the origin when the board is full). */
function freePlace(board: Draft): PanelDefinition['layout'] {
  const w = Math.min(4, board.columns);
  const h = Math.min(4, board.rows);
  for (let y = 0; y + h <= board.rows; y++)
    for (let x = 0; x + w <= board.columns; x++) {
      const clash = board.panels.some((p) => x < p.layout.x + p.layout.w && p.layout.x < x + w && y < p.layout.y + p.layout.h && p.layout.y < y + h);
      if (!clash) return { x, y, w, h };
    }
  return { x: 0, y: 0, w: 1, h: 1 };
}

const splitList = (text: string): string[] =>
  text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

/**
 * The board editor at `/boards` (issue 13 scope 2): pick a board (the configuration's, the
 * ones kept in this browser) or create one; add, move and resize panels on a grid
 * (react-grid-layout; by keyboard: the x / y / w / h fields); edit the title, filters and
 * thresholds in forms validated by the boards schema (its messages shown); the preview shows
 * the board with live data; undo (Ctrl+Z or the button); save in this browser; export a JSON
 * file; import one (validated); copy a share link (`?boardData=`). Hooks: docs/CONTRACTS.md
 * "Board editor".
 */
export function BoardEditor({ title, sources, boards }: { title: string; sources: readonly SourceId[]; boards: readonly BoardDefinition[] }) {
  const { t } = useTranslation('boardEditor');
  const [saved, setSaved] = useState(() => loadSavedBoards());
  const all = useMemo(() => {
    const ids = new Set(saved.map((b) => b.id));
    return [...saved, ...boards.filter((b) => !ids.has(b.id))];
  }, [saved, boards]);
  const [draft, setDraftState] = useState<Draft>(() => all[0] ?? newBoard([]));
  const history = useRef<Draft[]>([]);
  const [undoable, setUndoable] = useState(0);
  const [notice, setNotice] = useState<string>('');
  const [importProblems, setImportProblems] = useState<readonly string[]>([]);
  const [link, setLink] = useState('');

  /** Replaces the draft, keeping the previous one for undo. */
  const setDraft = useCallback((next: Draft | ((d: Draft) => Draft)) => {
    setDraftState((d) => {
      const n = typeof next === 'function' ? next(d) : next;
      if (n === d) return d;
      history.current.push(d);
      if (history.current.length > MAX_UNDO) history.current.shift();
      setUndoable(history.current.length);
      return n;
    });
  }, []);

  const undo = useCallback(() => {
    const prev = history.current.pop();
    setUndoable(history.current.length);
    if (prev) setDraftState(prev);
  }, []);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.shiftKey && e.key.toLowerCase() === 'z') {
        const el = e.target as HTMLElement | null;
        // A text field keeps its own undo while it has something to undo; Ctrl+Z elsewhere undoes the board.
        if (el && (el.tagName === 'TEXTAREA' || (el.tagName === 'INPUT' && (el as HTMLInputElement).type === 'text'))) return;
        e.preventDefault();
        undo();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [undo]);

  const check = useMemo(() => parseBoard(draft), [draft]);
  const [preview, setPreview] = useState<BoardDefinition | undefined>(check.ok ? check.board : undefined);
  if (check.ok && preview !== check.board) setPreview(check.board);

  const updatePanel = (id: string, f: (p: PanelDefinition) => PanelDefinition) =>
    setDraft((d) => ({ ...d, panels: d.panels.map((p) => (p.id === id ? f(p) : p)) }));

  const addPanel = (type: PanelType) =>
    setDraft((d) => {
      let n = d.panels.length + 1;
      while (d.panels.some((p) => p.id === `${type}-${n}`)) n++;
      return { ...d, panels: [...d.panels, { id: `${type}-${n}`, type, layout: freePlace(d), filters: {}, thresholds: {} }] };
    });

  const onLayout = (layout: Layout) =>
    setDraft((d) => {
      let changed = false;
      const panels = d.panels.map((p) => {
        const l = layout.find((i) => i.i === p.id);
        if (!l || (l.x === p.layout.x && l.y === p.layout.y && l.w === p.layout.w && l.h === p.layout.h)) return p;
        changed = true;
        return { ...p, layout: { x: l.x, y: l.y, w: l.w, h: l.h } };
      });
      return changed ? { ...d, panels } : d;
    });

  const save = () => {
    if (!check.ok) return;
    try {
      saveBoard(check.board);
      setSaved(loadSavedBoards());
      setNotice(t('saved', { id: check.board.id }));
    } catch (e) {
      setNotice(t('saveFailed', { error: e instanceof Error ? e.message : String(e) }));
    }
  };

  const exportFile = () => {
    if (!check.ok) return;
    const blob = new Blob([JSON.stringify(check.board, null, 2)], { type: 'application/json' });
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = `${check.board.id}.json`;
    document.body.append(a);
    a.click();
    a.remove();
    URL.revokeObjectURL(a.href);
  };

  const importFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    if (file.size > 256 * 1024) {
      setImportProblems([t('importTooLarge')]);
      return;
    }
    const r = parseBoardText(await file.text());
    if (!r.ok) {
      setImportProblems(r.problems);
      return;
    }
    setImportProblems([]);
    setDraft(r.board);
    setNotice(t('imported', { id: r.board.id }));
  };

  const copyLink = async () => {
    if (!check.ok) return;
    try {
      const href = await shareLink(check.board, new URL('kiosk', new URL('.', location.href)).toString());
      setLink(href);
      await navigator.clipboard?.writeText(href).catch(() => undefined);
      setNotice(t('linkCopied'));
    } catch (err) {
      setNotice(err instanceof Error ? err.message : String(err));
    }
  };

  const ids = { board: useId(), title: useId(), cols: useId(), rows: useId(), add: useId(), pick: useId() };
  const [addType, setAddType] = useState<PanelType>('queues');
  const ctx = useMemo<PanelRenderContext>(() => ({ kiosk: false, sources }), [sources]);

  return (
    <div className="board-editor" data-testid="board-editor">
      <header className="board-editor__header">
        <h1>
          {t('title')} <span className="board-editor__app">· {title}</span>
        </h1>
        <div className="board-editor__pick">
          <label htmlFor={ids.pick}>{t('boards')}</label>
          <select
            id={ids.pick}
            data-testid="editor-board-select"
            value={all.some((b) => b.id === draft.id) ? draft.id : ''}
            onChange={(e) => {
              const b = all.find((x) => x.id === e.target.value);
              if (b) setDraft(b);
            }}
          >
            <option value="">{t('unsaved')}</option>
            {all.map((b) => (
              <option key={b.id} value={b.id}>
                {b.title} ({b.id})
              </option>
            ))}
          </select>
          <button type="button" data-testid="editor-new" onClick={() => setDraft(newBoard(all.map((b) => b.id)))}>
            <Plus aria-hidden="true" size={16} /> {t('new')}
          </button>
        </div>
        <div className="board-editor__actions" role="toolbar" aria-label={t('actions')}>
          <button type="button" data-testid="editor-undo" onClick={undo} disabled={undoable === 0} title={t('undoTitle')}>
            <Undo2 aria-hidden="true" size={16} /> {t('undo')}
          </button>
          <button type="button" data-testid="editor-save" onClick={save} disabled={!check.ok}>
            <Save aria-hidden="true" size={16} /> {t('save')}
          </button>
          <button type="button" data-testid="editor-export" onClick={exportFile} disabled={!check.ok}>
            <Download aria-hidden="true" size={16} /> {t('export')}
          </button>
          <label className="board-editor__import">
            <Upload aria-hidden="true" size={16} /> {t('import')}
            <input type="file" accept="application/json,.json" data-testid="editor-import" onChange={(e) => void importFile(e)} />
          </label>
          <button type="button" data-testid="editor-share" onClick={() => void copyLink()} disabled={!check.ok}>
            <Copy aria-hidden="true" size={16} /> {t('share')}
          </button>
        </div>
        <p className="board-editor__notice" role="status" data-testid="editor-notice">
          {notice}
        </p>
        {link && (
          <input className="board-editor__link" readOnly value={link} aria-label={t('shareLink')} data-testid="editor-share-link" onFocus={(e) => e.target.select()} />
        )}
      </header>

      {importProblems.length > 0 && (
        <div role="alert" className="board-editor__errors" data-testid="editor-import-errors">
          <p>{t('importInvalid')}</p>
          <ul>
            {importProblems.map((p, i) => (
              <li key={i}>{p}</li>
            ))}
          </ul>
        </div>
      )}

      <section className="board-editor__form" aria-label={t('boardSettings')}>
        <div className="board-editor__row">
          <label htmlFor={ids.board}>{t('id')}</label>
          <input id={ids.board} data-testid="editor-board-id" value={draft.id} onChange={(e) => setDraft((d) => ({ ...d, id: e.target.value }))} />
          <label htmlFor={ids.title}>{t('boardTitle')}</label>
          <input id={ids.title} data-testid="editor-board-title" value={draft.title} onChange={(e) => setDraft((d) => ({ ...d, title: e.target.value }))} />
          <label htmlFor={ids.cols}>{t('columns')}</label>
          <input id={ids.cols} type="number" min={1} max={48} value={draft.columns} onChange={(e) => setDraft((d) => ({ ...d, columns: e.target.valueAsNumber }))} />
          <label htmlFor={ids.rows}>{t('rows')}</label>
          <input id={ids.rows} type="number" min={1} max={48} value={draft.rows} onChange={(e) => setDraft((d) => ({ ...d, rows: e.target.valueAsNumber }))} />
          <label>
            <input type="checkbox" checked={draft.flashWithReducedMotion === true} onChange={(e) => setDraft((d) => ({ ...d, flashWithReducedMotion: e.target.checked || undefined }))} />{' '}
            {t('flashWithReducedMotion')}
          </label>
          <label>
            <input type="checkbox" checked={draft.kioskSound === true} onChange={(e) => setDraft((d) => ({ ...d, kioskSound: e.target.checked || undefined }))} /> {t('kioskSound')}
          </label>
        </div>
        <div className="board-editor__row">
          <label htmlFor={ids.add}>{t('panelType')}</label>
          <select id={ids.add} data-testid="editor-add-type" value={addType} onChange={(e) => setAddType(e.target.value as PanelType)}>
            {PANEL_TYPES.map((p) => (
              <option key={p} value={p}>
                {t(`type.${p}`, { defaultValue: p })}
              </option>
            ))}
          </select>
          <button type="button" data-testid="editor-add-panel" onClick={() => addPanel(addType)}>
            <Plus aria-hidden="true" size={16} /> {t('addPanel')}
          </button>
        </div>
        {!check.ok && (
          <div role="alert" className="board-editor__errors" data-testid="editor-errors">
            <p>{t('invalid')}</p>
            <ul>
              {check.problems.map((p, i) => (
                <li key={i}>{p}</li>
              ))}
            </ul>
          </div>
        )}
      </section>

      <LayoutGrid draft={draft} onLayout={onLayout} />

      <section className="board-editor__panels" aria-label={t('panels')}>
        {draft.panels.map((p) => (
          <PanelForm
            key={p.id}
            panel={p}
            onChange={(f) => updatePanel(p.id, f)}
            onRemove={() => setDraft((d) => ({ ...d, panels: d.panels.filter((x) => x.id !== p.id) }))}
          />
        ))}
      </section>

      <section className="board-editor__preview" aria-label={t('preview')} data-testid="editor-preview">
        <h2>{t('preview')}</h2>
        <ThresholdSound kiosk={false} kioskSound={false} />
        {preview ? <BoardGrid board={preview} ctx={ctx} /> : <p>{t('noPreview')}</p>}
      </section>
    </div>
  );
}

/** The panels on a react-grid-layout grid: drag to move, the corner handle to resize. */
function LayoutGrid({ draft, onLayout }: { draft: Draft; onLayout: (l: Layout) => void }) {
  const { t } = useTranslation('boardEditor');
  const { width, containerRef, mounted } = useContainerWidth();
  const layout = useMemo<Layout>(() => draft.panels.map((p) => ({ i: p.id, ...p.layout })), [draft.panels]);
  return (
    <section className="board-editor__layout" aria-label={t('layout')} ref={containerRef as React.Ref<HTMLElement>} data-testid="editor-layout">
      {mounted && (
        <ReactGridLayout
          width={width}
          layout={layout}
          gridConfig={{ cols: Number.isFinite(draft.columns) && draft.columns > 0 ? draft.columns : 12, rowHeight: 28, maxRows: Number.isFinite(draft.rows) && draft.rows > 0 ? draft.rows : 12 }}
          compactor={noCompactor}
          onDragStop={(l) => onLayout(l)}
          onResizeStop={(l) => onLayout(l)}
        >
          {draft.panels.map((p) => (
            <div key={p.id} className="board-editor__cell" data-testid="editor-cell" data-panel-id={p.id}>
              <strong>{p.title ?? t(`type.${p.type}`, { defaultValue: p.type })}</strong> <span>({p.id})</span>
            </div>
          ))}
        </ReactGridLayout>
      )}
    </section>
  );
}

const num = (v: string): number => (v.trim() === '' ? Number.NaN : Number(v));

/** One panel's form: title, place (keyboard alternative to the grid), filters, thresholds. */
function PanelForm({ panel, onChange, onRemove }: { panel: PanelDefinition; onChange: (f: (p: PanelDefinition) => PanelDefinition) => void; onRemove: () => void }) {
  const { t } = useTranslation('boardEditor');
  const uid = useId();
  const setFilter = (key: keyof PanelFilters, list: readonly string[]) =>
    onChange((p) => {
      const filters: Record<string, readonly string[]> = { ...p.filters };
      if (list.length === 0) delete filters[key];
      else filters[key] = list;
      return { ...p, filters: filters as PanelFilters };
    });
  const listField = (key: 'queues' | 'teams' | 'routers', label: string) => (
    <label>
      {label}
      <input
        data-testid={`editor-filter-${key}`}
        defaultValue={(panel.filters[key] ?? []).join(', ')}
        onBlur={(e) => setFilter(key, splitList(e.target.value))}
        placeholder={t('listPlaceholder')}
      />
    </label>
  );
  return (
    <fieldset className="board-editor__panel" data-testid="editor-panel" data-panel-id={panel.id} data-panel-type={panel.type}>
      <legend>
        {t(`type.${panel.type}`, { defaultValue: panel.type })} · {panel.id}
      </legend>
      <div className="board-editor__row">
        <label>
          {t('panelTitle')}
          <input data-testid="editor-panel-title" value={panel.title ?? ''} onChange={(e) => onChange((p) => ({ ...p, title: e.target.value === '' ? undefined : e.target.value }))} />
        </label>
        {(['x', 'y', 'w', 'h'] as const).map((k) => (
          <label key={k}>
            {t(`layout_${k}`)}
            <input
              type="number"
              data-testid={`editor-panel-${k}`}
              value={Number.isFinite(panel.layout[k]) ? panel.layout[k] : ''}
              onChange={(e) => onChange((p) => ({ ...p, layout: { ...p.layout, [k]: num(e.target.value) } }))}
            />
          </label>
        ))}
        <button type="button" data-testid="editor-remove-panel" onClick={onRemove}>
          <Trash2 aria-hidden="true" size={16} /> {t('removePanel')}
        </button>
      </div>
      <fieldset className="board-editor__sources">
        <legend>{t('sources')}</legend>
        {SOURCE_IDS.map((s) => (
          <label key={s}>
            <input
              type="checkbox"
              data-testid="editor-filter-source"
              data-source={s}
              checked={panel.filters.sources?.includes(s) ?? false}
              onChange={(e) => {
                const cur = panel.filters.sources ?? [];
                setFilter('sources', e.target.checked ? [...cur, s] : cur.filter((x) => x !== s));
              }}
            />{' '}
            {s}
          </label>
        ))}
      </fieldset>
      <div className="board-editor__row">
        {listField('queues', t('queues'))}
        {listField('teams', t('teams'))}
        {listField('routers', t('routers'))}
      </div>
      <fieldset className="board-editor__sources">
        <legend>{t('agentStates')}</legend>
        {AGENT_STATES.map((s) => (
          <label key={s}>
            <input
              type="checkbox"
              checked={panel.filters.agentStates?.includes(s) ?? false}
              onChange={(e) => {
                const cur = panel.filters.agentStates ?? [];
                setFilter('agentStates', e.target.checked ? [...cur, s] : cur.filter((x) => x !== s));
              }}
            />{' '}
            {s}
          </label>
        ))}
      </fieldset>
      <Thresholds panel={panel} onChange={onChange} idBase={uid} />
    </fieldset>
  );
}

/** The panel's thresholds: one row per metric (`data-stat` name) with its two levels. */
function Thresholds({ panel, onChange, idBase }: { panel: PanelDefinition; onChange: (f: (p: PanelDefinition) => PanelDefinition) => void; idBase: string }) {
  const { t } = useTranslation('boardEditor');
  const [stat, setStat] = useState('');
  const entries = Object.entries(panel.thresholds);
  const setMetric = (name: string, m: MetricThreshold | undefined) =>
    onChange((p) => {
      const next: Record<string, MetricThreshold> = {};
      for (const [k, v] of Object.entries(p.thresholds)) if (k !== name) next[k] = v;
      if (m) next[name] = m;
      return { ...p, thresholds: next };
    });
  return (
    <fieldset className="board-editor__thresholds">
      <legend>{t('thresholds')}</legend>
      {entries.map(([name, m]) => (
        <div key={name} className="board-editor__threshold" data-testid="editor-threshold" data-stat={name}>
          <strong>{name}</strong>
          {(['warning', 'critical'] as const).map((lvl) => {
            const level: ThresholdLevel | undefined = m[lvl];
            const setLevel = (l: ThresholdLevel | undefined) => setMetric(name, { ...m, [lvl]: l });
            return (
              <span key={lvl} className="board-editor__level">
                <label>
                  {t(lvl)}
                  <input
                    type="number"
                    data-testid={`editor-threshold-${lvl}`}
                    value={level && Number.isFinite(level.value) ? level.value : ''}
                    onChange={(e) => (e.target.value === '' ? setLevel(undefined) : setLevel({ ...level, value: num(e.target.value) }))}
                  />
                </label>
                <label>
                  <input type="checkbox" data-testid={`editor-threshold-${lvl}-flash`} disabled={!level} checked={level?.flash === true} onChange={(e) => level && setLevel({ ...level, flash: e.target.checked || undefined })} /> {t('flash')}
                </label>
                <label>
                  <input type="checkbox" data-testid={`editor-threshold-${lvl}-sound`} disabled={!level} checked={level?.sound === true} onChange={(e) => level && setLevel({ ...level, sound: e.target.checked || undefined })} /> {t('sound')}
                </label>
                <label>
                  {t('colour')}
                  <input
                    size={8}
                    data-testid={`editor-threshold-${lvl}-colour`}
                    disabled={!level}
                    value={level?.colour ?? ''}
                    onChange={(e) => level && setLevel({ ...level, colour: e.target.value === '' ? undefined : e.target.value })}
                  />
                </label>
              </span>
            );
          })}
          <button type="button" onClick={() => setMetric(name, undefined)} aria-label={t('removeThreshold', { name })}>
            <Trash2 aria-hidden="true" size={16} />
          </button>
        </div>
      ))}
      <div className="board-editor__row">
        <label htmlFor={`${idBase}-stat`}>{t('metric')}</label>
        <input id={`${idBase}-stat`} list={`${idBase}-stats`} data-testid="editor-threshold-stat" value={stat} onChange={(e) => setStat(e.target.value.trim())} />
        <datalist id={`${idBase}-stats`}>
          {KNOWN_STATS.map((s) => (
            <option key={s} value={s} />
          ))}
        </datalist>
        <button
          type="button"
          data-testid="editor-add-threshold"
          disabled={stat === '' || Object.hasOwn(panel.thresholds, stat)}
          onClick={() => {
            setMetric(stat, { critical: { value: 0 } });
            setStat('');
          }}
        >
          <Plus aria-hidden="true" size={16} /> {t('addThreshold')}
        </button>
      </div>
    </fieldset>
  );
}

/** Metric names a panel threshold commonly uses (the figures' `data-stat`; others may be typed). */
const KNOWN_STATS = [
  'callsWaiting',
  'longestWaitingSec',
  'serviceLevelPct',
  'abandoned',
  'agentsAvailable',
  'agentsOnCalls',
  'agentsNotReady',
  'queueLength',
  'maxWaitingTime',
  'timeInState',
  'timeInStateNotReady',
  'timeInStateTalking',
  'timeInStateWork',
];
