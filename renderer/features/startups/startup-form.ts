/**
 * The startup form's values and how they become the inputs of startups.create and
 * startups.update. Only shape conversions live here (empty text → no value); every rule
 * about the values is core's.
 */
import type { InputOf } from '../../../shared/api/index.js';
import type { Sector, Stage, Startup } from '../../../shared/records/startups.js';
import { blankToNull, changedFields } from '../../api/forms.js';

export interface StartupFormValues extends Record<string, unknown> {
  name: string;
  sector: Sector | null;
  stage: Stage | null;
  website: string;
  city: string;
  /** YYYY-MM-DD, '' for not recorded, or what was typed that is not a date. */
  foundedOn: string;
  womenLed: boolean;
  description: string;
}

export const emptyStartupForm: StartupFormValues = {
  name: '',
  sector: null,
  stage: 'applied',
  website: '',
  city: '',
  foundedOn: '',
  womenLed: false,
  description: '',
};

export function startupFormValues(startup: Startup): StartupFormValues {
  return {
    name: startup.name,
    sector: startup.sector,
    stage: startup.stage,
    website: startup.website ?? '',
    city: startup.city ?? '',
    foundedOn: startup.foundedOn ?? '',
    womenLed: startup.womenLed,
    description: startup.description ?? '',
  };
}

function stored(values: StartupFormValues) {
  return {
    name: values.name,
    sector: values.sector ?? undefined,
    stage: values.stage ?? undefined,
    website: blankToNull(values.website),
    city: blankToNull(values.city),
    foundedOn: blankToNull(values.foundedOn),
    womenLed: values.womenLed,
    description: blankToNull(values.description),
  };
}

export function createStartupInput(values: StartupFormValues): InputOf<'startups.create'> {
  const v = stored(values);
  // Left-out optional fields are simply not sent; a missing sector is core's to refuse.
  return Object.fromEntries(
    Object.entries(v).filter(([, value]) => value !== null && value !== undefined),
  ) as InputOf<'startups.create'>;
}

/** The patch for startups.update: only the fields the user changed. */
export function updateStartupPatch(values: StartupFormValues, startup: Startup): InputOf<'startups.update'>['patch'] {
  const next = stored(values);
  const patch = changedFields(next, {
    name: startup.name,
    sector: startup.sector,
    stage: startup.stage,
    website: startup.website,
    city: startup.city,
    foundedOn: startup.foundedOn,
    womenLed: startup.womenLed,
    description: startup.description,
  });
  return Object.fromEntries(
    Object.entries(patch).filter(([, value]) => value !== undefined),
  ) as InputOf<'startups.update'>['patch'];
}
