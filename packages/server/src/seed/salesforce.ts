import type { SalesModel } from '@ra-sales/schema';
import { usersOf } from '../router/resources.js';

export const TEAM_COUNT = 2;

const OVERSIGHT_ROLES = ['sales_director', 'general_manager', 'finance', 'legal', 'warehouse', 'service_engineer', 'analyst', 'hr'];

export interface SalesforceMember {
  id: number;
  role: string;
  /** 1-based team number; null for the admin. */
  team: number | null;
}

/**
 * The demo sales force: salesperson 1 is the admin, 2 and 3 manage a team each, reps (and
 * pre-sales / assistants when the model has those roles) fill the teams, then one person per
 * other role of the model (director, general manager, finance, …) outside the teams.
 */
export interface Salesforce {
  members: SalesforceMember[];
  /** Ids of the sales reps: the owners of records. */
  repIds: number[];
  /** Manager id per team number. */
  managerIds: number[];
  /** Everyone but the admin. */
  staffIds: number[];
}

/** The roles the users entity's role field offers (model.json `users`). */
function roleOptions(model: SalesModel): string[] {
  const users = usersOf(model);
  const role = users?.entity.fields.find((field) => field.name === users.roleField);
  return role?.options?.map((option) => option.value) ?? [];
}

export function planSalesforce(model: SalesModel, scale: number): Salesforce {
  const options = roleOptions(model);
  const role = (wanted: string, fallback: string) => (options.length === 0 || options.includes(wanted) ? wanted : fallback);
  const admin = role('admin', options[0] ?? 'admin');
  const manager = role('sales_manager', admin);
  const rep = role('sales_rep', options[options.length - 1] ?? 'sales_rep');
  const supportRoles = ['presales', 'sales_assistant'].filter((wanted) => options.includes(wanted));
  const repsPerTeam = Math.max(3, Math.round(4 * Math.sqrt(scale)));

  const members: SalesforceMember[] = [{ id: 1, role: admin, team: null }];
  for (let team = 1; team <= TEAM_COUNT; team++) members.push({ id: members.length + 1, role: manager, team });
  for (let team = 1; team <= TEAM_COUNT; team++) {
    for (let i = 0; i < repsPerTeam; i++) members.push({ id: members.length + 1, role: rep, team });
    for (const support of supportRoles) members.push({ id: members.length + 1, role: support, team });
  }
  // One person for each role that approves or executes outside the teams, so every approval has someone to decide it.
  for (const oversight of OVERSIGHT_ROLES.filter((wanted) => options.includes(wanted))) {
    members.push({ id: members.length + 1, role: oversight, team: null });
  }
  return {
    members,
    repIds: members.filter((member) => member.role === rep && member.team !== null).map((member) => member.id),
    managerIds: members.filter((member) => member.role === manager && member.team !== null).map((member) => member.id),
    staffIds: members.filter((member) => member.id !== 1).map((member) => member.id),
  };
}
