// Domain vocabulary shared with the web app (no server dependencies: safe to bundle in a browser).
export * from './evse-status.js';
