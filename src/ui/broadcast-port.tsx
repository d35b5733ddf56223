import { createContext, useContext } from 'react';
import type { BroadcastPort } from '../domain';

/**
 * The broadcast commands (issue 13 scope 6), provided by the app on the supervisor board
 * only: on the kiosk there is no provider, so the post form finds no port and shows nothing.
 */
export const BroadcastPortContext = createContext<BroadcastPort | undefined>(undefined);

/** The broadcast port of this page, or undefined (kiosk, or no `broadcast` configured). */
export function useBroadcastPort(): BroadcastPort | undefined {
  return useContext(BroadcastPortContext);
}
