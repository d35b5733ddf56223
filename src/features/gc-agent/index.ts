export { GcAgentDesk, deskErrorText } from './GcAgentDesk';
