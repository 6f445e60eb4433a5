import { IconFileImport } from '@tabler/icons-react';
import type { Feature } from '../../shell/feature.js';
import { ImportPage } from './ImportPage.js';

/** Spreadsheet import (the wizard); its buttons and the list exports sit on the list pages. */
export const importFeature: Feature = {
  routes: [{ path: 'import', element: <ImportPage /> }],
  nav: [{ to: '/import', labelKey: 'import.nav', icon: IconFileImport, permission: 'import.run', order: 80 }],
};
