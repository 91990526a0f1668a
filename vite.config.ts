import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { serviceWorkerBuildId } from './scripts/vite/serviceWorkerBuildId.ts';
import {
  CONTENT_SECURITY_POLICY,
  contentSecurityPolicy,
  DEV_CONTENT_SECURITY_POLICY,
} from './scripts/vite/contentSecurityPolicy.ts';

// Cross-origin isolation lets the wasm backend use threads where the browser allows it.
// Every asset is served from this origin, so `require-corp` costs nothing.
const isolationHeaders = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

export default defineConfig({
  base: './',
  plugins: [react(), serviceWorkerBuildId(), contentSecurityPolicy()],
  server: {
    headers: { ...isolationHeaders, 'Content-Security-Policy': DEV_CONTENT_SECURITY_POLICY },
    port: 5173,
  },
  preview: {
    headers: { ...isolationHeaders, 'Content-Security-Policy': CONTENT_SECURITY_POLICY },
    port: 4173,
  },
  worker: { format: 'es' },
  build: { target: 'es2022', chunkSizeWarningLimit: 4000 },
});
