import type { SourceId } from './source';

/**
 * A call to a monitored emergency number (bct doc "Events: Emergency Call Event
 * (EmergencyCall)"). Vendor text (numbers, name, location) is shown as text only. The
 * wallboard keys it by `id` (source, adapter instance, receipt time and calling number), as
 * the vendor sends no id.
 */
export interface EmergencyCall {
  readonly id: string;
  readonly source: SourceId;
  /** The emergency number that was called (`calledEmergencyNumber`). */
  readonly calledNumber: string;
  /** The extension that called it (`callingNumber`). */
  readonly callingNumber: string;
  /** The caller's full name (`callerName`), absent when the vendor sent it empty. */
  readonly callerName?: string;
  /** Building / room (`callerLocation`), absent when the vendor sent it empty. */
  readonly callerLocation?: string;
  /** Epoch ms the wallboard received it. */
  readonly at: number;
}
