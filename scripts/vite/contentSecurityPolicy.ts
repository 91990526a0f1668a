/**
 * The app's Content-Security-Policy, in one place: only this origin, plus what tfjs needs
 * ('wasm-unsafe-eval' to compile its WebAssembly, blob: workers, and blob: scripts: each of the threaded
 * wasm build's pthread workers loads the Emscripten glue with importScripts(blob:), which a worker checks
 * against script-src; a blob: URL can only be made by a script this policy already let run) and the pictures the app makes itself
 * (data:/blob: URLs for downloads and canvases). Inline styles stay allowed: React and d3 set `style`
 * attributes. Built pages carry it as a <meta> (static hosts send no headers of ours); `vite preview`
 * sends it as a header too. `vite dev` adds 'unsafe-inline' scripts for its hot-reload preamble only.
 */
import type { Plugin } from 'vite';

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval' blob:",
  "worker-src 'self' blob:",
  "connect-src 'self'",
  "img-src 'self' data: blob:",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self'",
  // The web app manifest and its icons (installing the app) come from this origin only.
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

/** What `vite dev` needs on top: its inline module preamble and the websocket for hot reload. */
export const DEV_CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY.replace(
  "script-src 'self' 'wasm-unsafe-eval' blob:",
  "script-src 'self' 'wasm-unsafe-eval' blob: 'unsafe-inline'",
).replace("connect-src 'self'", "connect-src 'self' ws: wss:");

/** Puts the policy into the built index.html as a <meta> tag. */
export function contentSecurityPolicy(): Plugin {
  return {
    name: 'cnn-studio:content-security-policy',
    apply: 'build',
    transformIndexHtml() {
      return [
        {
          tag: 'meta',
          attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY },
          injectTo: 'head-prepend',
        },
      ];
    },
  };
}
