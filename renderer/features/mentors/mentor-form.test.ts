import { describe, expect, it } from 'vitest';
import type { Mentor } from '../../../shared/records/mentors.js';
import { createMentorInput, emptyMentorForm, mentorFormValues, updateMentorPatch } from './mentor-form.js';

const mentor: Mentor = {
  id: 'm1',
  centreId: 'c1',
  name: 'Sara Ahmed',
  organisation: null,
  expertise: ['pricing', 'fintech'],
  city: 'London',
  country: 'United Kingdom',
  timeZone: 'Europe/London',
  email: 'sara@example.com',
  phone: '+44*******89',
  availability: null,
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
  deleted: false,
} as Mentor;

describe('mentor form', () => {
  it('leaves empty optional fields out of a create', () => {
    const input = createMentorInput({ ...emptyMentorForm, name: 'Ali', expertise: ['ai'] });
    expect(input).toEqual({ name: 'Ali', expertise: ['ai'], country: 'Pakistan', timeZone: 'Asia/Karachi' });
  });

  it('patches only what changed, and an emptied field clears it', () => {
    const values = mentorFormValues(mentor);
    expect(updateMentorPatch(values, mentor)).toEqual({});
    expect(updateMentorPatch({ ...values, city: '', expertise: ['pricing'] }, mentor)).toEqual({
      city: null,
      expertise: ['pricing'],
    });
  });
});
