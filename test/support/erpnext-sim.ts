import { createErpnextClient, type ErpnextClient } from '@shopsync/erpnext-client';
import { createErpnextSimulator, type ErpnextSimulator, type ErpnextSimulatorOptions } from '@shopsync/simulators';

export const SIM_KEY = 'sim-key';
export const SIM_SECRET = 'sim-secret';
export const TOKEN = `token ${SIM_KEY}:${SIM_SECRET}`;

export interface RunningSim {
  readonly sim: ErpnextSimulator;
  readonly url: string;
  readonly client: ErpnextClient;
  /** Raw HTTP, to assert bytes on the wire rather than what the client makes of them. */
  raw(method: string, path: string, options?: { body?: string; headers?: Record<string, string> }): Promise<{ status: number; text: string; json: Record<string, unknown> }>;
}

/** An in-process simulator on an ephemeral loopback port, with a client and a raw fetch. */
export async function startSim(options: Partial<ErpnextSimulatorOptions> = {}): Promise<RunningSim> {
  const sim = createErpnextSimulator({ apiKey: SIM_KEY, apiSecret: SIM_SECRET, ...options });
  const { url } = await sim.listen(0);
  const client = createErpnextClient({ baseUrl: url, apiKey: SIM_KEY, apiSecret: SIM_SECRET, sleep: async () => undefined });
  return {
    sim,
    url,
    client,
    async raw(method, path, { body, headers = {} } = {}) {
      const response = await fetch(url + path, {
        method,
        headers: { Authorization: TOKEN, Accept: 'application/json', ...(body === undefined ? {} : { 'Content-Type': 'application/json' }), ...headers },
        ...(body === undefined ? {} : { body }),
      });
      const text = await response.text();
      let json: Record<string, unknown> = {};
      try {
        json = JSON.parse(text) as Record<string, unknown>;
      } catch {
        json = {};
      }
      return { status: response.status, text, json };
    },
  };
}

/** `_server_messages` decoded the way a Frappe client must: JSON.parse twice. */
export function serverMessages(json: Record<string, unknown>): Array<Record<string, unknown>> {
  const outer = JSON.parse(String(json._server_messages ?? '[]')) as string[];
  return outer.map((entry) => JSON.parse(entry) as Record<string, unknown>);
}
