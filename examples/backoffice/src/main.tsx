import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { model } from '@ra-sales/domain/client';
import { preloadSalesRoute } from '@ra-sales/ui';
import { App } from './App.js';

const render = () =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );

// The first screen's code first (index.html preloads it alongside this script), so that the first
// render shows that screen with the layout. A failed load is tried again when the screen renders.
void preloadSalesRoute(model, window.location.hash.slice(1)).then(render, render);
