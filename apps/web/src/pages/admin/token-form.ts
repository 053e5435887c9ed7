// The "issue a device token" form: values, validation before sending (messages next to the field).
export interface TokenForm {
  accessPointId: string;
  kind: 'chargePoint' | 'cpoGateway';
  organisationId: string;
  label: string;
  expiresInDays: string;
}

export const EMPTY_TOKEN_FORM: TokenForm = { accessPointId: '', kind: 'chargePoint', organisationId: '', label: '', expiresInDays: '' };

export type TokenFormErrors = Partial<Record<keyof TokenForm, string>>;

export function validateTokenForm(f: TokenForm): TokenFormErrors {
  const errors: TokenFormErrors = {};
  const ap = f.accessPointId.trim();
  if (!ap) errors.accessPointId = 'Give the access point id the device dials in with (e.g. VC-0042).';
  else if (!/^[\w.-]{1,64}$/.test(ap)) errors.accessPointId = 'Use letters, digits, "-", "_" or "." (at most 64).';
  if (!f.organisationId) errors.organisationId = 'Choose the charge point operator that owns the device.';
  if (f.label.trim().length > 100) errors.label = 'At most 100 characters.';
  if (f.expiresInDays.trim()) {
    const days = Number(f.expiresInDays);
    if (!Number.isInteger(days) || days < 1 || days > 3650) errors.expiresInDays = 'A whole number of days from 1 to 3650, or empty for no expiry.';
  }
  return errors;
}

export function tokenInput(f: TokenForm) {
  const label = f.label.trim();
  const days = f.expiresInDays.trim();
  return {
    accessPointId: f.accessPointId.trim(),
    kind: f.kind,
    organisationId: f.organisationId,
    ...(label ? { label } : {}),
    ...(days ? { expiresInDays: Number(days) } : {}),
  };
}
