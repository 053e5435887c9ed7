// Header shared by the control room and the CPO portal: title, who is logged in, theme, logout.
import {
  ActionIcon,
  Badge,
  Burger,
  Button,
  Group,
  Text,
  Tooltip,
  UnstyledButton,
  useComputedColorScheme,
  useMantineColorScheme,
} from '@mantine/core';
import { Link } from 'react-router';
import { ROLE_LABEL, useCurrentUser } from '../auth/current-user.js';
import { BoltIcon, LogoutIcon, MoonIcon, SunIcon } from '../components/icons.js';
import { useLogout } from './use-logout.js';

interface AppHeaderProps {
  title: string;
  navOpened: boolean;
  onToggleNav: () => void;
}

function ThemeToggle() {
  const { setColorScheme } = useMantineColorScheme();
  const scheme = useComputedColorScheme('light');
  const next = scheme === 'dark' ? 'light' : 'dark';
  const label = `Switch to ${next} theme`;
  return (
    <Tooltip label={label}>
      <ActionIcon variant="default" size="lg" aria-label={label} onClick={() => setColorScheme(next)}>
        {scheme === 'dark' ? <SunIcon /> : <MoonIcon />}
      </ActionIcon>
    </Tooltip>
  );
}

export function AppHeader({ title, navOpened, onToggleNav }: AppHeaderProps) {
  const user = useCurrentUser();
  const logout = useLogout();
  return (
    <Group h="100%" px="md" justify="space-between" wrap="nowrap">
      <Group gap="sm" wrap="nowrap">
        <Burger
          opened={navOpened}
          onClick={onToggleNav}
          hiddenFrom="sm"
          size="sm"
          aria-label="Toggle navigation"
        />
        <UnstyledButton component={Link} to="/" aria-label={`${title}: start page`}>
          <Group gap={6} wrap="nowrap">
            <BoltIcon size={22} />
            <Text fw={700} size="lg" data-testid="app-title">
              {title}
            </Text>
          </Group>
        </UnstyledButton>
      </Group>
      <Group gap="sm" wrap="nowrap">
        <Group gap={8} wrap="nowrap" data-testid="current-user">
          <Text size="sm" fw={500} visibleFrom="xs">
            {user.displayName}
          </Text>
          <Badge variant="light" color="gray" data-testid="current-role">
            {ROLE_LABEL[user.role]}
          </Badge>
        </Group>
        <ThemeToggle />
        <Button
          variant="default"
          leftSection={<LogoutIcon size={16} />}
          loading={logout.isPending}
          onClick={() => logout.mutate()}
        >
          Log out
        </Button>
      </Group>
    </Group>
  );
}
