import { CallJourneyPanel } from './CallJourneyPanel';
import { UccxTeamsPanel } from './UccxTeamsPanel';
import './uccx.css';

/** The supervisor board's OpenMethods UCCX panels: the teams (issue 12 scope 2) and the call journey (scope 3). */
export function UccxPanels() {
  return (
    <>
      <UccxTeamsPanel />
      <CallJourneyPanel />
    </>
  );
}
