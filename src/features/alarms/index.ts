export { AlarmsPanel } from './AlarmsPanel';
