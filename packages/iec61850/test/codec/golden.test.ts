import { describe, expect, it } from 'vitest';
import { decodePdu, encodePdu } from '../../src/codec/index.js';
import type { Data, Report, TpaaPdu } from '../../src/pdu/index.js';
import { AssociateServiceType, RequestServiceType, ResponseServiceType, UnconfirmedServiceType, bigIntFromEntryId, stringFromOrIdent } from '../../src/pdu/index.js';
import { loadVectors } from './vectors.js';

const vectors = loadVectors();

function decodeOk(text: string): TpaaPdu {
  const r = decodePdu(text);
  if (!r.ok) throw new Error(`${r.error.path}: ${r.error.message}`);
  return r.value;
}

/** The name of the service alternative a PDU carries, e.g. "request.getDataValues". */
function serviceName(pdu: TpaaPdu): string {
  if ('associate' in pdu) return `associate.${Object.keys(pdu.associate.service)[0]!}`;
  if ('request' in pdu) return `request.${Object.keys(pdu.request.service)[0]!}`;
  if ('response' in pdu) return `response.${Object.keys(pdu.response.service)[0]!}`;
  return `unconfirmed.${Object.keys(pdu.unconfirmed.service)[0]!}`;
}

function alternatives(prefix: string, def: { kind: string; alternatives?: ReadonlyMap<string, unknown> }): string[] {
  return [...(def.alternatives?.keys() ?? [])].map((k) => `${prefix}.${k}`);
}

describe('golden vectors', () => {
  it('has vectors', () => {
    expect(vectors.length).toBeGreaterThan(80);
  });

  it.each(vectors.map((v) => [`${v.group}: ${v.name}`, v.text] as const))('%s decodes and re-encodes to the same text', (_name, text) => {
    const pdu = decodeOk(text);
    expect(encodePdu(pdu)).toBe(text);
  });

  it('covers every alternative of every service CHOICE', () => {
    const seen = new Set(vectors.map((v) => serviceName(decodeOk(v.text))));
    const all = [
      ...alternatives('associate', AssociateServiceType.def),
      ...alternatives('request', RequestServiceType.def),
      ...alternatives('response', ResponseServiceType.def),
      ...alternatives('unconfirmed', UnconfirmedServiceType.def),
    ];
    expect(all.length).toBe(7 + 27 + 28 + 2);
    expect(all.filter((name) => !seen.has(name))).toEqual([]);
  });
});

describe('decoded values', () => {
  const byName = new Map(vectors.map((v) => [v.name, v.text]));
  const get = (name: string): TpaaPdu => decodeOk(byName.get(name)!);

  it('associateRequest of PROTOCOL.md', () => {
    expect(get('protocol: associateRequest')).toEqual({ associate: { service: { associateRequest: { calledAP: 'CP0001', maxMessageSize: 65000 } } } });
  });

  it('serviceError response of PROTOCOL.md', () => {
    expect(get('protocol: serviceError response')).toEqual({ response: { associateId: 'a-CP0001', invokeId: 7, service: { serviceError: 'instanceNotAvailable' } } });
  });

  it('BRCB report: defaults filled, entryID bytes, quality with detailQual', () => {
    const pdu = get('report BRCB with entryID and bufOvfl');
    if (!('unconfirmed' in pdu) || !('report' in pdu.unconfirmed.service)) throw new Error('not a report');
    const report: Report = pdu.unconfirmed.service.report;
    expect(report.bufOvfl).toBe(true);
    expect(report.subSqNum).toBe(2);
    expect(bigIntFromEntryId(report.entry.entryID!)).toBe(0xffffffffffffffffn);
    expect(report.entry.timeOfEntry).toEqual({
      secondSinceEpoch: 1767225601,
      fractionOfSecond: 0,
      timeQuality: { leapSecondsKnown: false, clockFailure: true, clockNotSynchronized: true, timeAccuracy: 7 },
    });
    const [chaSt, q] = report.entry.entryData;
    expect(chaSt?.reasonCode).toEqual({ dataChange: true, qualityChange: false, dataUpdate: false, integrity: false, generalInterrogation: true, applicationTrigger: false });
    expect(q?.value[0]?.data).toEqual({
      quality: {
        detailQual: { overflow: false, outOfRange: false, badReference: false, oscillatory: false, failure: true, oldData: false, inconsistent: false, inaccurate: false },
        validity: 'invalid',
        source: 'process',
        test: false,
        operatorBlock: false,
      },
    });
  });

  it('minimal report gets every DEFAULT', () => {
    expect(get('report minimal')).toEqual({
      unconfirmed: { associateId: 'a-CP0001', service: { report: { rptID: 'r', subSqNum: 0, moreSegmentsFollow: false, bufOvfl: false, entry: { entryData: [] } } } },
    });
  });

  it('every Data alternative decodes to its typed value', () => {
    const pdu = get('getDataValues response all types');
    if (!('response' in pdu) || !('getDataValues' in pdu.response.service)) throw new Error('not getDataValues');
    const data: Data[] = pdu.response.service.getDataValues.dataAttrVal.map((v) => v.data);
    expect(data.slice(0, 7)).toEqual([{ boolean: true }, { int8: -128 }, { int16: 32767 }, { int24: -8388608 }, { int32: 2147483647 }, { int64: 9007199254740993n }, { int64: -42 }]);
    expect(data.slice(11, 18)).toEqual([{ float32: -0.5 }, { float32: 1.5e-300 }, { float32: 1e300 }, { float32: NaN }, { float32: Infinity }, { float32: -Infinity }, { float32: 0 }]);
    expect(data[18]).toEqual({ octetString: new Uint8Array([0x00, 0xff, 0xa5]) });
    expect(data[24]).toEqual({ bitstring: { value: new Uint8Array([0xa0]), length: 3 } });
  });

  it('orIdent is 64 bytes of UTF-8, zero padded', () => {
    const pdu = get('operate request');
    if (!('request' in pdu) || !('operate' in pdu.request.service)) throw new Error('not operate');
    const { origin } = pdu.request.service.operate;
    expect(origin.orIdent.length).toBe(64);
    expect(stringFromOrIdent(origin.orIdent)).toBe('operator-17');
    expect(pdu.request.service.operate.test).toBe(false);
  });
});

describe('non-canonical input is accepted and re-encoded canonically', () => {
  const cases: [string, string, string][] = [
    ['REAL without decimal point', '{"float32":50}', '{"float32":50.0}'],
    ['REAL exponent', '{"float32":1.5e-07}', '{"float32":1.5e-7}'],
    ['REAL "-0"', '{"float32":"-0"}', '{"float32":-0.0}'],
    ['big REAL', '{"float32":1e21}', '{"float32":1e+21}'],
    ['lower-case hex', '{"octetString":"0aff"}', '{"octetString":"0AFF"}'],
    ['numeric string integer', '{"int32":"-17"}', '{"int32":-17}'],
    ['big numeric string int64', '{"int64":"-123456789012345678901"}', '{"int64":-123456789012345678901}'],
    ['explicit DEFAULTs omitted', '{"quality":{"validity":"good","source":"process","test":false,"operatorBlock":false}}', '{"quality":{}}'],
    ['unknown keys ignored', '{"structure":{"data":[],"extra":{"x":1},"name":"n"}}', '{"structure":{"name":"n","data":[]}}'],
  ];
  it.each(cases)('%s', (_name, dataIn, dataOut) => {
    const frame = (d: string): string => `{"request":{"associateId":"a","invokeId":1,"service":{"setDataValues":{"ref":{"ref":"x","fc":"sp"},"dataAttrVal":[{"data":${d}}]}}}}`;
    expect(encodePdu(decodeOk(frame(dataIn)))).toBe(frame(dataOut));
  });

  it('invokeId as a numeric string, whitespace and key order do not matter', () => {
    const text = ' { "request" : { "service" : { "getServerDirectory" : { "objectClass" : "logicalDevice" } } , "invokeId" : "5" , "associateId" : "a" } } ';
    expect(encodePdu(decodeOk(text))).toBe('{"request":{"associateId":"a","invokeId":5,"service":{"getServerDirectory":{"objectClass":"logicalDevice"}}}}');
  });

  it('accepts a Buffer', () => {
    expect(decodePdu(Buffer.from('{"associate":{"service":{"associateRequest":{"maxMessageSize":1}}}}')).ok).toBe(true);
  });
});
