import { Button, EmptyState } from '@mantine/core';
import { Link } from 'react-router';
import { ShieldIcon } from '../../components/icons.js';

interface ForbiddenPageProps {
  title: string;
  message: string;
  backTo: string;
  backLabel: string;
}

/** HTTP 403 in words: what is refused, why, and a way back. */
export function ForbiddenPage({ title, message, backTo, backLabel }: ForbiddenPageProps) {
  return (
    <EmptyState
      mt="xl"
      color="orange"
      icon={<ShieldIcon size={28} />}
      title={title}
      description={message}
      data-testid="forbidden-page"
    >
      <Button component={Link} to={backTo} variant="light">
        {backLabel}
      </Button>
    </EmptyState>
  );
}
