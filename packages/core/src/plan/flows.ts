/** The flows an operator switches on one at a time (DESIGN §7); which topic is in which is topics/topic-registry.ts. */
export const FLOWS = ['orders', 'customers', 'inventory', 'fulfillment'] as const;
export type Flow = (typeof FLOWS)[number];

/** live: plan and write; shadow: plan and record the plan as evidence, write nothing; off: skip. */
export const FLOW_MODES = ['live', 'shadow', 'off'] as const;
export type FlowMode = (typeof FLOW_MODES)[number];
