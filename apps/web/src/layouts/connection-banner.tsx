import { Alert } from '@mantine/core';
import { useLiveConnection } from '../api/live-connection.js';

/** Shown while the live WebSocket is lost; it reconnects by itself and the banner goes away. */
export function ConnectionBanner() {
  const state = useLiveConnection();
  if (state !== 'lost') return null;
  return (
    <Alert color="yellow" mb="md" title="Live connection lost" role="status" data-testid="connection-banner">
      Live values are paused. Reconnecting by itself — nothing to do; the figures resume when it is back.
    </Alert>
  );
}
