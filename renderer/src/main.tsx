// The global styles come first so each screen's own CSS can refine them.
import './styles/global.css';
import './styles/layout.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { useI18n } from './i18n';

document.documentElement.lang = useI18n.getState().language;
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
