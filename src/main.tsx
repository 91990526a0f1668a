import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { startApp } from './startApp';
import './styles/tokens.css';
import './styles/controls.css';
import './styles.css';
import './styles/shell.css';
import './styles/home.css';
import './styles/layout.css';
import './styles/present.css';
import './styles/presentLessons.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
void startApp();
