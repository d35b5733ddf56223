export { HealthChips, HealthPanel } from './HealthPanel';
