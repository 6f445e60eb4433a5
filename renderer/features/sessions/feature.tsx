import type { Feature } from '../../shell/feature.js';

// The sessions screens are added here.
export const sessionsFeature: Feature = { routes: [], nav: [] };
