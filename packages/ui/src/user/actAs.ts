/**
 * The demo's "act as another salesperson": the chosen salesperson is kept in the browser
 * (localStorage) and sent as `X-Sales-User` with every request by the data provider it is given
 * to. Only a server started with `demoUsers` reads that header; a host with its own sign-in never
 * wires this, and the user menu then offers no switch.
 *
 *   const actAs = demoActAs();
 *   const dataProvider = { ...createSalesDataProvider('/api', { model, user: actAs.user }), ...actAs.methods };
 */
import type { Identifier } from 'react-admin';

export const ACT_AS_STORAGE_KEY = 'ra-sales.act-as';

/** The data provider methods the user menu finds the demo by. */
export interface ActAsApi {
  /** The salesperson requests are sent as; `null`: the demo's own user. */
  getActingUser(): Promise<{ data: Identifier | null }>;
  setActingUser(id: Identifier | null): Promise<{ data: Identifier | null }>;
}

/** Where the choice is kept: the browser's localStorage, or nothing where there is none (a server render). */
function defaultStorage(): Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined;
  }
}

export function demoActAs(storage = defaultStorage()): { user: () => Identifier | null; methods: ActAsApi } {
  let memory: Identifier | null = null;
  const user = (): Identifier | null => {
    const kept = storage ? storage.getItem(ACT_AS_STORAGE_KEY) : memory;
    return kept == null || kept === '' ? null : kept;
  };
  return {
    user,
    methods: {
      getActingUser: async () => ({ data: user() }),
      setActingUser: async (id) => {
        if (storage) {
          if (id == null) storage.removeItem(ACT_AS_STORAGE_KEY);
          else storage.setItem(ACT_AS_STORAGE_KEY, String(id));
        } else memory = id;
        return { data: user() };
      },
    },
  };
}
