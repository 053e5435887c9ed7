import { describe, expect, it } from 'vitest';
import { EMPTY_TOKEN_FORM, tokenInput, validateTokenForm } from '../src/pages/admin/token-form.js';
import { credentialState } from '../src/pages/admin/device-tokens.js';

describe('issue token form', () => {
  it('says what is wrong next to each field before sending', () => {
    const errors = validateTokenForm({ ...EMPTY_TOKEN_FORM, accessPointId: 'bad id!', expiresInDays: '0' });
    expect(errors.accessPointId).toMatch(/letters, digits/);
    expect(errors.organisationId).toMatch(/Choose the charge point operator/);
    expect(errors.expiresInDays).toMatch(/whole number/);
    expect(validateTokenForm({ ...EMPTY_TOKEN_FORM }).accessPointId).toMatch(/Give the access point id/);
  });
  it('sends trimmed values and leaves out empty optional ones', () => {
    const form = { ...EMPTY_TOKEN_FORM, accessPointId: ' VC-0042 ', organisationId: 'voltcharge', expiresInDays: '30' };
    expect(validateTokenForm(form)).toEqual({});
    expect(tokenInput(form)).toEqual({ accessPointId: 'VC-0042', kind: 'chargePoint', organisationId: 'voltcharge', expiresInDays: 30 });
  });
  it('names a credential active, revoked or expired', () => {
    expect(credentialState({ revokedAt: null, expiresAt: null }, 0)).toBe('active');
    expect(credentialState({ revokedAt: new Date(0).toISOString(), expiresAt: null }, 0)).toBe('revoked');
    expect(credentialState({ revokedAt: null, expiresAt: new Date(5).toISOString() }, 10)).toBe('expired');
  });
});
