/** Every screen area of the signed-in app. */
import { dashboardFeature } from '../features/dashboard/feature.js';
import { importFeature } from '../features/import/feature.js';
import { mentorsFeature } from '../features/mentors/feature.js';
import { programmesFeature } from '../features/programmes/feature.js';
import { reportsFeature } from '../features/reports/feature.js';
import { sessionsFeature } from '../features/sessions/feature.js';
import { settingsFeature } from '../features/settings/feature.js';
import { startupsFeature } from '../features/startups/feature.js';
import { syncFeature } from '../features/sync/feature.js';
import { traineesFeature } from '../features/trainees/feature.js';
import type { Feature, NavItem, Shortcut } from './feature.js';

export const features: Feature[] = [
  dashboardFeature,
  startupsFeature,
  mentorsFeature,
  sessionsFeature,
  traineesFeature,
  programmesFeature,
  reportsFeature,
  importFeature,
  syncFeature,
  settingsFeature,
];

export const navigation: NavItem[] = features.flatMap((f) => f.nav).sort((a, b) => a.order - b.order);

export const globalComponents = features.flatMap((f) => (f.global ? [f.global] : []));
export const shortcuts: Shortcut[] = features.flatMap((f) => f.shortcuts ?? []);
