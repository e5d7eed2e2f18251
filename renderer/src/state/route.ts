import { create } from 'zustand';

export const ROUTES = [
  'till',
  'cash',
  'sales',
  'products',
  'customers',
  'reports',
  'settings',
] as const;
export type RouteName = (typeof ROUTES)[number];

export interface Route {
  readonly name: RouteName;
  /** What follows the name: a sale id, a product id… */
  readonly param: string | null;
}

function parse(hash: string): Route {
  const [name, param] = hash.replace(/^#\/?/, '').split('/');
  return (ROUTES as readonly string[]).includes(name ?? '')
    ? { name: name as RouteName, param: param ? decodeURIComponent(param) : null }
    : { name: 'till', param: null };
}

interface RouteState {
  readonly route: Route;
  navigate(name: RouteName, param?: string | null): void;
}

/** A hash router: #/till, #/sales/<id>… Reloading keeps the screen. */
export const useRoute = create<RouteState>((set) => ({
  route: typeof location === 'undefined' ? { name: 'till', param: null } : parse(location.hash),
  navigate(name, param = null) {
    const hash = `#/${name}${param ? `/${encodeURIComponent(param)}` : ''}`;
    if (location.hash !== hash) location.hash = hash;
    set({ route: { name, param } });
  },
}));

if (typeof window !== 'undefined') {
  window.addEventListener('hashchange', () => useRoute.setState({ route: parse(location.hash) }));
}
