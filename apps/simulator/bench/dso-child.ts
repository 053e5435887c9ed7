// The bench's DSO, run as a child process: the protocol library's endpoint + one AcsiClient per
// device; enables the profile's RCBs on every LD and counts the reports. Talks to the parent over
// IPC: → {port}, then {connected, enabled, reports} twice a second.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AcsiClient, attachRtiEndpoint } from '@dso/iec61850';

let connected = 0;
let enabled = 0;
let reports = 0;

async function enable(client: AcsiClient): Promise<void> {
  if (!(await client.ready())) return;
  connected += 1;
  const lds = await client.getServerDirectory();
  if (!lds.ok) return;
  for (const ld of lds.value) {
    await client.setURCBValues({ urcbRef: `${ld}/LLN0.urcbMeasurements`, rptEna: true, gi: true });
    await client.setURCBValues({ urcbRef: `${ld}/LLN0.urcbSetpoints`, rptEna: true });
    await client.setBRCBValues({ brcbRef: `${ld}/LLN0.brcbStatus`, entryID: new Uint8Array(8), rptEna: true });
    await client.setBRCBValues({ brcbRef: `${ld}/LLN0.brcbEnergy`, entryID: new Uint8Array(8), rptEna: true });
    enabled += 1;
  }
}

const http = createServer();
attachRtiEndpoint(http, {
  keepAlive: { intervalMs: 30_000, timeoutMs: 60_000 },
  onChannel: (channel) => {
    const client = AcsiClient.attach(channel, { requestTimeoutMs: 60_000, associateTimeoutMs: 60_000 });
    client.onReport(() => {
      reports += 1;
    });
    enable(client).catch((e: unknown) => console.error('dso-child: enable failed', e));
  },
});
http.listen(0, '127.0.0.1', () => {
  process.send?.({ port: (http.address() as AddressInfo).port });
  setInterval(() => process.send?.({ connected, enabled, reports }), 500);
});
process.on('disconnect', () => process.exit(0));
