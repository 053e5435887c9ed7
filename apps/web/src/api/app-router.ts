// The one place the web app learns the server's API type (type-only: nothing of the server is bundled).
export type { AppRouter } from '@dso/server/router';
