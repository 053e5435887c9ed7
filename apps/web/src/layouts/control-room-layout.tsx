import { useCurrentUser } from '../auth/current-user.js';
import { AdminIcon, AuditIcon, BellIcon, CommandIcon, GridIcon, PlugIcon } from '../components/icons.js';
import { ShellLayout, type NavItem } from './shell-layout.js';

const DSO_ITEMS: NavItem[] = [
  { to: '/grid', label: 'Grid', icon: <GridIcon /> },
  { to: '/charge-points', label: 'Charge points', icon: <PlugIcon /> },
  { to: '/alarms', label: 'Alarms', icon: <BellIcon /> },
  { to: '/commands', label: 'Commands', icon: <CommandIcon /> },
  { to: '/audit', label: 'Audit', icon: <AuditIcon /> },
];
const ADMIN_ITEM: NavItem = { to: '/admin', label: 'Admin', icon: <AdminIcon /> };

/** The DSO control room: grid, charge points, alarms, commands, audit (and admin for admins). */
export function ControlRoomLayout() {
  const user = useCurrentUser();
  const items = user.role === 'admin' ? [...DSO_ITEMS, ADMIN_ITEM] : DSO_ITEMS;
  return <ShellLayout title="Grid Console" navLabel="Control room" items={items} />;
}
