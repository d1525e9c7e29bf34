// Generated from schemas/ by ra-sales; do not edit: change the schema and run `pnpm gen`.
import * as leads from './leads.js';
import * as customers from './customers.js';
import * as contacts from './contacts.js';
import * as feedback_items from './feedback_items.js';
import * as opportunities from './opportunities.js';
import * as visit_plans from './visit_plans.js';
import * as channels from './channels.js';
import * as forecasts from './forecasts.js';
import * as quotes from './quotes.js';
import * as contracts from './contracts.js';
import * as sales_orders from './sales_orders.js';
import * as deliveries from './deliveries.js';
import * as invoice_requests from './invoice_requests.js';
import * as collections from './collections.js';
import * as contract_amendments from './contract_amendments.js';
import * as credit_sales from './credit_sales.js';
import * as instalment_plans from './instalment_plans.js';
import * as sales_returns from './sales_returns.js';
import * as complaints from './complaints.js';
import * as satisfaction_surveys from './satisfaction_surveys.js';
import * as service_requests from './service_requests.js';
import * as budgets from './budgets.js';
import * as price_policies from './price_policies.js';
import * as products from './products.js';
import * as promotions from './promotions.js';
import * as quotas from './quotas.js';
import * as sales_plans from './sales_plans.js';
import * as territories from './territories.js';
import * as expense_claims from './expense_claims.js';
import * as performance_reviews from './performance_reviews.js';
import * as salespeople from './salespeople.js';
import * as teams from './teams.js';
import * as training_plans from './training_plans.js';

/** Every resource's screens, for `salesResources(model, { overrides: screens })`. */
export const screens = {
  'leads': leads,
  'customers': customers,
  'contacts': contacts,
  'feedback_items': feedback_items,
  'opportunities': opportunities,
  'visit_plans': visit_plans,
  'channels': channels,
  'forecasts': forecasts,
  'quotes': quotes,
  'contracts': contracts,
  'sales_orders': sales_orders,
  'deliveries': deliveries,
  'invoice_requests': invoice_requests,
  'collections': collections,
  'contract_amendments': contract_amendments,
  'credit_sales': credit_sales,
  'instalment_plans': instalment_plans,
  'sales_returns': sales_returns,
  'complaints': complaints,
  'satisfaction_surveys': satisfaction_surveys,
  'service_requests': service_requests,
  'budgets': budgets,
  'price_policies': price_policies,
  'products': products,
  'promotions': promotions,
  'quotas': quotas,
  'sales_plans': sales_plans,
  'territories': territories,
  'expense_claims': expense_claims,
  'performance_reviews': performance_reviews,
  'salespeople': salespeople,
  'teams': teams,
  'training_plans': training_plans,
};
