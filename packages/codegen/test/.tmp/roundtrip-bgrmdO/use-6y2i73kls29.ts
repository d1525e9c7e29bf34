
      import type { OpportunityStage } from './types.js';
      export const s: OpportunityStage = 'tendering';
    