// encodePdu / decodePdu: the TpaaPdu envelope to and from JER text. decodePdu never throws; when a
// request fails to decode but its invokeId was readable, the error carries it so the engine can
// answer with serviceError parameterValueInappropriate instead of aborting.
import type { DecodeResult, JerDecodeError } from '../asn1/index.js';
import { encodeJer, isRecord, parseJsonText, toDecodeError } from '../asn1/index.js';
import { TpaaPdu } from '../pdu/index.js';

/** JER text of a PDU. Throws JerEncodeError (with the path) only on a programming error. */
export function encodePdu(pdu: TpaaPdu): string {
  return encodeJer(TpaaPdu, pdu);
}

/** Reads invokeId (a safe integer or numeric string) and associateId from a failed frame. */
function recoverIds(json: unknown, error: JerDecodeError): JerDecodeError {
  if (!isRecord(json)) return error;
  const body = json.request ?? json.response ?? json.unconfirmed;
  if (!isRecord(body)) return error;
  if (typeof body.associateId === 'string') error.associateId = body.associateId;
  if (isRecord(json.request)) {
    const id = typeof body.invokeId === 'string' && /^-?\d{1,15}$/.test(body.invokeId) ? Number(body.invokeId) : body.invokeId;
    if (typeof id === 'number' && Number.isSafeInteger(id)) error.invokeId = id;
  }
  return error;
}

/** Decodes one JER frame into a TpaaPdu. Never throws. */
export function decodePdu(text: string | Buffer): DecodeResult<TpaaPdu> {
  let json: unknown;
  try {
    json = parseJsonText(typeof text === 'string' ? text : text.toString('utf8'));
  } catch (e) {
    return { ok: false, error: toDecodeError(e) };
  }
  try {
    return { ok: true, value: TpaaPdu.dec(json, { depth: 0 }) };
  } catch (e) {
    return { ok: false, error: recoverIds(json, toDecodeError(e)) };
  }
}
