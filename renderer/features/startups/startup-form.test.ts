import { describe, expect, it } from 'vitest';
import type { Startup } from '../../../shared/records/startups.js';
import { createStartupInput, emptyStartupForm, startupFormValues, updateStartupPatch } from './startup-form.js';
import { listInput } from './list-params.js';

const startup: Startup = {
  id: '01900000-0000-7000-8000-000000000001',
  centreId: '01900000-0000-7000-8000-000000000002',
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  deleted: false,
  name: 'Sehat Kahani',
  sector: 'healthtech',
  stage: 'incubated',
  cohortId: null,
  foundedOn: null,
  website: 'https://sehat.example.pk',
  description: null,
  womenLed: true,
  city: 'Karachi',
  contactEmail: null,
  contactPhone: null,
  registrationNo: null,
};

describe('startup form', () => {
  it('sends only filled fields on create', () => {
    expect(createStartupInput({ ...emptyStartupForm, name: 'Khet', sector: 'agritech', city: '  ' })).toEqual({
      name: 'Khet',
      sector: 'agritech',
      stage: 'applied',
      womenLed: false,
    });
  });

  it('patches only what changed, and an emptied field clears it', () => {
    const values = { ...startupFormValues(startup), city: 'Lahore', website: '', foundedOn: '2024-03-01' };
    expect(updateStartupPatch(values, startup)).toEqual({ city: 'Lahore', website: null, foundedOn: '2024-03-01' });
    expect(updateStartupPatch(startupFormValues(startup), startup)).toEqual({});
  });
});

describe('startups list input', () => {
  it('turns the address parameters into the list call', () => {
    expect(
      listInput({
        search: ' khet ',
        stage: 'applied',
        sector: null,
        womenLed: true,
        cohortId: null,
        sort: { field: 'name', direction: 'desc' },
        page: 3,
        pageSize: 25,
      }),
    ).toEqual({
      search: 'khet',
      filter: { stage: 'applied', womenLed: true },
      sort: { field: 'name', direction: 'desc' },
      limit: 25,
      offset: 50,
    });
    expect(
      listInput({ search: '', stage: null, sector: null, womenLed: null, cohortId: null, sort: null, page: 1, pageSize: 50 }),
    ).toEqual({
      limit: 50,
      offset: 0,
    });
  });
});
