import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { useI18n } from './i18n';
import './styles/global.css';
import './styles/layout.css';

document.documentElement.lang = useI18n.getState().language;
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
