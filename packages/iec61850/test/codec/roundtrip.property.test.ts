import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AnySchema, Schema } from '../../src/asn1/index.js';
import { decodeJer, decodeJerText, encodeJer } from '../../src/asn1/index.js';
import { decodePdu, encodePdu } from '../../src/codec/index.js';
import type { TpaaPdu } from '../../src/pdu/index.js';
import {
  AssociateID, AssociateServiceType, Data, InvokeID, Quality, RequestServiceType, ResponseServiceType, TimeStamp,
  TypeSpecification, UnconfirmedServiceType,
} from '../../src/pdu/index.js';
import { arbitraryOf } from './arbitrary.js';

const NUM_RUNS = 40;

function alternativesOf(s: AnySchema): [string, AnySchema][] {
  if (s.def.kind !== 'choice') throw new Error('not a CHOICE');
  return [...s.def.alternatives.entries()];
}

const associateId = arbitraryOf(AssociateID);
const invokeId = arbitraryOf(InvokeID);

/** Every message type: one arbitrary of whole PDUs per alternative of each service CHOICE. */
const messageTypes: [string, fc.Arbitrary<TpaaPdu>][] = [
  ...alternativesOf(AssociateServiceType).map(([k, s]) => [`associate.${k}`, arbitraryOf(s as Schema<unknown>).map((v) => ({ associate: { service: { [k]: v } } }) as unknown as TpaaPdu)] as [string, fc.Arbitrary<TpaaPdu>]),
  ...alternativesOf(RequestServiceType).map(([k, s]) => [
    `request.${k}`,
    fc.tuple(associateId, invokeId, arbitraryOf(s as Schema<unknown>)).map(([a, i, v]) => ({ request: { associateId: a, invokeId: i, service: { [k]: v } } }) as unknown as TpaaPdu),
  ] as [string, fc.Arbitrary<TpaaPdu>]),
  ...alternativesOf(ResponseServiceType).map(([k, s]) => [
    `response.${k}`,
    fc.tuple(associateId, invokeId, arbitraryOf(s as Schema<unknown>)).map(([a, i, v]) => ({ response: { associateId: a, invokeId: i, service: { [k]: v } } }) as unknown as TpaaPdu),
  ] as [string, fc.Arbitrary<TpaaPdu>]),
  ...alternativesOf(UnconfirmedServiceType).map(([k, s]) => [
    `unconfirmed.${k}`,
    fc.tuple(associateId, arbitraryOf(s as Schema<unknown>)).map(([a, v]) => ({ unconfirmed: { associateId: a, service: { [k]: v } } }) as unknown as TpaaPdu),
  ] as [string, fc.Arbitrary<TpaaPdu>]),
];

describe('property: decode(encode(x)) equals x for every message type', () => {
  it('covers all 64 message types', () => {
    expect(messageTypes.length).toBe(64);
  });

  it.each(messageTypes)('%s', (_name, arb) => {
    fc.assert(
      fc.property(arb, (pdu) => {
        const text = encodePdu(pdu);
        const r = decodePdu(text);
        if (!r.ok) throw new Error(`${r.error.path}: ${r.error.message}\n${text}`);
        expect(r.value).toEqual(pdu);
        expect(encodePdu(r.value)).toBe(text);
      }),
      { numRuns: NUM_RUNS },
    );
  });
});

describe('property: the generic codec on single types', () => {
  const types: [string, Schema<unknown>][] = [
    ['Data', Data as Schema<unknown>],
    ['TypeSpecification', TypeSpecification as Schema<unknown>],
    ['Quality', Quality as Schema<unknown>],
    ['TimeStamp', TimeStamp as Schema<unknown>],
  ];
  it.each(types)('%s round-trips through text and through parsed JSON', (_name, schema) => {
    fc.assert(
      fc.property(arbitraryOf(schema, { maxDepth: 4 }), (value) => {
        const text = encodeJer(schema, value);
        const fromText = decodeJerText(schema, text);
        expect(fromText).toEqual({ ok: true, value });
        if (!/\d{16}/.test(text)) expect(decodeJer(schema, JSON.parse(text))).toEqual({ ok: true, value });
      }),
      { numRuns: 200 },
    );
  });
});
