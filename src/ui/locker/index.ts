/** The evidence locker UI: LockerPanel (full page, side panel) and SavePastedEvidence (popup). */
export { LockerPanel, IntegrityNote, filterItems, type LockerFilter } from './LockerPanel';
export { SavePastedEvidence } from './SavePastedEvidence';
export { runtimeClient, requestClient, type LockerClient } from './client';
