// A charge point and a DSO in one process, over a real WebSocket on 127.0.0.1 (reverse mode):
// the charge point dials in and serves its model; the DSO discovers it, reads, enables reports,
// sets an import limit (direct control) and a V2G setpoint (select-before-operate), then releases.
//   npm run example -w @dso/iec61850
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AcsiClient, AcsiServer, attachRtiEndpoint, connect, stringFromOrIdent } from '../src/index.js';
import type { ClientReport, Data } from '../src/index.js';
import { chargePointModel } from './charge-point-model.js';

const show = (data: Data | undefined): string => JSON.stringify(data, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));

function printReport(r: ClientReport): void {
  const changed = r.entries.filter((e) => e.reason.dataChange || e.reason.generalInterrogation || e.reason.integrity);
  const values = changed.filter((e) => !e.dataRef.endsWith('.q') && !e.dataRef.endsWith('.t'));
  const why = r.entries[0] ? Object.entries(r.entries[0].reason).filter(([, v]) => v).map(([k]) => k).join('+') : '';
  console.log(`  report ${r.rptID} sqNum=${r.sqNum ?? '-'} (${why}): ${values.slice(0, 4).map((e) => `${e.dataRef.split('/')[1] ?? ''}=${show(e.value)}`).join(', ')}${values.length > 4 ? ` … (+${values.length - 4})` : ''}`);
}

async function main(): Promise<void> {
  // --- DSO side: HTTP server with the /rti/<accessPoint> endpoint; each device gets an ACSI client
  const http = createServer();
  const clients: Promise<AcsiClient>[] = [];
  const endpoint = attachRtiEndpoint(http, {
    authenticate: (req, ap) => (req.headers.authorization === `Bearer token-${ap}` ? { allow: true } : { allow: false, status: 401 }),
    onChannel: (channel) => {
      console.log(`DSO: ${channel.label} connected, associating (calledAP=${channel.accessPoint ?? '?'})`);
      const client = AcsiClient.attach(channel);
      clients.push(client.ready().then(() => client));
    },
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const url = `ws://127.0.0.1:${(http.address() as AddressInfo).port}/rti/CP0001`;

  // --- charge point side: the model of DOMAIN.md §3, a control hook, and the dial-in
  const device = new AcsiServer({
    model: chargePointModel('CP0001'),
    onControl: (ref, value, origin) => {
      console.log(`charge point: control ${ref} = ${show(value)} from ${origin.orCat} "${stringFromOrIdent(origin.orIdent)}" → accepted`);
      return 'accept';
    },
  });
  device.attach(await connect(url, { token: 'token-CP0001' }));
  const dso = await clients[0];
  if (!dso) throw new Error('no association');
  console.log(`DSO: associated, associateId ${dso.association.associateId}`);

  const lds = await dso.getServerDirectory();
  const lns = await dso.getLogicalDeviceDirectory('CP0001');
  console.log(`DSO: logical devices ${JSON.stringify(lds.ok && lds.value)}; LNs ${lns.ok ? lns.value.join(' ') : '?'}`);
  const ctl = await dso.getValue('CP0001/DAGC1.WSpt.ctlModel', 'cf');
  console.log(`DSO: DAGC1.WSpt ctlModel = ${show(ctl.ok ? ctl.value : undefined)} (4 = sbo-with-enhanced-security)`);

  dso.onReport(printReport);
  await dso.setURCBValues({ urcbRef: 'CP0001/LLN0.urcbSetpoints', rptEna: true, gi: true });
  await dso.setBRCBValues({ brcbRef: 'CP0001/LLN0.brcbStatus', entryID: new Uint8Array(8), rptEna: true });
  await new Promise((r) => setTimeout(r, 50));

  console.log('charge point: EV plugs in on EVSE 1 and starts charging at 11 kW');
  device.update('CP0001/DESE1.EvConn', true);
  device.update('CP0001/DESE1.ChaSt', 3);
  device.update('CP0001/MMXU1.TotW', 11_000);

  const limit = await dso.operate('CP0001/DWMX1.WMaxSpt', { float32: 7_400 });
  console.log(`DSO: import limit 7400 W → ${JSON.stringify(limit)}`);
  const tooHigh = await dso.operate('CP0001/DWMX1.WMaxSpt', { float32: 50_000 });
  console.log(`DSO: import limit 50000 W → ${JSON.stringify(tooHigh)}`);
  const v2g = await dso.selectOperate('CP0001/DAGC1.WSpt', { float32: -5_000 });
  console.log(`DSO: V2G setpoint −5000 W (SBO enhanced) → ${JSON.stringify(v2g)}`);
  await new Promise((r) => setTimeout(r, 50));

  console.log(`DSO: stats ${JSON.stringify(dso.association.stats)}`);
  await dso.release();
  console.log('DSO: released');
  device.close();
  endpoint.close();
  await new Promise<void>((resolve) => http.close(() => resolve()));
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
