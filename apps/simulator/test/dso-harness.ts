// The tests' DSO: the protocol library's `/rti/<accessPoint>` endpoint + one AcsiClient per device.
export { MiniDso as DsoHarness } from '../src/harness/mini-dso.js';
