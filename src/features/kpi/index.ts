export { KpiPanel } from './KpiPanel';
