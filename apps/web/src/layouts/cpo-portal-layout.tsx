import { useCurrentUser } from '../auth/current-user.js';
import { PlugIcon, ShieldIcon } from '../components/icons.js';
import { ShellLayout, type NavItem } from './shell-layout.js';

const CPO_ITEMS: NavItem[] = [
  { to: '/portal/charge-points', label: 'Charge points', icon: <PlugIcon /> },
  { to: '/portal/interventions', label: 'Interventions', icon: <ShieldIcon /> },
];

/** The CPO portal: read-only views of the CPO's own charge points; no control-room navigation. */
export function CpoPortalLayout() {
  const user = useCurrentUser();
  return <ShellLayout title={`${user.organisation.name} portal`} navLabel="CPO portal" items={CPO_ITEMS} />;
}
