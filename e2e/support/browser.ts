/** The browser finder moved to core (core/common/chromium.ts), which prints reports with it; kept here for the tests' imports. */
export { CHROMIUM_MISSING, chromiumLaunchOptions, findChromium } from '../../core/common/chromium.js';
