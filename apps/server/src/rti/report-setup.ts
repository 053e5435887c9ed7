// Enabling the profile's report control blocks of one LD in the DOMAIN.md §4 order: read the RCB
// (rptID, data set, confRev), write the last committed EntryID of a BRCB with RptEna in the same
// request (the library applies config → entryID → rptEna in order), and GI last, once every RCB
// of the LD is enabled. A device that does not know our EntryID any more (it lost its buffer)
// answers parameterValueInconsistent: we resume from its oldest entry and record a possible gap.
import type { AcsiClient } from '@dso/iec61850';
import { PROFILE_RCBS } from '../ingest/profile.js';

export interface EnabledRcb {
  ld: string;
  rcbName: string;
  rcbRef: string;
  buffered: boolean;
  dataSetRef: string;
  confRev: number;
}

export interface SetupNotes {
  /** RCBs the device does not have */
  missing: string[];
  /** BRCBs whose committed EntryID the device did not know (resumed from its oldest entry) */
  unknownEntryId: string[];
  /** RCBs that could not be enabled, with the reason */
  failed: Array<{ rcbRef: string; error: string }>;
}

export const ZERO_ENTRY_ID = '0000000000000000';
export const entryIdHex = (id: Uint8Array) => Buffer.from(id).toString('hex').toUpperCase();
const entryIdBytes = (hex: string) => new Uint8Array(Buffer.from(hex, 'hex'));

async function enableOne(client: AcsiClient, rcb: EnabledRcb, cursor: string | undefined, notes: SetupNotes): Promise<boolean> {
  if (!rcb.buffered) {
    const r = await client.setURCBValues({ urcbRef: rcb.rcbRef, rptEna: true });
    if (!r.ok) notes.failed.push({ rcbRef: rcb.rcbRef, error: JSON.stringify(r.error) });
    return r.ok;
  }
  const first = await client.setBRCBValues({ brcbRef: rcb.rcbRef, entryID: entryIdBytes(cursor ?? ZERO_ENTRY_ID), rptEna: true });
  if (first.ok) return true;
  if (first.error.kind === 'serviceError' && first.error.serviceError === 'parameterValueInconsistent' && cursor) {
    notes.unknownEntryId.push(rcb.rcbRef);
    const retry = await client.setBRCBValues({ brcbRef: rcb.rcbRef, entryID: entryIdBytes(ZERO_ENTRY_ID), rptEna: true });
    if (retry.ok) return true;
    notes.failed.push({ rcbRef: rcb.rcbRef, error: JSON.stringify(retry.error) });
    return false;
  }
  notes.failed.push({ rcbRef: rcb.rcbRef, error: JSON.stringify(first.error) });
  return false;
}

async function readRcb(client: AcsiClient, ld: string, name: string, buffered: boolean): Promise<EnabledRcb | undefined> {
  const rcbRef = `${ld}/LLN0.${name}`;
  const r = buffered ? await client.getBRCBValues(rcbRef) : await client.getURCBValues(rcbRef);
  if (!r.ok) return undefined;
  return { ld, rcbName: name, rcbRef, buffered, dataSetRef: r.value.dataSet, confRev: r.value.confRev };
}

/**
 * Enables the LD's RCBs. `beforeEnable` runs for each RCB just before its enabling write (the
 * caller registers what to expect from it: reports may follow the response at once).
 */
export async function enableReports(
  client: AcsiClient,
  ld: string,
  cursors: ReadonlyMap<string, string>,
  beforeEnable: (rcb: EnabledRcb) => void,
): Promise<{ enabled: EnabledRcb[]; notes: SetupNotes }> {
  const notes: SetupNotes = { missing: [], unknownEntryId: [], failed: [] };
  const enabled: EnabledRcb[] = [];
  for (const def of PROFILE_RCBS) {
    const rcb = await readRcb(client, ld, def.name, def.buffered);
    if (!rcb) {
      notes.missing.push(`${ld}/LLN0.${def.name}`);
      continue;
    }
    beforeEnable(rcb);
    if (await enableOne(client, rcb, cursors.get(`${ld}/${def.name}`), notes)) enabled.push(rcb);
  }
  for (const rcb of enabled) await requestGi(client, rcb);
  return { enabled, notes };
}

export async function requestGi(client: AcsiClient, rcb: EnabledRcb): Promise<boolean> {
  const r = rcb.buffered ? await client.setBRCBValues({ brcbRef: rcb.rcbRef, gi: true }) : await client.setURCBValues({ urcbRef: rcb.rcbRef, gi: true });
  return r.ok;
}
