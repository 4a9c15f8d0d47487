/**
 * The renderer's entry: global styles, then the app.
 */
// First: zod must be told not to probe for eval before any schema parses.
import './zod-config';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
// Stylesheet order is cascade order: tokens and element defaults first, then the components'
// own sheets (imported by the components, through App), then print overrides last of all.
import './styles/fonts.css';
import './styles/tokens.css';
import './styles/base.css';
import { App } from './App';
import './styles/print.css';

const root = document.getElementById('root');
if (!root) throw new Error('renderer: #root is missing from index.html');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
