import type { Feature } from '../../shell/feature.js';

// The dashboard screens are added here.
export const dashboardFeature: Feature = { routes: [], nav: [] };
