/**
 * The TV kiosk (issue 14): the shell around the board on `/kiosk` (a chunk of its own that
 * boot loads while the configuration loads), its settings, rotation and schedule.
 */
export { KioskShell, serialiseConfig } from './KioskShell';
export type { KioskBoard, KioskChrome, KioskShellProps } from './KioskShell';
export { kioskSettings, kioskClockStart, parseRotation } from './settings';
export { createKioskClock, useKioskNow } from './kiosk-clock';
export type { KioskClock } from './kiosk-clock';
export { kioskMoment, activeRotation, rotationPosition, nightAt } from './schedule';
