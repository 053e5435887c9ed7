import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { JerEncodeError, decodePdu, encodePdu } from '../../src/codec/index.js';
import type { JerDecodeError } from '../../src/codec/index.js';
import type { TpaaPdu } from '../../src/pdu/index.js';
import { loadVectors } from './vectors.js';

function decodeErr(text: string): JerDecodeError {
  const r = decodePdu(text);
  if (r.ok) throw new Error(`expected a failure for ${text.slice(0, 80)}`);
  return r.error;
}

const req = (service: string, invokeId = '1'): string => `{"request":{"associateId":"a-1","invokeId":${invokeId},"service":${service}}}`;
const setData = (data: string): string => req(`{"setDataValues":{"ref":{"ref":"LD/LN.DO","fc":"sp"},"dataAttrVal":[{"data":${data}}]}}`);
const DATA_PATH = '$.request.service.setDataValues.dataAttrVal[0].data';
const T = '{"secondSinceEpoch":1,"fractionOfSecond":0,"timeQuality":{"timeAccuracy":10}}';
const operate = (fields: string): string =>
  req(`{"operate":{"ref":"LD/DWMX1.WMaxSpt","ctlVal":{"float32":1.0},"origin":{"orCat":"remoteControl","orIdent":"${'0'.repeat(128)}"},"t":${T},${fields}}}`);

describe('malformed frames give a typed error with the exact path', () => {
  const cases: [string, string, Pick<JerDecodeError, 'kind' | 'path'> & { invokeId?: number }][] = [
    ['truncated JSON', '{"request":', { kind: 'json', path: '$' }],
    ['empty frame', '', { kind: 'json', path: '$' }],
    ['not JSON at all', 'hello', { kind: 'json', path: '$' }],
    ['JSON null', 'null', { kind: 'shape', path: '$' }],
    ['JSON array', '[]', { kind: 'shape', path: '$' }],
    ['two envelope alternatives', '{"request":{},"response":{}}', { kind: 'shape', path: '$' }],
    ['empty envelope', '{}', { kind: 'shape', path: '$' }],
    ['unknown envelope alternative', '{"indication":{}}', { kind: 'unknownAlternative', path: '$.indication' }],
    ['missing associateId', '{"request":{"invokeId":3,"service":{"getServerDirectory":{"objectClass":"logicalDevice"}}}}', { kind: 'shape', path: '$.request.associateId', invokeId: 3 }],
    ['associateId too long', req('{"select":{"ref":"x"}}').replace('"a-1"', `"${'x'.repeat(37)}"`), { kind: 'range', path: '$.request.associateId', invokeId: 1 }],
    ['unknown service, invokeId readable', req('{"getFile":{"name":"x"}}', '42'), { kind: 'unknownAlternative', path: '$.request.service.getFile', invokeId: 42 }],
    ['bad service, invokeId as string', req('{"getDataValues":{"ref":"x"}}', '"9"'), { kind: 'shape', path: '$.request.service.getDataValues.ref', invokeId: 9 }],
    ['wrong enumerated', req('{"getDataValues":{"ref":{"ref":"x","fc":"zz"}}}'), { kind: 'range', path: '$.request.service.getDataValues.ref.fc', invokeId: 1 }],
    ['enumerated as number', req('{"getServerDirectory":{"objectClass":0}}'), { kind: 'shape', path: '$.request.service.getServerDirectory.objectClass', invokeId: 1 }],
    ['invokeId not an integer', req('{"select":{"ref":"x"}}', '1.5'), { kind: 'shape', path: '$.request.invokeId' }],
    ['invokeId beyond 2^53', req('{"select":{"ref":"x"}}', '18014398509481984'), { kind: 'range', path: '$.request.invokeId' }],
    ['out of range ctlNum', operate('"ctlNum":128'), { kind: 'range', path: '$.request.service.operate.ctlNum', invokeId: 1 }],
    ['out of range int8', setData('{"int8":200}'), { kind: 'range', path: `${DATA_PATH}.int8`, invokeId: 1 }],
    ['out of range int32u', setData('{"int32u":-1}'), { kind: 'range', path: `${DATA_PATH}.int32u`, invokeId: 1 }],
    ['integer as junk string', setData('{"int32":"12a"}'), { kind: 'shape', path: `${DATA_PATH}.int32`, invokeId: 1 }],
    ['REAL as junk string', setData('{"float32":"fifty"}'), { kind: 'shape', path: `${DATA_PATH}.float32`, invokeId: 1 }],
    ['REAL as numeric string', setData('{"float32":"50.0"}'), { kind: 'shape', path: `${DATA_PATH}.float32`, invokeId: 1 }],
    ['REAL as boolean', setData('{"float32":true}'), { kind: 'shape', path: `${DATA_PATH}.float32`, invokeId: 1 }],
    ['odd-length hex', setData('{"octetString":"ABC"}'), { kind: 'shape', path: `${DATA_PATH}.octetString`, invokeId: 1 }],
    ['non-hex characters', setData('{"octetString":"ZZ"}'), { kind: 'shape', path: `${DATA_PATH}.octetString`, invokeId: 1 }],
    ['BIT STRING length mismatch', setData('{"bitstring":{"value":"A0B0","length":3}}'), { kind: 'range', path: `${DATA_PATH}.bitstring`, invokeId: 1 }],
    ['Data with two alternatives', setData('{"int8":1,"int16":2}'), { kind: 'shape', path: DATA_PATH, invokeId: 1 }],
    ['unknown Data alternative', setData('{"float64":1.0}'), { kind: 'unknownAlternative', path: `${DATA_PATH}.float64`, invokeId: 1 }],
    ['visString64 too long', setData(`{"visString64":"${'é'.repeat(65)}"}`), { kind: 'range', path: `${DATA_PATH}.visString64`, invokeId: 1 }],
    ['bad element deep in a structure', setData('{"structure":{"data":[{"int8":1},{"structure":{"data":[{"boolean":"yes"}]}}]}}'), { kind: 'shape', path: `${DATA_PATH}.structure.data[1].structure.data[0].boolean`, invokeId: 1 }],
    ['EntryID of 7 bytes', req('{"setBRCBValues":{"brcbRef":"LD/LLN0.brcb","entryID":"00000000000001"}}'), { kind: 'range', path: '$.request.service.setBRCBValues.entryID', invokeId: 1 }],
    ['EntryID of 9 bytes', req('{"setBRCBValues":{"brcbRef":"LD/LLN0.brcb","entryID":"000000000000000001"}}'), { kind: 'range', path: '$.request.service.setBRCBValues.entryID', invokeId: 1 }],
    ['orIdent of 63 bytes', operate('"ctlNum":1').replace('0'.repeat(128), '0'.repeat(126)), { kind: 'range', path: '$.request.service.operate.origin.orIdent', invokeId: 1 }],
    ['SEQUENCE OF not an array', req('{"setDataValues":{"ref":{"ref":"x","fc":"sp"},"dataAttrVal":{}}}'), { kind: 'shape', path: '$.request.service.setDataValues.dataAttrVal', invokeId: 1 }],
    ['null for a SEQUENCE', '{"unconfirmed":{"associateId":"a","service":{"report":null}}}', { kind: 'shape', path: '$.unconfirmed.service.report' }],
    ['bad report entry', '{"unconfirmed":{"associateId":"a","service":{"report":{"rptID":"r","entry":{"entryData":[{"dataRef":"x","value":[],"reasonCode":{"dataChange":1}}]}}}}}', { kind: 'shape', path: '$.unconfirmed.service.report.entry.entryData[0].reasonCode.dataChange' }],
    ['bad response body', '{"response":{"associateId":"a","invokeId":4,"service":{"serviceError":"oops"}}}', { kind: 'range', path: '$.response.service.serviceError' }],
  ];

  it.each(cases)('%s', (_name, text, expected) => {
    const error = decodeErr(text);
    expect({ kind: error.kind, path: error.path }).toEqual({ kind: expected.kind, path: expected.path });
    expect(error.invokeId).toBe(expected.invokeId);
    expect(error.message.length).toBeGreaterThan(0);
  });

  it('carries the associateId when it was readable', () => {
    expect(decodeErr(req('{"nope":{}}')).associateId).toBe('a-1');
    expect(decodeErr('{"response":{"associateId":"a-9","invokeId":4,"service":{"x":1}}}')).toMatchObject({ associateId: 'a-9' });
    expect(decodeErr('{"response":{"associateId":"a-9","invokeId":4,"service":{"x":1}}}').invokeId).toBeUndefined();
  });
});

describe('huge nesting never throws', () => {
  it('deeply nested Data structures stop at the depth limit', () => {
    const depth = 5000;
    const data = '{"structure":{"data":['.repeat(depth) + ']}}'.repeat(depth);
    const error = decodeErr(setData(data));
    expect(error.kind).toBe('range');
    expect(error.path.startsWith(`${DATA_PATH}.structure.data[0].structure`)).toBe(true);
    expect(error.message).toMatch(/nesting/);
  });

  it('deeply nested JSON arrays are refused as a shape error', () => {
    expect(decodeErr('['.repeat(100_000) + ']'.repeat(100_000)).kind).toBe('shape');
  });

  it('deep nesting through the big-integer parser is refused as bad JSON', () => {
    const text = `{"x":${'['.repeat(10_000)}12345678901234567890${']'.repeat(10_000)}}`;
    expect(decodeErr(text)).toMatchObject({ kind: 'json', path: '$' });
  });

  it('recursive TypeSpecification too', () => {
    const depth = 2000;
    const spec = '{"array":{"numberOfElements":1,"elementType":'.repeat(depth) + '{"int8":null}' + '}}'.repeat(depth);
    const text = `{"response":{"associateId":"a","invokeId":1,"service":{"getDataDefinition":{"dataAttributeDefinition":[{"daRef":"x","fc":"st","daType":${spec}}]}}}}`;
    expect(decodeErr(text).kind).toBe('range');
  });
});

describe('fuzzing never throws', () => {
  const texts = loadVectors().map((v) => v.text);

  it('mutated golden frames decode or fail with a typed error', () => {
    fc.assert(
      fc.property(fc.constantFrom(...texts), fc.nat(), fc.nat(), fc.string({ maxLength: 8 }), (text, at, len, insert) => {
        const i = at % (text.length + 1);
        const mutated = text.slice(0, i) + insert + text.slice(i + (len % 12));
        const r = decodePdu(mutated);
        if (r.ok) expect(typeof encodePdu(r.value)).toBe('string');
        else expect(['json', 'shape', 'range', 'unknownAlternative']).toContain(r.error.kind);
      }),
      { numRuns: 2000 },
    );
  });

  it('arbitrary JSON values never throw', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), (json) => {
        const r = decodePdu(JSON.stringify(json) ?? 'null');
        expect(typeof r.ok).toBe('boolean');
      }),
      { numRuns: 1000 },
    );
  });
});

describe('encoding a value that does not fit its type throws JerEncodeError with the path', () => {
  const base = { request: { associateId: 'a', invokeId: 1, service: { select: { ref: 'x' } } } } as const;
  const bad = (pdu: unknown): JerEncodeError => {
    try {
      encodePdu(pdu as TpaaPdu);
    } catch (e) {
      if (e instanceof JerEncodeError) return e;
      throw e;
    }
    throw new Error('expected encodePdu to throw');
  };

  it('missing field', () => {
    expect(bad({ request: { associateId: 'a', service: base.request.service } }).path).toBe('$.request.invokeId');
  });
  it('integer out of range', () => {
    const t = { secondSinceEpoch: -1, fractionOfSecond: 0, timeQuality: { timeAccuracy: 1 } };
    const e = bad({ unconfirmed: { associateId: 'a', service: { report: { rptID: 'r', entry: { timeOfEntry: t, entryData: [] } } } } });
    expect(e.path).toBe('$.unconfirmed.service.report.entry.timeOfEntry.secondSinceEpoch');
  });
  it('EntryID of the wrong size', () => {
    const e = bad({ request: { associateId: 'a', invokeId: 1, service: { setBRCBValues: { brcbRef: 'x', entryID: new Uint8Array(4) } } } });
    expect(e.path).toBe('$.request.service.setBRCBValues.entryID');
  });
  it('unknown alternative and two alternatives', () => {
    expect(bad({ request: { ...base.request, service: { fly: {} } } }).path).toBe('$.request.service');
    expect(bad({ request: base.request, response: base.request }).path).toBe('$');
  });
  it('REAL given as a string', () => {
    const e = bad({ request: { associateId: 'a', invokeId: 1, service: { setDataValues: { ref: { ref: 'x', fc: 'sp' }, dataAttrVal: [{ data: { float32: '1' } }] } } } });
    expect(e.path).toBe('$.request.service.setDataValues.dataAttrVal[0].data.float32');
  });
});
