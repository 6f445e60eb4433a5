/** The renderer's entry: language, connection to core, query cache, then the React tree. */
import './global.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createQueryClient } from './api/ApiProvider.js';
import { connectToCore } from './api/connect.js';
import { App } from './App.js';
import { initI18n } from './i18n/index.js';

const i18n = initI18n();
const connection = connectToCore();
const queryClient = createQueryClient();

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root');
createRoot(container).render(
  <StrictMode>
    <App connection={connection} queryClient={queryClient} direction={i18n.dir(i18n.language)} />
  </StrictMode>,
);
