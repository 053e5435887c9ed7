// @dso/simulator: a charge point fleet and CPO gateways that dial into the DSO over IEC 61850
// (reverse mode) and play the paper's use cases. Library API for tests, scenarios and the CLI.
export { Fleet } from './fleet.js';
export type { FleetOptions, FleetStats } from './fleet.js';
export { ManualClock, systemClock } from './clock.js';
export type { Clock } from './clock.js';
export { loadFleetFile, parseFleet, FleetFileError } from './fleet-file.js';
export type { FleetDescription, AccessPointDescription, ChargePointDescription, EvseDescription } from './fleet-file.js';
export { generateFleet } from './generate-fleet.js';
export type { GenerateFleetOptions } from './generate-fleet.js';
export { accessPointModel, chargePointLogicalDevice, PROFILE_DEFAULTS } from './profile/model-builder.js';
export type { ModelOptions } from './profile/model-builder.js';
export { MiniDso } from './harness/mini-dso.js';
export { runScenarioStandalone, scenarioDso } from './harness/scenario-dso.js';
export { runScenario } from './scenario/scenario-runner.js';
export type { ScenarioDso, ScenarioResult } from './scenario/scenario-runner.js';
export { loadScenarioFile, parseScenario, ScenarioError } from './scenario/parse-scenario.js';
export type { Scenario, Step } from './scenario/scenario-types.js';
export { scenarioFleet } from './scenario/scenario-fleet.js';
export { ChargePoint } from './device/charge-point.js';
export type { SimEvent } from './device/charge-point.js';
export { CommandError } from './device/commands.js';
export { ChaSt, SptReas } from './device/types.js';
export type { ChargePointState, EvseState, EvSpec, Misbehaviour } from './device/types.js';
export type { OcppMessage, OcppAction } from './ocpp/ocpp-log.js';
export { Prng } from './prng.js';
