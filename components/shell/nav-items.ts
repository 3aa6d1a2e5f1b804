import { Boxes, CalendarClock, FileText, Megaphone, Radio, Store, Users } from 'lucide-react';

/** The sidebar, in order; `key` is both the messages key (nav.*) and the route segment owner. */
export const NAV_ITEMS = [
  { key: 'instances', href: '/instances', icon: Radio },
  { key: 'stores', href: '/stores', icon: Store },
  { key: 'events', href: '/events', icon: Boxes },
  { key: 'conversions', href: '/conversions', icon: Megaphone },
  { key: 'sends', href: '/sends', icon: CalendarClock },
  { key: 'templates', href: '/templates', icon: FileText },
  { key: 'members', href: '/settings/members', icon: Users },
] as const;


