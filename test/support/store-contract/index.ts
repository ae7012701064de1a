export { storeContract } from './store-contract';
export { DAY, LEASE, T0, at, delivery, mapping, type MakeStore } from './contract-steps';
export { inboxContract } from './inbox-contract';
export { claimContract } from './claim-contract';
export { ledgerContract } from './ledger-contract';
export { operatorActionContract, operatorQueryContract } from './operator-contract';
export { mirrorContract } from './mirror-contract';
export { lifecycleContract, retentionContract } from './upkeep-contract';
export { mootFailuresContract } from './moot-contract';
