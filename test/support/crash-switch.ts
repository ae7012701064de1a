import type { Store } from '@shopsync/runner';

/** Thrown where the process "dies": nothing after it may reach the store. */
export class SimulatedCrash extends Error {
  constructor() {
    super('simulated crash');
    this.name = 'SimulatedCrash';
  }
}

/**
 * Models a process kill at a chosen point: after `trip()`, every store call throws, so the worker can
 * neither record the operation nor settle or park the event — exactly what a SIGKILL leaves behind.
 */
export class CrashSwitch {
  tripped = false;

  trip(): void {
    this.tripped = true;
  }

  guard(store: Store): Store {
    return new Proxy(store, {
      get: (target, property, receiver) => {
        const value = Reflect.get(target, property, receiver) as unknown;
        if (typeof value !== 'function') return value;
        return (...args: unknown[]) => {
          if (this.tripped) return Promise.reject(new SimulatedCrash());
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      },
    });
  }
}
