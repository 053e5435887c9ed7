// Metering on request (use case 3.11): read the meter registers and measurements of one LD now
// (getDataValues per data object), as a report the ingest pipeline stores like any other. A CPO
// gateway may answer from its cache: its time stamp and quality (oldData) are kept as they come.
import type { ClientReport, Data, DataAttributeValue, FC } from '@dso/iec61850';
import type { IngestService } from '../ingest/ingest-service.js';
import type { SampleRow } from '../ingest/report-mapper.js';
import type { DeviceSession } from './device-session.js';

const REASON = { dataChange: false, qualityChange: false, dataUpdate: false, integrity: false, generalInterrogation: false, applicationTrigger: true };

interface ReadTarget {
  ref: string;
  fc: FC;
}

function objectsToRead(ld: string, evseNos: number[]): ReadTarget[] {
  const target = (ref: string, fc: FC): ReadTarget => ({ ref, fc });
  const mx = ['TotW', 'TotVAr', 'TotPF', 'Hz'].map((d) => target(`${ld}/MMXU1.${d}`, 'mx'));
  const st = ['DmdWh', 'SupWh'].map((d) => target(`${ld}/MMTR1.${d}`, 'st'));
  const evse = evseNos.flatMap((n) => [
    target(`${ld}/EVSE${n}MMXU1.TotW`, 'mx'),
    target(`${ld}/EVSE${n}MMTR1.DmdWh`, 'st'),
    target(`${ld}/EVSE${n}MMTR1.SupWh`, 'st'),
  ]);
  return [...mx, ...st, ...evse];
}

/** The entries of one data object read with element names: `mag` (→ mag.f) or `actVal`, q, t. */
function entriesOf(ref: string, values: DataAttributeValue[]): ClientReport['entries'] {
  const out: ClientReport['entries'] = [];
  const add = (suffix: string, data: Data | undefined) => {
    if (data) out.push({ dataRef: `${ref}.${suffix}`, value: data, values: [{ data }], reason: REASON });
  };
  for (const v of values) {
    if (v.name === 'mag' && 'structure' in v.data) add('mag.f', v.data.structure.data[0]);
    else if (v.name === 'actVal' || v.name === 'q' || v.name === 't') add(v.name, v.data);
  }
  return out;
}

export async function readNow(session: DeviceSession, ingest: IngestService, ld: string, evseNos: number[]): Promise<{ samples: SampleRow[]; failed: string[] }> {
  const objects = objectsToRead(ld, evseNos);
  const results = await Promise.all(objects.map((o) => session.client.getDataValues(o.ref, o.fc, { includeElementName: true })));
  const entries: ClientReport['entries'] = [];
  const failed: string[] = [];
  results.forEach((r, i) => {
    const ref = objects[i]?.ref ?? '';
    if (r.ok) entries.push(...entriesOf(ref, r.value));
    else failed.push(ref);
  });
  const report: ClientReport = { rcbRef: `${ld}/readNow`, rptID: 'readNow', subSqNum: 0, moreSegmentsFollow: false, bufOvfl: false, entries };
  return { samples: await ingest.ingestRead(session, report), failed };
}
