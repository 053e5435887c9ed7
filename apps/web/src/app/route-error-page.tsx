import { Button, Center, EmptyState } from '@mantine/core';
import { isRouteErrorResponse, useRouteError } from 'react-router';

/** Last resort when a page throws while rendering: say so plainly and offer a reload. */
export function RouteErrorPage() {
  const error = useRouteError();
  const detail = isRouteErrorResponse(error)
    ? `${error.status} ${error.statusText}`
    : error instanceof Error
      ? error.message
      : '';
  return (
    <Center mih="60vh">
      <EmptyState
        color="red"
        title="This page stopped working"
        description={`Something unexpected happened while showing this page${detail ? ` (${detail})` : ''}. Reloading usually helps; if it keeps happening, tell your administrator.`}
      >
        <Button onClick={() => window.location.reload()}>Reload the page</Button>
      </EmptyState>
    </Center>
  );
}
