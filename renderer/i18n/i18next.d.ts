/** Types t() keys from the English resources: a missing key is a compile error. */
import 'i18next';
import type { defaultNS, resources } from './index.js';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: typeof defaultNS;
    resources: (typeof resources)['en'];
  }
}
