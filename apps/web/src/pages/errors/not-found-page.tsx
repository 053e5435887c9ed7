import { Button, EmptyState } from '@mantine/core';
import { Link } from 'react-router';

interface NotFoundPageProps {
  title?: string;
  message?: string;
  backTo?: string;
  backLabel?: string;
}

/** HTTP 404 in words, with a way back. */
export function NotFoundPage({
  title = 'Page not found',
  message = 'There is no page at this address. It may have moved, or the link may be mistyped.',
  backTo = '/',
  backLabel = 'Go to the start page',
}: NotFoundPageProps) {
  return (
    <EmptyState mt="xl" title={title} description={message} data-testid="not-found-page">
      <Button component={Link} to={backTo} variant="light">
        {backLabel}
      </Button>
    </EmptyState>
  );
}
