import { useEffect, useState } from 'react';
import type { Role } from '../../../../core/api/model';
import { api } from '../../api/client';
import { hasRole, useSession } from '../../state/session';

export interface Person {
  readonly id: number;
  readonly name: string;
  readonly role: Role;
  readonly active: boolean;
}

/**
 * The store's users, for the cashier filter, the names behind a void or an
 * edit, and who may authorize. An admin sees former users too (users.list);
 * everyone else the active ones (users.names).
 */
export function usePeople(): readonly Person[] {
  const admin = useSession((s) => hasRole(s.actor, 'admin'));
  const [people, setPeople] = useState<readonly Person[]>([]);
  useEffect(() => {
    let live = true;
    const load = async (): Promise<Person[]> => {
      if (admin) {
        const all = await api.call('users.list', {});
        if (all.ok)
          return all.value.map(({ id, name, role, active }) => ({ id, name, role, active }));
      }
      const names = await api.call('users.names', {});
      return names.ok
        ? names.value.map(({ id, name, role }) => ({ id, name, role: role as Role, active: true }))
        : [];
    };
    void load().then((list) => {
      if (live) setPeople(list);
    });
    return () => {
      live = false;
    };
  }, [admin]);
  return people;
}

export function nameOf(people: readonly Person[], id: number | null): string {
  if (id === null) return '—';
  return people.find((p) => p.id === id)?.name ?? `#${id}`;
}

/** Who can authorize a void or a return at the till. */
export function authorizers(people: readonly Person[]): readonly Person[] {
  return people.filter((p) => p.active && p.role !== 'cashier');
}
