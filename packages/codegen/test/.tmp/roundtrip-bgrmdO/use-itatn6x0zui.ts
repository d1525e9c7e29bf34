
      import type { OpportunityInput, OpportunityStage } from './types.js';
      const o: OpportunityInput = { name: 'x', customer_id: 1, win_theme: 'price', stage: 'technical_review' };
      const s: OpportunityStage = 'technical_review';
      export { o, s };
    