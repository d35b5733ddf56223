import { describe, expect, it } from 'vitest';
import { boardSchema, boardsSchema } from './boards';
import { z } from '../domain/zod';

const board = {
  id: 'floor-1',
  title: 'Floor 1',
  panels: [
    { id: 'q', type: 'queues', layout: { x: 0, y: 0, w: 6, h: 4 }, filters: { queues: ['Sales'] }, thresholds: { callsWaiting: { warning: { value: 3 }, critical: { value: 6, flash: true, sound: true, colour: '#ff0000' } } } },
    { id: 'a', type: 'agents', layout: { x: 6, y: 0, w: 6, h: 12 } },
  ],
};

const issues = (schema: z.ZodMiniType, value: unknown): string[] => {
  const r = z.safeParse(schema, value);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('board schema', () => {
  it('takes a board, filling the grid size, filters and thresholds defaults', () => {
    const b = z.parse(boardSchema, board);
    expect(b.columns).toBe(12);
    expect(b.rows).toBe(12);
    expect(b.panels[1]!.filters).toEqual({});
    expect(b.panels[1]!.thresholds).toEqual({});
    expect(b.panels[0]!.thresholds['callsWaiting']!.critical).toEqual({ value: 6, flash: true, sound: true, colour: '#ff0000' });
  });

  it('refuses two panels with one id, and a panel past the grid', () => {
    const twice = { ...board, panels: [board.panels[0], { ...board.panels[1], id: 'q' }] };
    expect(issues(boardSchema, twice)).toEqual(['panels.1.id: panel id "q" is used twice']);
    const wide = { ...board, panels: [{ ...board.panels[0], layout: { x: 8, y: 0, w: 6, h: 2 } }] };
    expect(issues(boardSchema, wide)).toEqual([`panels.0.layout: panel "q" reaches past the board's 12 columns`]);
  });

  it('refuses unknown panel types, unknown sources and states, ids that cannot go in a URL', () => {
    expect(issues(boardSchema, { ...board, panels: [{ ...board.panels[0], type: 'iframe' }] })).toHaveLength(1);
    expect(issues(boardSchema, { ...board, panels: [{ ...board.panels[0], filters: { sources: ['x'] } }] })).toHaveLength(1);
    expect(issues(boardSchema, { ...board, panels: [{ ...board.panels[0], filters: { agentStates: ['BUSY'] } }] })).toHaveLength(1);
    expect(issues(boardSchema, { ...board, id: 'a b' })).toHaveLength(1);
    expect(issues(boardSchema, { ...board, id: '"><img>' })).toHaveLength(1);
  });

  it('takes a colour only as #hex or a name (no url(), var() or expressions)', () => {
    const withColour = (colour: string) => ({ ...board, panels: [{ ...board.panels[0], thresholds: { callsWaiting: { critical: { value: 1, colour } } } }] });
    expect(issues(boardSchema, withColour('#f00'))).toEqual([]);
    expect(issues(boardSchema, withColour('crimson'))).toEqual([]);
    for (const bad of ['url(https://x/)', 'var(--x)', 'red;background:url(x)', 'expression(alert(1))']) expect(issues(boardSchema, withColour(bad))).toHaveLength(1);
  });

  it('refuses unknown keys (strict); a `__proto__` metric name is dropped and changes no prototype', () => {
    expect(issues(boardSchema, { ...board, script: 'x' })).toHaveLength(1);
    const proto = JSON.parse('{"id":"p","type":"queues","layout":{"x":0,"y":0,"w":1,"h":1},"thresholds":{"__proto__":{"warning":{"value":1}}}}');
    const parsed = z.parse(boardSchema, { ...board, panels: [proto] });
    expect(Object.keys(parsed.panels[0]!.thresholds)).toEqual([]);
    expect(({} as Record<string, unknown>)['warning']).toBeUndefined();
  });

  it('refuses two boards with one id', () => {
    expect(issues(boardsSchema, [board, board])).toEqual(['1.id: board id "floor-1" is used twice']);
  });
});
