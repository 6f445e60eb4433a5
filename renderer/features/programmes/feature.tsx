import type { Feature } from '../../shell/feature.js';

// The programmes screens are added here.
export const programmesFeature: Feature = { routes: [], nav: [] };
