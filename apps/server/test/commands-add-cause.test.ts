import { ControlServiceStatusKind, ServiceStatusKind } from '@dso/iec61850';
import { describe, expect, it } from 'vitest';
import { addCauseInWords, refusalInWords, serviceErrorInWords } from '../src/features/commands/add-cause.js';

describe('AddCause and ServiceError in words', () => {
  it('has words for every ControlServiceStatusKind and ServiceStatusKind', () => {
    const addCauses = (ControlServiceStatusKind.def as { names: readonly ControlServiceStatusKind[] }).names;
    const serviceErrors = (ServiceStatusKind.def as { names: readonly ServiceStatusKind[] }).names;
    expect(addCauses).toHaveLength(28);
    for (const kind of addCauses) expect(addCauseInWords(kind).length).toBeGreaterThan(10);
    for (const kind of serviceErrors) expect(serviceErrorInWords(kind).length).toBeGreaterThan(5);
  });

  it('speaks the operator\'s language', () => {
    expect(addCauseInWords('blockedByMode')).toBe('the charge point is blocked or switched off (LLN0.Mod)');
    expect(addCauseInWords('inconsistentParameters')).toBe('the value is outside what the device accepts');
    expect(addCauseInWords('timeLimitOver')).toMatch(/selection timed out/);
  });

  it('combines AddCause, ServiceError and stage', () => {
    expect(refusalInWords({ addCause: 'blockedByMode', serviceError: 'accessNotAllowedInCurrentState', stage: 'operate' })).toBe(
      'the charge point is blocked or switched off (LLN0.Mod); the device does not allow this in its current state (at operate)',
    );
    expect(refusalInWords({ addCause: 'none' })).toBe('the device refused without giving a reason');
  });
});
