
      import type { OpportunityInput } from './types.js';
      export const o: OpportunityInput = { name: 'x', customer_id: 1, bid_strategy: 'low price' };
    