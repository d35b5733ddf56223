export { AgentDesk } from './AgentDesk';
