import { createMemoryStore } from '@shopsync/runner';
import { storeContract } from './support/store-contract';

describe('the in-memory store fake keeps the Store contract', () => {
  storeContract(() => createMemoryStore());
});
