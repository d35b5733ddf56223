import type { SourceId } from './source';

/**
 * One step of a call's journey (UCCX `report.calljourney` success response,
 * openmethods-uccx-report-server.txt "Report Requests — report.calljourney"): a device the
 * call touched and the time spent there. Vendor text: render as text only.
 */
export interface CallJourneyStep {
  /** `CallId`: the source call id of this leg. */
  readonly callId: string;
  /** `Device`: the device id. */
  readonly device: string;
  /** `DeviceType`. */
  readonly deviceType: string;
  /** `Description`. */
  readonly description: string;
  /** `Duration` exactly as the vendor formatted it. */
  readonly durationText: string;
  /** `Duration` parsed, in milliseconds; undefined when the text is not a duration the board reads. */
  readonly durationMs: number | undefined;
}

/** A call's journey: its steps in the vendor's order and their total. */
export interface CallJourney {
  /** The UCCX call id asked for. */
  readonly callId: string;
  readonly steps: readonly CallJourneyStep[];
  /** Sum of the parsed step durations (milliseconds). */
  readonly totalMs: number;
  /** True when every step's duration was read (else `totalMs` is a lower bound). */
  readonly totalComplete: boolean;
}

/**
 * Reports of a backend (UCCX Report Server resource). Reading only: the kiosk never
 * gets it (the port directory is read-only there).
 */
export interface CallJourneyPort {
  readonly source: SourceId;
  /**
   * Asks the backend for a call's journey (`report.calljourney`).
   * @param callId the UCCX call id (non-empty)
   * @param signal aborting it stops waiting for the reply
   * @throws (rejects) `CommandError`: `vendor-error` with `vendorCode` = the vendor's
   *   `failure.code` and the vendor's `failure.message` as message (a refusal), or a malformed
   *   reply (`vendorCode` `malformed`); `timeout` (no reply in time); `not-connected`;
   *   `invalid` (empty call id, nothing sent); a cancelled wait rejects with `not-connected`
   *   and `vendorCode` `cancelled`.
   */
  callJourney(callId: string, signal?: AbortSignal): Promise<CallJourney>;
}
