import type { Feature } from '../../shell/feature.js';

// The settings screens are added here.
export const settingsFeature: Feature = { routes: [], nav: [] };
