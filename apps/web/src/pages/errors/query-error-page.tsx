import { Alert, Button, Group } from '@mantine/core';
import { apiErrorCode, apiErrorMessage } from '../../api/errors.js';
import { ForbiddenPage } from './forbidden-page.js';
import { NotFoundPage } from './not-found-page.js';
import { PageLoader } from '../../components/page-loader.js';

interface QueryErrorPageProps {
  error: unknown;
  onRetry?: () => void;
  backTo?: string;
  backLabel?: string;
}

/** What a page shows when its main query failed, chosen by the server's error code. */
export function QueryErrorPage({
  error,
  onRetry,
  backTo = '/',
  backLabel = 'Go to the start page',
}: QueryErrorPageProps) {
  const code = apiErrorCode(error);
  if (code === 'UNAUTHORIZED') return <PageLoader label="Your session has ended; opening the login page" />;
  if (code === 'FORBIDDEN') {
    return (
      <ForbiddenPage
        title="Not available to you"
        message={apiErrorMessage(error)}
        backTo={backTo}
        backLabel={backLabel}
      />
    );
  }
  if (code === 'NOT_FOUND') {
    return (
      <NotFoundPage
        title="Not found"
        message={apiErrorMessage(error)}
        backTo={backTo}
        backLabel={backLabel}
      />
    );
  }
  return (
    <Alert color="red" title="This page could not be loaded" mt="md" role="alert">
      {apiErrorMessage(error)}
      {onRetry && (
        <Group mt="sm">
          <Button size="xs" variant="light" color="red" onClick={onRetry}>
            Try again
          </Button>
        </Group>
      )}
    </Alert>
  );
}
