import { describe, expect, it } from 'vitest';
import { ApiFailure } from '../../shared/api/errors.js';
import { changedFields, mapFailureToFields } from './forms.js';

const invalid = (issues: { path: (string | number)[]; message: string }[]) =>
  new ApiFailure({ code: 'invalid', message: issues[0]?.message ?? '', issues });

describe('mapFailureToFields', () => {
  const fields = ['name', 'website', 'email', 'password'] as const;

  it('puts each issue beside its field, under the call path prefix', () => {
    const mapped = mapFailureToFields(invalid([{ path: ['patch', 'website'], message: 'Must be a web address' }]), fields, {
      pathPrefix: ['patch'],
    });
    expect(mapped).toEqual({ fieldErrors: { website: 'Must be a web address' }, formError: null });
  });

  it('renames input fields to form fields', () => {
    const mapped = mapFailureToFields(invalid([{ path: ['managerPassword'], message: 'Use at least 12 characters' }]), fields, {
      fieldOf: { managerPassword: 'password' },
    });
    expect(mapped.fieldErrors).toEqual({ password: 'Use at least 12 characters' });
  });

  it('shows issues about no field of the form at the top', () => {
    const mapped = mapFailureToFields(invalid([{ path: ['cohortId'], message: 'No cohort with this id' }]), fields);
    expect(mapped).toEqual({ fieldErrors: {}, formError: 'No cohort with this id' });
  });

  it('shows a conflict beside the field it names', () => {
    const failure = new ApiFailure({ code: 'conflict', message: 'Email already used: Sara', field: 'patch.email' });
    expect(mapFailureToFields(failure, fields, { pathPrefix: ['patch'] }).fieldErrors).toEqual({
      email: 'Email already used: Sara',
    });
  });

  it('shows other failures as the form message, and wraps stray errors', () => {
    expect(
      mapFailureToFields(new ApiFailure({ code: 'forbidden', message: 'Not allowed', permission: 'x' }), fields).formError,
    ).toBe('Not allowed');
    expect(mapFailureToFields(new Error('boom'), fields).formError).toBe('boom');
  });

  it('rewords messages with describeIssue', () => {
    const mapped = mapFailureToFields(invalid([{ path: ['name'], message: 'raw' }]), fields, { describeIssue: () => 'nice' });
    expect(mapped.fieldErrors).toEqual({ name: 'nice' });
  });
});

describe('changedFields', () => {
  it('keeps only what differs', () => {
    expect(changedFields({ a: 1, b: 'x', c: null }, { a: 1, b: 'y', c: null })).toEqual({ b: 'x' });
  });
});
