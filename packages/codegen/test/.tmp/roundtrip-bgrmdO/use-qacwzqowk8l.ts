
      import type { Opportunity, CustomerId } from './types.js';
      export const id = (o: Opportunity): CustomerId => o.customer_id;
    