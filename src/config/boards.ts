import { AGENT_STATES, PANEL_TYPES, SOURCE_IDS, type AgentState, type BoardDefinition, type SourceId } from '../domain';
import { z } from '../domain/zod';

/**
 * The schema of boards (issue 13 "Boards as configuration"): the served configuration's
 * `boards`, a board file next to `config.json`, a board kept in the browser or carried by a
 * share link all validate against {@link boardSchema}. Shapes: `src/domain/board.ts`.
 */

/** An id usable in a URL and as a `data-*` value: letters, digits, `-`, `_` (1–64). */
const slug = () => z.string().check(z.regex(/^[A-Za-z0-9_-]{1,64}$/, 'letters, digits, - and _ only (1 to 64)'));
/** A short text (1–120 characters). */
const shortText = () => z.string().check(z.minLength(1), z.maxLength(120));
/** An integer in [min, max]. */
const intIn = (min: number, max: number) => z.number().check(z.int(), z.gte(min), z.lte(max));

/**
 * A CSS colour as a board may set it: `#rgb`, `#rrggbb` or `#rrggbbaa`, or a plain colour
 * keyword. Nothing else (no `url()`, no `var()`, no expressions).
 */
const colour = () => z.string().check(z.regex(/^(#[0-9a-fA-F]{3}|#[0-9a-fA-F]{6}|#[0-9a-fA-F]{8}|[a-zA-Z]{3,20})$/, 'a #hex colour or a colour name'));

const thresholdLevel = z.strictObject({
  value: z.number(),
  colour: z.optional(colour()),
  flash: z.optional(z.boolean()),
  sound: z.optional(z.boolean()),
});

const metricThreshold = z.strictObject({
  warning: z.optional(thresholdLevel),
  critical: z.optional(thresholdLevel),
});

const idList = () => z.optional(z.array(z.string().check(z.minLength(1), z.maxLength(200))).check(z.maxLength(1000)));

const panelFilters = z.strictObject({
  sources: z.optional(z.array(z.enum(SOURCE_IDS as readonly SourceId[] as [SourceId, ...SourceId[]]))),
  queues: idList(),
  teams: idList(),
  routers: idList(),
  agentStates: z.optional(z.array(z.enum(AGENT_STATES as readonly AgentState[] as [AgentState, ...AgentState[]]))),
});

const panelLayout = z.strictObject({
  x: intIn(0, 47),
  y: intIn(0, 47),
  w: intIn(1, 48),
  h: intIn(1, 48),
});

/** One panel: type, place, filters, thresholds per metric (`data-stat` names). */
export const panelSchema = z.strictObject({
  id: slug(),
  type: z.enum(PANEL_TYPES),
  title: z.optional(shortText()),
  layout: panelLayout,
  filters: z._default(panelFilters, {}),
  thresholds: z._default(z.record(z.string().check(z.regex(/^[A-Za-z][A-Za-z0-9]{0,63}$/)), metricThreshold), {}),
});

/**
 * One board. Refused: two panels with the same id, a panel that reaches past the board's
 * columns or rows.
 */
export const boardSchema = z
  .strictObject({
    id: slug(),
    title: shortText(),
    columns: z._default(intIn(1, 48), 12),
    rows: z._default(intIn(1, 48), 12),
    panels: z.array(panelSchema).check(z.maxLength(48)),
    /** Show the broadcast ticker (absent: shown). */
    ticker: z.optional(z.boolean()),
    flashWithReducedMotion: z.optional(z.boolean()),
    kioskSound: z.optional(z.boolean()),
  })
  .check(
    z.superRefine((board, ctx) => {
      const seen = new Set<string>();
      board.panels.forEach((p, i) => {
        if (seen.has(p.id)) ctx.addIssue({ code: 'custom', message: `panel id "${p.id}" is used twice`, path: ['panels', i, 'id'] });
        seen.add(p.id);
        if (p.layout.x + p.layout.w > board.columns)
          ctx.addIssue({ code: 'custom', message: `panel "${p.id}" reaches past the board's ${board.columns} columns`, path: ['panels', i, 'layout'] });
        if (p.layout.y + p.layout.h > board.rows)
          ctx.addIssue({ code: 'custom', message: `panel "${p.id}" reaches past the board's ${board.rows} rows`, path: ['panels', i, 'layout'] });
      });
    }),
  );

/** Several boards; refused: two boards with the same id. */
export const boardsSchema = z.array(boardSchema).check(
  z.superRefine((boards, ctx) => {
    const seen = new Set<string>();
    boards.forEach((b, i) => {
      if (seen.has(b.id)) ctx.addIssue({ code: 'custom', message: `board id "${b.id}" is used twice`, path: [i, 'id'] });
      seen.add(b.id);
    });
  }),
);

/** A validated board (the schema's output satisfies the domain's {@link BoardDefinition}). */
export type BoardConfigEntry = z.output<typeof boardSchema>;

// Compile-time check: what the schema gives is what the app's board code takes.
const _fits: (b: BoardConfigEntry) => BoardDefinition = (b) => b;
void _fits;
