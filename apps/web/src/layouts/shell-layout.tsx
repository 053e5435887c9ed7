// The Mantine AppShell both layouts share: header, side navigation, main area with the live banner.
import type { ReactNode } from 'react';
import { AppShell, NavLink, ScrollArea } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Link, Outlet, useLocation } from 'react-router';
import { AppHeader } from './app-header.js';
import { ConnectionBanner } from './connection-banner.js';

export interface NavItem {
  to: string;
  label: string;
  icon: ReactNode;
  description?: string;
}

interface ShellLayoutProps {
  title: string;
  navLabel: string;
  items: NavItem[];
}

function isActiveLink(pathname: string, to: string): boolean {
  return pathname === to || pathname.startsWith(`${to}/`);
}

export function ShellLayout({ title, navLabel, items }: ShellLayoutProps) {
  const [opened, { toggle, close }] = useDisclosure(false);
  const { pathname } = useLocation();
  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="md"
    >
      <a className="skip-link" href="#main-content">
        Skip to content
      </a>
      <AppShell.Header>
        <AppHeader title={title} navOpened={opened} onToggleNav={toggle} />
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label={navLabel} component="nav">
        <ScrollArea>
          {items.map((item) => (
            <NavLink
              key={item.to}
              component={Link}
              to={item.to}
              label={item.label}
              leftSection={item.icon}
              active={isActiveLink(pathname, item.to)}
              aria-current={isActiveLink(pathname, item.to) ? 'page' : undefined}
              onClick={close}
            />
          ))}
        </ScrollArea>
      </AppShell.Navbar>
      <AppShell.Main id="main-content" tabIndex={-1}>
        <ConnectionBanner />
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
