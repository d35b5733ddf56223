export { EmergencyBanner, EMERGENCY_SOUND_URL } from './EmergencyBanner';
export { acknowledgeEmergencies, setEmergencyMuted, resetEmergencyScreenState } from './acknowledged';
