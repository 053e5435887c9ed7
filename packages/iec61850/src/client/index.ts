export { AcsiClient } from './acsi-client.js';
export type { AcsiClientStats } from './acsi-client.js';
export { ControlClient, TerminationWaiters, baseControlRef } from './control.js';
export type { ControlOptions, ControlResult, ControlStage } from './control.js';
export { ReportStream } from './report-stream.js';
export type { ClientReport, ReportEntry, ReportStats } from './report-stream.js';
export { expectResponse, mapResult } from './results.js';
export type { AcsiFailure, AcsiResult } from './results.js';
